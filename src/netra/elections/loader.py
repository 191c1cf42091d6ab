"""Loading and validating election calendars (YAML files or plain dicts from an administrator).

Validation checks more than types, because a wrong date silently changes which rules apply: every stage ends on
or after it starts; stages may nest but not partly overlap; the candidates-set stage is one day; and the stages
the rulebook depends on come in legal order (candidates set < campaign < quiet period < voting <= counting).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from netra.elections.model import (
    CAMPAIGN,
    CANDIDATES_SET,
    COUNTING_RECAPITULATION,
    QUIET_PERIOD,
    RECAPITULATION,
    REGISTRATION,
    VOTING,
    Election,
    ElectionDataError,
    ElectionKind,
    Elections,
    RegionExclusion,
    RegionScope,
    Stage,
)
from netra.rulebook.marked_yaml import MarkedYAMLSyntaxError, load_marked
from netra.rulebook.schema import Ctx, enum_value, line_of, localized, mapping, own_line, str_list, text_str

DATA_DIR = Path(__file__).resolve().parent / "data"

ELECTION_ID = re.compile(r"^[a-z][a-z0-9_]*$")
STAGE_ID = ELECTION_ID
REGION_CODE = re.compile(r"^\d{2}(\.\d{2})?$")
REQUIRED_STAGES = (CANDIDATES_SET, CAMPAIGN, VOTING)
# Pairs (earlier, later): `earlier` must end before `later` starts, when both stages exist.
ORDER = (
    (REGISTRATION, CANDIDATES_SET),
    (CANDIDATES_SET, CAMPAIGN),
    (CAMPAIGN, QUIET_PERIOD),
    (QUIET_PERIOD, VOTING),
    (CAMPAIGN, VOTING),
)


def load_elections(directory: str | Path | None = None) -> Elections:
    """Every ``*.yaml`` election in `directory` (default: the packaged calendars), validated, all or nothing."""
    if directory is None:
        return _packaged()
    return _load(Path(directory))


@lru_cache(maxsize=1)
def _packaged() -> Elections:
    return _load(DATA_DIR)


def _load(directory: Path) -> Elections:
    if not directory.is_dir():
        raise ElectionDataError("directory not found", file=str(directory))
    elections: list[Election] = []
    where: dict[str, str] = {}
    for path in sorted(directory.glob("*.yaml")):
        try:
            data = load_marked(path)
        except MarkedYAMLSyntaxError as exc:
            raise ElectionDataError(exc.problem, file=str(path), line=exc.line, field=exc.field) from None
        election = _parse(Ctx(str(path), error=ElectionDataError), data)
        if election.id in where:
            raise ElectionDataError(f"duplicate election id {election.id!r} (first in {where[election.id]})",
                                    file=str(path), line=line_of(data, "id"), field="id")
        where[election.id] = str(path)
        elections.append(election)
    return Elections(tuple(sorted(elections, key=lambda e: (e.first_day, e.id))))


def election_from_dict(data: Mapping[str, Any], *, source: str = "<election data>") -> Election:
    """Build a validated Election from plain data (same shape as the YAML files; dates as date or ISO string)."""
    return _parse(Ctx(source, error=ElectionDataError), data)


def add_election(elections: Elections, data: Mapping[str, Any] | Election) -> Elections:
    """``elections`` plus one more, validated; for administrators adding a by-election or a future election."""
    return elections.with_election(data)


def _date(ctx: Ctx, m: Mapping, key: str) -> date:
    value = m.get(key)
    if isinstance(value, datetime):
        ctx.at(key).fail(f"expected a date without time, got {value!r}", line_of(m, key))
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    ctx.at(key).fail(f"expected a date YYYY-MM-DD, got {value!r}", line_of(m, key) or own_line(m))


def _parse(ctx: Ctx, data: Any) -> Election:
    mapping(ctx, data, 1, required={"id", "name", "kind", "stages", "legal_basis", "sources"},
            optional={"applies_to", "facts", "note"})
    election_id = text_str(ctx, data, "id")
    if not ELECTION_ID.match(election_id):
        ctx.at("id").fail(f"invalid election id {election_id!r} (lowercase letters, digits, _)", line_of(data, "id"))
    localized(ctx, data, "note", required=False)
    stages = _stages(ctx, data)
    return Election(
        id=election_id,
        name=localized(ctx, data, "name"),
        kind=enum_value(ctx, data, "kind", ElectionKind),
        stages=stages,
        scope=_scope(ctx, data),
        legal_basis=str_list(ctx, data, "legal_basis", min_items=1),
        sources=str_list(ctx, data, "sources", min_items=1),
        facts=_facts(ctx, data),
    )


def _stages(ctx: Ctx, data: Mapping) -> tuple[Stage, ...]:
    raw = data["stages"]
    sctx = ctx.at("stages")
    if not isinstance(raw, list) or not raw:
        sctx.fail("expected a non-empty list of stages", line_of(data, "stages"))
    stages: list[Stage] = []
    lines: dict[str, int | None] = {}
    for i, item in enumerate(raw):
        ictx = sctx.at(i)
        mapping(ictx, item, line_of(raw, i), required={"id", "name", "start"}, optional={"end", "note", "verified"})
        stage_id = text_str(ictx, item, "id")
        if not STAGE_ID.match(stage_id):
            ictx.at("id").fail(f"invalid stage id {stage_id!r}", line_of(item, "id"))
        if stage_id in lines:
            ictx.at("id").fail(f"duplicate stage id {stage_id!r} (first at line {lines[stage_id]})",
                               line_of(item, "id"))
        start = _date(ictx, item, "start")
        end = _date(ictx, item, "end") if item.get("end") is not None else start
        if end < start:
            ictx.at("end").fail(f"stage {stage_id!r} ends ({end}) before it starts ({start})", line_of(item, "end"))
        verified = item.get("verified", True)
        if not isinstance(verified, bool):
            ictx.at("verified").fail("expected true or false", line_of(item, "verified"))
        note = localized(ictx, item, "note", required=False)
        if not verified and note is None:
            ictx.at("note").fail("a stage marked verified: false must say in 'note' what is uncertain",
                                 own_line(item))
        lines[stage_id] = line_of(item, "id")
        stages.append(Stage(stage_id, localized(ictx, item, "name"), start, end, note=note, verified=verified))

    by_id = {s.id: s for s in stages}
    for needed in REQUIRED_STAGES:
        if needed not in by_id:
            sctx.fail(f"missing required stage {needed!r}", line_of(data, "stages"))
    cs = by_id[CANDIDATES_SET]
    if cs.start != cs.end:
        sctx.fail(f"stage 'candidates_set' must be a single day, got {cs.start} to {cs.end}", lines[CANDIDATES_SET])
    for a, b in ORDER:
        if a in by_id and b in by_id and not by_id[a].end < by_id[b].start:
            sctx.fail(f"stage {a!r} ({by_id[a].start} to {by_id[a].end}) must end before stage {b!r} starts "
                      f"({by_id[b].start})", lines[b])
    for recap in (COUNTING_RECAPITULATION, RECAPITULATION):
        if recap in by_id and by_id[recap].start < by_id[VOTING].start:
            sctx.fail(f"stage {recap!r} starts ({by_id[recap].start}) before voting ({by_id[VOTING].start})",
                      lines[recap])
    for i, s in enumerate(stages):
        for t in stages[i + 1:]:
            overlap = s.start <= t.end and t.start <= s.end
            nested = (s.start <= t.start and t.end <= s.end) or (t.start <= s.start and s.end <= t.end)
            if overlap and not nested:
                sctx.fail(f"stage {t.id!r} ({t.start} to {t.end}) partly overlaps stage {s.id!r} "
                          f"({s.start} to {s.end}); stages may nest but not partly overlap", lines[t.id])
    return tuple(sorted(stages, key=lambda s: (s.start, -s.days)))


def _scope(ctx: Ctx, data: Mapping) -> RegionScope:
    raw = data.get("applies_to")
    if raw is None:
        return RegionScope()
    actx = ctx.at("applies_to")
    mapping(actx, raw, line_of(data, "applies_to"), required={"regions"}, optional={"exclude"})
    regions = raw["regions"]
    if regions != "all":
        codes = str_list(actx, raw, "regions", min_items=1)
        for j, code in enumerate(codes):
            _check_code(actx.at("regions").at(j), code, line_of(regions, j))
        regions = codes
    excludes = []
    ex_raw = raw.get("exclude") or []
    if not isinstance(ex_raw, list):
        actx.at("exclude").fail("expected a list", line_of(raw, "exclude"))
    for j, item in enumerate(ex_raw):
        ectx = actx.at("exclude").at(j)
        mapping(ectx, item, line_of(ex_raw, j), required={"code", "reason"})
        code = item["code"]
        _check_code(ectx.at("code"), code, line_of(item, "code"))
        if any(x.code == code for x in excludes):
            ectx.at("code").fail(f"region {code!r} excluded twice", line_of(item, "code"))
        excludes.append(RegionExclusion(code, localized(ectx, item, "reason")))
    return RegionScope(regions=regions, exclude=tuple(excludes))


def _check_code(ctx: Ctx, code: Any, line: int | None) -> None:
    if not isinstance(code, str) or not REGION_CODE.match(code):
        ctx.fail(f"invalid region code {code!r} (quoted Kemendagri code like \"34\" or \"31.71\")", line)


def _facts(ctx: Ctx, data: Mapping) -> Mapping[str, int | str]:
    raw = data.get("facts")
    if raw is None:
        return MappingProxyType({})
    fctx = ctx.at("facts")
    if not isinstance(raw, Mapping):
        fctx.fail("expected a mapping of names to numbers or strings", line_of(data, "facts"))
    for key, value in raw.items():
        if not isinstance(key, str) or isinstance(value, bool) or not isinstance(value, (int, str)):
            fctx.at(str(key)).fail(f"expected a number or string, got {value!r}", line_of(raw, key))
    return MappingProxyType(dict(raw))
