"""Case workflow and legal clocks as pure domain code: no web, no database.

Adapters (storage, web) load a CaseState, call `apply`, and persist the new state and the TransitionRecord
with an optimistic-lock check on `version`. Deadlines come from data/deadlines.yaml.
"""

from netra.cases.deadlines import (
    ClockRule, ClockStatus, DeadlineDataError, DeadlineRules, ReportingRule, ReportingWindow, RunningClock,
    clock_for, clock_status, default_rules, due_at, end_of_day, is_report_late, load_rules, parse_rules,
    reporting_deadline, reporting_window, running_clock, soon_limit, status,
)
from netra.cases.amend import CHANNELS, FIELDS as AMENDABLE_FIELDS, MAY_CHANGE, amend
from netra.cases.events import CaseEvent, EventKind
from netra.cases.errors import (
    ActionNotAllowed, AlreadyDone, ConcurrentChange, DeadlineNotPassed, IncompleteCase, MergeRefused,
    MissingRequirement, NotInRulebook, RoleNotAllowed, UnknownAction, WorkflowError,
)
from netra.cases.substance import (
    CIVIL_SERVANTS, FACTS, SANCTION_KINDS, SANCTION_LEVELS, STATUSES, RuleFacts, SanctionOption, check_rules,
    check_sanction, missing_facts, require_complete, rules_for, sanction_options, sanction_text,
)
from netra.cases.labels import Label, describe, label
from netra.cases.merging import (
    MergeCheck, can_merge, merge, normalise_agency, normalise_name, same_person, survivor_and_absorbed,
)
from netra.cases.model import (
    ADMIN, BAWASLU, BKN, ELECTION_KINDS, PPK, ROLES, VIEWER, CaseState, ReportedPerson, State,
    TransitionRecord,
)
from netra.cases.table import (
    ACTIONS, DESTINATIONS, TRANSITIONS, Requirement, Transition, acting_roles, acting_states, reachable,
)
from netra.cases.workdays import DEFAULT_CALENDAR, WorkCalendar, national_days_off
from netra.cases.workflow import allowed_actions, apply, local_date, local_text, open_case

__all__ = [
    "AMENDABLE_FIELDS", "CHANNELS", "CIVIL_SERVANTS", "FACTS", "IncompleteCase", "MAY_CHANGE", "NotInRulebook",
    "RuleFacts", "SANCTION_KINDS", "SANCTION_LEVELS", "STATUSES", "SanctionOption", "amend", "check_rules",
    "check_sanction", "missing_facts", "require_complete", "rules_for", "sanction_options", "sanction_text",
    "ACTIONS", "ADMIN", "BAWASLU", "BKN", "DEFAULT_CALENDAR", "DESTINATIONS", "ELECTION_KINDS", "PPK", "ROLES",
    "TRANSITIONS", "VIEWER", "ActionNotAllowed", "AlreadyDone", "CaseEvent", "CaseState", "ClockRule", "acting_roles",
    "acting_states",
    "ClockStatus", "ConcurrentChange", "DeadlineDataError", "DeadlineNotPassed", "DeadlineRules", "EventKind",
    "Label", "MergeCheck", "MergeRefused", "MissingRequirement", "ReportedPerson", "ReportingRule",
    "ReportingWindow", "Requirement", "RoleNotAllowed", "RunningClock", "State", "Transition", "TransitionRecord",
    "UnknownAction", "WorkCalendar", "WorkflowError", "allowed_actions", "apply", "can_merge", "clock_for",
    "clock_status", "default_rules", "describe", "due_at", "end_of_day", "is_report_late", "label", "load_rules",
    "local_date", "local_text", "merge", "national_days_off", "normalise_agency", "normalise_name", "open_case", "parse_rules",
    "reachable", "reporting_deadline", "reporting_window", "running_clock", "same_person", "soon_limit", "status",
    "survivor_and_absorbed",
]
