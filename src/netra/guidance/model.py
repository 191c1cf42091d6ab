"""Value objects of the "Bolehkah?" engine: the answer, its ranked rules, and the errors it raises."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from netra.guidance.status import STATUSES
from netra.elections.calendar import StageInfo
from netra.rulebook.model import LocalizedText, Rule

MAX_QUESTION_CHARS = 2000
SUBJECT_CHOICES = STATUSES  # the statuses a person may choose (see status.py); "asn" is also accepted


class Verdict(StrEnum):
    ALLOWED = "allowed"
    NOT_ALLOWED = "not_allowed"
    DEPENDS = "depends"


class GuidanceError(ValueError):
    """A question the engine will not answer (empty, too long, not Indonesian, bad parameter).

    ``message`` is Indonesian, ready to show; ``message_en`` the English version; ``code`` a stable key.
    """

    def __init__(self, code: str, message: str, message_en: str = ""):
        self.code = code
        self.message = message
        self.message_en = message_en or message
        super().__init__(message)

    def text(self, lang: str = "id") -> str:
        return self.message_en if lang == "en" else self.message


class GuidanceDataError(ValueError):
    """A guidance data file that cannot be used; names the file and the entry."""


@dataclass(frozen=True)
class Citation:
    cite: str
    verified: bool = True


@dataclass(frozen=True)
class SubjectOverride:
    verdict: Verdict
    reason: LocalizedText
    basis: tuple[Citation, ...] = ()
    rules: tuple[str, ...] = ()  # rulebook rules binding this status that the answer rests on (shown first)


@dataclass(frozen=True)
class Window:
    rule: str
    months_before_candidates_set: int


@dataclass(frozen=True)
class WhenStated:
    """A row's answer when the question states a condition (the reader's condition head): "allowed if <condition>,
    else depends", "not allowed if <condition>" ..."""

    verdict: Verdict
    reason: LocalizedText


@dataclass(frozen=True)
class ActType:
    """One act type of the decision table (data/acts.yaml) whose answer is fixed: allowed or allowed under a
    condition. `cues` only seed the training paraphrases; the learned reader decides which act a question is."""

    id: str
    verdict: Verdict
    cues: tuple[tuple[str, ...], ...]
    title: LocalizedText
    reason: LocalizedText
    rules: tuple[str, ...]
    basis: tuple[Citation, ...]
    caution: LocalizedText | None = None
    subjects: dict[str, SubjectOverride] = field(default_factory=dict)
    window: Window | None = None
    calendar_note: bool = False  # add the registration and candidates-set dates from the election calendars
    when: dict[str, WhenStated] = field(default_factory=dict)  # condition -> the answer when it is stated


@dataclass(frozen=True)
class RuleMatch:
    rule: Rule
    score: float
    applies: bool | None = None  # at the stage asked about; None when the stage is unknown
    binds_subject: bool | None = None  # None when the subject is unknown


@dataclass(frozen=True)
class Evidence:
    """The rulebook example closest to the question, quoted to show where an answer comes from."""

    rule_id: str
    text: str
    why: str | None
    kind: str  # "allowed" or "forbidden"


@dataclass(frozen=True)
class Answer:
    question: str
    verdict: Verdict
    matches: tuple[RuleMatch, ...]  # ranked, best first
    primary: tuple[Rule, ...]  # the rule(s) whose sanction and legal basis the answer reports
    reason: LocalizedText
    notes: tuple[LocalizedText, ...] = ()
    pattern: ActType | None = None  # the act type of the decision table that fixed the answer (API: "pattern")
    basis: tuple[Citation, ...] = ()  # the act type's basis for allowed/depends answers
    caution: LocalizedText | None = None
    evidence: Evidence | None = None
    subject: str | None = None  # the asker's status (status.py); None when the question named none
    subject_source: str | None = None  # "parameter" or "question"
    stage: StageInfo | None = None
    confident: bool = True
    rulebook_version: str = ""
    # The question named no status and the verdict differs by status: the asker must choose (never a guess).
    # Each option is a status with the verdict it would get.
    status_options: tuple[tuple[str, Verdict], ...] = ()

    @property
    def status(self) -> str | None:
        return self.subject

    @property
    def needs_status(self) -> bool:
        return bool(self.status_options)

    @property
    def rule_ids(self) -> tuple[str, ...]:
        return tuple(m.rule.id for m in self.matches)

    @property
    def legal_basis(self) -> tuple[str, ...]:
        """Legal basis of the primary rule(s) (deduplicated, in order), or of the act type when no rule is primary."""
        out: list[str] = []
        for rule in self.primary:
            for item in rule.legal_basis:
                if item not in out:
                    out.append(item)
        if not out:
            out = [c.cite + ("" if c.verified else " *") for c in self.basis]
        return tuple(out)

    def to_dict(self, lang: str = "id") -> dict[str, Any]:
        """Plain JSON-able form (the API's response body)."""
        def text(value: LocalizedText | None) -> str | None:
            return value.get(lang) if value else None

        return {
            "question": self.question,
            "verdict": self.verdict.value,
            "reason": text(self.reason),
            "reason_id": self.reason.id,
            "reason_en": self.reason.en,
            "notes": [text(n) for n in self.notes],
            "caution": text(self.caution),
            "confident": self.confident,
            "rules": [
                {
                    "id": m.rule.id,
                    "title": m.rule.title.get(lang),
                    "family": m.rule.family.value,
                    "score": round(m.score, 4),
                    "applies": m.applies,
                    "binds_subject": m.binds_subject,
                    "url": f"/aturan/{m.rule.id}",
                }
                for m in self.matches
            ],
            "primary_rules": [r.id for r in self.primary],
            "sanctions": [
                {
                    "rule_id": r.id,
                    "kind": r.sanction.kind.value,
                    "level": r.sanction.level.value,
                    "consists_of": r.sanction.consists_of.get(lang),
                    "imposed_by": r.sanction.imposed_by.get(lang) if r.sanction.imposed_by else None,
                    "disputed": bool(r.disputed and r.disputed.field.startswith("sanction")),
                }
                for r in self.primary
            ],
            "legal_basis": list(self.legal_basis),
            "basis": [{"cite": c.cite, "verified": c.verified} for c in self.basis],
            "pattern": self.pattern.id if self.pattern else None,
            "evidence": (
                {"rule_id": self.evidence.rule_id, "text": self.evidence.text, "why": self.evidence.why,
                 "kind": self.evidence.kind}
                if self.evidence else None
            ),
            "status": self.subject,
            "status_source": self.subject_source,
            "needs_status": self.needs_status,
            "status_options": [{"status": s, "verdict": v.value} for s, v in self.status_options],
            "subject": self.subject,
            "subject_source": self.subject_source,
            "stage": self.stage.to_dict() if self.stage else None,
            "rulebook_version": self.rulebook_version,
        }
