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
from functools import cache

from netra.accounts.model import Account
from netra.accounts.roles import Role
from netra.regions.model import covers
from netra.regions.source import load_reference_regions

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
    MANAGE_USERS = "manage_users"  # accounts within the administrator's own scope (/admin/pengguna)
    READ_AUDIT = "read_audit"  # the audit trail in the browser, cut to the administrator's scope (/admin/audit)


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
PLAIN_PAYLOAD = frozenset({"rule_ids", "rule_id", "destination", "ppk", "sanction", "linked_case", "survivor",
                           "rulebook_version"})
# History entries about the officers' own work (who handles a case, their comments): kept for officers, never on
# the reporter's status page or API, not even as a bare date.
INTERNAL_HISTORY = frozenset({"assign", "unassign", "comment"})
CAPABILITIES = {
    Role.BAWASLU: frozenset({Capability.REVIEW_QUEUE, Capability.LINK_CASES, Capability.EXPORT_CASES}),
    Role.BKN: frozenset({Capability.EXPORT_CASES}),
    Role.PPK: frozenset({Capability.EXPORT_CASES}),
    Role.ADMIN: frozenset({Capability.EXPORT_CASES, Capability.ADMINISTER, Capability.MANAGE_USERS,
                           Capability.READ_AUDIT}),
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


# ------------------------------------------------------------------------------------------- scope of administration
# National scope is no region limit: every province is covered (a province covers its regencies and cities), so
# it is stored as the regions themselves and `storage/scope.within` needs no special case.


@cache
def _provinces() -> frozenset[str]:
    return frozenset(r.code for r in load_reference_regions() if r.parent_code is None)


def covers_all(scope: tuple[str, ...] | list[str], codes) -> bool:
    """True when every region in `codes` lies within `scope`."""
    return all(any(covers(s, c) for s in scope) for c in codes)


def is_national(scope) -> bool:
    """An account whose regions cover every province: no region limit."""
    return covers_all(tuple(scope), _provinces())


def may_manage_account(admin: Account, target_scope) -> bool:
    """An administrator manages (sees, changes, deactivates) only accounts entirely within their own scope."""
    return may(admin.role, Capability.MANAGE_USERS) and bool(target_scope) and covers_all(admin.scope, target_scope)


def grant_refusal(admin: Account, role: Role | str, scope) -> str | None:
    """Why `admin` may not give an account `role` over `scope` (None: allowed). Nobody gives more scope than their
    own: a regency administrator cannot create a national or a neighbouring officer, nor an administrator above
    themselves (an administrator with the same or a narrower scope is not above them). Every role reaches only its
    regions, administrators included, so the regions decide for every role."""
    if not may(admin.role, Capability.MANAGE_USERS):
        return "Hanya administrator yang dapat mengelola akun."
    if not scope:
        return "Pilih minimal satu wilayah."
    outside = [c for c in scope if not covers_all(admin.scope, (c,))]
    if outside:
        return ("Anda tidak dapat memberi wilayah di luar cakupan Anda sendiri: " + ", ".join(sorted(outside)) + ".")
    return None


def may_change_national_reference(account: Account) -> bool:
    """Rulebook corrections and new elections hold for the whole country: only a national administrator may
    propose or decide one (and the decider must be another person: services/reference_changes)."""
    return may(account.role, Capability.ADMINISTER) and is_national(account.scope)


def audit_limit(account: Account) -> tuple[str, ...] | None:
    """The regions whose audit entries `account` may read; None means every entry. A regional administrator reads
    the entries on cases of their regions and on accounts within their scope; entries naming no region (national
    reference data, elections, API tokens, the chain's seals, public reports before they became a case) are
    national and read by national administrators only, since they concern the whole country."""
    if not may(account.role, Capability.READ_AUDIT):
        return ()
    return None if is_national(account.scope) else tuple(account.scope)


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


__all__ = ["CAPABILITIES", "audit_limit", "covers_all", "grant_refusal", "is_national", "may_change_national_reference",
           "may_manage_account", "HIDDEN_TEXT", "INTERNAL_HISTORY",
           "LETTER", "PLAIN_PAYLOAD", "SUMMARY", "VIEWS", "Access", "CaseView",
           "Capability", "case_view", "may", "reporter_access", "shown", "visible_payload"]
