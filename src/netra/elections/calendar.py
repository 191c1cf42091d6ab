"""The one answer to "which election, stage and period applies on this day in this region".

Screening (a post's date and region), guidance (a question's date) and the case workflow (a case's election id,
for its legal clocks) all ask here. An election id nobody knows is an error, never a guess: a Pilkada clock on a
Pemilu case would mislead every deadline shown.

Choosing the election for a day: the elections that apply to the region and are running that day, or start
within a year of it (bakal calon are active before registration), or ended within two months; a hint (an
election kind, "pilkada"/"pemilu", or a registry id that starts with the election id, "pilkada2024-bupati-33.20")
picks among them first, then a running election over one that is not, a named stage over a gap between stages,
the nearest, the earliest. Further from every election, the stage is unknown (None): no period is assumed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from netra.elections.model import Election, Elections
from netra.rulebook.model import LocalizedText

NEAR_BEFORE = timedelta(days=365)
NEAR_AFTER = timedelta(days=60)


class UnknownElection(LookupError):
    """An election id that is not in the calendars in force; the message says so in Indonesian."""

    def __init__(self, election_id: str, known: tuple[str, ...] = ()):
        self.election_id = election_id
        choices = f" Pemilihan yang dikenal: {', '.join(known)}." if known else ""
        super().__init__(f"Pemilihan '{election_id}' tidak dikenal dalam kalender yang berlaku.{choices}")


@dataclass(frozen=True)
class StageInfo:
    """What is known about the election stage of a day: from a date and the calendars (``source="date"``), or
    only the period, from words such as "masa kampanye" (``source="phrase"``, no election)."""

    source: str
    candidates_set: bool | None
    in_campaign: bool | None
    day: date | None = None
    election_id: str | None = None
    election_name: LocalizedText | None = None
    stage_id: str | None = None
    stage_name: LocalizedText | None = None
    kind: str | None = None  # "pilkada" or "pemilu": which statute (UU 10/2016 or UU 7/2017) governs it

    @property
    def label(self) -> str | None:
        """"pilkada2024:campaign"."""
        return f"{self.election_id}:{self.stage_id}" if self.election_id else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "candidates_set": self.candidates_set,
            "in_campaign": self.in_campaign,
            "day": self.day.isoformat() if self.day else None,
            "election_id": self.election_id,
            "election_name": vars(self.election_name) if self.election_name else None,
            "stage_id": self.stage_id,
            "stage_name": vars(self.stage_name) if self.stage_name else None,
        }


def stage_info(election: Election, day: date) -> StageInfo:
    """Where `day` stands in `election` (an off-schedule stage outside its dates)."""
    stage = election.stage_on(day)
    return StageInfo(source="date", candidates_set=election.candidates_set(day), in_campaign=election.in_campaign(day),
                     day=day, election_id=election.id, election_name=election.name, stage_id=stage.id,
                     stage_name=stage.name, kind=election.kind.value)


class Calendar:
    def __init__(self, elections: Elections):
        self.elections = elections

    def election(self, election_id: str) -> Election:
        found = self.elections.get(election_id)
        if found is None:
            raise UnknownElection(election_id, tuple(e.id for e in self.elections))
        return found

    def kind(self, election_id: str) -> str:
        """"pilkada" or "pemilu": which legal clocks and statute a case of this election follows."""
        return self.election(election_id).kind.value

    def election_on(self, day: date, region: str | None = None, hint: str | None = None) -> Election | None:
        """The election `day` (in `region`, when given) concerns; see the module docstring for the choice."""
        def matches(e: Election) -> bool:
            return bool(hint) and (hint == e.kind.value or hint.startswith(e.id))

        def distance(e: Election) -> timedelta:
            return max(e.first_day - day, day - e.last_day, timedelta(0))

        near = [e for e in self.elections
                if (region is None or e.applies_to_region(region))
                and e.first_day - NEAR_BEFORE <= day <= e.last_day + NEAR_AFTER]
        if not near:
            return None
        return min(near, key=lambda e: (not matches(e), not e.is_running(day), not e.stage_on(day).scheduled,
                                        distance(e), e.first_day))

    def on(self, day: date, region: str | None = None, *, election_id: str | None = None,
           hint: str | None = None) -> StageInfo | None:
        """The stage and period of `day`: in `election_id` when given (an unknown id raises UnknownElection),
        else in the election the day concerns (None when none is near)."""
        election = self.election(election_id) if election_id else self.election_on(day, region, hint)
        return stage_info(election, day) if election is not None else None


__all__ = ["NEAR_AFTER", "NEAR_BEFORE", "Calendar", "StageInfo", "UnknownElection", "stage_info"]
