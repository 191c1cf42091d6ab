"""Recognising evidence files by their content, never by their name or the browser's claimed type.

Accepted: JPEG, PNG, WebP, GIF images, PDF documents, MP4/MOV, WebM/MKV video. Everything else is refused,
including HTML, SVG (can carry script), ZIP and other archives (zip bombs), "polyglots" (a valid image header
with markup a browser might execute anywhere in the file), and PDFs with active content (JavaScript, launch
actions, embedded files, forms).
"""

from __future__ import annotations

import hashlib
import re
import zlib
from dataclasses import dataclass

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_FILES = 5
MAX_TOTAL_BYTES = 60 * 1024 * 1024

# Markup a browser would act on if the file were ever opened as a page (a polyglot: an image that is also HTML).
# Images and videos never need any of it, anywhere in the file (issue 14, finding 10): an element that runs or
# loads something, a processing instruction, a javascript: URL, or any tag carrying an event handler
# (<img src=x onerror=...>). Tag names need a delimiter after them, so random compressed bytes almost never match
# (none in 20 MB of random bytes). Matched on the lower-cased file, each pattern with a literal start: about
# 0.3 s for 20 MB, where one case-insensitive alternation took 3.6 s.
_TAGS = re.compile(
    rb"<(?:script|html|svg|iframe|body|img|image|object|embed|style|link|meta|form|input|video|audio|math|base|"
    rb"frame|frameset|details|marquee|template|textarea|source|xml|!doctype|\?xml|\?php)[\s/>]")
_EVENT_HANDLER = re.compile(rb"<[a-z][a-z0-9-]*[\s/][^<>]{0,500}?\bon[a-z]{3,}\s*=")
_URL_SCHEMES = (b"javascript:", b"vbscript:")
_PDF_MARKUP = re.compile(rb"<(?:script|html|svg|iframe|body)[\s/>]", re.IGNORECASE)
# PDF names that run or launch something, embed files or forms: never needed in evidence. Names may hide letters
# as #xx escapes (/J#61vaScript), which are undone before matching.
_PDF_ACTIVE = re.compile(rb"/(?:JavaScript|JS|Launch|EmbeddedFiles?|RichMedia|XFA|AA|SubmitForm|ImportData|GoToE)"
                         rb"(?![A-Za-z0-9#_.-])")
_PDF_NAME_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")
_PDF_STREAM = re.compile(rb"stream\r?\n")
PDF_INFLATE_BUDGET = 64 * 1024 * 1024  # decompressed bytes checked per PDF (object streams hide dictionaries)


@dataclass(frozen=True)
class EvidenceKind:
    media_type: str
    extension: str
    label: str


KINDS = {
    "jpeg": EvidenceKind("image/jpeg", "jpg", "gambar JPEG"),
    "png": EvidenceKind("image/png", "png", "gambar PNG"),
    "gif": EvidenceKind("image/gif", "gif", "gambar GIF"),
    "webp": EvidenceKind("image/webp", "webp", "gambar WebP"),
    "pdf": EvidenceKind("application/pdf", "pdf", "dokumen PDF"),
    "mp4": EvidenceKind("video/mp4", "mp4", "video MP4"),
    "webm": EvidenceKind("video/webm", "webm", "video WebM"),
}


class EvidenceRejected(ValueError):
    """The message names the file and says why, in Indonesian."""


def sniff(head: bytes) -> EvidenceKind | None:
    if head.startswith(b"\xff\xd8\xff"):
        return KINDS["jpeg"]
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return KINDS["png"]
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return KINDS["gif"]
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return KINDS["webp"]
    if head.startswith(b"%PDF-"):
        return KINDS["pdf"]
    if head[4:8] == b"ftyp":
        return KINDS["mp4"]
    if head.startswith(b"\x1a\x45\xdf\xa3"):
        return KINDS["webm"]
    return None


@dataclass(frozen=True)
class CheckedEvidence:
    filename: str
    kind: EvidenceKind
    size: int
    sha256: str


def check_evidence(filename: str, content: bytes) -> CheckedEvidence:
    name = (filename or "berkas").replace("\\", "/").rsplit("/", 1)[-1][:200] or "berkas"
    if not content:
        raise EvidenceRejected(f"Berkas '{name}' kosong.")
    if len(content) > MAX_FILE_BYTES:
        raise EvidenceRejected(f"Berkas '{name}' lebih dari {MAX_FILE_BYTES // (1024 * 1024)} MB.")
    kind = sniff(content[:64])
    if kind is None:
        raise EvidenceRejected(
            f"Berkas '{name}' bukan gambar (JPEG, PNG, WebP, GIF), PDF atau video (MP4, WebM) yang sah."
        )
    if _PDF_MARKUP.search(content) if kind.media_type == "application/pdf" else has_markup(content):
        raise EvidenceRejected(f"Berkas '{name}' berisi kode halaman web tersembunyi dan ditolak.")
    if kind.media_type == "application/pdf" and pdf_active_content(content):
        raise EvidenceRejected(f"Berkas '{name}' berisi JavaScript, tindakan otomatis atau berkas sisipan dan "
                               "ditolak. Cetak ulang dokumen itu ke PDF biasa, lalu lampirkan lagi.")
    return CheckedEvidence(name, kind, len(content), hashlib.sha256(content).hexdigest())


def has_markup(content: bytes) -> bool:
    lowered = content.lower()
    return bool(_TAGS.search(lowered) or _EVENT_HANDLER.search(lowered)
                or any(scheme in lowered for scheme in _URL_SCHEMES))


def pdf_active_content(content: bytes) -> bool:
    """Does the PDF carry script, launch actions, embedded files or forms, in plain objects or inside compressed
    streams (object streams keep dictionaries compressed)?"""
    if _PDF_ACTIVE.search(_PDF_NAME_ESCAPE.sub(lambda m: bytes([int(m.group(1), 16)]), content)):
        return True
    budget = PDF_INFLATE_BUDGET
    for match in _PDF_STREAM.finditer(content):
        inflater = zlib.decompressobj()
        try:
            plain = inflater.decompress(content[match.end():match.end() + budget], budget)
        except zlib.error:
            continue  # not a deflate stream (an image, a font): nothing a reader would take as a dictionary
        budget -= len(plain)
        if _PDF_ACTIVE.search(_PDF_NAME_ESCAPE.sub(lambda m: bytes([int(m.group(1), 16)]), plain)):
            return True
        if budget <= 0:
            return True  # more compressed content than any evidence document needs: refuse rather than guess
    return False


def download_name(stem: str, media_type: str) -> str:
    """A file name for a download that always ends in the extension of the type sniffed from the content, so a
    JPEG uploaded as 'x.html' never opens as a page (issue 14, finding 10)."""
    extension = next((k.extension for k in KINDS.values() if k.media_type == media_type), "bin")
    base = stem.rsplit(".", 1)[0] if "." in stem else stem
    safe = "".join(c if c.isalnum() or c in "_-" else "_" for c in base)[:80].strip("_") or "bukti"
    return f"{safe}.{extension}"


def check_batch(files: list[tuple[str, bytes]]) -> list[CheckedEvidence]:
    files = [(n, c) for n, c in files if n or c]
    if len(files) > MAX_FILES:
        raise EvidenceRejected(f"Paling banyak {MAX_FILES} berkas bukti per laporan.")
    if sum(len(c) for _, c in files) > MAX_TOTAL_BYTES:
        raise EvidenceRejected(f"Ukuran seluruh bukti paling banyak {MAX_TOTAL_BYTES // (1024 * 1024)} MB.")
    return [check_evidence(n, c) for n, c in files]
