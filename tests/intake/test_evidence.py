import pytest
from hypothesis import given
from hypothesis import strategies as st

from netra.intake.evidence import MAX_FILE_BYTES, MAX_FILES, EvidenceRejected, check_batch, check_evidence

JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 200
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 100
PDF = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF"
MP4 = b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 100


@pytest.mark.parametrize("content,media", [(JPEG, "image/jpeg"), (PNG, "image/png"), (PDF, "application/pdf"),
                                           (MP4, "video/mp4")])
def test_recognised_by_content_not_name(content, media):
    assert check_evidence("apa-saja.txt", content).kind.media_type == media


@pytest.mark.parametrize(
    "name,content",
    [
        ("foto.jpg", b"<html><script>alert(1)</script></html>"),
        ("gambar.jpg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
        ("bukti.jpg", b"PK\x03\x04" + b"\x00" * 100),  # a zip (bomb or not) named .jpg
        ("polyglot.jpg", JPEG + b"<script>alert(document.cookie)</script>"),
        ("kosong.png", b""),
        ("teks.pdf", b"hanya teks biasa"),
    ],
)
def test_disguised_files_are_refused_with_their_name(name, content):
    with pytest.raises(EvidenceRejected, match=name.replace(".", r"\.")):
        check_evidence(name, content)


def test_size_and_count_limits():
    with pytest.raises(EvidenceRejected, match="MB"):
        check_evidence("besar.jpg", JPEG + b"\x00" * MAX_FILE_BYTES)
    with pytest.raises(EvidenceRejected, match=f"Paling banyak {MAX_FILES}"):
        check_batch([(f"{i}.jpg", JPEG) for i in range(MAX_FILES + 1)])


def test_path_in_filename_is_dropped():
    assert check_evidence("../../etc/passwd.jpg", JPEG).filename == "passwd.jpg"


@given(st.binary(max_size=300), st.text(max_size=50))
def test_arbitrary_bytes_are_either_accepted_cleanly_or_refused_clearly(content, name):
    try:
        checked = check_evidence(name, content)
    except EvidenceRejected as exc:
        assert str(exc)
    else:
        assert len(checked.sha256) == 64 and checked.size == len(content)
