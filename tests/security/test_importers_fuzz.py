"""Property-based tests of the importers that are not covered elsewhere: any input gets a clear answer and
leaves stored data intact."""

import io
import json
import tarfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from netra.accounts.roles import Role
from netra.services.accounts import create_account
from netra.services.monitoring import screen_and_queue
from netra.storage.backup import BackupError, restore_backup
from netra.storage.evidence_store import EvidenceStore
from netra.storage.tables import CaseRow, ScreenedItemRow, UserRow

RECORD = st.dictionaries(
    st.sampled_from(["id", "text", "source", "author", "created_at", "region", "x"]),
    st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=80),
              st.dictionaries(st.sampled_from(["is_asn", "role"]), st.one_of(st.none(), st.booleans(), st.text(max_size=10)))),
    max_size=7,
)
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck), database=None)


@FUZZ
@given(records=st.lists(RECORD, max_size=8))
def _queue_property(db, officer, records):
    before = None
    with db.transaction() as s:
        before = s.scalar(select(func.count()).select_from(ScreenedItemRow))
    summary = screen_and_queue(db, records, "fuzz", "pilkada2024", default_region="33.20", account=officer)
    assert summary.screened + sum(r.startswith("baris") for r in summary.rejected) == len(records)
    with db.transaction() as s:
        after = s.scalar(select(func.count()).select_from(ScreenedItemRow))
    assert after - before == summary.queued


def test_queue_import_never_crashes(db):
    _queue_property(db, create_account(db, "bawaslu.fuzz", "", "kata-sandi-panjang", Role.BAWASLU, ["33"]))


@FUZZ
@given(payload=st.one_of(st.binary(max_size=400), st.dictionaries(st.text(max_size=12), st.text(max_size=20), max_size=4)))
def _restore_property(db, tmp_path, payload):
    path = tmp_path / "fuzz.tar.gz"
    if isinstance(payload, bytes):
        path.write_bytes(payload)
    else:  # a well-formed archive with a manifest of arbitrary content
        with tarfile.open(path, "w:gz") as tar:
            data = json.dumps(payload).encode()
            info = tarfile.TarInfo("manifest.json")
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    with pytest.raises(BackupError):
        restore_backup(db, EvidenceStore(tmp_path / "ev"), path)
    with db.transaction() as s:
        assert s.scalar(select(func.count()).select_from(CaseRow)) == 0
        assert s.scalar(select(func.count()).select_from(UserRow)) == 0


def test_restore_refuses_any_garbage_cleanly(db, tmp_path):
    _restore_property(db, tmp_path)
