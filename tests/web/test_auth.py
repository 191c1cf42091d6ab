"""Sign-in, sign-out, CSRF and regional scope in the web UI."""

from netra.accounts.roles import Role
from tests.web.conftest import PASSWORD, csrf_of, login


def test_login_then_see_only_scoped_regions(client, make_account):
    make_account("bawaslu.jepara", Role.BAWASLU, ("33.20",))
    response = login(client, "bawaslu.jepara")
    assert response.status_code == 303 and response.headers["location"] == "/wilayah"
    page = client.get("/wilayah").text
    assert "Kabupaten Jepara" in page and "Kabupaten Kutai Kartanegara" not in page and "Kabupaten Pati" not in page


def test_province_scope_lists_every_child(client, make_account):
    make_account("bkn.kaltim", Role.BKN, ("64",))
    login(client, "bkn.kaltim")
    page = client.get("/wilayah").text
    assert "Kalimantan Timur" in page and "Kabupaten Kutai Kartanegara" in page and "Kota Samarinda" in page
    assert "Kabupaten Jepara" not in page


def test_wrong_login_message_is_the_same_for_unknown_users(client, make_account):
    make_account("ppk.jepara", Role.PPK)
    wrong_password = login(client, "ppk.jepara", "bukan-sandinya-123")
    unknown_user = login(client, "tidak.ada.orangnya", PASSWORD)
    assert wrong_password.status_code == unknown_user.status_code == 401
    for r in (wrong_password, unknown_user):
        assert "Nama pengguna atau kata sandi salah." in r.text
    assert client.get("/wilayah", follow_redirects=False).status_code == 303


def test_pages_behind_login_redirect_to_the_form(client):
    response = client.get("/wilayah", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"].startswith("/masuk")


def test_post_without_csrf_token_is_refused(client, make_account):
    make_account("viewer.jepara", Role.VIEWER)
    client.get("/masuk")
    refused = client.post("/masuk", data={"username": "viewer.jepara", "password": PASSWORD},
                          headers={"accept": "text/html"})
    assert refused.status_code == 403 and "Formulir sudah kedaluwarsa" in refused.text
    forged = client.post("/masuk", data={"username": "viewer.jepara", "password": PASSWORD, "csrf_token": "x" * 43})
    assert forged.status_code == 403


def test_logout_needs_csrf_and_ends_the_session(client, make_account):
    make_account("admin.jepara", Role.ADMIN)
    login(client, "admin.jepara")
    page = client.get("/wilayah").text
    assert client.post("/keluar").status_code == 403  # no token: still signed in
    assert client.get("/wilayah", follow_redirects=False).status_code == 200
    client.post("/keluar", data={"csrf_token": csrf_of(page)})
    assert client.get("/wilayah", follow_redirects=False).status_code == 303


def test_login_redirect_stays_on_site(client, make_account):
    make_account("viewer.kukar", Role.VIEWER, ("64.02",))
    token = csrf_of(client.get("/masuk").text)
    response = client.post("/masuk", data={"username": "viewer.kukar", "password": PASSWORD, "csrf_token": token,
                                           "next": "//evil.example/x"}, follow_redirects=False)
    assert response.headers["location"] == "/wilayah"


def test_lockout_after_repeated_failures_even_for_unknown_users(client, make_account):
    make_account("bawaslu.kukar", Role.BAWASLU, ("64.02",))
    for username in ("bawaslu.kukar", "belum.ada"):
        for _ in range(5):
            assert login(client, username, "salah-sandi-panjang").status_code == 401
        locked = login(client, username, PASSWORD if username == "bawaslu.kukar" else "apa-saja-panjang")
        assert locked.status_code == 429 and "Terlalu banyak percobaan masuk" in locked.text
    assert client.get("/wilayah", follow_redirects=False).status_code == 303  # the right password did not help


def test_success_clears_earlier_failures(client, make_account):
    make_account("viewer.jepara", Role.VIEWER)
    for _ in range(4):
        login(client, "viewer.jepara", "salah-sandi-panjang")
    assert login(client, "viewer.jepara").status_code == 303
    for _ in range(4):
        assert login(client, "viewer.jepara", "salah-sandi-panjang").status_code == 401
