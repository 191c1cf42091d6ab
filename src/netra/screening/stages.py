"""Election stage on a date, from ``netra.elections`` (the packaged Pilkada 2024 / Pemilu 2024 calendars).

``StageResolver.resolve(day, region, election_hint)`` returns the stage of the election that applies to the
item's region on that day, as ``"<election id>:<stage id>"`` (e.g. ``"pilkada2024:campaign"``), plus the two
calendar facts the rulebook's periods need (candidates set? in the campaign?). When several elections run, the
one whose id starts the matched candidate's registry election id is preferred (``pilkada2024`` for
``pilkada2024-bupati-33.20``), then a scheduled stage over an off-schedule one. Without a date, or without the
elections module, the stage is unknown (``None``) and rules are not filtered by period.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class StageInfo:
    label: str
    election: str
    stage: str
    candidates_set: bool | None
    in_campaign: bool | None
    kind: str | None = None  # "pilkada" or "pemilu": which statute (UU 10/2016 or UU 7/2017) governs it


class StageResolver:
    def __init__(self, elections=None):
        self.elections = elections
        self._cache: dict[tuple, StageInfo | None] = {}

    @classmethod
    def packaged(cls) -> StageResolver:
        try:
            from netra.elections import load_elections
        except ImportError:  # the calendars are optional for screening
            return cls(None)
        try:
            return cls(load_elections())
        except Exception:  # broken calendar data must not stop screening; stages stay unknown
            return cls(None)

    def resolve(self, day: dt.date | None, region: str | None, election_hint: str | None = None) -> StageInfo | None:
        if day is None or self.elections is None:
            return None
        key = (day, region, election_hint)
        if key in self._cache:
            return self._cache[key]
        info = self._resolve(day, region, election_hint)
        if len(self._cache) > 50_000:
            self._cache.clear()
        self._cache[key] = info
        return info

    def _resolve(self, day: dt.date, region: str | None, hint: str | None) -> StageInfo | None:
        try:
            active = list(self.elections.stages_on(day, region))
            if not active:
                # up to a year before an election starts (pre-registration: bakal calon, KTP support) or two
                # months after it ends, report the off-schedule stage; further away the stage is unknown
                active = [a for a in self.elections.stages_on(day, region, include_off_schedule=True)
                          if _near(a.election, day)]
        except Exception:
            return None
        if not active:
            return None

        def rank(a) -> tuple:
            matches_hint = bool(hint) and hint.startswith(a.election.id)
            return (not matches_hint, not getattr(a.stage, "scheduled", True), a.election.first_day)

        best = sorted(active, key=rank)[0]
        election, stage = best.election, best.stage
        try:
            cands = election.candidates_set(day)
        except Exception:
            cands = None
        try:
            campaign = election.in_campaign(day)
        except Exception:
            campaign = None
        kind = getattr(getattr(election, "kind", None), "value", None)
        return StageInfo(f"{election.id}:{stage.id}", election.id, stage.id, cands, campaign, kind)


def _near(election, day: dt.date) -> bool:
    try:
        first, last = election.first_day, election.last_day
    except Exception:
        return False
    return first - dt.timedelta(days=365) <= day <= last + dt.timedelta(days=60)
