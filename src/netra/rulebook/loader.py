"""Loading the rulebook from YAML: all or nothing.

A directory holds ``rulebook.yaml`` (the manifest: data version, the families file and the rule files in their
stable order) plus the files it lists. Every file is parsed and validated, and cross-file checks (unique ids,
``related`` references, all nine families) run, before a ``Rulebook`` is built: a single bad field anywhere
raises ``RulebookError`` naming file, line and field, and no rulebook is returned. A YAML file in the directory
that the manifest does not list is also an error, so a rule file added by hand is never silently ignored.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from netra.rulebook.marked_yaml import MarkedYAMLSyntaxError, load_marked
from netra.rulebook.model import Family, FamilyInfo, Instrument, Rule, Rulebook, RulebookError
from netra.rulebook.schema import (
    Ctx,
    line_of,
    localized,
    mapping,
    own_line,
    parse_family_info,
    parse_instrument,
    parse_rule,
    text_str,
)

DATA_DIR = Path(__file__).resolve().parent / "data"
MANIFEST = "rulebook.yaml"


def load_rulebook(directory: str | Path | None = None) -> Rulebook:
    """Load and validate the rulebook in `directory` (default: the one shipped in the package).

    The packaged rulebook is parsed once per process and shared; it is immutable, so sharing is safe.
    """
    if directory is None:
        return _packaged()
    return _load(Path(directory))


@lru_cache(maxsize=1)
def _packaged() -> Rulebook:
    return _load(DATA_DIR)


def _read(path: Path) -> Any:
    if not path.is_file():
        raise RulebookError("file not found", file=str(path))
    try:
        return load_marked(path)
    except MarkedYAMLSyntaxError as exc:
        raise RulebookError(exc.problem, file=str(path), line=exc.line, field=exc.field) from None
    except UnicodeDecodeError as exc:
        raise RulebookError(f"not UTF-8 text: {exc}", file=str(path)) from None


def _load(directory: Path) -> Rulebook:
    manifest_path = directory / MANIFEST
    manifest = _read(manifest_path)
    ctx = Ctx(str(manifest_path))
    mapping(ctx, manifest, 1, required={"version", "name", "families", "files"}, optional={"note"})
    version = manifest["version"]
    if not isinstance(version, str) or not version.strip():
        ctx.at("version").fail(f"expected a non-empty string (quote it, e.g. \"2024.1\"), got {version!r}",
                               line_of(manifest, "version"))
    localized(ctx, manifest, "name")
    families_name = text_str(ctx, manifest, "families")
    files = manifest["files"]
    if not isinstance(files, list) or not files:
        ctx.at("files").fail("expected a non-empty list of rule file names", line_of(manifest, "files"))
    for i, name in enumerate(files):
        if not isinstance(name, str) or not (directory / name).is_file():
            ctx.at("files").at(i).fail(f"rule file {name!r} not found in {directory}", line_of(files, i))
    if len(set(files)) != len(files):
        ctx.at("files").fail("a rule file is listed twice", line_of(manifest, "files"))
    listed = {MANIFEST, families_name, *files}
    for extra in sorted(p.name for p in directory.glob("*.y*ml")):
        if extra not in listed:
            raise RulebookError(
                f"YAML file {extra!r} is in the rulebook directory but not listed in 'files'",
                file=str(manifest_path), line=line_of(manifest, "files"), field="files",
            )

    families = _load_families(directory / families_name)

    instruments: list[Instrument] = []
    instrument_where: dict[str, str] = {}
    rules: list[Rule] = []
    rule_where: dict[str, str] = {}
    rule_lines: dict[str, tuple[Any, int]] = {}  # id -> (file ctx, line) for the related-reference check
    for name in files:
        path = directory / name
        data = _read(path)
        fctx = Ctx(str(path))
        mapping(fctx, data, 1, required={"instruments", "rules"}, optional={"note", *_anchor_keys(data)})
        localized(fctx, data, "note", required=False)
        file_instruments = _list(fctx, data, "instruments")
        mine: list[Instrument] = []
        for i, raw in enumerate(file_instruments):
            inst = parse_instrument(fctx.at("instruments").at(i), raw, line_of(file_instruments, i))
            if inst.id in instrument_where:
                fctx.at("instruments").at(i).at("id").fail(
                    f"duplicate instrument id {inst.id!r} (first in {instrument_where[inst.id]})", line_of(raw, "id")
                )
            instrument_where[inst.id] = f"{path}, line {line_of(raw, 'id')}"
            mine.append(inst)
        instruments.extend(mine)
        file_rules = _list(fctx, data, "rules")
        for i, raw in enumerate(file_rules):
            rctx = fctx.at("rules").at(i)
            # a file's rules belong to its own instruments; a file declaring none (election_offences.yaml) to those
            # of the files read before it (UU 7/2017, UU 10/2016)
            inst = _instrument_for(rctx, raw, line_of(file_rules, i), mine or instruments)
            rule = parse_rule(rctx, raw, line_of(file_rules, i), inst)
            if rule.id in rule_where:
                Ctx(str(path), rctx.path, rule.id).at("id").fail(
                    f"duplicate rule id {rule.id!r} (first defined in {rule_where[rule.id]})", line_of(raw, "id")
                )
            rule_where[rule.id] = f"{path}, line {line_of(raw, 'id')}"
            rule_lines[rule.id] = (Ctx(str(path), rctx.path, rule.id), raw)
            rules.append(rule)

    for rule in rules:
        rctx, raw = rule_lines[rule.id]
        for j, ref in enumerate(rule.related):
            if ref == rule.id or ref not in rule_where:
                problem = "a rule cannot relate to itself" if ref == rule.id else f"unknown rule id {ref!r}"
                rctx.at("related").at(j).fail(problem, line_of(raw.get("related"), j))

    return Rulebook(data_version=version.strip(), families=families, instruments=tuple(instruments),
                    rules=tuple(rules))


def _anchor_keys(data: Any) -> set[str]:
    """Top-level ``x-...`` keys only hold YAML anchors (shared sources, sanctions) and are otherwise ignored."""
    if not isinstance(data, dict):
        return set()
    return {k for k in data if isinstance(k, str) and k.startswith("x-")}


def _list(ctx: Ctx, data: Any, key: str) -> list:
    value = data[key]
    if not isinstance(value, list):
        ctx.at(key).fail("expected a list", line_of(data, key))
    return value


def _instrument_for(ctx: Ctx, raw: Any, line: int | None, instruments: list[Instrument]) -> Instrument:
    rule_id = raw.get("id") if hasattr(raw, "get") else None
    if not isinstance(rule_id, str):
        # let parse_rule report the precise problem (not a mapping, or missing/invalid id)
        return instruments[0] if instruments else _no_instrument(ctx, line)
    matches = [inst for inst in instruments if rule_id.startswith(inst.id_prefix)]
    if not matches:
        prefixes = ", ".join(repr(i.id_prefix) for i in instruments) or "none declared in this file"
        Ctx(ctx.file, ctx.path, rule_id).at("id").fail(
            f"rule id does not start with an instrument prefix of this file ({prefixes})", line_of(raw, "id")
        )
    return max(matches, key=lambda inst: len(inst.id_prefix))


def _no_instrument(ctx: Ctx, line: int | None) -> Instrument:
    ctx.fail("the file declares no instruments, so its rules cannot be placed", line)


def _load_families(path: Path) -> tuple[FamilyInfo, ...]:
    data = _read(path)
    ctx = Ctx(str(path))
    mapping(ctx, data, 1, required={"families"}, optional={"note"})
    items = _list(ctx, data, "families")
    out: list[FamilyInfo] = []
    for i, raw in enumerate(items):
        info = parse_family_info(ctx.at("families").at(i), raw, line_of(items, i))
        if any(f.id is info.id for f in out):
            ctx.at("families").at(i).at("id").fail(f"duplicate family {info.id.value!r}", line_of(raw, "id"))
        out.append(info)
    missing = [f.value for f in Family if not any(x.id is f for x in out)]
    if missing:
        ctx.at("families").fail(f"missing families: {', '.join(missing)} (all nine are required)",
                                own_line(items) or line_of(data, "families"))
    return tuple(out)
