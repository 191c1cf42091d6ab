"""The allowed and conditional conduct of "Bolehkah?" (``data/allowed.yaml``), read and checked against the lexicon
and the rulebook: every concept must exist in the lexicon and every rule in the rulebook, and the rules a status's
answer rests on must bind that status.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from netra.guidance import status as statuses
from netra.guidance.model import Citation, GuidanceDataError, Pattern, SubjectOverride, Verdict, Window
from netra.guidance.text import Lexicon
from netra.rulebook import LocalizedText, Rulebook


def read_yaml(path: Path) -> dict:
    with open(path, encoding="utf-8") as fh:
        return yaml.safe_load(fh) or {}


def _localized(raw, where: str) -> LocalizedText:
    if not isinstance(raw, dict) or not isinstance(raw.get("id"), str) or not isinstance(raw.get("en"), str):
        raise GuidanceDataError(f"{where}: expected {{id: ..., en: ...}}")
    return LocalizedText(id=raw["id"].strip(), en=raw["en"].strip())


def _citations(raw, where: str) -> tuple[Citation, ...]:
    if not isinstance(raw, list) or not raw:
        raise GuidanceDataError(f"{where}: expected a non-empty list of {{cite: ..., verified: ...}}")
    out = []
    for n, item in enumerate(raw):
        if not isinstance(item, dict) or not isinstance(item.get("cite"), str):
            raise GuidanceDataError(f"{where}[{n}]: expected {{cite: text}}")
        out.append(Citation(item["cite"].strip(), bool(item.get("verified", True))))
    return tuple(out)


def load_patterns(path: Path, *, rulebook: Rulebook, lexicon: Lexicon) -> tuple[Pattern, ...]:
    """Read and validate data/allowed.yaml: every concept must exist in the lexicon, every rule in the rulebook."""
    raw = read_yaml(path)
    items = raw.get("patterns")
    if not isinstance(items, list) or not items:
        raise GuidanceDataError(f"{path}: expected a non-empty 'patterns' list")
    seen: set[str] = set()
    out: list[Pattern] = []
    for n, item in enumerate(items):
        where = f"{path}, patterns[{n}]"
        if not isinstance(item, dict) or not isinstance(item.get("id"), str):
            raise GuidanceDataError(f"{where}: expected a mapping with an 'id'")
        pid = item["id"]
        where = f"{path}, pattern {pid!r}"
        if pid in seen:
            raise GuidanceDataError(f"{where}: duplicate id")
        seen.add(pid)
        unknown_keys = set(item) - {"id", "verdict", "requires", "excludes", "title", "reason", "caution", "rules",
                                    "basis", "subjects", "window", "calendar_note"}
        if unknown_keys:
            raise GuidanceDataError(f"{where}: unknown field(s) {sorted(unknown_keys)}")
        try:
            verdict = Verdict(item.get("verdict", "allowed"))
        except ValueError:
            raise GuidanceDataError(f"{where}: verdict must be allowed, not_allowed or depends") from None
        requires_raw = item.get("requires")
        if not isinstance(requires_raw, list) or not requires_raw or not all(isinstance(g, list) and g for g in requires_raw):
            raise GuidanceDataError(f"{where}: 'requires' must be a non-empty list of non-empty concept lists")
        requires = tuple(frozenset(str(c) for c in g) for g in requires_raw)
        excludes = frozenset(str(c) for c in item.get("excludes") or ())
        for c in set().union(*requires) | excludes:
            if c not in lexicon.concept_names:
                raise GuidanceDataError(f"{where}: unknown concept {c!r} (define it in lexicon.yaml)")
        rules = tuple(str(r) for r in item.get("rules") or ())
        for r in rules:
            if r not in rulebook:
                raise GuidanceDataError(f"{where}: unknown rule id {r!r}")
        subjects: dict[str, SubjectOverride] = {}
        for subject, ov in (item.get("subjects") or {}).items():
            if subject not in statuses.STATUSES:
                raise GuidanceDataError(f"{where}: unknown subject {subject!r}")
            where_ov = f"{where}, subjects.{subject}"
            ov_rules = tuple(str(r) for r in ov.get("rules") or ())
            unknown = [r for r in ov_rules if r not in rulebook]
            if unknown:
                raise GuidanceDataError(f"{where_ov}.rules: unknown rule id(s) {unknown}")
            if any(not rulebook[r].binds(statuses.BOUND_AS[subject][0]) for r in ov_rules if statuses.BOUND_AS[subject]):
                raise GuidanceDataError(f"{where_ov}.rules: every rule must bind {subject}")
            subjects[subject] = SubjectOverride(
                verdict=Verdict(ov.get("verdict", verdict.value)),
                reason=_localized(ov.get("reason"), f"{where_ov}.reason"),
                # a rule states what binds the asker; a citation only explains why nothing does
                basis=_citations(ov.get("basis"), f"{where_ov}.basis") if ov.get("basis") or not ov_rules else (),
                rules=ov_rules,
            )
        window = None
        if item.get("window") is not None:
            w = item["window"]
            if not isinstance(w, dict) or w.get("rule") not in rulebook or not isinstance(w.get("months_before_candidates_set"), int):
                raise GuidanceDataError(f"{where}: window needs a known 'rule' and an integer 'months_before_candidates_set'")
            window = Window(w["rule"], w["months_before_candidates_set"])
        out.append(Pattern(
            id=pid, verdict=verdict, requires=requires, excludes=excludes,
            title=_localized(item.get("title"), f"{where}, title"),
            reason=_localized(item.get("reason"), f"{where}, reason"),
            caution=_localized(item["caution"], f"{where}, caution") if item.get("caution") else None,
            rules=rules, basis=_citations(item.get("basis"), f"{where}, basis"), subjects=subjects, window=window,
            calendar_note=bool(item.get("calendar_note", False)),
        ))
    return tuple(out)
