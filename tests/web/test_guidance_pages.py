"""Public guidance pages: "Bolehkah?" (page, HTMX partial, no-JS form), its JSON API, the rule browser and the
printable guideline (HTML and PDF). The app is built here with the guidance router included, so these tests run
whether or not app.py registers it yet."""

from __future__ import annotations

import io
import re
import shutil

import pytest
from fastapi.testclient import TestClient
from pypdf import PdfReader

from netra.rulebook import load_rulebook
from netra.storage.database import Database
from netra.web.app import create_app
from tests.web.conftest import csrf_of

BOOK = load_rulebook()


@pytest.fixture
def database_url(tmp_path, sqlite_template):
    """These pages touch no table of their own: SQLite only keeps them fast."""
    path = tmp_path / "netra.sqlite3"
    shutil.copy(sqlite_template, path)
    return f"sqlite:///{path}"


@pytest.fixture
def client(settings):
    app = create_app(settings, Database(settings.database_url))
    with TestClient(app) as c:
        yield c


def assert_csp_clean(html: str) -> None:
    """The CSP forbids inline scripts and styles: no <script> without src, no style attributes or blocks."""
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html)
    assert ' style="' not in html and "<style" not in html


# --- Bolehkah? page ---------------------------------------------------------------------------------------------------
def test_the_page_has_a_form_that_works_without_javascript(client):
    r = client.get("/bolehkah")
    assert r.status_code == 200
    assert 'method="post" action="/bolehkah"' in r.text and 'hx-post="/bolehkah"' in r.text
    assert 'name="csrf_token"' in r.text and 'name="q"' in r.text and 'name="when"' in r.text
    assert_csp_clean(r.text)


def test_posting_the_form_answers_on_a_full_page(client):
    token = csrf_of(client.get("/bolehkah").text)
    r = client.post("/bolehkah", data={"q": "boleh gak sih PNS nge-like postingan paslon?", "csrf_token": token})
    assert r.status_code == 200
    assert "<html" in r.text and 'data-verdict="not_allowed"' in r.text
    assert "Tidak boleh" in r.text and "skb2022.disiplin.6" in r.text and "skb2022.etik.4" in r.text
    assert "Dasar hukum" in r.text and "Sanksi" in r.text
    assert_csp_clean(r.text)


def test_htmx_gets_only_the_answer(client):
    token = csrf_of(client.get("/bolehkah").text)
    r = client.post("/bolehkah", data={"q": "ASN boleh datang ke TPS nyoblos?", "csrf_token": token},
                    headers={"HX-Request": "true", "X-CSRF-Token": token})
    assert r.status_code == 200
    assert "<html" not in r.text and 'data-verdict="allowed"' in r.text and "Boleh" in r.text


def test_the_form_needs_the_csrf_token(client):
    client.get("/bolehkah")
    r = client.post("/bolehkah", data={"q": "ASN boleh datang ke TPS nyoblos?"})
    assert r.status_code == 403


def test_bad_questions_get_an_indonesian_message_and_no_answer(client):
    token = csrf_of(client.get("/bolehkah").text)
    r = client.post("/bolehkah", data={"q": "   ", "csrf_token": token})
    assert r.status_code == 422 and "Pertanyaan masih kosong" in r.text and "data-verdict" not in r.text
    r = client.post("/bolehkah", data={"q": "Can a civil servant like a post?", "csrf_token": token},
                    headers={"HX-Request": "true"})
    assert r.status_code == 200 and "bahasa Inggris" in r.text and "data-verdict" not in r.text
    r = client.post("/bolehkah", data={"q": "Bolehkah ASN ikut kampanye?", "when": "kemarin", "csrf_token": token})
    assert r.status_code == 422 and "Tanggal tidak valid" in r.text


def test_a_question_in_the_address_is_answered_too(client):
    r = client.get("/bolehkah", params={"q": "PNS ngelike postingan akun relawan calon bupati", "when": "2024-10-10"})
    assert r.status_code == 200 and 'data-verdict="not_allowed"' in r.text
    assert "skb2022.disiplin.6" in r.text and "Masa kampanye" in r.text


def test_the_page_speaks_english_on_request(client):
    client.cookies.set("lang", "en")
    r = client.get("/bolehkah", params={"q": "ASN boleh datang ke TPS nyoblos?"})
    assert "Allowed" in r.text and "Civil servants keep their right to vote" in r.text


# --- API --------------------------------------------------------------------------------------------------------------
def test_api_get_answers_with_verdict_rules_sanction_and_basis(client):
    r = client.get("/api/guidance", params={"q": "guru PPPK ikut foto salam dua jari sama cagub"})
    assert r.status_code == 200
    data = r.json()
    assert data["verdict"] == "not_allowed" and data["subject"] == "pppk"
    assert data["rules"][0]["id"] in ("skb2022.etik.5", "skb2022.disiplin.7")
    assert data["sanctions"] and data["legal_basis"] and data["reason"].startswith("Tidak boleh")


def test_api_post_takes_json_with_date_and_status(client):
    r = client.post("/api/guidance", json={"question": "PNS ngelike postingan akun relawan bakal calon bupati",
                                           "when": "2024-08-01", "subject": "pns", "lang": "en"})
    assert r.status_code == 200
    data = r.json()
    assert data["rules"][0]["id"] == "skb2022.etik.4"
    assert data["stage"]["candidates_set"] is False and data["reason"].startswith("Not allowed")


@pytest.mark.parametrize("params,code", [
    ({"q": ""}, "empty"), ({"q": "x" * 2001}, "too_long"), ({"q": "Can I join a campaign rally as a teacher?"}, "english"),
    ({"q": "qwrtz plmkn bvcxz"}, "not_indonesian"), ({"q": "ASN ikut kampanye", "subject": "menteri"}, "bad_subject"),
])
def test_api_refuses_bad_input_with_422_in_indonesian(client, params, code):
    r = client.get("/api/guidance", params=params)
    assert r.status_code == 422
    body = r.json()
    assert body["code"] == code and body["detail"] and body["detail"] != body["detail_en"]


def test_api_refuses_a_bad_date_with_422(client):
    r = client.get("/api/guidance", params={"q": "ASN ikut kampanye", "when": "10-10-2024"})
    assert r.status_code == 422 and r.json()["detail"] == "Masukan tidak valid."


def test_the_api_is_documented_in_openapi(client):
    spec = client.get("/openapi.json").json()
    path = spec["paths"]["/api/guidance"]
    assert set(path) == {"get", "post"}
    for op in path.values():
        assert "422" in op["responses"] and "200" in op["responses"]
        assert op["tags"] == ["guidance"]
    assert "GuidanceOut" in spec["components"]["schemas"] and "GuidanceProblem" in spec["components"]["schemas"]
    assert "/bolehkah" not in spec["paths"] and "/aturan" not in spec["paths"]


# --- rule browser -----------------------------------------------------------------------------------------------------
def test_the_rule_list_shows_every_rule_grouped_by_family(client):
    r = client.get("/aturan")
    assert r.status_code == 200
    for rule in BOOK:
        assert f'href="/aturan/{rule.id}"' in r.text
    families = re.findall(r'data-family="([a-z_]+)"', r.text)
    assert families == [f.id.value for f in BOOK.families if BOOK.by_family(f.id)]
    assert "diperselisihkan" in r.text
    assert_csp_clean(r.text)


def test_the_rule_list_filters_by_family_and_instrument(client):
    r = client.get("/aturan", params={"family": "social_media"})
    shown = set(re.findall(r'data-rule="([^"]+)"', r.text))
    assert shown == {x.id for x in BOOK.by_family("social_media")}
    r = client.get("/aturan", params={"instrument": "pp94_2021"})
    shown = set(re.findall(r'data-rule="([^"]+)"', r.text))
    assert shown == {x.id for x in BOOK.by_instrument("pp94_2021")}
    r = client.get("/aturan", params={"family": "campaign", "instrument": "uu7_2017"})
    shown = set(re.findall(r'data-rule="([^"]+)"', r.text))
    assert shown == {x.id for x in BOOK.by_instrument("uu7_2017") if x.family.value == "campaign"}
    r = client.get("/aturan", params={"family": "nonsense"})
    assert r.status_code == 200 and "Saringan tidak dikenal" in r.text
    assert len(set(re.findall(r'data-rule="([^"]+)"', r.text))) == len(BOOK)


def test_one_rule_is_linkable_by_id_and_shows_disputed_values(client):
    r = client.get("/aturan/skb2022.disiplin.8")
    assert r.status_code == 200
    assert 'data-testid="rule-id">skb2022.disiplin.8' in r.text
    assert 'data-testid="disputed-note"' in r.text and "tingkat sanksi" in r.text and "sanction.level" not in r.text
    assert "sedang" in r.text.lower() and "Tribun" in r.text  # the other value and its source
    assert "Contoh yang dilarang" in r.text and "Contoh yang dibolehkan" in r.text
    assert_csp_clean(r.text)


def test_every_rule_page_renders(client):
    for rule in BOOK:
        r = client.get(f"/aturan/{rule.id}")
        assert r.status_code == 200, rule.id
        assert rule.title.id in r.text.replace("&#34;", '"').replace("&#39;", "'")


def test_an_own_law_rule_page_says_whom_it_binds_and_that_it_is_unverified_in_plain_words(client):
    r = client.get("/aturan/uu6_2014.29.j")
    assert r.status_code == 200
    body = r.text
    assert "Kepala desa dilarang ikut serta atau terlibat dalam kampanye" in body
    assert "UU 6/2014 tentang Desa Pasal 29 huruf j" in body and "Sanksi administratif" in body
    assert "belum diverifikasi" in body and "belum dicocokkan dengan teks resmi" in body
    # public pages carry no internal working notes
    for page in (body, client.get("/aturan/uu7_2017.282").text, client.get("/aturan/skb2022.disiplin.9").text,
                 client.get("/pedoman").text):
        assert not re.search(r"\bbrief\b", page, re.IGNORECASE)


def test_an_unknown_rule_gets_an_indonesian_404_page(client):
    r = client.get("/aturan/skb2022.etik.99")
    assert r.status_code == 404
    assert "Aturan tidak ditemukan" in r.text and "skb2022.etik.99" in r.text and "<html" in r.text


# --- printable guideline ----------------------------------------------------------------------------------------------
def test_the_guideline_page_has_every_rule_and_print_css(client):
    r = client.get("/pedoman")
    assert r.status_code == 200
    for rule in BOOK:
        assert f'id="{rule.id}"' in r.text
    assert '/static/guideline.css' in r.text and 'href="/pedoman.pdf"' in r.text
    assert_csp_clean(r.text)
    css = client.get("/static/guideline.css")
    assert css.status_code == 200 and "@media print" in css.text and "break-before: page" in css.text


def test_the_guideline_pdf_parses_back_with_the_rules_in_it(client):
    r = client.get("/pedoman.pdf")
    assert r.status_code == 200 and r.headers["content-type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(r.content))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert len(reader.pages) > 10
    assert "Pedoman Rinci Netralitas Pegawai ASN" in text
    for rule in BOOK:
        assert rule.id in text, rule.id
    assert "Contoh yang dilarang" in text and "Contoh yang dibolehkan" in text
    assert "Hukuman disiplin berat" in text and "diperselisihkan" in text
