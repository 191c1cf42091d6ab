"""Validation of rulebook data, shared by the file loader and by administrator overrides.

Hand-written rather than pydantic so that every error can name the exact YAML line (from ``MarkedDict``) and the
field path, which is what an administrator editing a file by hand needs. Unknown keys are errors, because a
misspelt optional key (``disputd:``) would otherwise be silently ignored.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any, NoReturn, TypeVar

from netra.rulebook.model import (
    LEVELS_BY_KIND,
    Addressee,
    Alternative,
    Bounds,
    Combination,
    Disputed,
    Example,
    Examples,
    Family,
    FamilyInfo,
    Instrument,
    InstrumentKind,
    LocalizedText,
    Period,
    Rule,
    RulebookError,
    Sanction,
    SanctionKind,
    SanctionLevel,
    Subject,
)

E = TypeVar("E", bound=StrEnum)

RULE_ID = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$")
INSTRUMENT_ID = re.compile(r"^[a-z][a-z0-9_]*$")


@dataclass(frozen=True)
class Ctx:
    """Where we are: the file (or override description), the field path so far, and the rule id if known."""

    file: str
    path: str = ""
    rule_id: str | None = None
    error: type[Exception] = RulebookError  # any class taking (problem, file=, line=, field=)

    def at(self, key: str | int) -> Ctx:
        if isinstance(key, int):
            sub = f"{self.path}[{key}]"
        else:
            sub = f"{self.path}.{key}" if self.path else key
        return Ctx(self.file, sub, self.rule_id, self.error)

    def fail(self, problem: str, line: int | None) -> NoReturn:
        if self.rule_id:
            problem = f"{problem} (rule {self.rule_id})"
        raise self.error(problem, file=self.file, line=line, field=self.path or None)


def line_of(container: Any, key: Any) -> int | None:
    getter = getattr(container, "line_of", None)
    return getter(key) if getter else None


def own_line(container: Any) -> int | None:
    return getattr(container, "line", None)


# --- primitive readers ------------------------------------------------------------------------------------------


def mapping(ctx: Ctx, value: Any, line: int | None, *, required: set[str], optional: set[str] = frozenset()) -> Mapping:
    """Check `value` is a mapping with all `required` keys (non-null) and no keys outside required|optional."""
    if not isinstance(value, Mapping):
        ctx.fail(f"expected a mapping, got {_kind(value)}", line)
    allowed = required | set(optional)
    for key in value:
        if key not in allowed:
            ctx.at(str(key)).fail(f"unknown field (allowed: {', '.join(sorted(allowed))})", line_of(value, key))
    for key in sorted(required):
        if key not in value or value[key] is None:
            ctx.at(key).fail("missing required field", own_line(value) or line)
    return value


def text_str(ctx: Ctx, m: Mapping, key: str, *, required: bool = True) -> str | None:
    value = m.get(key)
    if value is None:
        if required:
            ctx.at(key).fail("missing required field", own_line(m))
        return None
    if not isinstance(value, str) or not value.strip():
        ctx.at(key).fail(f"expected a non-empty string, got {_kind(value)}", line_of(m, key))
    return value.strip()


def localized(ctx: Ctx, m: Mapping, key: str, *, required: bool = True) -> LocalizedText | None:
    value = m.get(key)
    if value is None:
        if required:
            ctx.at(key).fail("missing required field (needs 'id' and 'en' texts)", own_line(m))
        return None
    sub = ctx.at(key)
    mapping(sub, value, line_of(m, key), required={"id", "en"})
    return LocalizedText(id=text_str(sub, value, "id"), en=text_str(sub, value, "en"))


def enum_value(ctx: Ctx, m: Mapping, key: str, enum: type[E]) -> E:
    value = m.get(key)
    if value is None:
        ctx.at(key).fail("missing required field", own_line(m))
    try:
        return enum(value)
    except ValueError:
        allowed = ", ".join(e.value for e in enum)
        ctx.at(key).fail(f"invalid value {value!r} (allowed: {allowed})", line_of(m, key))


def str_list(ctx: Ctx, m: Mapping, key: str, *, required: bool = True, min_items: int = 0) -> tuple[str, ...]:
    value = m.get(key)
    if value is None:
        if required:
            ctx.at(key).fail("missing required field", own_line(m))
        return ()
    sub = ctx.at(key)
    if not isinstance(value, Sequence) or isinstance(value, str):
        sub.fail(f"expected a list, got {_kind(value)}", line_of(m, key))
    if len(value) < min_items:
        sub.fail(f"needs at least {min_items} item(s), has {len(value)}", line_of(m, key))
    out = []
    for i, item in enumerate(value):
        if not isinstance(item, str) or not item.strip():
            sub.at(i).fail(f"expected a non-empty string, got {_kind(item)}", line_of(value, i))
        out.append(item.strip())
    return tuple(out)


def enum_list(ctx: Ctx, m: Mapping, key: str, enum: type[E], *, min_items: int = 1) -> tuple[E, ...]:
    raw = str_list(ctx, m, key, min_items=min_items)
    value = m[key]
    out: list[E] = []
    for i, item in enumerate(raw):
        try:
            member = enum(item)
        except ValueError:
            allowed = ", ".join(e.value for e in enum)
            ctx.at(key).at(i).fail(f"invalid value {item!r} (allowed: {allowed})", line_of(value, i))
        if member in out:
            ctx.at(key).at(i).fail(f"duplicate value {item!r}", line_of(value, i))
        out.append(member)
    return tuple(out)


def _kind(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"a boolean ({value})"
    if isinstance(value, Mapping):
        return "a mapping"
    if isinstance(value, str):
        return f"the string {value!r}" if value.strip() else "an empty string"
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    return type(value).__name__


# --- composite readers ------------------------------------------------------------------------------------------


def parse_family_info(ctx: Ctx, m: Any, line: int | None) -> FamilyInfo:
    mapping(ctx, m, line, required={"id", "label", "description"})
    return FamilyInfo(
        id=enum_value(ctx, m, "id", Family),
        label=localized(ctx, m, "label"),
        description=localized(ctx, m, "description"),
    )


def parse_instrument(ctx: Ctx, m: Any, line: int | None) -> Instrument:
    mapping(
        ctx, m, line, required={"id", "kind", "title", "citation", "id_prefix", "sources"},
        optional={"min_examples", "note"},
    )
    inst_id = text_str(ctx, m, "id")
    if not INSTRUMENT_ID.match(inst_id):
        ctx.at("id").fail(f"invalid instrument id {inst_id!r} (lowercase letters, digits, _)", line_of(m, "id"))
    prefix = text_str(ctx, m, "id_prefix")
    if not prefix.endswith("."):
        ctx.at("id_prefix").fail("must end with '.'", line_of(m, "id_prefix"))
    min_examples = m.get("min_examples", 1)
    if not isinstance(min_examples, int) or isinstance(min_examples, bool) or min_examples < 0:
        ctx.at("min_examples").fail("expected a whole number >= 0", line_of(m, "min_examples"))
    return Instrument(
        id=inst_id,
        kind=enum_value(ctx, m, "kind", InstrumentKind),
        title=localized(ctx, m, "title"),
        citation=text_str(ctx, m, "citation"),
        id_prefix=prefix,
        min_examples=min_examples,
        sources=str_list(ctx, m, "sources", min_items=1),
        note=localized(ctx, m, "note", required=False),
    )


def _bounds(ctx: Ctx, m: Mapping, key: str) -> Bounds | None:
    value = m.get(key)
    if value is None:
        return None
    sub = ctx.at(key)
    mapping(sub, value, line_of(m, key), required=set(), optional={"min", "max"})
    nums = {}
    for end in ("min", "max"):
        n = value.get(end)
        if n is not None and (not isinstance(n, int) or isinstance(n, bool) or n < 0):
            sub.at(end).fail(f"expected a whole number >= 0, got {n!r}", line_of(value, end))
        nums[end] = n
    if nums["min"] is not None and nums["max"] is not None and nums["min"] > nums["max"]:
        sub.fail(f"min {nums['min']} is greater than max {nums['max']}", line_of(m, key))
    return Bounds(min=nums["min"], max=nums["max"])


_CRIMINAL_ONLY = ("prison_months", "fine_rupiah", "combination")


def parse_sanction(ctx: Ctx, m: Any, line: int | None) -> Sanction:
    mapping(
        ctx, m, line, required={"kind", "level", "consists_of"},
        optional={"imposed_by", *_CRIMINAL_ONLY},
    )
    kind = enum_value(ctx, m, "kind", SanctionKind)
    level = enum_value(ctx, m, "level", SanctionLevel)
    if level not in LEVELS_BY_KIND[kind]:
        allowed = ", ".join(sorted(lv.value for lv in LEVELS_BY_KIND[kind]))
        ctx.at("level").fail(f"level {level.value!r} does not fit kind {kind.value!r} (allowed: {allowed})",
                             line_of(m, "level"))
    combination = None
    if kind is SanctionKind.CRIMINAL:
        for key in ("prison_months", "fine_rupiah", "combination"):
            if key not in m:
                ctx.at(key).fail("missing required field for a criminal sanction (may be null if unknown)", own_line(m))
        if m.get("combination") is not None:
            combination = enum_value(ctx, m, "combination", Combination)
    else:
        for key in _CRIMINAL_ONLY:
            if m.get(key) is not None:
                ctx.at(key).fail(f"only a criminal sanction has {key}", line_of(m, key))
    return Sanction(
        kind=kind,
        level=level,
        consists_of=localized(ctx, m, "consists_of"),
        imposed_by=localized(ctx, m, "imposed_by", required=False),
        prison_months=_bounds(ctx, m, "prison_months"),
        fine_rupiah=_bounds(ctx, m, "fine_rupiah"),
        combination=combination,
    )


def _examples(ctx: Ctx, m: Mapping, key: str, minimum: int) -> tuple[Example, ...]:
    value = m.get(key)
    sub = ctx.at(key)
    if value is None:
        sub.fail("missing required field", own_line(m))
    if not isinstance(value, Sequence) or isinstance(value, str):
        sub.fail(f"expected a list, got {_kind(value)}", line_of(m, key))
    if len(value) < minimum:
        sub.fail(f"needs at least {minimum} example(s), has {len(value)}", line_of(m, key))
    out = []
    seen: set[str] = set()
    for i, item in enumerate(value):
        item_ctx = sub.at(i)
        if isinstance(item, str):
            ex = Example(text=text_str(item_ctx, {"text": item}, "text"))
        else:
            mapping(item_ctx, item, line_of(value, i), required={"text"}, optional={"why"})
            ex = Example(text=text_str(item_ctx, item, "text"), why=text_str(item_ctx, item, "why", required=False))
        if ex.text in seen:
            item_ctx.fail("duplicate example", line_of(value, i))
        seen.add(ex.text)
        out.append(ex)
    return tuple(out)


def _disputed(ctx: Ctx, m: Mapping, rule_dict: Mapping) -> Disputed | None:
    value = m.get("disputed")
    if value is None:
        return None
    sub = ctx.at("disputed")
    mapping(sub, value, line_of(m, "disputed"), required={"field", "note", "alternatives"})
    field_path = text_str(sub, value, "field")
    try:
        current = resolve_path(rule_dict, field_path)
    except KeyError as exc:
        sub.at("field").fail(f"names no field of this rule: {exc.args[0]}", line_of(value, "field"))
    alts_raw = value["alternatives"]
    alts_ctx = sub.at("alternatives")
    if not isinstance(alts_raw, Sequence) or isinstance(alts_raw, str) or len(alts_raw) < 2:
        alts_ctx.fail("needs a list of at least 2 alternatives", line_of(value, "alternatives"))
    alts = []
    for i, alt in enumerate(alts_raw):
        actx = alts_ctx.at(i)
        mapping(actx, alt, line_of(alts_raw, i), required={"value", "sources"}, optional={"note"})
        alts.append(
            Alternative(
                value=plain(alt["value"]),
                sources=str_list(actx, alt, "sources", min_items=1),
                note=localized(actx, alt, "note", required=False),
            )
        )
    values = [a.value for a in alts]
    if current not in values:
        sub.at("field").fail(
            f"the rule's current value {current!r} of '{field_path}' is not among the alternatives {values!r} "
            "(choose one of them, or change 'disputed' too)",
            line_of(value, "field"),
        )
    return Disputed(field=field_path, note=localized(sub, value, "note"), alternatives=tuple(alts))


RULE_REQUIRED = {
    "id", "family", "title", "explanation", "subjects", "period", "sanction", "legal_basis", "sources",
    "examples", "keywords",
}
RULE_OPTIONAL = {"related", "disputed", "note", "verified", "addressees"}


def parse_rule(ctx: Ctx, m: Any, line: int | None, instrument: Instrument) -> Rule:
    """Validate one rule mapping; `instrument` supplies the id prefix and the minimum number of examples."""
    if isinstance(m, Mapping) and isinstance(m.get("id"), str):
        ctx = Ctx(ctx.file, ctx.path, m["id"], ctx.error)
    mapping(ctx, m, line, required=RULE_REQUIRED, optional=RULE_OPTIONAL)
    rule_id = text_str(ctx, m, "id")
    if not RULE_ID.match(rule_id):
        ctx.at("id").fail(f"invalid rule id {rule_id!r} (dotted lowercase, e.g. skb2022.etik.1)", line_of(m, "id"))
    if not rule_id.startswith(instrument.id_prefix):
        ctx.at("id").fail(f"rule id must start with {instrument.id_prefix!r} (instrument {instrument.id})",
                          line_of(m, "id"))
    ex = m["examples"]
    ex_ctx = ctx.at("examples")
    mapping(ex_ctx, ex, line_of(m, "examples"), required={"forbidden", "allowed"})
    verified = m.get("verified", True)
    if not isinstance(verified, bool):
        ctx.at("verified").fail("expected true or false", line_of(m, "verified"))
    note = localized(ctx, m, "note", required=False)
    if not verified and note is None:
        ctx.at("note").fail("a rule marked verified: false must say in 'note' what is uncertain", own_line(m))
    sanction = parse_sanction(ctx.at("sanction"), m["sanction"], line_of(m, "sanction"))
    if sanction.kind is SanctionKind.CRIMINAL and verified and (
        sanction.prison_months is None and sanction.fine_rupiah is None
    ):
        ctx.at("sanction").fail("a verified criminal sanction needs prison_months or fine_rupiah",
                                line_of(m, "sanction"))
    rule = Rule(
        id=rule_id,
        instrument=instrument.id,
        family=enum_value(ctx, m, "family", Family),
        title=localized(ctx, m, "title"),
        explanation=localized(ctx, m, "explanation"),
        subjects=enum_list(ctx, m, "subjects", Subject),
        period=enum_value(ctx, m, "period", Period),
        sanction=sanction,
        legal_basis=str_list(ctx, m, "legal_basis", min_items=1),
        sources=str_list(ctx, m, "sources", min_items=1),
        examples=Examples(
            forbidden=_examples(ex_ctx, ex, "forbidden", instrument.min_examples),
            allowed=_examples(ex_ctx, ex, "allowed", instrument.min_examples),
        ),
        keywords=_keywords(ctx, m),
        related=str_list(ctx, m, "related", required=False),
        disputed=None,
        note=note,
        verified=verified,
        addressees=enum_list(ctx, m, "addressees", Addressee) if m.get("addressees") is not None else (),
    )
    disputed = _disputed(ctx, m, rule_to_dict(rule))
    if disputed is not None:
        rule = replace(rule, disputed=disputed)
    return rule


def _keywords(ctx: Ctx, m: Mapping) -> tuple[str, ...]:
    words = str_list(ctx, m, "keywords", min_items=1)
    seen: set[str] = set()
    for i, w in enumerate(words):
        if w.lower() in seen:
            ctx.at("keywords").at(i).fail(f"duplicate keyword {w!r}", line_of(m["keywords"], i))
        seen.add(w.lower())
    return words


# --- back to plain data -----------------------------------------------------------------------------------------


def plain(value: Any) -> Any:
    """Marked containers and tuples to plain dict/list, enums to their values (for hashing and comparison)."""
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, Mapping):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return value


def _text(t: LocalizedText | None) -> dict[str, str] | None:
    return None if t is None else {"id": t.id, "en": t.en}


def _bounds_dict(b: Bounds | None) -> dict[str, int | None] | None:
    return None if b is None else {"min": b.min, "max": b.max}


def _example_dict(e: Example) -> Any:
    return {"text": e.text, "why": e.why} if e.why else e.text


def rule_to_dict(rule: Rule) -> dict[str, Any]:
    s = rule.sanction
    sanction: dict[str, Any] = {
        "kind": s.kind.value,
        "level": s.level.value,
        "consists_of": _text(s.consists_of),
        "imposed_by": _text(s.imposed_by),
    }
    if s.kind is SanctionKind.CRIMINAL:
        sanction["prison_months"] = _bounds_dict(s.prison_months)
        sanction["fine_rupiah"] = _bounds_dict(s.fine_rupiah)
        sanction["combination"] = s.combination.value if s.combination else None
    disputed = None
    if rule.disputed is not None:
        disputed = {
            "field": rule.disputed.field,
            "note": _text(rule.disputed.note),
            "alternatives": [
                {"value": a.value, "sources": list(a.sources), "note": _text(a.note)} for a in rule.disputed.alternatives
            ],
        }
    return {
        "id": rule.id,
        "family": rule.family.value,
        "title": _text(rule.title),
        "explanation": _text(rule.explanation),
        "subjects": [x.value for x in rule.subjects],
        "period": rule.period.value,
        "sanction": sanction,
        "legal_basis": list(rule.legal_basis),
        "sources": list(rule.sources),
        "examples": {
            "forbidden": [_example_dict(e) for e in rule.examples.forbidden],
            "allowed": [_example_dict(e) for e in rule.examples.allowed],
        },
        "keywords": list(rule.keywords),
        "related": list(rule.related),
        "disputed": disputed,
        "note": _text(rule.note),
        "verified": rule.verified,
        # only when set, so rules without addressees keep their content hash
        **({"addressees": [a.value for a in rule.addressees]} if rule.addressees else {}),
    }


def _segments(path: str) -> list[str]:
    if not path or any(not seg for seg in path.split(".")):
        raise KeyError(f"empty segment in field path {path!r}")
    return path.split(".")


def resolve_path(data: Any, path: str) -> Any:
    """Follow a dotted path (list items by index) through plain data; KeyError names the failing segment."""
    node = data
    walked: list[str] = []
    for seg in _segments(path):
        walked.append(seg)
        if isinstance(node, Mapping):
            if seg not in node:
                raise KeyError(f"{'.'.join(walked)!r} does not exist")
            node = node[seg]
        elif isinstance(node, list):
            if not seg.isdigit() or int(seg) >= len(node):
                raise KeyError(f"{'.'.join(walked)!r}: no item {seg} (list has {len(node)})")
            node = node[int(seg)]
        elif node is None:
            raise KeyError(f"{'.'.join(walked[:-1])!r} is empty on this rule; set it as a whole")
        else:
            raise KeyError(f"{'.'.join(walked[:-1])!r} is a single value with no field {seg!r}")
    return node


def assign_path(data: Any, path: str, value: Any) -> None:
    """Set the value at an existing dotted path in plain data (the container must already exist)."""
    segs = _segments(path)
    parent = resolve_path(data, ".".join(segs[:-1])) if len(segs) > 1 else data
    last = segs[-1]
    if isinstance(parent, Mapping):
        if last not in parent:
            raise KeyError(f"{path!r} does not exist")
        parent[last] = value
    elif isinstance(parent, list) and last.isdigit() and int(last) < len(parent):
        parent[int(last)] = value
    elif parent is None:
        raise KeyError(f"{'.'.join(segs[:-1])!r} is empty on this rule; set it as a whole")
    else:
        raise KeyError(f"{path!r} does not exist")
