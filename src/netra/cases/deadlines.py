"""Legal clocks: when each step of a case is due, read from data an administrator can correct.

The figures come from statutes and agency practice that disagree in places (see data/deadlines.yaml), so none
is a constant in code. Days are counted on local dates of the case's region because the law counts days, not
hours: a clock started on local date D is due at the very end of the last local day it allows.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any, Mapping
from zoneinfo import ZoneInfo

import yaml

from netra.cases.labels import Label
from netra.cases.model import BAWASLU, BKN, ELECTION_KINDS, PPK, CaseState, State, require_aware
from netra.cases.table import ACTIONS, reachable
from netra.cases.workdays import DEFAULT_CALENDAR, WorkCalendar

DATA_FILE = Path(__file__).with_name("data") / "deadlines.yaml"
COUNTINGS = ("calendar", "working")


class DeadlineDataError(ValueError):
    """deadlines.yaml is malformed; the message names the entry so an administrator can fix it."""


@dataclass(frozen=True)
class ReportingRule:
    election_kind: str
    days: int
    counting: str = "calendar"
    legal_basis: str = ""
    note: str = ""
    extension_days: int = 0  # reporting windows are never extended; present so due_at treats rules alike


@dataclass(frozen=True)
class ClockRule:
    id: str
    election_kind: str
    owner: str
    label: Label
    start_states: tuple[State, ...]
    stop_states: tuple[State, ...]
    days: int
    counting: str = "calendar"
    extension_days: int = 0
    extension_action: str | None = None
    legal_basis: str = ""
    note: str = ""
    runs_in: frozenset[State] = field(default=frozenset(), compare=False)

    def __post_init__(self):
        if not self.runs_in:
            object.__setattr__(self, "runs_in", reachable(self.start_states, self.stop_states))


@dataclass(frozen=True)
class DeadlineRules:
    reporting: Mapping[str, ReportingRule]
    clocks: tuple[ClockRule, ...]
    calendar: WorkCalendar = DEFAULT_CALENDAR
    source: str = ""
    digest: str = ""  # of the data the rules were read from: what stored clocks were computed with

    def clock_for(self, state: State | str, election_kind: str) -> ClockRule | None:
        state = State(state)
        return next((c for c in self.clocks if c.election_kind == election_kind and state in c.runs_in), None)


@dataclass(frozen=True)
class ClockStatus:
    rule: ClockRule
    started_at: datetime
    due_at: datetime
    remaining: timedelta  # zero once overdue
    overdue: bool
    due_soon: bool  # not overdue, and due by the end of the next day (next working day for working-day clocks)
    days_overdue: int  # local calendar days past the due date
    extended: bool


# ---------------------------------------------------------------- loading


def _fail(where: str, problem: str):
    raise DeadlineDataError(f"deadlines.yaml, {where}: {problem}")


def _int(entry: dict, key: str, where: str, minimum: int) -> int:
    value = entry.get(key, 0 if key == "extension_days" else None)
    if not isinstance(value, int) or isinstance(value, bool) or value < minimum:
        _fail(where, f"'{key}' harus bilangan bulat >= {minimum}, bukan {value!r}")
    return value


def _counting(entry: dict, where: str) -> str:
    value = entry.get("counting", "calendar")
    if value not in COUNTINGS:
        _fail(where, f"'counting' harus salah satu dari {COUNTINGS}, bukan {value!r}")
    return value


def _states(entry: dict, key: str, where: str) -> tuple[State, ...]:
    values = entry.get(key) or []
    if isinstance(values, str):
        values = [values]
    try:
        return tuple(State(v) for v in values)
    except ValueError:
        _fail(where, f"'{key}' memuat status yang tidak dikenal: {values!r}; pilihan: {[s.value for s in State]}")


def _dates(values: Any, where: str) -> frozenset[date]:
    try:
        return frozenset(v if isinstance(v, date) else date.fromisoformat(str(v)) for v in values or [])
    except ValueError as exc:
        _fail(where, f"tanggal harus berbentuk YYYY-MM-DD ({exc})")


CLOCK_KEYS = frozenset({"id", "owner", "label_id", "label_en", "start", "stop", "days", "counting", "extension_days",
                        "extension_action", "legal_basis", "note"})
REPORTING_KEYS = frozenset({"days", "counting", "legal_basis", "note"})


def _known_keys(entry: dict, allowed: frozenset[str] | set[str], where: str) -> None:
    """A misspelt key would silently keep a default: refuse it and name it."""
    unknown = sorted(str(k) for k in entry if k not in allowed)
    if unknown:
        _fail(where, f"kunci tidak dikenal: {', '.join(unknown)}; yang dikenal: {', '.join(sorted(allowed))}")


def _clock(entry: Any, kind: str, index: int) -> ClockRule:
    where = f"{kind}.clocks[{index}]"
    if not isinstance(entry, dict):
        _fail(where, "harus berupa mapping")
    rule_id = entry.get("id") or _fail(where, "'id' wajib diisi")
    where = f"{kind}.clocks.{rule_id}"
    _known_keys(entry, CLOCK_KEYS, where)
    if entry.get("owner") not in (BAWASLU, BKN, PPK):
        _fail(where, f"'owner' harus bawaslu, bkn atau ppk, bukan {entry.get('owner')!r}")
    start = _states(entry, "start", where) or _fail(where, "'start' wajib diisi")
    extension_days = _int(entry, "extension_days", where, 0)
    action = entry.get("extension_action")
    if action is not None and action not in ACTIONS:
        _fail(where, f"'extension_action' tidak dikenal: {action!r}")
    if extension_days and action is None:
        _fail(where, "'extension_days' lebih dari 0 memerlukan 'extension_action'")
    return ClockRule(
        id=str(rule_id), election_kind=kind, owner=entry["owner"],
        label=Label(str(entry.get("label_id", rule_id)), str(entry.get("label_en", rule_id))),
        start_states=start, stop_states=_states(entry, "stop", where), days=_int(entry, "days", where, 1),
        counting=_counting(entry, where), extension_days=extension_days, extension_action=action,
        legal_basis=str(entry.get("legal_basis") or ""), note=str(entry.get("note") or ""),
    )


def parse_rules(data: Any, source: str = "") -> DeadlineRules:
    """Build and check rules from the parsed YAML: unknown states, bad counts or two clocks running in the same
    state would silently mislead every worklist, so they are refused here."""
    if not isinstance(data, dict):
        _fail("root", "harus berupa mapping")
    _known_keys(data, {"format", "calendar", *ELECTION_KINDS}, "root")
    reporting, clocks = {}, []
    for kind in ELECTION_KINDS:
        section = data.get(kind) or _fail(kind, "bagian ini wajib ada")
        if not isinstance(section, dict):
            _fail(kind, "harus berupa mapping")
        _known_keys(section, {"reporting", "clocks"}, kind)
        rep = section.get("reporting") or _fail(f"{kind}.reporting", "wajib ada")
        if not isinstance(rep, dict):
            _fail(f"{kind}.reporting", "harus berupa mapping")
        _known_keys(rep, REPORTING_KEYS, f"{kind}.reporting")
        reporting[kind] = ReportingRule(kind, _int(rep, "days", f"{kind}.reporting", 1),
                                        _counting(rep, f"{kind}.reporting"), str(rep.get("legal_basis") or ""),
                                        str(rep.get("note") or ""))
        if not isinstance(section.get("clocks") or [], list):
            _fail(f"{kind}.clocks", "harus berupa daftar")
        kind_clocks = [_clock(e, kind, i) for i, e in enumerate(section.get("clocks") or [])]
        for i, a in enumerate(kind_clocks):
            for b in kind_clocks[i + 1:]:
                if a.id == b.id or a.runs_in & b.runs_in:
                    both = sorted(s.value for s in a.runs_in & b.runs_in)
                    _fail(f"{kind}.clocks", f"'{a.id}' dan '{b.id}' bertumpuk (id sama atau berjalan di {both})")
        clocks += kind_clocks
    cal = data.get("calendar") or {}
    if not isinstance(cal, dict):
        _fail("calendar", "harus berupa mapping")
    _known_keys(cal, {"extra_days_off", "extra_working_days"}, "calendar")
    calendar = WorkCalendar(_dates(cal.get("extra_days_off"), "calendar.extra_days_off"),
                            _dates(cal.get("extra_working_days"), "calendar.extra_working_days"))
    digest = hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()
    return DeadlineRules(reporting, tuple(clocks), calendar, source, digest)


def load_rules(path: str | Path | None = None) -> DeadlineRules:
    """Load deadlines.yaml from `path` (a file, or a directory holding deadlines.yaml); None means the packaged
    defaults, read once and cached."""
    if path is None:
        return default_rules()
    path = Path(path)
    if path.is_dir():
        path = path / "deadlines.yaml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise DeadlineDataError(f"{path}: bukan YAML yang sah ({exc})") from exc
    return parse_rules(data, str(path))


@lru_cache(maxsize=1)
def default_rules() -> DeadlineRules:
    return load_rules(DATA_FILE)


# ---------------------------------------------------------------- counting


def end_of_day(day: date, tz_name: str) -> datetime:
    return datetime.combine(day, time.max, tzinfo=ZoneInfo(tz_name))


def due_at(start: datetime, rule: ClockRule | ReportingRule, tz_name: str, *, extended: bool = False,
           calendar: WorkCalendar | None = None) -> datetime:
    """The last instant allowed: the end of local day D+N, or of the N-th working day after D."""
    local_day = require_aware(start, "start").astimezone(ZoneInfo(tz_name)).date()
    days = rule.days + (rule.extension_days if extended else 0)
    if rule.counting == "working":
        due_day = (calendar or DEFAULT_CALENDAR).add_working_days(local_day, days)
    else:
        due_day = local_day + timedelta(days=days)
    return end_of_day(due_day, tz_name)


def clock_for(state: State | str, election_kind: str, rules: DeadlineRules | None = None) -> ClockRule | None:
    """The clock that runs while a case is in `state`, or None (final states, or pemilu reports not yet
    registered)."""
    return (rules or default_rules()).clock_for(state, election_kind)


@dataclass(frozen=True)
class RunningClock:
    """The clock running in a case's current state: what is stored to find overdue cases without their history."""

    rule: ClockRule
    started_at: datetime
    extended: bool


def running_clock(case: CaseState, rules: DeadlineRules | None = None) -> RunningClock | None:
    """The clock that runs in the case's state, when it started (the first entry into one of its start states)
    and whether its extension action was taken since; None when no clock runs."""
    rules = rules or default_rules()
    rule = rules.clock_for(case.state, case.election_kind)
    if rule is None:
        return None
    starts = [case.entered[s] for s in rule.start_states if s in case.entered]
    started = min(starts) if starts else case.state_since
    if started is None:
        raise ValueError(f"case {case.id}: no time recorded for entering {case.state.value}")
    done = case.performed.get(rule.extension_action) if rule.extension_action else None
    return RunningClock(rule, started, done is not None and done >= started)


def clock_status(clock: RunningClock, tz_name: str, now: datetime, rules: DeadlineRules | None = None) -> ClockStatus:
    """Where a running clock stands at `now`, in the region's zone `tz_name`."""
    require_aware(now, "now")
    rules = rules or default_rules()
    rule = clock.rule
    due = due_at(clock.started_at, rule, tz_name, extended=clock.extended, calendar=rules.calendar)
    tz = ZoneInfo(tz_name)
    today, due_day = now.astimezone(tz).date(), due.date()
    overdue = now > due
    return ClockStatus(
        rule=rule, started_at=clock.started_at, due_at=due, remaining=max(due - now, timedelta(0)), overdue=overdue,
        due_soon=not overdue and due_day <= soon_limit(today, rule, rules),
        days_overdue=(today - due_day).days if overdue else 0, extended=clock.extended,
    )


def soon_limit(today: date, rule: ClockRule, rules: DeadlineRules) -> date:
    """A clock is due soon when it is due by the end of this local day: the next day (working day for
    working-day clocks)."""
    return rules.calendar.add_working_days(today, 1) if rule.counting == "working" else today + timedelta(days=1)


def status(case: CaseState, now: datetime, rules: DeadlineRules | None = None) -> ClockStatus | None:
    """Where the case stands against its running clock at `now`; None when no clock runs."""
    require_aware(now, "now")
    clock = running_clock(case, rules)
    return clock_status(clock, case.tz_name, now, rules) if clock else None


def reporting_deadline(event_known: date | datetime, election_kind: str, tz_name: str,
                       rules: DeadlineRules | None = None) -> datetime:
    """Last instant a report about an event that became known on `event_known` may arrive."""
    rules = rules or default_rules()
    if isinstance(event_known, datetime):
        event_known = require_aware(event_known, "event_known").astimezone(ZoneInfo(tz_name)).date()
    start = datetime.combine(event_known, time(12), tzinfo=ZoneInfo(tz_name))
    return due_at(start, rules.reporting[election_kind], tz_name, calendar=rules.calendar)


def is_report_late(event_known: date | datetime, submitted_at: datetime, election_kind: str, tz_name: str,
                   rules: DeadlineRules | None = None) -> bool:
    """True when the report arrived after the reporting window; Bawaslu then does not register it."""
    return require_aware(submitted_at, "submitted_at") > reporting_deadline(event_known, election_kind, tz_name,
                                                                            rules)


@dataclass(frozen=True)
class ReportingWindow:
    """The reporting limit of one report: shown on the form, the receipt and the status page, checked by the
    completeness check, and flagged to Bawaslu when missed."""

    rule: ReportingRule
    known_on: date  # the local day the event became known
    deadline: datetime  # aware, in the region's zone
    late: bool | None  # None until the report is submitted


def reporting_window(known_on: date, election_kind: str, tz_name: str, submitted_at: datetime | None = None,
                     rules: DeadlineRules | None = None) -> ReportingWindow:
    rules = rules or default_rules()
    deadline = reporting_deadline(known_on, election_kind, tz_name, rules)
    late = None if submitted_at is None else require_aware(submitted_at, "submitted_at") > deadline
    return ReportingWindow(rules.reporting[election_kind], known_on, deadline, late)


__all__ = [
    "ClockRule", "ClockStatus", "DeadlineDataError", "DeadlineRules", "ReportingRule", "ReportingWindow",
    "RunningClock", "clock_for", "clock_status", "default_rules", "due_at", "end_of_day", "is_report_late",
    "load_rules", "parse_rules", "reporting_deadline", "reporting_window", "running_clock", "soon_limit", "status",
]
