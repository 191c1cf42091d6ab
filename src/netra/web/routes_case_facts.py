"""Completing and correcting a case's facts from its page (issue 12): the reported person and the event."""

from __future__ import annotations

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import RedirectResponse
from starlette.datastructures import FormData

from netra.accounts.model import Account
from netra.cases import AMENDABLE_FIELDS, WorkflowError
from netra.services.case_workflow import CaseNotFound, amend_case
from netra.web.forms import form_data, text
from netra.web.params import RowId, form_int
from netra.web.routes_cases import _refused
from netra.web.security import require_account

router = APIRouter(include_in_schema=False)


@router.post("/perkara/{case_id}/data")
def amend_facts(case_id: RowId, request: Request, form: FormData = Depends(form_data),
                account: Account = Depends(require_account)):
    # Only the fields the form carried: the form holds the fields this role may change, prefilled.
    wanted = {f: text(form, f) for f in AMENDABLE_FIELDS if f in form}
    try:
        amend_case(request.app.state.db, account, case_id, form_int(text(form, "expected_version")) or 0, wanted,
                   text(form, "reason"))
    except CaseNotFound:
        raise HTTPException(404) from None
    except WorkflowError as exc:
        return _refused(request, account, case_id, str(exc))
    return RedirectResponse(f"/perkara/{case_id}?ok=amend_facts#data-perkara", status_code=303)
