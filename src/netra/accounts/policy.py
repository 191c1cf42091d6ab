"""What each role may see and do: the one place pages, documents (PDF), exports (CSV/XLSX) and the API ask.

Seeing. A reporter who asked for confidentiality is known only to the handling Bawaslu officers, and to them one
report at a time, on an audited request, never in bulk (an export or a document). Other reporters' identities
(name, NIK, address, contact) are shown to the officers who handle cases (Bawaslu, BKN, the PPK) and to
administrators, never to viewers. Viewers (leaders, auditors) follow cases without names: neither the reporter's
nor the reported person's name and NIP, and not the officers' internal notes. Evidence: Bawaslu holds the legal
originals, byte-exact with their file names; other roles get a derivative under a neutral name (issue 14,
finding 2: stripping the metadata of the bytes is the evidence download's job).

Doing. The workflow table (netra.cases.table) says which role takes which step; the capabilities below say who
may use the queue, link cases, export and administer reference data.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from netra.accounts.model import Account
from netra.accounts.roles import Role

HIDDEN_TEXT = "(dirahasiakan)"


class Access(StrEnum):
    HIDDEN = "hidden"
    ON_REQUEST = "on_request"  # one report at a time, on an audited request
    SHOWN = "shown"


class Capability(StrEnum):
    REVIEW_QUEUE = "review_queue"  # the monitoring queue: import, check out, confirm or dismiss
    LINK_CASES = "link_cases"  # handle related reports as one case
    EXPORT_CASES = "export_cases"  # the case list as CSV/XLSX (cut to what the role sees)
    ADMINISTER = "administer"  # reference data: rulebook corrections, elections, deadlines, workforce table


@dataclass(frozen=True)
class CaseView:
    """What one role sees of a case."""

    reporter: Access  # identity of a reporter who did not ask for confidentiality
    confidential_reporter: Access
    reported_person: bool  # the reported person's name and NIP (position and agency are always shown)
    internal_notes: bool  # officers' reasons in the history, and step details that quote people's words
    evidence_originals: bool  # byte-exact originals and their file names
    documents: frozenset[str]  # the case documents (PDF) the role may download
    # Thumbnails of images (made from the metadata-free copy) and first pages of PDFs on the case page: for the
    # officers who handle cases, not for viewers (evidence shows people's faces and names).
    evidence_previews: bool = False


SUMMARY, LETTER = "ringkasan", "surat-rekomendasi"
_OFFICER = CaseView(Access.SHOWN, Access.HIDDEN, True, True, False, frozenset({SUMMARY, LETTER}), True)
VIEWS = {
    Role.BAWASLU: CaseView(Access.SHOWN, Access.ON_REQUEST, True, True, True, frozenset({SUMMARY, LETTER}), True),
    Role.BKN: _OFFICER,
    Role.PPK: _OFFICER,
    Role.ADMIN: _OFFICER,
    # The recommendation letter is Bawaslu's to BKN, its reasons and all: not for read-only accounts.
    Role.VIEWER: CaseView(Access.HIDDEN, Access.HIDDEN, False, False, False, frozenset({SUMMARY})),
}
# Step details anyone who may see the case may read: which rules, where it went, the sanction. Others (a finding's
# evidence spans quote the post) are internal notes.
PLAIN_PAYLOAD = frozenset({"rule_ids", "rule_id", "destination", "ppk", "sanction", "linked_case", "survivor"})
# History entries about the officers' own work (who handles a case, their comments): kept for officers, never on
# the reporter's status page or API, not even as a bare date.
INTERNAL_HISTORY = frozenset({"assign", "unassign", "comment"})
CAPABILITIES = {
    Role.BAWASLU: frozenset({Capability.REVIEW_QUEUE, Capability.LINK_CASES, Capability.EXPORT_CASES}),
    Role.BKN: frozenset({Capability.EXPORT_CASES}),
    Role.PPK: frozenset({Capability.EXPORT_CASES}),
    Role.ADMIN: frozenset({Capability.EXPORT_CASES, Capability.ADMINISTER}),
    Role.VIEWER: frozenset({Capability.EXPORT_CASES}),
}

# Who may see a person of the civil-servant register (personal data).
PERSONAL = (Role.BKN, Role.BAWASLU, Role.PPK)


def may_see_person(account: Account, region_code: str, has_case_in_scope: bool) -> bool:
    """BKN and Bawaslu see a person of their region or of a case they handle; a PPK only people of its own
    region (it is their PPK). Administrators and viewers never see a person."""
    if account.role not in PERSONAL:
        return False
    return account.may_see(region_code) or (account.role is not Role.PPK and has_case_in_scope)


def case_view(role: Role | str) -> CaseView:
    return VIEWS[Role(role)]


def may(role: Role | str, capability: Capability) -> bool:
    return capability in CAPABILITIES[Role(role)]


def reporter_access(role: Role | str, confidential: bool, *, bulk: bool = False) -> Access:
    """How `role` may see the identity of a reporter; in bulk (exports, documents) a request is never possible."""
    view = case_view(role)
    access = view.confidential_reporter if confidential else view.reporter
    return Access.HIDDEN if bulk and access is Access.ON_REQUEST else access


def visible_payload(role: Role | str, payload: dict) -> dict:
    """The details of a history step as `role` may read them."""
    if case_view(role).internal_notes:
        return dict(payload)
    return {k: v for k, v in payload.items() if k in PLAIN_PAYLOAD}


def shown(value: str, visible: bool) -> str:
    """The value when visible; otherwise a mark that something is withheld (nothing when there was nothing)."""
    return value if visible else (HIDDEN_TEXT if value else "")


__all__ = ["CAPABILITIES", "HIDDEN_TEXT", "INTERNAL_HISTORY", "LETTER", "PLAIN_PAYLOAD", "SUMMARY", "VIEWS", "Access",
           "CaseView", "Capability", "case_view", "may", "reporter_access", "shown", "visible_payload"]
