"""Recognising evidence files by their content, never by their name or the browser's claimed type.

Accepted: JPEG, PNG, WebP, GIF images, PDF documents, MP4/MOV, WebM/MKV video. Everything else is refused,
including HTML, SVG (can carry script), ZIP and other archives (zip bombs), and "polyglots": a valid image
header followed by markup a browser might execute.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_FILES = 5
MAX_TOTAL_BYTES = 60 * 1024 * 1024

_MARKUP = (b"<script", b"<html", b"<svg", b"<!doctype", b"<?php", b"<iframe", b"<body", b"javascript:", b"<?xml")


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
    # PDFs legitimately carry "javascript:"-like strings far less often than attacks do; images and video never
    # need markup at all. Scan everything but PDFs, and for PDFs only the tags a browser would render.
    lowered = content.lower()
    markers = _MARKUP if kind.media_type != "application/pdf" else (b"<script", b"<html", b"<svg")
    if any(m in lowered for m in markers):
        raise EvidenceRejected(f"Berkas '{name}' berisi kode halaman web tersembunyi dan ditolak.")
    return CheckedEvidence(name, kind, len(content), hashlib.sha256(content).hexdigest())


def check_batch(files: list[tuple[str, bytes]]) -> list[CheckedEvidence]:
    files = [(n, c) for n, c in files if n or c]
    if len(files) > MAX_FILES:
        raise EvidenceRejected(f"Paling banyak {MAX_FILES} berkas bukti per laporan.")
    if sum(len(c) for _, c in files) > MAX_TOTAL_BYTES:
        raise EvidenceRejected(f"Ukuran seluruh bukti paling banyak {MAX_TOTAL_BYTES // (1024 * 1024)} MB.")
    return [check_evidence(n, c) for n, c in files]
