"""Input items and output results: the stable contract of the screener (see README.md in this folder)."""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, field
from json.encoder import encode_basestring
from typing import Any

SOURCES = ("post", "report", "news")
# bytes a decoder could not read (surrogateescape), or a lone "\ud800"-style escape in JSON: not text
_SURROGATE_RE = re.compile("[\ud800-\udfff]")
_REGION_RE = re.compile(r"^\d{2}(\.\d{2}){0,3}$")


class ItemError(ValueError):
    """An input record that cannot be screened; the message is one sentence for the errors file."""

    def __init__(self, message: str, item_id: str | None = None):
        super().__init__(message)
        self.item_id = item_id


@dataclass(frozen=True, slots=True)
class Author:
    is_asn: bool | None = None
    role: str | None = None


@dataclass(frozen=True, slots=True)
class Item:
    id: str
    text: str
    source: str = "post"
    author: Author = field(default_factory=Author)
    created_at: dt.date | None = None
    region: str | None = None

    @classmethod
    def from_dict(cls, data: Any) -> Item:
        """Validate one input record (a JSON object or a CSV row already mapped to the same fields)."""
        if not isinstance(data, dict):
            raise ItemError(f"expected a JSON object, got {type(data).__name__}")
        raw_id = data.get("id")
        if raw_id is None or (isinstance(raw_id, str) and not raw_id.strip()):
            raise ItemError("missing id")
        if not isinstance(raw_id, str):
            raise ItemError(f"id must be a string, got {_kind(raw_id)}", None)
        if _SURROGATE_RE.search(raw_id):
            raise ItemError("id is not valid Unicode text (undecodable bytes or a lone surrogate escape)")
        item_id = raw_id
        text = data.get("text")
        if text is None:
            raise ItemError("missing text", item_id)
        if not isinstance(text, str):
            raise ItemError(f"text must be a string, got {_kind(text)}", item_id)
        if not text.strip():
            raise ItemError("text is empty", item_id)
        if _SURROGATE_RE.search(text):
            raise ItemError("text is not valid Unicode text (undecodable bytes or a lone surrogate escape)", item_id)
        source = data.get("source")
        if source is None or source == "":
            source = "post"
        if source not in SOURCES:
            raise ItemError(f"source must be one of post, report, news; got {source!r}", item_id)
        author = _author(data.get("author"), item_id)
        created = _date(data.get("created_at"), item_id)
        region = data.get("region")
        if region == "":
            region = None
        if region is not None and (not isinstance(region, str) or not _REGION_RE.match(region)):
            raise ItemError(f"region must be a Kemendagri code such as 33.20, got {region!r}", item_id)
        return cls(item_id, text, source, author, created, region)


def _kind(value: Any) -> str:
    return {bool: "a boolean", int: "a number", float: "a number", list: "a list", dict: "an object"}.get(
        type(value), type(value).__name__)


_TRUE = {"true", "1", "yes", "ya", "y"}
_FALSE = {"false", "0", "no", "tidak", "n"}


def _author(value: Any, item_id: str) -> Author:
    if value is None:
        return Author()
    if not isinstance(value, dict):
        raise ItemError(f"author must be an object, got {_kind(value)}", item_id)
    is_asn = value.get("is_asn")
    if isinstance(is_asn, str):  # CSV cells
        low = is_asn.strip().lower()
        if low in _TRUE:
            is_asn = True
        elif low in _FALSE:
            is_asn = False
        elif low in ("", "null", "none"):
            is_asn = None
        else:
            raise ItemError(f"author.is_asn must be true, false or null, got {is_asn!r}", item_id)
    if is_asn is not None and not isinstance(is_asn, bool):
        raise ItemError(f"author.is_asn must be true, false or null, got {is_asn!r}", item_id)
    role = value.get("role")
    if role is not None and not isinstance(role, str):
        raise ItemError(f"author.role must be text, got {_kind(role)}", item_id)
    if role is not None and _SURROGATE_RE.search(role):
        raise ItemError("author.role is not valid Unicode text", item_id)
    return Author(is_asn, (role or None) and role.strip() or None)


def _date(value: Any, item_id: str) -> dt.date | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise ItemError(f"created_at must be an ISO date string, got {_kind(value)}", item_id)
    text = value.strip()
    try:
        if len(text) == 10:
            return dt.date.fromisoformat(text)
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        raise ItemError(f"created_at is not an ISO date: {value!r}", item_id) from None


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    text: str
    rules: tuple[str, ...] = ()  # the rules this evidence matched (empty for the actor phrase)

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text, "rules": list(self.rules)}


@dataclass(frozen=True, slots=True)
class Stance:
    side: str  # "support" | "against"
    cues: tuple[str, ...]  # Indonesian cue names: "ajakan memilih", "pujian kepada paslon", "tagar kampanye", ...

    def to_dict(self) -> dict:
        return {"side": self.side, "cues": list(self.cues)}


@dataclass(frozen=True, slots=True)
class Actor:
    text: str | None
    bound: bool
    basis: str  # "author.is_asn" | "text" | "none"
    start: int | None = None
    end: int | None = None
    kind: str | None = None  # asn | village | security (when known)
    # how the text relates the person to the act: author, subject (the text reports them acting), audience
    # (spoken to), topic (asked about), nickname ("Pak Lurah" for the President), unbound ("mantan", "(Purn)")
    relation: str | None = None

    def to_dict(self) -> dict:
        return {"text": self.text, "bound": self.bound, "basis": self.basis, "start": self.start,
                "end": self.end, "kind": self.kind, "relation": self.relation}


@dataclass(frozen=True, slots=True)
class CandidateRef:
    number: str | None  # two digits, "02"
    name: str | None
    election: str | None
    text: str | None  # the words that named it

    def to_dict(self) -> dict:
        return {"number": self.number, "name": self.name, "election": self.election, "text": self.text}


@dataclass(frozen=True, slots=True)
class Result:
    id: str
    violation: bool
    score: float
    family: str | None
    rules: tuple[str, ...]
    evidence: tuple[Span, ...]
    actor: Actor
    candidate: CandidateRef | None
    stage: str | None
    reason: str
    stance: Stance | None = None  # the side the text takes, when the model reads one

    def to_json(self) -> str:
        """``json.dumps(self.to_dict(), ensure_ascii=False)``, the same text, written directly (the file pipeline
        writes one per input line; to_dict plus the generic encoder were about a tenth of screening a post)."""
        a = self.actor
        actor = (f'{{"text": {_js(a.text)}, "bound": {_js(a.bound)}, "basis": {_js(a.basis)}, '
                 f'"start": {_js(a.start)}, "end": {_js(a.end)}, "kind": {_js(a.kind)}, '
                 f'"relation": {_js(a.relation)}}}')
        c = self.candidate
        cand = "null" if c is None else (f'{{"number": {_js(c.number)}, "name": {_js(c.name)}, '
                                          f'"election": {_js(c.election)}, "text": {_js(c.text)}}}')
        st = self.stance
        stance = "null" if st is None else f'{{"side": {_js(st.side)}, "cues": {_jl(st.cues)}}}'
        evidence = ", ".join(f'{{"start": {_js(sp.start)}, "end": {_js(sp.end)}, "text": {_js(sp.text)}, '
                             f'"rules": {_jl(sp.rules)}}}' for sp in self.evidence)
        return (f'{{"id": {_js(self.id)}, "violation": {_js(self.violation)}, "score": {_js(self.score)}, '
                f'"family": {_js(self.family)}, "rules": {_jl(self.rules)}, "evidence": [{evidence}], '
                f'"actor": {actor}, "candidate": {cand}, "stage": {_js(self.stage)}, "stance": {stance}, '
                f'"reason": {_js(self.reason)}}}')

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "violation": self.violation,
            "score": self.score,
            "family": self.family,
            "rules": list(self.rules),
            "evidence": [s.to_dict() for s in self.evidence],
            "actor": self.actor.to_dict(),
            "candidate": self.candidate.to_dict() if self.candidate else None,
            "stage": self.stage,
            "stance": self.stance.to_dict() if self.stance else None,
            "reason": self.reason,
        }


def _js(value: Any) -> str:
    """One JSON scalar exactly as ``json.dumps(..., ensure_ascii=False)`` writes it."""
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, str):
        return encode_basestring(value)
    if isinstance(value, float):
        if math.isfinite(value):
            return float.__repr__(value)
        return "NaN" if value != value else ("Infinity" if value > 0 else "-Infinity")
    return int.__repr__(value)


def _jl(values: tuple | list) -> str:
    return "[" + ", ".join(_js(v) for v in values) + "]"
