"""Accounts: creation rules, password hashing and sign-in."""

import pytest
from sqlalchemy import select

from netra.accounts.passwords import WeakPassword
from netra.accounts.roles import Role
from netra.services.accounts import AccountError, authenticate, create_account
from netra.storage.tables import UserRow


def test_create_and_sign_in(db, production_hasher):
    account = create_account(db, "Bawaslu.Jepara", "Siti Demo", "kata-sandi-panjang", Role.BAWASLU, ["33.20"])
    assert account.username == "bawaslu.jepara" and account.scope == ("33.20",)
    assert authenticate(db, "bawaslu.jepara", "kata-sandi-panjang") == account
    with db.transaction() as s:
        stored = s.scalar(select(UserRow.password_hash))
    assert stored.startswith("$argon2id$") and "kata-sandi-panjang" not in stored
    assert "$m=65536,t=3,p=4$" in stored  # RFC 9106's second recommended setting: 64 MiB, 3 passes, 4 lanes


def test_unknown_user_is_checked_against_a_production_cost_hash(db, production_hasher):
    from netra.accounts.passwords import _dummy_hash

    assert authenticate(db, "tidak.ada", "kata-sandi-panjang") is None
    assert "$m=65536,t=3,p=4$" in _dummy_hash()  # as slow as a real account's check: no username oracle


def test_wrong_password_and_unknown_user_look_the_same(db):
    create_account(db, "ppk.kukar", "", "kata-sandi-panjang", Role.PPK, ["64.02"])
    assert authenticate(db, "ppk.kukar", "salah-sandi-panjang") is None
    assert authenticate(db, "tidak.ada", "kata-sandi-panjang") is None


@pytest.mark.parametrize(
    "username,password,scope,message",
    [
        ("ab", "kata-sandi-panjang", ["33.20"], "Nama pengguna"),
        ("valid.user", "pendek", ["33.20"], "minimal 10"),
        ("valid.user", "kata-sandi-panjang", [], "minimal satu wilayah"),
        ("valid.user", "kata-sandi-panjang", ["99.99"], "tidak dikenal"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_stored(db, username, password, scope, message):
    with pytest.raises((AccountError, WeakPassword), match=message):
        create_account(db, username, "", password, Role.VIEWER, scope)
    with db.transaction() as s:
        assert s.scalar(select(UserRow.id)) is None


def test_duplicate_username_is_refused(db):
    create_account(db, "bkn.jepara", "", "kata-sandi-panjang", Role.BKN, ["33"])
    with pytest.raises(AccountError, match="sudah dipakai"):
        create_account(db, "bkn.jepara", "", "kata-sandi-lainnya", Role.BKN, ["64"])
    assert authenticate(db, "bkn.jepara", "kata-sandi-panjang").scope == ("33",)


def test_province_scope_sees_its_regencies(db):
    account = create_account(db, "bkn.jateng", "", "kata-sandi-panjang", Role.BKN, ["33"])
    assert account.may_see("33.20") and account.may_see("33")
    assert not account.may_see("64.02") and not account.may_see("3")
