"""Where a case stands ("posisi perkara"): the one definition every published figure uses.

Every statistic that sorts cases by how far they got (the position table, the funnel, the maps' and the API's
breakdowns) derives from ``standing``, so two figures can never disagree about the same case. The rules:

- A case that ever had a sanction imposed counts as sanctioned, whatever happened after: closing a case does not
  undo its sanction (the issue that showed "Sanksi dijatuhkan 62" beside a funnel of 604 counted those as ended).
- An ended case (not registered, not a violation, forwarded, closed) is told apart by how far it got before it
  ended, so the groups also partition the funnel: every funnel step is a sum of groups (``reached``).

The groups partition the cases; within a group, the current statuses partition it again (``STATUSES``), which is
what the nested status table shows.
"""

from __future__ import annotations

from dataclasses import dataclass

from netra.cases.labels import Label

# The funnel a leader reads: how many cases reached each step (each includes the later ones).
FUNNEL = ("reported", "registered", "recommended", "sanctioned")


@dataclass(frozen=True)
class Group:
    id: str
    label: Label
    reached: str  # the furthest funnel step every case of the group reached
    statuses: tuple[str, ...]  # the current statuses its cases can be in
    open: bool  # still being handled (as opposed to ended)


GROUPS: tuple[Group, ...] = (
    Group("awaiting_registration", Label("Menunggu registrasi", "Awaiting registration"), "reported",
          ("received",), True),
    Group("with_bawaslu", Label("Dalam penanganan Bawaslu", "Being handled by Bawaslu"), "registered",
          ("registered", "under_review"), True),
    Group("with_bkn", Label("Di BKN", "With BKN"), "recommended",
          ("recommended_to_bkn", "verified_by_bkn", "validated_by_bawaslu"), True),
    Group("with_ppk", Label("Di PPK (menunggu sanksi)", "With the PPK (awaiting sanction)"), "recommended",
          ("sent_to_ppk", "not_followed_up", "personnel_data_blocked"), True),
    Group("sanctioned", Label("Sanksi dijatuhkan", "Sanction imposed"), "sanctioned",
          ("sanction_imposed", "closed"), False),
    Group("not_registered", Label("Selesai: tidak diregistrasi", "Ended: not registered"), "reported",
          ("not_registered", "closed"), False),
    Group("ended_after_review", Label("Selesai setelah kajian (bukan pelanggaran/diteruskan)",
                                      "Ended after review (not a violation or forwarded)"), "registered",
          ("not_a_violation", "forwarded", "closed"), False),
    Group("ended_after_recommendation", Label("Selesai setelah rekomendasi, tanpa sanksi",
                                              "Ended after a recommendation, without sanction"), "recommended",
          ("not_a_violation", "closed"), False),
)
BY_ID = {g.id: g for g in GROUPS}
IDS = tuple(g.id for g in GROUPS)
_ENDED = {"not_registered", "not_a_violation", "forwarded", "closed"}


def standing(status: str, registered: bool, recommended: bool, sanctioned: bool) -> str:
    """The group of a case from its current status and the steps its history reached."""
    if sanctioned:
        return "sanctioned"
    if status in _ENDED:
        return "ended_after_recommendation" if recommended else "ended_after_review" if registered else "not_registered"
    for group in GROUPS[:4]:
        if status in group.statuses:
            return group.id
    raise ValueError(f"unknown case status {status!r}")


def status_key(group: str, status: str) -> str:
    """The key of a (group, current status) row of the nested status table, e.g. 'sanctioned:closed'."""
    return f"{group}:{status}"


STATUSES: tuple[tuple[str, str], ...] = tuple((g.id, s) for g in GROUPS for s in g.statuses)


def reached(counts_by_group: dict[str, int]) -> dict[str, int]:
    """Cases that reached each funnel step, from counts by group (a step counts every later step too)."""
    order = {step: i for i, step in enumerate(FUNNEL)}
    return {step: sum(n for g, n in counts_by_group.items() if order[BY_ID[g].reached] >= order[step])
            for step in FUNNEL}


def label(group_id: str) -> Label:
    return BY_ID[group_id].label if group_id in BY_ID else Label(group_id, group_id)


__all__ = ["FUNNEL", "GROUPS", "IDS", "STATUSES", "Group", "label", "reached", "standing", "status_key"]
