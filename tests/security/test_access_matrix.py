"""Every route × every role × in-scope / out-of-scope region, with the expected allow or deny.

A route that is not listed in ROUTES fails `test_every_route_has_a_rule`, so nothing new ships without an
access decision.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from datetime import date, datetime, timezone

import pytest
from PIL import Image
from fastapi.testclient import TestClient
from sqlalchemy import select

from netra.accounts.policy import LETTER, SUMMARY, Access, case_view, reporter_access
from netra.accounts.roles import Role
from netra.intake.report import ReportDraft
from netra.services.accounts import create_account
from netra.services.case_workflow import take_step
from netra.services.intake import submit_report
from netra.storage.database import Database
from netra.storage.evidence_store import EvidenceStore
from netra.services.people.register import import_register
from netra.storage.tables import CaseRow, CivilServantRow, EvidenceRow, ReportRow
from netra.web.app import create_app
from tests.support.cases import complete_person

PASSWORD = "kata-sandi-matriks"
def _jpeg() -> bytes:
    """A real (tiny) JPEG, so that roles who get copies without metadata get one (issue 14, finding 2)."""
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), (90, 60, 30)).save(buffer, "JPEG")
    return buffer.getvalue()


JPEG = _jpeg()
ROLES = [r.value for r in Role]
WHO = ["anonymous"] + [f"{r}:{s}" for r in ROLES for s in ("in", "out")]


@dataclass
class World:
    a: int  # received case with a confidential report and evidence
    b: int  # related to a: same person, near date (linkable)
    c: int  # recommended to BKN: has a recommendation letter
    report_a: int
    evidence_a: int
    person: int  # the register entry with the cases' NIP (33.20)
    d: int = 0  # a report whose reporter did not ask for confidentiality, with evidence
    evidence_d: int = 0
    officer: int = 0  # the set-up Bawaslu account (33.20)


OPEN_REPORTER = {"name": "Pelapor Terbuka Matriks", "nik": "3320014107900002", "address": "Jalan Matriks Nomor 7",
                 "contact": "0812-7777-1234"}
REPORTED = {"name": "Lurah Fiktif", "nip": "198001012005011001"}
CONFIDENTIAL_REPORTER = "Pelapor 1"
INTERNAL_NOTE = "Terbukti dari klarifikasi matriks."
EVIDENCE_NAME = "foto-asli-pelapor.jpg"


def build_world(app) -> World:
    db, store = app.state.db, EvidenceStore(app.state.settings.data_dir / "evidence")
    ids = []
    for n, day in ((1, 1), (2, 2), (3, 5)):
        draft = ReportDraft(description="Lurah mengajak warga memilih paslon nomor urut 1 dalam rapat RT.",
                            region_code="33.20", election_id="pilkada2024", reporter_name=f"Pelapor {n}",
                            confidential=True, reported_name="Lurah Fiktif", reported_nip="198001012005011001",
                            event_date=date(2024, 10, day))
        submit_report(db, store, draft, [("f.jpg", JPEG + bytes([n]))], f"matrix-{n}-" + "m" * 20, "k", {"pilkada2024"})
        with db.transaction() as s:
            ids.append(s.scalar(select(CaseRow.id).order_by(CaseRow.id.desc())))
    officer = create_account(db, "setup.bawaslu", "", PASSWORD, Role.BAWASLU, ["33.20"])
    now = datetime.now(timezone.utc)
    complete_person(db, ids[2])
    for action, version, extra in (("register", 1, {}), ("start_review", 2, {}),
                                   ("recommend", 3, {"reason": INTERNAL_NOTE,
                                                     "payload": {"rule_ids": ["skb2022.disiplin.6"]}})):
        take_step(db, store, officer, ids[2], action, version, now=now, **extra)
    draft = ReportDraft(description="Kepala dinas membagikan poster paslon nomor urut 2 di grup kantor.",
                        region_code="33.20", election_id="pilkada2024", reporter_name=OPEN_REPORTER["name"],
                        reporter_id_number=OPEN_REPORTER["nik"], reporter_address=OPEN_REPORTER["address"],
                        reporter_contact=OPEN_REPORTER["contact"], confidential=False,
                        reported_name=REPORTED["name"], reported_nip=REPORTED["nip"], event_date=date(2024, 10, 9))
    submit_report(db, store, draft, [(EVIDENCE_NAME, JPEG + b"d")], "matrix-open-" + "m" * 20, "k")
    register = app.state.settings.data_dir / "register.csv"
    register.write_text("NIP;NAMA;JABATAN;INSTANSI;KODE WILAYAH;STATUS\n"
                        "198001012005011001;Lurah Fiktif;Lurah;Kelurahan Fiktif;33.20;PNS\n", encoding="utf-8")
    import_register(db, create_account(db, "setup.bkn", "", PASSWORD, Role.BKN, ["33.20"]), register, "matriks")
    with db.transaction() as s:
        report_a = s.scalar(select(ReportRow.id).where(ReportRow.case_id == ids[0]))
        evidence_a = s.scalar(select(EvidenceRow.id).where(EvidenceRow.case_id == ids[0]))
        d = s.scalar(select(CaseRow.id).order_by(CaseRow.id.desc()))
        evidence_d = s.scalar(select(EvidenceRow.id).where(EvidenceRow.case_id == d))
        person = s.scalar(select(CivilServantRow.id))
    return World(ids[0], ids[1], ids[2], report_a, evidence_a, person, d, evidence_d, officer.id)


def version(app, case_id):
    with app.state.db.transaction() as s:
        return str(s.get(CaseRow, case_id).version)


# (method, path template) → (how to call it, expected status for each kind of caller).
# expectation(who) gets "anonymous" or "<role>:<in|out>".
def anyone(code):
    return lambda who: code


def signed_in(code=200):
    return lambda who: 303 if who == "anonymous" else code


def signed_in_api(code=200):
    return lambda who: 401 if who == "anonymous" else code


def scoped(code_in=200, only_role=None, other_role_code=None):
    def expect(who):
        if who == "anonymous":
            return 303
        role, scope = who.split(":")
        if scope == "out":
            return 404
        if only_role and role != only_role:
            return other_role_code
        return code_in
    return expect


def recorder(code_ok):
    """Officers record prevention data in their regions; viewers only read."""
    return lambda who: 303 if who == "anonymous" else (403 if who.startswith("viewer") else code_ok)


def role_only(role, code_ok, other=403):
    return lambda who: 303 if who == "anonymous" else (code_ok if who.split(":")[0] == role else other)


def roles_only(roles, code_ok, other=403):
    return lambda who: 303 if who == "anonymous" else (code_ok if who.split(":")[0] in roles else other)


def admin_scoped(code_in):
    """An account page: administrators whose scope holds the account; other administrators do not learn it exists."""
    def expect(who):
        if who == "anonymous":
            return 303
        role, scope = who.split(":")
        return 403 if role != "admin" else (code_in if scope == "in" else 404)
    return expect


def person_page(who):
    """BKN, Bawaslu and the person's PPK in the person's region; nobody else learns the person exists."""
    if who == "anonymous":
        return 303
    role, scope = who.split(":")
    return 200 if scope == "in" and role in ("bkn", "bawaslu", "ppk") else 404


def case_role_step(allowed, code_ok, code_other=409):
    """A step on a case: out of scope is 404 for everyone; in scope, other roles get the refusal."""
    def expect(who):
        if who == "anonymous":
            return 303
        role, scope = who.split(":")
        return 404 if scope == "out" else (code_ok if role in allowed else code_other)
    return expect


ROUTES = {
    ("GET", "/"): (lambda w, app: ("GET", "/", None), anyone(200)),
    ("GET", "/openapi.json"): (lambda w, app: ("GET", "/openapi.json", None), anyone(200)),
    ("GET", "/docs"): (lambda w, app: ("GET", "/docs", None), anyone(200)),
    ("GET", "/static"): (lambda w, app: ("GET", "/static/app.css", None), anyone(200)),
    ("GET", "/health"): (lambda w, app: ("GET", "/health", None), anyone(200)),
    ("GET", "/api/regions"): (lambda w, app: ("GET", "/api/regions", None), anyone(200)),
    ("GET", "/bahasa/{lang}"): (lambda w, app: ("GET", "/bahasa/en", None), anyone(303)),
    ("GET", "/masuk"): (lambda w, app: ("GET", "/masuk", None), anyone(200)),
    ("GET", "/lapor"): (lambda w, app: ("GET", "/lapor", None), anyone(200)),
    ("POST", "/lapor"): (lambda w, app: ("POST", "/lapor", {"description": "x"}), anyone(422)),
    ("POST", "/lapor/tanda-terima"): (lambda w, app: ("POST", "/lapor/tanda-terima", {"tracking_code": "NTR-0000-0000", "secret": "x"}), anyone(404)),
    ("GET", "/lapor/status"): (lambda w, app: ("GET", "/lapor/status", None), anyone(200)),
    ("POST", "/lapor/status"): (lambda w, app: ("POST", "/lapor/status", {"tracking_code": "NTR-0000-0000", "secret": "x"}), anyone(404)),
    ("POST", "/lapor/lengkapi"): (lambda w, app: ("POST", "/lapor/lengkapi", {"tracking_code": "NTR-0000-0000", "secret": "x"}), anyone(404)),
    ("GET", "/bolehkah"): (lambda w, app: ("GET", "/bolehkah?q=boleh+gak+PNS+like+postingan+paslon", None), anyone(200)),
    ("POST", "/bolehkah"): (lambda w, app: ("POST", "/bolehkah", {"q": "bolehkah ASN datang ke TPS nyoblos?"}), anyone(200)),
    ("POST", "/bolehkah/umpan-balik"): (lambda w, app: ("POST", "/bolehkah/umpan-balik", {"helpful": "ya"}), anyone(422)),
    ("GET", "/api/guidance"): (lambda w, app: ("GET", "/api/guidance?q=bolehkah+ASN+ikut+kampanye", None), anyone(200)),
    ("POST", "/api/guidance"): (lambda w, app: ("POST", "/api/guidance", {"q": ""}), anyone(422)),
    ("GET", "/aturan"): (lambda w, app: ("GET", "/aturan", None), anyone(200)),
    ("GET", "/aturan/{rule_id}"): (lambda w, app: ("GET", "/aturan/skb2022.disiplin.2", None), anyone(200)),
    ("GET", "/pedoman"): (lambda w, app: ("GET", "/pedoman", None), anyone(200)),
    ("GET", "/pedoman.pdf"): (lambda w, app: ("GET", "/pedoman.pdf", None), anyone(200)),
    ("GET", "/wilayah"): (lambda w, app: ("GET", "/wilayah", None), signed_in()),
    ("GET", "/notifikasi"): (lambda w, app: ("GET", "/notifikasi", None), signed_in()),
    ("POST", "/notifikasi/baca"): (lambda w, app: ("POST", "/notifikasi/baca", {}), signed_in(303)),
    ("POST", "/notifikasi/email"): (lambda w, app: ("POST", "/notifikasi/email", {"email": "bukan-alamat"}),
                                    signed_in(422)),
    ("GET", "/lapor/email/{token}"): (lambda w, app: ("GET", "/lapor/email/tidak-ada", None), anyone(404)),
    ("GET", "/admin/notifikasi"): (lambda w, app: ("GET", "/admin/notifikasi", None), roles_only(("admin",), 200)),
    ("GET", "/notifikasi/pengaturan"): (lambda w, app: ("GET", "/notifikasi/pengaturan", None), signed_in()),
    ("POST", "/notifikasi/pengaturan"): (
        lambda w, app: ("POST", "/notifikasi/pengaturan", {"clock_warning": "never"}), signed_in(422)),
    ("GET", "/admin/webhook"): (lambda w, app: ("GET", "/admin/webhook", None), role_only("admin", 200)),
    ("POST", "/admin/webhook"): (lambda w, app: ("POST", "/admin/webhook", {}), role_only("admin", 422)),
    ("POST", "/admin/webhook/{hook_id}/status"): (
        lambda w, app: ("POST", "/admin/webhook/999999/status", {"active": "0"}), role_only("admin", 422)),
    ("GET", "/perkara"): (lambda w, app: ("GET", "/perkara", None), signed_in()),
    ("GET", "/ekspor/perkara.{fmt}"): (lambda w, app: ("GET", "/ekspor/perkara.csv", None), signed_in()),
    ("GET", "/perkara/{case_id}"): (lambda w, app: ("GET", f"/perkara/{w.a}", None), scoped()),
    ("GET", "/perkara/{case_id}/{document}.pdf"): (lambda w, app: ("GET", f"/perkara/{w.c}/surat-rekomendasi.pdf", None),
                                                   lambda who: 403 if who == "viewer:in" else scoped()(who)),
    ("GET", "/perkara/{case_id}/bukti/{evidence_id}"): (lambda w, app: ("GET", f"/perkara/{w.a}/bukti/{w.evidence_a}", None), scoped()),
    ("POST", "/perkara/{case_id}/identitas/{report_id}"): (
        lambda w, app: ("POST", f"/perkara/{w.a}/identitas/{w.report_a}", {}), scoped(200, "bawaslu", 403)),
    ("POST", "/perkara/{case_id}/gabung"): (
        lambda w, app: ("POST", f"/perkara/{w.a}/gabung", {"other_id": str(w.b), "expected_version": version(app, w.a)}),
        scoped(303, "bawaslu", 409)),
    ("POST", "/perkara/{case_id}/langkah"): (
        lambda w, app: ("POST", f"/perkara/{w.a}/langkah", {"action": "register", "expected_version": version(app, w.a)}),
        scoped(303, "bawaslu", 409)),
    # Completing the case's facts (issue 12): Bawaslu and BKN in scope; the position differs at each version so
    # every allowed caller makes a change.
    ("POST", "/perkara/{case_id}/data"): (
        lambda w, app: ("POST", f"/perkara/{w.a}/data", {
            "reported_position": f"Kepala Seksi {version(app, w.a)}", "reason": "Koreksi matriks.",
            "expected_version": version(app, w.a)}),
        case_role_step(("bawaslu", "bkn"), 303)),
    # Worklist and case handling (routes_worklist). Assigning and commenting answer with a redirect to the case
    # (a refusal carries its message there); bulk actions refuse case by case (409), Bawaslu registers case d.
    ("GET", "/perkara/{case_id}/penanganan"): (lambda w, app: ("GET", f"/perkara/{w.a}/penanganan", None), scoped()),
    ("GET", "/perkara/{case_id}/bukti/{evidence_id}/pratinjau.png"): (
        lambda w, app: ("GET", f"/perkara/{w.a}/bukti/{w.evidence_a}/pratinjau.png", None),
        lambda who: 404 if who == "viewer:in" else scoped()(who)),
    ("POST", "/perkara/{case_id}/tugas"): (lambda w, app: ("POST", f"/perkara/{w.a}/tugas", {"assignee_id": ""}),
                                           scoped(303)),
    ("POST", "/perkara/{case_id}/komentar"): (lambda w, app: ("POST", f"/perkara/{w.a}/komentar", {"body": "uji"}),
                                              scoped(303)),
    ("POST", "/perkara/massal"): (
        lambda w, app: ("POST", "/perkara/massal", {"tindakan": "register", "pilih": f"{w.d}:{version(app, w.d)}"}),
        lambda who: 303 if who == "anonymous" else (200 if who == "bawaslu:in" else 409)),
    ("GET", "/antrean"): (lambda w, app: ("GET", "/antrean", None), role_only("bawaslu", 200)),
    ("POST", "/antrean/ambil"): (lambda w, app: ("POST", "/antrean/ambil", {}), role_only("bawaslu", 303)),
    ("POST", "/antrean/{item_id}/putuskan"): (
        lambda w, app: ("POST", "/antrean/1/putuskan", {"decision": "confirm"}), role_only("bawaslu", 409)),
    ("POST", "/antrean/impor"): (lambda w, app: ("POST", "/antrean/impor", {}), role_only("bawaslu", 422)),
    ("GET", "/admin/referensi"): (lambda w, app: ("GET", "/admin/referensi", None), role_only("admin", 200)),
    # National changes: the matrix's administrators hold one regency, so they are refused too (403).
    ("POST", "/admin/referensi/aturan"): (
        lambda w, app: ("POST", "/admin/referensi/aturan", {}), role_only("admin", 403)),
    ("POST", "/admin/referensi/pemilihan"): (
        lambda w, app: ("POST", "/admin/referensi/pemilihan", {}), role_only("admin", 403)),
    ("POST", "/admin/referensi/pegawai"): (
        lambda w, app: ("POST", "/admin/referensi/pegawai", {}), role_only("admin", 403)),
    ("POST", "/admin/referensi/usulan/{proposal_id}"): (
        lambda w, app: ("POST", "/admin/referensi/usulan/1", {"decision": "setujui"}), role_only("admin", 403)),
    ("GET", "/admin/pengguna"): (lambda w, app: ("GET", "/admin/pengguna", None), role_only("admin", 200)),
    ("POST", "/admin/pengguna"): (lambda w, app: ("POST", "/admin/pengguna", {}), role_only("admin", 422)),
    # the set-up officer (33.20): within the "in" administrator's scope, a 404 to the "out" one
    ("GET", "/admin/pengguna/{user_id}"): (
        lambda w, app: ("GET", f"/admin/pengguna/{w.officer}", None), admin_scoped(200)),
    ("POST", "/admin/pengguna/{user_id}"): (
        lambda w, app: ("POST", f"/admin/pengguna/{w.officer}", {}), admin_scoped(422)),
    ("POST", "/admin/pengguna/{user_id}/status"): (
        lambda w, app: ("POST", f"/admin/pengguna/{w.officer}/status", {}), admin_scoped(422)),
    ("POST", "/admin/pengguna/{user_id}/tautan"): (
        lambda w, app: ("POST", f"/admin/pengguna/{w.officer}/tautan", {}), admin_scoped(422)),
    ("GET", "/akun/sandi/{token}"): (lambda w, app: ("GET", "/akun/sandi/tidak-ada", None), anyone(404)),
    ("POST", "/akun/sandi/{token}"): (lambda w, app: ("POST", "/akun/sandi/tidak-ada", {}), anyone(404)),
    ("GET", "/admin/audit"): (lambda w, app: ("GET", "/admin/audit", None), role_only("admin", 200)),
    ("GET", "/admin/audit.csv"): (lambda w, app: ("GET", "/admin/audit.csv", None), role_only("admin", 200)),
    ("POST", "/admin/audit/periksa"): (lambda w, app: ("POST", "/admin/audit/periksa", {}), role_only("admin", 200)),
    ("GET", "/pencegahan"): (lambda w, app: ("GET", "/pencegahan", None), signed_in()),
    ("POST", "/pencegahan/acara"): (lambda w, app: ("POST", "/pencegahan/acara", {}), recorder(422)),
    ("POST", "/pencegahan/ikrar"): (lambda w, app: ("POST", "/pencegahan/ikrar", {}), recorder(422)),
    ("POST", "/pencegahan/impor"): (lambda w, app: ("POST", "/pencegahan/impor", {}), recorder(422)),
    ("POST", "/pencegahan/instansi"): (lambda w, app: ("POST", "/pencegahan/instansi", {}), role_only("admin", 422)),
    ("POST", "/pencegahan/instansi/{agency_id}"): (
        lambda w, app: ("POST", "/pencegahan/instansi/1", {"nama": ""}), role_only("admin", 422)),
    ("GET", "/pencegahan/instansi-cari"): (lambda w, app: ("GET", "/pencegahan/instansi-cari?cari_instansi=dinas", None),
                                          signed_in()),
    ("GET", "/pencegahan/ekspor/{kind}.{fmt}"): (lambda w, app: ("GET", "/pencegahan/ekspor/acara.csv", None), signed_in()),
    ("GET", "/pencegahan/dokumen/{kind}/{record_id}"): (
        lambda w, app: ("GET", "/pencegahan/dokumen/acara/999", None), signed_in(404)),
    ("GET", "/dasbor/pencegahan"): (lambda w, app: ("GET", "/dasbor/pencegahan", None), signed_in()),
    ("GET", "/statistik/pencegahan"): (lambda w, app: ("GET", "/statistik/pencegahan", None), anyone(200)),
    ("GET", "/dasbor/pertanyaan"): (lambda w, app: ("GET", "/dasbor/pertanyaan", None), signed_in()),
    ("GET", "/admin/pertanyaan"): (lambda w, app: ("GET", "/admin/pertanyaan", None), role_only("admin", 200)),
    # Screening is monitoring work (issue 14, finding 1): anonymous callers are refused before any screening.
    ("GET", "/admin/token"): (lambda w, app: ("GET", "/admin/token", None), role_only("admin", 200)),
    ("POST", "/admin/token"): (lambda w, app: ("POST", "/admin/token", {"name": "x"}), role_only("admin", 422)),
    ("POST", "/admin/token/{token_id}/cabut"): (
        lambda w, app: ("POST", "/admin/token/999/cabut", {}), role_only("admin", 404)),
    ("POST", "/api/screen"): (lambda w, app: ("POST", "/api/screen", {}),
                              lambda who: 401 if who == "anonymous" else 422 if who.startswith("bawaslu") else 403),
    ("POST", "/api/antrean/impor"): (lambda w, app: ("POST", "/api/antrean/impor", {}),
                                     lambda who: 401 if who == "anonymous" else 422 if who.startswith("bawaslu")
                                     else 403),
    ("GET", "/akun"): (lambda w, app: ("GET", "/akun", None), signed_in()),
    ("POST", "/akun/sesi"): (lambda w, app: ("POST", "/akun/sesi", {"session": "0" * 64}), signed_in(404)),
    ("POST", "/akun/sandi"): (lambda w, app: ("POST", "/akun/sandi", {"current": "x", "new": "y", "again": "y"}),
                              signed_in(422)),
    ("POST", "/admin/referensi/tenggat"): (
        lambda w, app: ("POST", "/admin/referensi/tenggat", {}), role_only("admin", 403)),
    ("GET", "/pegawai/impor"): (lambda w, app: ("GET", "/pegawai/impor", None), roles_only(("admin", "bkn"), 200)),
    ("POST", "/pegawai/impor"): (lambda w, app: ("POST", "/pegawai/impor", {}), roles_only(("admin", "bkn"), 422)),
    ("GET", "/pegawai"): (lambda w, app: ("GET", "/pegawai", None), roles_only(("bkn", "bawaslu", "ppk"), 200)),
    ("GET", "/pegawai/{person_id}"): (lambda w, app: ("GET", f"/pegawai/{w.person}", None), person_page),
    ("GET", "/perkara/berulang"): (lambda w, app: ("GET", "/perkara/berulang", None), signed_in()),
    ("GET", "/dasbor/berulang"): (lambda w, app: ("GET", "/dasbor/berulang", None), signed_in()),
    ("GET", "/perkara/{case_id}/pegawai"): (lambda w, app: ("GET", f"/perkara/{w.a}/pegawai", None), scoped()),
    ("POST", "/perkara/{case_id}/pegawai"): (
        lambda w, app: ("POST", f"/perkara/{w.a}/pegawai", {"person_id": "", "reason": "bukan orangnya"}),
        case_role_step(("bawaslu", "bkn"), 303)),
    ("POST", "/perkara/{case_id}/tindak-lanjut-bkn"): (
        lambda w, app: ("POST", f"/perkara/{w.c}/tindak-lanjut-bkn", {"kind": "siasn_block", "on_date": "2024-12-01",
                                                                      "document_number": "B-1"}),
        case_role_step(("bkn",), 409)),
    ("GET", "/ekspor/tindak-lanjut-bkn.{fmt}"): (
        lambda w, app: ("GET", "/ekspor/tindak-lanjut-bkn.csv", None), role_only("bkn", 200)),
    ("GET", "/dasbor"): (lambda w, app: ("GET", "/dasbor", None), signed_in()),
    ("GET", "/dasbor/laporan.pdf"): (lambda w, app: ("GET", "/dasbor/laporan.pdf", None), signed_in()),
    ("GET", "/api/stats"): (lambda w, app: ("GET", "/api/stats", None), signed_in_api()),
    ("GET", "/api/stats/{chart}"): (lambda w, app: ("GET", "/api/stats/family", None), signed_in_api()),
    ("GET", "/api/stats/{chart}.csv"): (lambda w, app: ("GET", "/api/stats/family.csv", None), signed_in_api()),
    ("GET", "/statistik"): (lambda w, app: ("GET", "/statistik", None), anyone(200)),
    ("GET", "/api/public/stats/v1"): (lambda w, app: ("GET", "/api/public/stats/v1", None), anyone(200)),
    ("GET", "/api/public/stats/v1/{table}"): (lambda w, app: ("GET", "/api/public/stats/v1/family", None), anyone(200)),
    ("GET", "/api/public/stats/v1/{table}.csv"): (
        lambda w, app: ("GET", "/api/public/stats/v1/family.csv", None), anyone(200)),
    # Last: signing in and out changes the session.
    ("POST", "/masuk"): (lambda w, app: ("POST", "/masuk", {"username": "tidak.ada", "password": "salah-sekali-123"}), anyone(401)),
    ("POST", "/keluar"): (lambda w, app: ("POST", "/keluar", {}), anyone(303)),
}


def app_routes(app):
    def walk(routes):
        for r in routes:
            if hasattr(r, "original_router"):
                yield from walk(r.original_router.routes)
            else:
                yield r
    for route in walk(app.routes):
        for method in sorted(getattr(route, "methods", None) or {"GET"}):
            if method != "HEAD":
                yield method, route.path


@pytest.fixture
def app(settings):
    return create_app(settings, Database(settings.database_url))


def test_every_route_has_a_rule(app):
    missing = sorted(set(app_routes(app)) - set(ROUTES))
    assert not missing, f"routes without an access rule in tests/security/test_access_matrix.py: {missing}"


@pytest.mark.parametrize("who", WHO)
def test_route_access(app, who):
    world = build_world(app)
    with TestClient(app) as client:
        if who != "anonymous":
            role, scope = who.split(":")
            create_account(app.state.db, f"m.{role}", "", PASSWORD, Role(role), ["33.20" if scope == "in" else "64.02"])
            token = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/masuk").text).group(1)
            assert client.post("/masuk", data={"username": f"m.{role}", "password": PASSWORD, "csrf_token": token},
                               follow_redirects=False).status_code == 303
        results = {}
        for key, (make, expect) in ROUTES.items():
            method, url, data = make(world, app)
            if method == "GET":
                response = client.get(url, follow_redirects=False)
            else:  # the session's token as a form shows it now (a GET needs none: half the requests this made)
                token = client.cookies.get("netra_session") and re.search(
                    r'name="csrf_token" value="([^"]+)"', client.get("/masuk").text).group(1)
                response = client.post(url, data={**data, "csrf_token": token or ""}, follow_redirects=False)
            results[key] = (response.status_code, expect(who))
        wrong = {k: v for k, v in results.items() if v[0] != v[1]}
        assert not wrong, f"{who}: (got, expected) {wrong}"


def _pdf_text(content: bytes) -> str:
    from pypdf import PdfReader

    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def _xlsx_text(content: bytes) -> str:
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(content))["Perkara"]
    return " ".join(str(v) for row in sheet.iter_rows(values_only=True) for v in row if v is not None)


@pytest.mark.parametrize("role", ROLES)
def test_response_contents_follow_the_policy(app, role):
    """What each role sees of the same cases on every page, document and export, compared with what
    netra.accounts.policy decides: no identity where the policy hides it, anywhere (issue 14 finding 11: the
    viewer's CSV hid names its case page and summary PDF showed)."""
    world = build_world(app)
    view = case_view(role)
    with TestClient(app) as client:
        create_account(app.state.db, f"isi.{role}", "", PASSWORD, Role(role), ["33.20"])
        token = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/masuk").text).group(1)
        client.post("/masuk", data={"username": f"isi.{role}", "password": PASSWORD, "csrf_token": token})
        seen = {
            "case page": client.get(f"/perkara/{world.d}").text,
            "worklist": client.get("/perkara").text,
            "csv": client.get("/ekspor/perkara.csv").content.decode("utf-8-sig"),
            "xlsx": _xlsx_text(client.get("/ekspor/perkara.xlsx").content),
        }
        summary = client.get(f"/perkara/{world.d}/ringkasan.pdf")
        assert summary.status_code == (200 if SUMMARY in view.documents else 403)
        if summary.status_code == 200:
            seen["summary pdf"] = _pdf_text(summary.content)
        letter = client.get(f"/perkara/{world.c}/surat-rekomendasi.pdf")
        assert letter.status_code == (200 if LETTER in view.documents else 403)
        if letter.status_code == 200:
            seen["letter pdf"] = _pdf_text(letter.content)
        seen["recommended case page"] = client.get(f"/perkara/{world.c}").text
        seen["evidence name"] = client.get(f"/perkara/{world.d}/bukti/{world.evidence_d}").headers.get(
            "content-disposition", "")

    def where(text: str) -> set[str]:
        return {name for name, body in seen.items() if text in body}

    identity_pages = {"case page", "summary pdf"} & set(seen)
    open_access = reporter_access(role, confidential=False)
    assert where(OPEN_REPORTER["name"]) == (identity_pages | {"csv", "xlsx"} if open_access is Access.SHOWN
                                            else set())
    for field in ("nik", "address", "contact"):  # never in bulk, on the case page when shown
        assert where(OPEN_REPORTER[field]) == ({"case page"} if open_access is Access.SHOWN else set()), field
    assert where(CONFIDENTIAL_REPORTER) == set()  # only ever through an audited reveal
    person = {"case page", "worklist", "csv", "xlsx", "recommended case page"} | ({"summary pdf", "letter pdf"} & set(seen))
    assert where(REPORTED["name"]) == (person if view.reported_person else set())
    assert where(REPORTED["nip"]) == (person - {"worklist"} if view.reported_person else set())
    assert where(INTERNAL_NOTE) == ({"recommended case page"} | ({"letter pdf"} & set(seen))
                                    if view.internal_notes else set())
    assert where(EVIDENCE_NAME) == (({"case page", "evidence name"} | ({"summary pdf"} & set(seen)))
                                    if view.evidence_originals else set())
    if role == "viewer":
        assert not any(v in body for body in seen.values() for v in (*OPEN_REPORTER.values(), *REPORTED.values()))
