"""Overdue cases without computing every case's clock: one cut-off instant per clock, time zone and extension.

``netra.cases.status`` says whether one case is overdue. For statistics over many cases the database must answer,
so this module turns the same rule around: a clock's due instant depends only on the *local date* its start falls
on (end of local day D+N, or of the N-th working day after D), and it never moves earlier when D moves later. So,
at a given moment, a clock is overdue exactly when its start is before the first instant of local day D_max + 1,
where D_max is the last start date whose due instant has passed. ``cutoffs`` finds D_max with the domain's own
``due_at`` (same calendars, same working days), so the database filter ``started_at < cutoff`` agrees with
``netra.cases.status`` case by case (tests check that on stored cases).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from netra.cases import ClockRule, DeadlineRules, State, default_rules, due_at, end_of_day, soon_limit
from netra.regions.model import TimeZone

ZONES = {z.value: z.zoneinfo.key for z in TimeZone}


@dataclass(frozen=True)
class Cutoff:
    rule: ClockRule
    zone: str  # WIB, WITA or WIT
    extended: bool
    before: datetime  # the clock is overdue when it started before this instant
    last_day: date  # ... that is, on or before this local start date
    soon_last_day: date  # due soon (netra.cases.status) when it started after last_day and on or before this day


def _local_noon(day: date, tz_name: str) -> datetime:
    return datetime.combine(day, time(12), tzinfo=ZoneInfo(tz_name))


def last_overdue_start_day(rule: ClockRule, tz_name: str, now: datetime, extended: bool,
                           rules: DeadlineRules) -> date:
    """The latest local start date whose due instant is already past at `now`."""
    day = now.astimezone(ZoneInfo(tz_name)).date()
    for _ in range(400):  # N days plus weekends and holidays: far fewer steps in practice
        if due_at(_local_noon(day, tz_name), rule, tz_name, extended=extended, calendar=rules.calendar) < now:
            return day
        day -= timedelta(days=1)
    raise ValueError(f"clock {rule.id}: no overdue start date within 400 days of {now}")  # pragma: no cover


def last_due_soon_start_day(rule: ClockRule, tz_name: str, now: datetime, extended: bool,
                            rules: DeadlineRules) -> date:
    """The latest local start date whose due day is no later than the due-soon limit of `now`'s local day."""
    limit = soon_limit(now.astimezone(ZoneInfo(tz_name)).date(), rule, rules)
    day = limit
    for _ in range(400):
        if due_at(_local_noon(day, tz_name), rule, tz_name, extended=extended, calendar=rules.calendar).date() <= limit:
            return day
        day -= timedelta(days=1)
    raise ValueError(f"clock {rule.id}: no due-soon start date within 400 days of {now}")  # pragma: no cover


def cutoffs(now: datetime, rules: DeadlineRules | None = None) -> list[Cutoff]:
    """Every (clock, zone, extended) cut-off at `now`. Extended variants exist only for clocks with an extension."""
    rules = rules or default_rules()
    out = []
    for rule in rules.clocks:
        for zone, tz_name in ZONES.items():
            for extended in ((False, True) if rule.extension_days else (False,)):
                day = last_overdue_start_day(rule, tz_name, now, extended, rules)
                first_instant_next = end_of_day(day, tz_name) + timedelta(microseconds=1)
                soon = last_due_soon_start_day(rule, tz_name, now, extended, rules)
                out.append(Cutoff(rule, zone, extended, first_instant_next, day, soon))
    return out


def running_states(rules: DeadlineRules | None = None) -> dict[str, frozenset[State]]:
    """Clock id (per election kind) -> states in which it runs."""
    rules = rules or default_rules()
    return {f"{r.election_kind}:{r.id}": r.runs_in for r in rules.clocks}


__all__ = ["ZONES", "Cutoff", "cutoffs", "last_due_soon_start_day", "last_overdue_start_day", "running_states"]
