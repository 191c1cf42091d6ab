"""A structured reading of a "Bolehkah?" question: who acts, what they do, towards whom, under which conditions,
and whether the asker asks about their own act. Each slot is filled from general cues (the lexicon's concepts,
``data/lexicon.yaml``, and the closed act table ``data/acts.yaml``), never from one question's wording, so the
engine's ranking and verdict can be checked against the rulebook slot by slot (``Reading.families``: the rulebook
families the act can fall under; the engine prefers rules of those families that bind the status).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from netra.guidance.model import Pattern, Verdict
from netra.guidance.patterns import read_yaml
from netra.guidance.text import Analysis
from netra.rulebook import Family

DATA_DIR = Path(__file__).resolve().parent / "data"

# target slot: a contestant named, or an explicitly neutral / absent one
_PARTISAN = frozenset({"candidate", "precandidate", "winteam", "party", "party_membership", "hand_sign", "support"})
_NEUTRAL = frozenset({"neutral", "no_mention", "election_body", "gov_account", "election_material"})
# acts that make a photo public or a sign of support: negated ("ga diupload", "tanpa pose jari"), the photo's
# verdict turns on what is done with it
_PUBLISHING = frozenset({"post", "share", "hand_sign", "social_media"})
_SHOWN_SUPPORT = frozenset({"post", "share", "hand_sign", "support", "attribute", "props", "active_support"})
# condition slot: concept -> the condition it states
_CONDITIONS = {
    "leave": "on_leave", "campaign_leave": "incumbent_on_leave", "cltn": "resigned_or_cltn",
    "no_cltn": "not_resigned", "official_invitation": "official_invitation", "invited": "invited",
    "official_event": "official_event", "duty": "official_duty", "passive": "passive",
    "active_support": "active_support", "no_attribute": "no_attributes", "no_photo": "no_photo",
    "minister_approval": "minister_approval", "no_approval": "no_approval", "window_phrase": "stage_named",
    "private": "private_choice", "refuse": "refusal", "added_by_others": "added_by_others",
}


@dataclass(frozen=True)
class ActType:
    id: str
    cues: frozenset[str]
    families: tuple[Family, ...]
    serves_election: bool = False
    partisan: bool = False
    unless: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Acts:
    """The act table (data/acts.yaml): the act types, in the order they are tried, and the settings."""

    types: tuple[ActType, ...]
    settings: frozenset[str]
    own_answers: frozenset[str]  # concepts of allowed answers a partisan word does not override


@dataclass(frozen=True)
class Reading:
    status: str | None  # who acts (status.py), None when the question does not say
    act: str | None  # an ActType id, None when no act cue was found
    families: tuple[Family, ...]  # the rulebook families the act can fall under (empty: none or unknown)
    target: str  # "partisan" (a candidate, party, team, ballot number), "neutral" or "none"
    conditions: frozenset[str]
    own_act: bool  # False when the act is someone else's ("kakak saya nyalon") or refused ("saya menolak")
    serves_election: bool = False
    partisan_act: bool = False  # an act that favours whom it aims at, aimed at a contestant

    def slots(self) -> dict[str, object]:
        """The reading as plain values (API, CLI, tests)."""
        return {"status": self.status, "act": self.act, "families": [f.value for f in self.families],
                "target": self.target, "conditions": sorted(self.conditions), "own_act": self.own_act}


def load_acts(path: Path | None = None) -> Acts:
    raw = read_yaml(path or DATA_DIR / "acts.yaml")
    return Acts(tuple(ActType(a["id"], frozenset(a["cues"]), tuple(Family(f) for f in a.get("families") or ()),
                              bool(a.get("serves_election")), bool(a.get("partisan")), frozenset(a.get("unless") or ()))
                      for a in raw["acts"]),
                frozenset(raw.get("settings") or ()), frozenset(raw.get("own_answers") or ()))


def read(analysis: Analysis, status: str | None, acts: Acts) -> Reading:
    """The slots of `analysis` (a question folded by the lexicon), its status already settled by status.py."""
    concepts = analysis.concepts
    act = next((a for a in acts.types if a.cues & concepts and not a.unless & concepts), None)
    target = "partisan" if concepts & _PARTISAN else "neutral" if concepts & _NEUTRAL else "none"
    conditions = frozenset(c for k, c in _CONDITIONS.items() if k in concepts) | (
        {"not_published"} if analysis.negated & _PUBLISHING else set())
    return Reading(status=status, act=act.id if act else None, families=act.families if act else (),
                   target=target, conditions=conditions, own_act="refusal" not in conditions,
                   serves_election=bool(act and act.serves_election),
                   partisan_act=bool(act and act.partisan and target == "partisan"))


def setting_only(pattern: Pattern, acts: Acts) -> bool:
    """Whether an allowed pattern rests on the setting alone (every group it requires names a setting)."""
    return pattern.verdict is Verdict.ALLOWED and all(group <= acts.settings for group in pattern.requires)


def overrides(reading: Reading, pattern: Pattern, acts: Acts) -> bool:
    """Decision row: a partisan act aimed at a contestant is not excused by an allowed answer about something else
    (the setting it happens in, watching, one's private choice ...): only an allowed pattern about that act itself
    (one requiring the act's own cues, e.g. liking the KPU's post) may decide."""
    if not reading.partisan_act or pattern.verdict is not Verdict.ALLOWED:
        return False
    act = next(a for a in acts.types if a.id == reading.act)
    if any(group & acts.own_answers for group in pattern.requires):
        return False
    return setting_only(pattern, acts) or not any(group & act.cues for group in pattern.requires)


def neutral_without_act(reading: Reading) -> bool:
    """Decision row: no act any rule forbids is read and what is named is neutral (voter education, a neutrality
    pledge, the KPU's own activity): allowed for every status."""
    return reading.act is None and reading.target == "neutral"


def private_photo(reading: Reading, analysis: Analysis) -> bool:
    """Decision row: a photo with a contestant that the question says is not published and shows no sign of support
    ("ga aku upload & ga pose jari"): "tergantung": allowed while it stays so, forbidden once spread as support."""
    return (reading.act == "pose" and reading.target == "partisan" and "not_published" in reading.conditions
            and not analysis.concepts & _SHOWN_SUPPORT)
