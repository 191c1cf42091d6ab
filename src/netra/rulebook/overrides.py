"""Administrator overrides: correcting a rule's field without editing the shipped YAML.

The brief asks that uncertain legal values (e.g. the disputed sanction levels) be correctable by an administrator.
An override names a rule, a dotted field path that must already exist on that rule, the new value, and who/when/
why. The changed rule is re-validated with exactly the same schema as the files, so an override can never
produce a rule the loader would reject. Storing overrides is the storage layer's job; this is the pure part.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from datetime import date, datetime

from netra.rulebook.model import AppliedOverride, Override, OverrideError, Rule, Rulebook
from netra.rulebook.schema import Ctx, assign_path, parse_rule, plain, resolve_path

_FROZEN_FIELDS = {"id"}  # ids are what cases and statistics refer to: they never change


def apply_overrides(book: Rulebook, overrides: Override | Iterable[Override]) -> Rulebook:
    """Apply `overrides` in order to `book`; return a new Rulebook or raise OverrideError (nothing applied)."""
    items = [overrides] if isinstance(overrides, Override) else list(overrides)
    rules: dict[str, Rule] = dict(book.by_id)
    applied: list[AppliedOverride] = []
    for n, ov in enumerate(items, start=1):
        new_rule, previous = _apply_one(book, rules, ov, n)
        rules[ov.rule_id] = new_rule
        applied.append(AppliedOverride(override=ov, previous=previous))
    ordered = tuple(rules[r.id] for r in book.rules)
    return Rulebook(
        data_version=book.data_version,
        families=book.families,
        instruments=book.instruments,
        rules=ordered,
        overrides=book.overrides + tuple(applied),
    )


def _apply_one(book: Rulebook, rules: dict[str, Rule], ov: Override, n: int) -> tuple[Rule, object]:
    where = f"override #{n}"
    if not isinstance(ov, Override):
        raise OverrideError(f"expected an Override, got {type(ov).__name__}", file=where)
    for attr in ("rule_id", "field", "by", "reason"):
        value = getattr(ov, attr)
        if not isinstance(value, str) or not value.strip():
            raise OverrideError(f"'{attr}' must be a non-empty string", file=where, field=attr)
    if not isinstance(ov.at, (datetime, date)):
        raise OverrideError("'at' must be a date or datetime", file=where, field="at")
    where = f"override #{n} of {ov.rule_id} by {ov.by}"
    rule = rules.get(ov.rule_id)
    if rule is None:
        raise OverrideError(f"unknown rule id {ov.rule_id!r}", file=where, field="rule_id")
    if ov.field.split(".")[0] in _FROZEN_FIELDS:
        raise OverrideError("rule ids are stable and cannot be overridden", file=where, field=ov.field)
    data = rule.to_dict()
    try:
        previous = copy.deepcopy(resolve_path(data, ov.field))
        assign_path(data, ov.field, plain(ov.value))
    except KeyError as exc:
        raise OverrideError(f"no such field on rule {ov.rule_id}: {exc.args[0]}", file=where, field=ov.field) from None
    ctx = Ctx(file=where, error=OverrideError)
    new_rule = parse_rule(ctx, data, None, book.instrument(rule.instrument))
    for ref in new_rule.related:
        if ref == new_rule.id:
            raise OverrideError("a rule cannot relate to itself", file=where, field="related")
        if ref not in rules:
            raise OverrideError(f"unknown rule id {ref!r} in related", file=where, field="related")
    return new_rule, previous
