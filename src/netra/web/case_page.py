"""What the case page shows besides the summary (issue 12): the facts and their checklist, the rules a
recommendation may cite, the sanctions the rulebook allows for the recommended rules, and the readable history.
Kept out of routes_cases so the worklist's changes and these merge apart."""

from __future__ import annotations

from netra.accounts.model import Account
from netra.cases import AMENDABLE_FIELDS, CHANNELS, MAY_CHANGE, STATUSES, rules_for, sanction_options
from netra.services import reference_data
from netra.services.case_queries import CaseDetail
from netra.services.case_record import checklist, fact_rows, rule_text, step_lines, when
from netra.services.case_rules import rule_facts
from netra.storage.database import Database


def page_context(db: Database, account: Account, detail: CaseDetail) -> dict:
    rulebook = reference_data.rulebook(db)
    facts = rule_facts(rulebook)
    kind = reference_data.calendar(db).kind(detail.summary.election_id)
    citable = set(rules_for(kind, detail.facts.get("reported_status") or "", facts))
    options = sanction_options(detail.recommended, facts)
    return {
        "rules": [r for r in rulebook if r.id in citable],
        "recommended_rules": [rulebook[i] for i in detail.recommended if i in rulebook],
        "sanction_choices": [(rulebook[i], opts) for i, opts in options.items()],  # recommended order: first = default
        "fact_rows": fact_rows(detail), "checklist": checklist(detail),
        "amendable": [f for f in AMENDABLE_FIELDS if f in MAY_CHANGE.get(account.role.value, ())],
        "field_names": {f: name for f, (name, _) in AMENDABLE_FIELDS.items()},
        "statuses": STATUSES, "channels": CHANNELS,
        "step_lines": lambda h: step_lines(h, rulebook), "when": lambda moment: when(detail, moment),
        "rule_text": lambda rule_id: rule_text(rule_id, rulebook),
    }
