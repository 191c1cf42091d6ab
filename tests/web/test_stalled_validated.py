"""A case stalled after Bawaslu validated it (BKN has not sent it to the PPK) shows as overdue on the worklist and
on the case page (issue 12: that stage had no clock)."""

from __future__ import annotations

import re
from datetime import timedelta

from netra.accounts.roles import Role
from tests.web.conftest import login
from tests.web.worklist_support import NOW, load


def test_case_stalled_in_validated_is_overdue(client, app, make_account):
    stalled, fresh = load(app.state.db, [dict(state="validated_by_bawaslu", at=NOW - timedelta(days=20)),
                                         dict(state="validated_by_bawaslu", at=NOW - timedelta(hours=6))])
    make_account("bkn.jepara", Role.BKN)
    login(client, "bkn.jepara")
    overdue = client.get("/perkara?view=overdue").text
    assert re.findall(r'<tr data-case-id="(\d+)"', overdue) == [str(stalled)]
    row = overdue.split(f'data-case-id="{stalled}"')[1].split("</tr>")[0]
    assert 'data-testid="overdue"' in row and "WIB" in row
    assert str(fresh) in client.get("/perkara?view=mine").text  # waiting for BKN, not yet late
    page = client.get(f"/perkara/{stalled}").text
    clock = page.split('data-testid="clock"')[1].split("</p>")[0]
    assert "Penyampaian hasil validasi kepada PPK oleh BKN" in clock and 'class="overdue"' in clock
