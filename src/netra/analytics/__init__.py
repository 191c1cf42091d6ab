"""Statistics over cases as pure domain code: filters, position groups, election-stage windows, small-cell
suppression, overdue cut-offs and medians. The queries themselves live in ``netra.services.analytics``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, fields, replace
from datetime import date

from netra.analytics import positions, standing
from netra.analytics.clocks import Cutoff, cutoffs
from netra.analytics.positions import position_group
from netra.analytics.suppression import (
    THRESHOLD, Cell, protect, suppress, suppress_hierarchy, suppress_table, suppressed_value,
)
from netra.elections import Elections, load_elections

from netra.analytics.standing import FUNNEL

CHANNELS = ("social_media", "offline")
ORIGINS = ("report", "finding")


@dataclass(frozen=True)
class Filters:
    """What a dashboard or public query is narrowed to; None means 'all'. Dates are event dates, inclusive."""

    election: str | None = None
    region: str | None = None  # a province ("33") or regency/city ("33.20") code
    stage: str | None = None  # a stage id of the election calendar ("campaign"); the event date falls inside it
    family: str | None = None
    channel: str | None = None
    origin: str | None = None
    position: str | None = None  # a position group id
    date_from: date | None = None
    date_to: date | None = None
    # The stage's date windows in the calendars in force (clean_filters fills it); None: look them up in the
    # packaged calendars.
    windows: tuple["StageWindow", ...] | None = field(default=None, compare=False, repr=False)

    def as_dict(self) -> dict[str, str]:
        return {f.name: str(getattr(self, f.name)) for f in fields(self)
                if f.name != "windows" and getattr(self, f.name) is not None}

    def without(self, *names: str) -> "Filters":
        return replace(self, **{n: None for n in names})


def clean_filters(raw: dict[str, str | None], *, families: Iterable[str], elections: Elections | None = None,
                  region_codes: Iterable[str] | None = None) -> Filters:
    """Filters from query parameters; unknown values are dropped rather than failing, so a stale bookmark still
    shows the dashboard (with the filter visibly not applied)."""
    elections = elections or load_elections()

    def pick(name, allowed):
        value = (raw.get(name) or "").strip()
        return value if value and value in allowed else None

    def day(name):
        try:
            return date.fromisoformat((raw.get(name) or "").strip())
        except ValueError:
            return None

    stage_ids = {s.id for e in elections for s in e.stages}
    election, stage = pick("election", {e.id for e in elections}), pick("stage", stage_ids)
    return Filters(
        election=election,
        region=pick("region", set(region_codes)) if region_codes is not None else (raw.get("region") or None),
        stage=stage,
        family=pick("family", set(families)),
        channel=pick("channel", set(CHANNELS)),
        origin=pick("origin", set(ORIGINS)),
        position=pick("position", set(positions.IDS)),
        date_from=day("date_from"),
        date_to=day("date_to"),
        windows=tuple(stage_windows(stage, election, elections)) if stage else None,
    )


@dataclass(frozen=True)
class StageWindow:
    election: str
    stage: str
    start: date
    end: date


def stage_windows(stage_id: str, election_id: str | None = None, elections: Elections | None = None) -> list[StageWindow]:
    """Where a stage lies on each election's calendar (one window per election that has it)."""
    elections = elections or load_elections()
    return [StageWindow(e.id, s.id, s.start, s.end) for e in elections for s in e.stages
            if s.id == stage_id and (election_id is None or e.id == election_id)]


def stage_options(elections: Elections | None = None) -> list[tuple[str, str, str]]:
    """(stage id, Indonesian name, English name) for the stage filter, in calendar order, each id once."""
    elections = elections or load_elections()
    seen: dict[str, tuple[str, str, str]] = {}
    for e in elections:
        for s in e.stages:
            seen.setdefault(s.id, (s.id, s.name.id, s.name.en))
    return list(seen.values())


def median_of_tenths(histogram: dict[int, int]) -> float | None:
    """Median in days of durations counted in tenths of a day, given as {tenths: number of cases}; None if empty.
    Exact (the mean of the two middle values for an even count), so any database's GROUP BY gives the same."""
    total = sum(histogram.values())
    if total <= 0:
        return None
    wanted = (total - 1) // 2, total // 2  # 0-based positions of the middle value(s)
    found: list[int] = []
    seen = 0
    for value in sorted(histogram):
        n = histogram[value]
        found += [value for position in wanted if seen <= position < seen + n]
        seen += n
        if len(found) == 2:
            break
    return round(sum(found) / 20, 1)


__all__ = [
    "CHANNELS", "FUNNEL", "ORIGINS", "THRESHOLD", "Cell", "Cutoff", "Filters", "StageWindow",
    "clean_filters", "cutoffs", "median_of_tenths", "position_group", "positions", "stage_options", "standing", "stage_windows",
    "protect", "suppress", "suppress_hierarchy", "suppress_table", "suppressed_value",
]
