"""Election stage on a date, from the one calendar (``netra.elections.calendar``).

``StageResolver.resolve(day, region, election_hint)`` returns what the calendar answers for the item's date and
region (``StageInfo``: ``label`` "<election id>:<stage id>", e.g. ``"pilkada2024:campaign"``, the two calendar facts
the rulebook's periods need, and the election kind), preferring the election the matched candidate's registry id
starts with (``pilkada2024`` for ``pilkada2024-bupati-33.20``). Without a date, or without calendars, the stage is
unknown (``None``) and rules are not filtered by period.
"""

from __future__ import annotations

import datetime as dt

from netra.elections.calendar import Calendar, StageInfo


class StageResolver:
    def __init__(self, elections=None):
        self.elections = elections
        self.calendar = Calendar(elections) if elections is not None else None
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
        if day is None or self.calendar is None:
            return None
        key = (day, region, election_hint)
        if key in self._cache:
            return self._cache[key]
        try:
            info = self.calendar.on(day, region, hint=election_hint)
        except Exception:  # a calendar that cannot answer leaves the stage unknown, as without calendars
            info = None
        if len(self._cache) > 50_000:
            self._cache.clear()
        self._cache[key] = info
        return info


__all__ = ["StageInfo", "StageResolver"]
