"""Evidence previews on the case page: image thumbnails made by the server from the metadata-free copy, a PDF's
first page as an image, cached; only for roles the policy allows; an odd file gets a sentence, not a broken page."""

from __future__ import annotations

import io
import re
from datetime import date

from PIL import Image
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas
from sqlalchemy import select

from netra.accounts.roles import Role
from netra.intake.report import ReportDraft
from netra.services.intake import submit_report
from netra.storage.evidence_store import EvidenceStore
from netra.storage.tables import CaseRow, EvidenceRow
from tests.web.conftest import login


def phone_photo() -> bytes:
    exif = Image.Exif()
    exif[0x013B] = "Pelapor Rahasia"  # Artist
    buffer = io.BytesIO()
    Image.new("RGB", (1600, 1200), (200, 30, 30)).save(buffer, "JPEG", exif=exif.tobytes())
    return buffer.getvalue()


def letter() -> bytes:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    pdf.setTitle("Judul Rahasia")
    pdf.setFillColorRGB(0, 0, 0.6)
    pdf.rect(0, 0, A4[0], A4[1], fill=1)  # a dark page the preview must show
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


BROKEN_PDF = b"%PDF-1.4\n" + b"\x00bukan pdf sungguhan" * 20


def case_with_files(app):
    submit_report(app.state.db, EvidenceStore(app.state.settings.data_dir / "evidence"), ReportDraft(
        description="Sekretaris desa berfoto dengan pasangan calon dan menyebarkan surat dukungan.",
        region_code="33.20", election_id="pilkada2024", event_date=date(2024, 10, 1)),
        [("foto.jpg", phone_photo()), ("surat.pdf", letter()), ("rusak.pdf", BROKEN_PDF)],
        "tok-pratinjau-" + "p" * 20, "k", {"pilkada2024"})
    with app.state.db.transaction() as s:
        case_id = s.scalar(select(CaseRow.id).order_by(CaseRow.id.desc()))
        files = {e.filename: e.id for e in s.scalars(select(EvidenceRow).where(EvidenceRow.case_id == case_id))}
    return case_id, files


def test_officers_see_thumbnails_and_first_pages(client, app, make_account):
    case_id, files = case_with_files(app)
    make_account("bkn.pratinjau", Role.BKN)
    login(client, "bkn.pratinjau")
    assert client.get(f"/perkara/{case_id}").status_code == 200
    page = client.get(f"/perkara/{case_id}/penanganan").text
    for name in ("foto.jpg", "surat.pdf"):
        assert f'src="/perkara/{case_id}/bukti/{files[name]}/pratinjau.png"' in page
    broken = page.split(f'data-testid="preview-{files["rusak.pdf"]}"')[1].split("</li>")[0]
    assert "tidak dapat dibuat" in broken and "<img" not in broken

    photo = client.get(f"/perkara/{case_id}/bukti/{files['foto.jpg']}/pratinjau.png")
    assert photo.status_code == 200 and photo.headers["content-type"] == "image/png"
    thumb = Image.open(io.BytesIO(photo.content))
    assert thumb.size == (480, 360)  # the picture, scaled (1600 x 1200)
    assert all(abs(a - b) < 10 for a, b in zip(thumb.convert("RGB").getpixel((240, 180)), (200, 30, 30)))
    assert b"Pelapor Rahasia" not in photo.content and "exif" not in thumb.info

    first_page = client.get(f"/perkara/{case_id}/bukti/{files['surat.pdf']}/pratinjau.png")
    drawn = Image.open(io.BytesIO(first_page.content)).convert("RGB")
    assert max(drawn.size) == 480 and drawn.getpixel((drawn.width // 2, drawn.height // 2))[2] > 100
    assert b"Judul Rahasia" not in first_page.content
    assert client.get(f"/perkara/{case_id}/bukti/{files['rusak.pdf']}/pratinjau.png").status_code == 404

    cache = app.state.settings.data_dir / "previews"
    assert len(list(cache.glob("*.png"))) == 2 and len(list(cache.glob("*.failed"))) == 1


def test_viewers_get_no_previews(client, app, make_account):
    case_id, files = case_with_files(app)
    make_account("pemantau.pratinjau", Role.VIEWER)
    login(client, "pemantau.pratinjau")
    page = client.get(f"/perkara/{case_id}/penanganan").text
    assert 'data-testid="previews"' not in page and "pratinjau.png" not in page
    assert client.get(f"/perkara/{case_id}/bukti/{files['foto.jpg']}/pratinjau.png").status_code == 404


def test_no_previews_outside_scope(client, app, make_account):
    case_id, files = case_with_files(app)
    make_account("bkn.semarang", Role.BKN, scope=("33.74",))
    login(client, "bkn.semarang")
    assert client.get(f"/perkara/{case_id}/bukti/{files['foto.jpg']}/pratinjau.png").status_code == 404
    assert not re.search("pratinjau", client.get(f"/perkara/{case_id}/penanganan").text)
