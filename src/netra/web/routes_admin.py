"""Administrators' reference data page: rulebook corrections, added elections and the civil-servant table.

The same service functions as `netra rules override`, `netra elections add` and `netra regions workforce` do the
checking, storing and auditing; this module only reads the forms, turns pasted YAML into data with an Indonesian
message when it cannot, and shows the page again with the input kept when a change is refused.
"""

from __future__ import annotations

import json
from datetime import date, datetime, timezone
from typing import Any

import yaml
from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import RedirectResponse
from starlette.datastructures import FormData
from sqlalchemy import select

from netra.accounts.model import Account
from netra.accounts.policy import Capability, may, may_change_national_reference
from netra.rulebook.model import SanctionKind, SanctionLevel
from netra.services import reference_changes, reference_data
from netra.web.params import RowId
from netra.services.reference_data import ReferenceDataError
from netra.storage.tables import AddedElectionRow, RuleOverrideRow, WorkforceTableRow
from netra.web.forms import form_data
from netra.web.rendering import render
from netra.web.security import require_account

router = APIRouter(include_in_schema=False)

PAGE = "/admin/referensi"
MAX_TEXT = 200_000  # characters of pasted YAML: a table of every province and regency is about 15,000
MAX_NODES = 100_000  # values in pasted YAML once anchors are expanded (stops "billion laughs" pastes)
OK_KEYS = {"aturan": "admin.ok.rule", "pemilihan": "admin.ok.election", "pegawai": "admin.ok.workforce",
           "tenggat": "admin.ok.deadlines", "disetujui": "governance.ok.approved", "ditolak": "governance.ok.rejected"}
# The values offered for the level and kind fields, with their names (any valid value is accepted).
LEVELS = [(v.value, v.value.replace("_", " ").capitalize()) for v in SanctionLevel] + \
         [(v.value, v.value.capitalize()) for v in SanctionKind]


class FormError(ValueError):
    """Input refused before it reaches the service; the message is shown as is."""


def _admin(account: Account = Depends(require_account)) -> Account:
    if not may(account.role, Capability.ADMINISTER):
        raise HTTPException(403)
    return account


def _page(request: Request, account: Account, *, ok: str | None = None, form: str | None = None,
          error: str | None = None, values: dict[str, str] | None = None, status_code: int = 200):
    db = request.app.state.db
    book = reference_data.rulebook(db)
    table = reference_data.workforce(db)
    with db.transaction() as session:
        overrides = [
            {"rule_id": r.rule_id, "field": reference_changes.STORED_FIELDS.get(r.field, r.field),
             "value": _shown(r.value.get("value")), "by": r.by_user, "at": _utc(r.at),
             "reason": r.reason, "effective_from": r.effective_from}
            for r in session.scalars(select(RuleOverrideRow).order_by(RuleOverrideRow.id.desc()))]
        added = [_election_row(r)
                 for r in session.scalars(select(AddedElectionRow).order_by(AddedElectionRow.id.desc()))]
        latest = session.scalars(select(WorkforceTableRow).order_by(WorkforceTableRow.id.desc()).limit(1)).first()
        installed = latest and {"by": latest.by_user, "at": _utc(latest.at), "reason": latest.reason}
    deadlines_yaml, deadlines_changed = reference_data.deadlines_document(db)
    if deadlines_changed:
        deadlines_changed["at"] = _utc(deadlines_changed["at"])
    return render(request, "admin_reference.html", {
        "account": account, "ok_key": OK_KEYS.get(ok or ""), "form": form, "error": error, "values": values or {},
        "rules": [(r.id, r.title) for r in book.rules], "rule_fields": reference_changes.RULE_FIELDS,
        "levels": LEVELS, "overrides": overrides, "national": may_change_national_reference(account),
        "pending": reference_changes.pending(db), "decided": reference_changes.decided(db),
        "today": reference_data.national_today().isoformat(), "version": reference_data.rulebook_version(db),
        "added": added, "packaged_elections": [e.id for e in reference_data.elections(db)
                                               if e.id not in {a["id"] for a in added}],
        "workforce": table, "workforce_total": sum(table.counts.values()), "installed": installed,
        "deadlines_yaml": deadlines_yaml, "deadlines_changed": deadlines_changed,
    }, status_code=status_code)


def _shown(value: Any) -> str:
    """A stored value as it reads: a sanction by its level and text, anything else as JSON."""
    if isinstance(value, dict) and "level" in value:
        return f"{value['level']}: {(value.get('consists_of') or {}).get('id', '')}"
    return json.dumps(value, ensure_ascii=False)


def _election_row(row: AddedElectionRow) -> dict[str, Any]:
    data = row.data or {}
    name = data.get("name") if isinstance(data.get("name"), dict) else {}
    return {"id": row.election_id, "name_id": name.get("id", ""), "name_en": name.get("en", ""),
            "kind": data.get("kind", ""), "stages": len(data.get("stages") or []), "by": row.by_user,
            "at": _utc(row.at)}


def _utc(at: datetime) -> datetime:
    """SQLite hands back naive UTC, PostgreSQL aware times: shown as UTC either way."""
    return at.replace(tzinfo=timezone.utc) if at.tzinfo is None else at.astimezone(timezone.utc)


def _refused(request: Request, account: Account, form: str, error: str, values: dict[str, str]):
    return _page(request, account, form=form, error=error, values=values, status_code=422)


def _fields(form: FormData, *names: str) -> dict[str, str]:
    return {n: str(form.get(n) or "") for n in names}


def _read_yaml(text: str, what: str) -> Any:
    """Pasted YAML as plain JSON-able data (dates become text, as in the CLI), or FormError in Indonesian."""
    if not text.strip():
        raise FormError(f"Tuliskan {what.lower()} dalam format YAML.")
    if len(text) > MAX_TEXT:
        raise FormError(f"{what} terlalu panjang (lebih dari {MAX_TEXT:,} karakter).".replace(",", "."))
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" pada baris {mark.line + 1}, kolom {mark.column + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or exc.__class__.__name__
        raise FormError(f"{what} bukan YAML yang sah{where} ({problem}). Periksa indentasi, titik dua, "
                        "dan tanda kutip.") from None
    if not _small_enough(data):
        raise FormError(f"{what} terlalu besar setelah anchor/alias YAML diuraikan.")
    return json.loads(json.dumps(data, default=str))


def _detail(exc: ReferenceDataError) -> str:
    """The service's reason without the where-prefix meant for files ("override #1 of ... by ...", "line 1")."""
    cause = exc.__cause__
    problem = getattr(cause, "problem", None)
    if problem:
        field = getattr(cause, "field", None)
        return f"kolom '{field}': {problem}" if field else problem
    return str(exc).removeprefix("workforce file: ")


def _small_enough(data: Any) -> bool:
    budget = [MAX_NODES]
    stack = [data]
    while stack:
        item = stack.pop()
        budget[0] -= 1
        if budget[0] < 0:
            return False
        if isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return True


@router.get(PAGE)
def reference_page(request: Request, account: Account = Depends(_admin)):
    return _page(request, account, ok=request.query_params.get("ok"))


def _national(request: Request, account: Account, form: str, values: dict[str, str]):
    """A regional administrator's national change: refused with the reason, the form kept, nothing stored."""
    if may_change_national_reference(account):
        return None
    return _page(request, account, form=form, values=values, status_code=403,
                 error="Ditolak: koreksi aturan, pemilihan baru, tenggat waktu dan tabel pegawai berlaku nasional; "
                       "hanya administrator dengan cakupan nasional yang dapat mengusulkan atau mengubahnya.")


def _effective(values: dict[str, str]):
    text = values["effective_from"].strip()
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        raise FormError("Tanggal mulai berlaku tidak sah (gunakan format TTTT-BB-HH).") from None


@router.post(PAGE + "/aturan")
def propose_rule(request: Request, form: FormData = Depends(form_data), account: Account = Depends(_admin)):
    values = _fields(form, "rule_id", "field", "value", "effective_from", "reason", "source")
    if (refused := _national(request, account, "rule", values)) is not None:
        return refused
    try:
        if not values["value"].strip():
            raise FormError("Tuliskan nilai baru.")
        reference_changes.propose_rule(request.app.state.db, account, values["rule_id"].strip(), values["field"],
                                       values["value"].strip(), _effective(values), values["reason"], values["source"])
    except FormError as exc:
        return _refused(request, account, "rule", str(exc), values)
    except ReferenceDataError as exc:
        return _refused(request, account, "rule", f"Usulan tidak dicatat: {_detail(exc)}", values)
    return RedirectResponse(f"{PAGE}?ok=aturan#usulan", status_code=303)


@router.post(PAGE + "/pemilihan")
def propose_election(request: Request, form: FormData = Depends(form_data), account: Account = Depends(_admin)):
    values = _fields(form, "election_yaml", "effective_from", "reason", "source")
    if (refused := _national(request, account, "election", values)) is not None:
        return refused
    try:
        data = _read_yaml(values["election_yaml"], "Data pemilihan")
        if not isinstance(data, dict):
            raise FormError("Tempelkan satu pemilihan sebagai pemetaan YAML (id, kind, name, legal_basis, sources, "
                            "applies_to, stages), seperti berkas kalender bawaan.")
        reference_changes.propose_election(request.app.state.db, account, data, _effective(values),
                                           values["reason"], values["source"])
    except FormError as exc:
        return _refused(request, account, "election", str(exc), values)
    except ReferenceDataError as exc:
        return _refused(request, account, "election", f"Usulan pemilihan tidak dicatat: {_detail(exc)}", values)
    except (TypeError, AttributeError, KeyError):
        return _refused(request, account, "election",
                        "Usulan pemilihan tidak dicatat: isian tidak sesuai format kalender bawaan.", values)
    return RedirectResponse(f"{PAGE}?ok=pemilihan#usulan", status_code=303)


@router.post(PAGE + "/usulan/{proposal_id}")
def decide_proposal(proposal_id: RowId, request: Request, form: FormData = Depends(form_data),
                    account: Account = Depends(_admin)):
    values = _fields(form, "decision", "decision_reason")
    values["proposal_id"] = str(proposal_id)
    if (refused := _national(request, account, "decide", values)) is not None:
        return refused
    if values["decision"] not in ("setujui", "tolak"):
        return _refused(request, account, "decide", "Pilih setujui atau tolak.", values)
    try:
        reference_changes.decide(request.app.state.db, account, proposal_id, values["decision"] == "setujui",
                                 values["decision_reason"])
    except ReferenceDataError as exc:
        return _refused(request, account, "decide", f"Keputusan tidak dicatat: {_detail(exc)}", values)
    ok = "disetujui" if values["decision"] == "setujui" else "ditolak"
    return RedirectResponse(f"{PAGE}?ok={ok}#usulan", status_code=303)


def _document(request: Request, account: Account, form: FormData, *, name: str, field: str, what: str, install,
              refused: str, ok: str):
    """A pasted YAML document with a reason (the civil-servant table, the deadlines): checked, put in force by
    `install`, or shown again with the input kept and the reason it was refused."""
    values = _fields(form, field, "reason")
    if (national := _national(request, account, name, values)) is not None:
        return national
    try:
        if not values["reason"].strip():
            raise FormError("Tuliskan alasan dan sumber perubahan.")
        _read_yaml(values[field], what)  # an Indonesian message for broken YAML
        install(request.app.state.db, account, values[field], values["reason"])
    except FormError as exc:
        return _refused(request, account, name, str(exc), values)
    except ReferenceDataError as exc:
        return _refused(request, account, name, f"{refused}: {_detail(exc)}", values)
    return RedirectResponse(f"{PAGE}?ok={ok}#{ok}", status_code=303)


@router.post(PAGE + "/pegawai")
def install_workforce(request: Request, form: FormData = Depends(form_data), account: Account = Depends(_admin)):
    return _document(request, account, form, name="workforce", field="workforce_yaml", what="Tabel pegawai",
                     install=reference_data.install_workforce, refused="Tabel pegawai tidak dipasang", ok="pegawai")


@router.post(PAGE + "/tenggat")
def set_deadlines(request: Request, form: FormData = Depends(form_data), account: Account = Depends(_admin)):
    return _document(request, account, form, name="deadlines", field="deadlines_yaml", what="Tenggat waktu",
                     install=reference_data.set_deadlines, refused="Tenggat waktu tidak diubah", ok="tenggat")
