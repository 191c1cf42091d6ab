"""The decision table of "Bolehkah?" (``data/acts.yaml``): the act types whose answer is fixed (allowed, or allowed
under a condition), read and checked against the lexicon and the rulebook: every cue concept must exist in the
lexicon and every rule in the rulebook, and the rules a status's answer rests on must bind that status. Which act a
question describes is the learned reader's call (reader.py); the kinds answered from the rulebook are named here.
"""

from __future__ import annotations

from pathlib import Path

from netra.guidance import status as statuses
from netra.guidance.model import ActType, Citation, GuidanceDataError, SubjectOverride, Verdict, WhenStated, Window
from netra.guidance.text import Lexicon
from netra.rulebook import LocalizedText, Rulebook
from netra.yaml_data import safe_load


def read_yaml(path: Path) -> dict:
    with open(path, encoding="utf-8") as fh:
        return safe_load(fh) or {}


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


DATA_DIR = Path(__file__).resolve().parent / "data"
ACT_PREFIX = "act."  # the reader's label of a table row: "act.<id>"
PROHIBITED = "prohibited."  # "prohibited.<family>": an act the rulebook forbids, answered from its rules
NEUTRAL = "neutral"  # nothing any rule forbids: allowed for everyone
PRIVATE_PHOTO = "private_photo"  # a photo with a contestant, not published, no sign of support: "depends"


def load_conditions(path: Path | None = None) -> tuple[dict[str, LocalizedText], tuple[str, ...],
                                                     dict[str, frozenset[str]]]:
    """The conditions a question may state (acts.yaml `conditions`: each one's name as the page states it), those
    that make a prohibited reading yield to an allowed row (`allowing_conditions`), and the offences binding
    everyone that a stated condition lifts (`lifting_conditions`: rule id -> conditions)."""
    path = path or DATA_DIR / "acts.yaml"
    raw = read_yaml(path)
    names = {str(c): _localized(t, f"{path}, conditions.{c}") for c, t in (raw.get("conditions") or {}).items()}
    allowing = tuple(str(c) for c in raw.get("allowing_conditions") or ())
    lifting = {str(r): frozenset(map(str, cs)) for r, cs in (raw.get("lifting_conditions") or {}).items()}
    unknown = [c for c in (*allowing, *(c for cs in lifting.values() for c in cs)) if c not in names]
    if unknown:
        raise GuidanceDataError(f"{path}, allowing_conditions/lifting_conditions: unknown condition(s) {unknown}")
    return names, allowing, lifting


def load_acts(path: Path | None = None, *, rulebook: Rulebook, lexicon: Lexicon) -> tuple[ActType, ...]:
    """Read and validate data/acts.yaml: every concept must exist in the lexicon, every rule in the rulebook, every
    condition a row answers to in the `conditions` vocabulary."""
    path = path or DATA_DIR / "acts.yaml"
    raw = read_yaml(path)
    conditions = load_conditions(path)[0]
    items = raw.get("acts")
    if not isinstance(items, list) or not items:
        raise GuidanceDataError(f"{path}: expected a non-empty 'acts' list")
    seen: set[str] = set()
    out: list[ActType] = []
    for n, item in enumerate(items):
        where = f"{path}, acts[{n}]"
        if not isinstance(item, dict) or not isinstance(item.get("id"), str):
            raise GuidanceDataError(f"{where}: expected a mapping with an 'id'")
        pid = item["id"]
        where = f"{path}, act {pid!r}"
        if pid in seen:
            raise GuidanceDataError(f"{where}: duplicate id")
        seen.add(pid)
        unknown_keys = set(item) - {"id", "verdict", "cues", "title", "reason", "caution", "rules",
                                    "basis", "subjects", "window", "calendar_note", "when"}
        if unknown_keys:
            raise GuidanceDataError(f"{where}: unknown field(s) {sorted(unknown_keys)}")
        try:
            verdict = Verdict(item.get("verdict", "allowed"))
        except ValueError:
            raise GuidanceDataError(f"{where}: verdict must be allowed, not_allowed or depends") from None
        cues_raw = item.get("cues")
        if not isinstance(cues_raw, list) or not cues_raw or not all(isinstance(g, list) and g for g in cues_raw):
            raise GuidanceDataError(f"{where}: 'cues' must be a non-empty list of non-empty concept lists")
        cues = tuple(tuple(str(c) for c in g) for g in cues_raw)
        for c in {c for g in cues for c in g}:
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
        when: dict[str, WhenStated] = {}
        for c, w in (item.get("when") or {}).items():
            if c not in conditions:
                raise GuidanceDataError(f"{where}, when: unknown condition {c!r} (name it in 'conditions')")
            try:
                when[c] = WhenStated(Verdict(w.get("verdict")), _localized(w.get("reason"), f"{where}, when.{c}.reason"))
            except ValueError:
                raise GuidanceDataError(f"{where}, when.{c}: verdict must be allowed, not_allowed or depends") from None
        out.append(ActType(
            id=pid, verdict=verdict, cues=cues,
            title=_localized(item.get("title"), f"{where}, title"),
            reason=_localized(item.get("reason"), f"{where}, reason"),
            caution=_localized(item["caution"], f"{where}, caution") if item.get("caution") else None,
            rules=rules, basis=_citations(item.get("basis"), f"{where}, basis"), subjects=subjects, window=window,
            calendar_note=bool(item.get("calendar_note", False)), when=when,
        ))
    return tuple(out)
