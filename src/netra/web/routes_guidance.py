"""Public guidance pages: "Bolehkah?" (page, HTMX partial and JSON API), the rule browser, and the printable
guideline (HTML and PDF). No sign-in: everything here is public information."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Body, Depends, Query, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field
from starlette.datastructures import FormData

from netra.guidance import SUBJECT_CHOICES, GuidanceError
from netra.guidance.guideline import Labels, guideline_outline, guideline_pdf
from netra.rulebook import Rulebook
from netra.services import guidance_questions, reference_changes, reference_data
from netra.web.forms import form_data
from netra.web.i18n import pick_language
from netra.web.rendering import render

router = APIRouter()


def current_rulebook(request: Request) -> Rulebook:
    """The rulebook in force: the packaged one with the administrators' recorded corrections."""
    return reference_data.rulebook(request.app.state.db)


def _election_choices(request: Request) -> tuple[tuple[str, Any], ...]:
    return tuple((e.id, e.name) for e in reference_data.elections(request.app.state.db))


def _lang(request: Request) -> str:
    return pick_language(request.cookies.get("lang"))


# --- "Bolehkah?" page ---------------------------------------------------------------------------------------------------
def _ask(request: Request, values: dict[str, str]) -> tuple[Any, GuidanceError | None]:
    when = None
    if values.get("when"):
        try:
            when = date.fromisoformat(values["when"])
        except ValueError:
            return None, GuidanceError("bad_date", "Tanggal tidak valid (format TTTT-BB-HH).",
                                       "Invalid date (format YYYY-MM-DD).")
    try:
        result = reference_data.guidance_engine(request.app.state.db).answer(
            values.get("q", ""), when=when, status=values.get("status") or values.get("subject") or None,
            election=values.get("election") or None)
    except GuidanceError as exc:
        return None, exc
    return result, None


def _page(request: Request, values: dict[str, str], result=None, error: GuidanceError | None = None,
          status_code: int = 200):
    return render(request, "guidance_page.html", {
        "values": values, "answer": result, "error": error, "subjects": SUBJECT_CHOICES,
        "elections": _election_choices(request), "examples": EXAMPLES, "token": _count(request, result),
    }, status_code=status_code)


def _count(request: Request, result) -> str | None:
    """Count an answered question anonymously; the token lets its feedback form find the count once."""
    return guidance_questions.record(request.app.state.db, result) if result is not None else None


FIELDS = ("q", "when", "status", "subject", "election")


EXAMPLES = (
    "boleh gak sih PNS nge-like postingan paslon?",
    "guru PPPK ikut foto salam dua jari sama cagub",
    "ASN boleh datang ke TPS nyoblos?",
    "Bolehkah kepala dinas mengimbau stafnya tetap netral dan menggunakan hak pilih?",
)


@router.get("/bolehkah", include_in_schema=False)
def guidance_page(request: Request, q: str | None = None, when: str | None = None, status: str | None = None,
                  subject: str | None = None, election: str | None = None):
    values = {"q": q or "", "when": when or "", "status": status or subject or "", "election": election or ""}
    if q is None:
        reference_data.prepare_guidance_engine(request.app.state.db)
        return _page(request, values)
    result, error = _ask(request, values)
    return _page(request, values, result, error, 422 if error else 200)


@router.post("/bolehkah", include_in_schema=False)
def guidance_submit(request: Request, form: FormData = Depends(form_data)):
    values = {k: str(form.get(k) or "") for k in FIELDS}
    values["status"] = values["status"] or values.pop("subject")
    values.pop("subject", None)
    result, error = _ask(request, values)
    if request.headers.get("hx-request") == "true":
        # HTMX swaps only successful responses, so the partial (answer or message) always comes with 200.
        return render(request, "guidance_answer.html", {"answer": result, "error": error, "values": values,
                                                        "subjects": SUBJECT_CHOICES, "token": _count(request, result)})
    return _page(request, values, result, error, 422 if error else 200)


@router.post("/bolehkah/umpan-balik", include_in_schema=False)
def guidance_feedback(request: Request, form: FormData = Depends(form_data)):
    """"Apakah jawaban ini membantu?": ya or tidak, an optional comment; no sign-in, nothing about the asker."""
    helpful = str(form.get("helpful") or "")
    message, code = "guidance.feedback.thanks", 200
    try:
        if helpful not in ("ya", "tidak"):
            raise guidance_questions.FeedbackError("Pilih ya atau tidak.")
        guidance_questions.feedback(request.app.state.db, str(form.get("token") or ""), helpful == "ya",
                                    str(form.get("q") or ""), str(form.get("comment") or ""))
    except guidance_questions.FeedbackError as exc:
        message, code = str(exc), 422
    htmx = request.headers.get("hx-request") == "true"
    return render(request, "guidance_feedback.html", {"message": message, "ok": code == 200, "full": not htmx,
                                                      "q": str(form.get("q") or "")},
                  status_code=200 if htmx else code)


# --- JSON API ---------------------------------------------------------------------------------------------------------
class GuidanceQuery(BaseModel):
    question: str = Field(description="The question in Indonesian, informal spelling welcome (at most 2,000 characters).",
                          examples=["boleh gak sih PNS nge-like postingan paslon?"])
    when: date | None = Field(None, description="Day of the act; the election calendar then decides the stage.")
    status: str | None = Field(None, description=f"Who asks: one of {', '.join(SUBJECT_CHOICES)} (or asn). Without "
                               "it, the question's words decide; when they do not and the verdict differs by status, "
                               "the answer has needs_status=true and status_options instead of a guess.")
    subject: str | None = Field(None, description="Older name of status.")
    election: str | None = Field(None, description="Election id, e.g. pilkada2024 or pemilu2024 (default: from the date).")
    lang: str = Field("id", description="Language of reason, notes and titles: id or en.")


class RuleOut(BaseModel):
    id: str
    title: str
    family: str
    score: float
    applies: bool | None = Field(description="Whether the rule applies at the stage asked about (null: stage unknown).")
    binds_subject: bool | None
    url: str


class SanctionOut(BaseModel):
    rule_id: str
    kind: str
    level: str
    consists_of: str
    imposed_by: str | None
    disputed: bool


class CitationOut(BaseModel):
    cite: str
    verified: bool


class EvidenceOut(BaseModel):
    rule_id: str
    text: str
    why: str | None
    kind: str


class StatusOption(BaseModel):
    status: str
    verdict: str


class GuidanceOut(BaseModel):
    question: str
    verdict: str = Field(description="allowed, not_allowed or depends")
    reason: str
    reason_id: str
    reason_en: str
    notes: list[str]
    caution: str | None
    confident: bool = Field(description="False when no rule clearly matched.")
    rules: list[RuleOut] = Field(description="Matching rules, best first.")
    primary_rules: list[str] = Field(description="The rule(s) whose sanction and legal basis are reported.")
    sanctions: list[SanctionOut]
    legal_basis: list[str]
    basis: list[CitationOut] = Field(description="Basis of an allowed/depends pattern; verified=false: not yet checked.")
    pattern: str | None
    evidence: EvidenceOut | None
    status: str | None = Field(description="The status the answer is for (null when it must be chosen).")
    status_source: str | None = Field(description="parameter or question")
    needs_status: bool = Field(description="True: the verdict differs by status; ask again with status.")
    status_options: list[StatusOption] = Field(description="Each status with the verdict it would get.")
    subject: str | None
    subject_source: str | None
    stage: dict | None
    rulebook_version: str


class GuidanceProblem(BaseModel):
    detail: str = Field(description="What is wrong, in Indonesian.")
    detail_en: str
    code: str = Field(description="empty, too_long, english, not_indonesian, bad_subject or bad_election")


_API_DOC = {
    "response_model": GuidanceOut,
    "tags": ["guidance"],
    "responses": {422: {"model": GuidanceProblem, "description": "Empty, too long or non-Indonesian question, or a bad parameter."}},
}


def _api_answer(request: Request, query: GuidanceQuery):
    try:
        result = reference_data.guidance_engine(request.app.state.db).answer(
            query.question, when=query.when, status=query.status or query.subject, election=query.election)
    except GuidanceError as exc:
        return JSONResponse({"detail": exc.message, "detail_en": exc.message_en, "code": exc.code}, status_code=422)
    _count(request, result)
    return result.to_dict("en" if query.lang == "en" else "id")


@router.get("/api/guidance", summary="Bolehkah? (GET)", **_API_DOC)
def guidance_api_get(
    request: Request,
    q: str = Query(..., description="The question in Indonesian (at most 2,000 characters)."),
    when: date | None = Query(None, description="Day of the act (YYYY-MM-DD)."),
    status: str | None = Query(None, description=f"Who asks: one of {', '.join(SUBJECT_CHOICES)} (or asn)."),
    subject: str | None = Query(None, description="Older name of status."),
    election: str | None = Query(None, description="Election id, e.g. pilkada2024."),
    lang: str = Query("id", description="id or en"),
):
    """Answer a "Bolehkah?" question: verdict (allowed / not_allowed / depends), the matching rules ranked, the
    reason, the sanction and the legal basis. Works offline from the rulebook; no account needed."""
    return _api_answer(request, GuidanceQuery(question=q, when=when, status=status, subject=subject,
                                              election=election, lang=lang))


@router.post("/api/guidance", summary="Bolehkah? (POST)", **_API_DOC)
def guidance_api_post(request: Request, query: GuidanceQuery = Body(...)):
    """The same as GET, with the question in a JSON body (better for long questions)."""
    return _api_answer(request, query)


# --- rule browser -------------------------------------------------------------------------------------------------------
@router.get("/aturan", include_in_schema=False)
def rules_list(request: Request, family: str | None = None, instrument: str | None = None):
    book = current_rulebook(request)
    families = [f.id.value for f in book.families]
    instruments = [i.id for i in book.instruments]
    chosen_family = family if family in families else None
    chosen_instrument = instrument if instrument in instruments else None
    groups = []
    for info in book.families:
        if chosen_family and info.id.value != chosen_family:
            continue
        rules = [r for r in book.by_family(info.id) if not chosen_instrument or r.instrument == chosen_instrument]
        if rules:
            groups.append((info, rules))
    return render(request, "rules_list.html", {
        "book": book, "groups": groups, "family": chosen_family or "", "instrument": chosen_instrument or "",
        "unknown_filter": (family and not chosen_family) or (instrument and not chosen_instrument),
        "count": sum(len(rules) for _, rules in groups), "L": Labels(_lang(request)),
        "rulebook_version": reference_data.rulebook_version(request.app.state.db),
        "changelog": reference_changes.changelog(request.app.state.db),
    })


@router.get("/aturan/{rule_id}", include_in_schema=False)
def rule_detail(request: Request, rule_id: str):
    book = current_rulebook(request)
    rule = book.get(rule_id)
    if rule is None:
        return render(request, "rules_not_found.html", {"rule_id": rule_id}, status_code=404)
    related = [book[r] for r in rule.related if r in book]
    referenced_by = [r for r in book if rule.id in r.related and r.id not in rule.related]
    return render(request, "rules_detail.html", {
        "book": book, "rule": rule, "family": book.family(rule.family), "instrument": book.instrument(rule.instrument),
        "related": related, "referenced_by": referenced_by, "L": Labels(_lang(request)),
        "corrections": [c for c in reference_changes.changelog(request.app.state.db, rule.id) if c.version],
    })


# --- printable guideline ------------------------------------------------------------------------------------------------
@router.get("/pedoman", include_in_schema=False)
def guideline_page(request: Request):
    book = current_rulebook(request)
    return render(request, "guideline_document.html",
                  {"book": book, "outline": guideline_outline(book), "L": Labels(_lang(request))})


@router.get("/pedoman.pdf", include_in_schema=False)
def guideline_download(request: Request):
    book = current_rulebook(request)
    lang = _lang(request)
    key = (book.version, len(book.overrides), lang)  # a recorded correction gives a new document
    if key not in _pdfs:
        _pdfs.clear()
        _pdfs[key] = guideline_pdf(book, lang=lang)
    pdf = _pdfs[key]
    name = "pedoman-netralitas-asn.pdf" if lang == "id" else "asn-neutrality-guideline.pdf"
    return Response(pdf, media_type="application/pdf",
                    headers={"Content-Disposition": f'inline; filename="{name}"', "Cache-Control": "no-cache"})


_pdfs: dict[tuple, bytes] = {}
