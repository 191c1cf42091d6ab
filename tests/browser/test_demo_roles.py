"""The README's run command brings up the UI; every demo role signs in and sees only its own region."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

REGION_NAMES = {"jepara": "Kabupaten Jepara", "kukar": "Kabupaten Kutai Kartanegara"}


def sign_in(page, base: str, username: str, password: str) -> None:
    page.goto(base + "/masuk")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")


def demo_usernames() -> list[str]:
    """Every demo account (netra.demo.accounts), each a test of its own, so that the workers share them out."""
    from netra.demo.accounts import _wanted

    return [username for username, *_ in _wanted()]


@pytest.mark.parametrize("username", demo_usernames())
def test_each_demo_role_sees_only_its_region(reading_server, page, username):
    credentials = reading_server.credentials()
    assert len(credentials) == 12  # one per role and region, and two national administrators
    assert set(credentials) == set(demo_usernames())  # every one of them has a test here
    password = credentials[username]
    role, slug = username.split(".")
    sign_in(page, reading_server.url, username, password)
    page.wait_for_url("**/wilayah")
    assert page.get_by_test_id("who").inner_text() == username
    rows = page.locator("[data-testid=regions] tbody tr").all_inner_texts()
    if slug.startswith("nasional"):  # every province, and so both demo regions
        assert len(rows) > 500 and all(any(n in r for r in rows) for n in REGION_NAMES.values())
    else:
        assert len(rows) == 1 and REGION_NAMES[slug] in rows[0], (username, rows)
        other = REGION_NAMES["kukar" if slug == "jepara" else "jepara"]
        assert other not in page.content()
    page.click("[data-testid=account-menu]")
    page.click("text=Keluar")
    page.wait_for_url("**/?keluar=1")
    assert page.get_by_test_id("who").count() == 0


def test_wrong_password_shows_the_indonesian_message(reading_server, page):
    sign_in(page, reading_server.url, "bawaslu.jepara", "bukan-kata-sandinya")
    assert page.get_by_test_id("login-error").inner_text() == "Nama pengguna atau kata sandi salah."
    sign_in(page, reading_server.url, "orang.tak.dikenal", "bukan-kata-sandinya")
    assert page.get_by_test_id("login-error").inner_text() == "Nama pengguna atau kata sandi salah."


def test_home_page_in_both_languages(reading_server, page):
    page.goto(reading_server.url + "/")
    assert page.locator("html").get_attribute("lang") == "id"
    assert page.get_by_role("heading", name="Netra", exact=True).is_visible()
    page.click("text=English")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_text("Report a suspected violation").is_visible()
    page.click("text=Bahasa Indonesia")
    assert page.locator("html").get_attribute("lang") == "id"
