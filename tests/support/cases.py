"""Test set-up for cases whose reported person is known (what the substance gate needs before a recommendation):
the facts an officer would have completed on the case page. Only empty facts are filled, so a test's own name or
NIP stays."""

from __future__ import annotations

from netra.storage.tables import CaseRow

PERSON = dict(reported_name="Budi Santoso", reported_nip="190001012000011001", reported_position="Kepala Seksi",
              reported_agency="Dinas Pendidikan", reported_status="pns")


def complete_person(db, case_id: int, **facts) -> None:
    with db.transaction() as session:
        row = session.get(CaseRow, case_id)
        for key, value in {**PERSON, **facts}.items():
            if key in facts or not getattr(row, key):
                setattr(row, key, value)
