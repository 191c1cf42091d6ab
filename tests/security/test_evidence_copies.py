"""Evidence for roles that must not learn who the reporter is (issue 14, finding 2), and polyglots (finding 10).

Before: a confidential reporter's JPEG kept its EXIF (Artist, camera, GPS) when the viewer or the PPK downloaded it,
and its original file name showed to every role; a JPEG with `<img onerror>` named .html was accepted, and so was a
PDF with a JavaScript OpenAction."""

from __future__ import annotations

import hashlib
import io
import re
import struct
import zlib

import pytest
from PIL import Image, PngImagePlugin
from sqlalchemy import select

from netra.accounts.roles import Role
from netra.intake.evidence import EvidenceRejected, check_evidence
from netra.intake.metadata import strip
from netra.storage.tables import CaseRow, EvidenceRow
from tests.web.conftest import csrf_of, login

SECRET_BITS = (b"Pelapor Rahasia", b"KameraRahasia X1", b"komentar rahasia")


def phone_photo() -> bytes:
    exif = Image.Exif()
    exif[0x013B] = "Pelapor Rahasia"  # Artist
    exif[0x0110] = "KameraRahasia X1"  # Model
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2] = "S", (6.0, 35.0, 12.0)
    buffer = io.BytesIO()
    Image.new("RGB", (16, 16), (200, 30, 30)).save(buffer, "JPEG", exif=exif.tobytes(), comment=b"komentar rahasia")
    return buffer.getvalue()


def box(kind: bytes, payload: bytes) -> bytes:
    return struct.pack(">I", 8 + len(payload)) + kind + payload


def phone_video() -> bytes:
    location = box(b"\xa9xyz", b"\x00\x11\x15\xc7+06.5956+110.6717/")
    moov = box(b"moov", box(b"mvhd", bytes(100)) + box(b"udta", location) + box(b"trak", box(b"tkhd", bytes(84))))
    return box(b"ftyp", b"mp42\x00\x00\x00\x00mp42isom") + moov + box(b"mdat", b"\x00\x01" * 64)


@pytest.fixture
def case_with_photo(client, app):
    page = client.get("/lapor").text
    token = re.search(r'name="submission_token" value="([^"]+)"', page).group(1)
    files = [("evidence", ("foto-pelapor-siti.jpg", phone_photo(), "image/jpeg")),
             ("evidence", ("video-pelapor.mp4", phone_video(), "video/mp4")),
             ("evidence", ("surat.pdf", b"%PDF-1.4\n1 0 obj << /Author (Pelapor Rahasia) >> endobj\n%%EOF", "application/pdf"))]
    response = client.post("/lapor", data={
        "csrf_token": csrf_of(page), "submission_token": token, "election_id": "pilkada2024", "region_code": "33.20",
        "description": "Sekretaris desa membagikan kaos bergambar paslon nomor urut 3 kepada warga.",
        "reporter_name": "Siti", "confidential": "on"}, files=files)
    assert response.status_code == 200, response.text
    client.cookies.clear()
    with app.state.db.transaction() as s:
        case_id = s.scalar(select(CaseRow.id))
        evidence = {e.media_type: e.id for e in s.scalars(select(EvidenceRow))}
    return case_id, evidence


def download(client, case_id, evidence_id):
    return client.get(f"/perkara/{case_id}/bukti/{evidence_id}")


def test_bawaslu_gets_the_original_byte_for_byte(client, make_account, case_with_photo):
    case_id, evidence = case_with_photo
    make_account("bawaslu.bukti", Role.BAWASLU)
    login(client, "bawaslu.bukti")
    photo = download(client, case_id, evidence["image/jpeg"])
    assert photo.content == phone_photo() or hashlib.sha256(photo.content).hexdigest() == photo.headers[
        "x-evidence-sha256"]
    assert all(bit in photo.content for bit in SECRET_BITS)
    assert 'filename="foto-pelapor-siti.jpg"' in photo.headers["content-disposition"]
    assert photo.headers["cache-control"] == "no-store"
    assert "foto-pelapor-siti.jpg" in client.get(f"/perkara/{case_id}").text
    assert download(client, case_id, evidence["application/pdf"]).status_code == 200


@pytest.mark.parametrize("role", [Role.VIEWER, Role.PPK, Role.BKN])
def test_other_roles_get_a_copy_without_metadata_under_a_neutral_name(client, make_account, case_with_photo, role):
    case_id, evidence = case_with_photo
    make_account(f"{role.value}.bukti", role)
    login(client, f"{role.value}.bukti")
    photo = download(client, case_id, evidence["image/jpeg"])
    assert photo.status_code == 200 and not any(bit in photo.content for bit in SECRET_BITS)
    assert Image.open(io.BytesIO(photo.content)).getpixel((8, 8)) == Image.open(io.BytesIO(phone_photo())).getpixel((8, 8))
    assert f'filename="bukti-{evidence["image/jpeg"]}.jpg"' in photo.headers["content-disposition"]
    assert "x-evidence-sha256" not in photo.headers and photo.headers["cache-control"] == "no-store"
    video = download(client, case_id, evidence["video/mp4"])
    assert video.status_code == 200 and b"+06.5956" not in video.content and len(video.content) == len(phone_video())
    pdf = download(client, case_id, evidence["application/pdf"])
    assert pdf.status_code == 403 and b"Pelapor" not in pdf.content and "hanya dapat diunduh petugas Bawaslu" in pdf.text
    page = client.get(f"/perkara/{case_id}").text
    assert "foto-pelapor" not in page and f"bukti-{evidence['image/jpeg']}.jpg" in page
    summary = client.get(f"/perkara/{case_id}/ringkasan.pdf")
    assert b"foto-pelapor" not in zlib_text(summary.content)


def zlib_text(pdf: bytes) -> bytes:
    """The page text of a reportlab PDF (its content streams are deflated)."""
    out = b""
    for match in re.finditer(rb"stream\r?\n(.*?)endstream", pdf, re.S):
        try:
            out += zlib.decompress(match.group(1))
        except zlib.error:
            out += match.group(1)
    return out


def test_png_webp_and_gif_copies_keep_the_picture_and_drop_the_text():
    for fmt, media in (("PNG", "image/png"), ("WEBP", "image/webp"), ("GIF", "image/gif")):
        buffer = io.BytesIO()
        image = Image.new("RGB", (8, 8), (10, 20, 30))
        if fmt == "PNG":
            info = PngImagePlugin.PngInfo()
            info.add_text("Author", "Pelapor Rahasia")
            image.save(buffer, fmt, pnginfo=info)
        elif fmt == "WEBP":
            exif = Image.Exif()
            exif[0x013B] = "Pelapor Rahasia"
            image.save(buffer, fmt, exif=exif.tobytes())
        else:
            image.convert("P").save(buffer, fmt, comment=b"Pelapor Rahasia")
        original = buffer.getvalue()
        copy = strip(original + b"<trailing>Pelapor Rahasia", media)
        assert b"Pelapor Rahasia" in original and b"Pelapor" not in copy, fmt
        assert Image.open(io.BytesIO(copy)).size == (8, 8), fmt


def test_mp4_metadata_boxes_are_blanked_without_moving_any_offset():
    original = phone_video()
    copy = strip(original, "video/mp4")
    assert len(copy) == len(original) and b"+06.5956" not in copy and b"udta" not in copy
    assert copy.index(b"mdat") == original.index(b"mdat")


JPEG = phone_photo()


@pytest.mark.parametrize("content", [
    JPEG + b"<img src=x onerror=alert(document.domain)>",
    JPEG[:200] + b"<IMG SRC=x OnError=alert(1)>" + JPEG[200:],
    JPEG + b"<a href=# onclick = alert(1)>klik</a>",
    JPEG + b"<svg/onload=alert(1)>",
    JPEG + b"<iframe src=javascript:alert(1)>",
    b"\x89PNG\r\n\x1a\n" + bytes(20) + b"<script>alert(1)</script>",
], ids=["img-onerror-after-eoi", "inside-scan", "anchor-onclick", "svg", "iframe", "png-script"])
def test_markup_anywhere_in_an_image_is_refused(content):
    with pytest.raises(EvidenceRejected, match="kode halaman web"):
        check_evidence("x.html", content)


@pytest.mark.parametrize("content", [
    b"%PDF-1.7\n1 0 obj << /Type /Catalog /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >> endobj",
    b"%PDF-1.7\n1 0 obj << /OpenAction 2 0 R >> endobj 2 0 obj << /S /J#61vaScript /JS 3 0 R >> endobj",
    b"%PDF-1.7\n1 0 obj << /S /Launch /F (cmd.exe) >> endobj",
    b"%PDF-1.7\n1 0 obj << /Names << /EmbeddedFiles 2 0 R >> >> endobj",
    b"%PDF-1.7\n5 0 obj << /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode >> stream\n"
    + zlib.compress(b"6 0 << /S /JavaScript /JS (app.alert(1)) >>") + b"\nendstream endobj",
], ids=["openaction-js", "hex-escaped-name", "launch", "embedded-file", "inside-object-stream"])
def test_pdfs_with_active_content_are_refused(content):
    with pytest.raises(EvidenceRejected, match="JavaScript"):
        check_evidence("surat.pdf", content)


def test_plain_documents_and_photos_pass_and_downloads_carry_the_sniffed_extension(client, make_account):
    assert check_evidence("scan.pdf", b"%PDF-1.4\n1 0 obj << /Type /Page /OpenAction [3 0 R /Fit] >> endobj").kind.extension == "pdf"
    assert check_evidence("foto.jpg", JPEG).size == len(JPEG)
    page = client.get("/lapor").text
    token = re.search(r'name="submission_token" value="([^"]+)"', page).group(1)
    client.post("/lapor", data={"csrf_token": csrf_of(page), "submission_token": token, "election_id": "pilkada2024",
                                "region_code": "33.20", "description": "Lurah berkampanye untuk paslon nomor urut 1."},
                files=[("evidence", ("halaman.html", JPEG, "text/html"))])
    make_account("bawaslu.nama", Role.BAWASLU)
    login(client, "bawaslu.nama")
    case_id = re.search(r'href="/perkara/(\d+)"', client.get("/perkara").text).group(1)
    evidence_id = re.search(rf'/perkara/{case_id}/bukti/(\d+)', client.get(f"/perkara/{case_id}").text).group(1)
    response = client.get(f"/perkara/{case_id}/bukti/{evidence_id}")
    assert 'filename="halaman.jpg"' in response.headers["content-disposition"]
    assert response.headers["content-type"] == "image/jpeg"
