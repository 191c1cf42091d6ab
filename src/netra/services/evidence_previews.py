"""Evidence previews: a small PNG of an image or of a PDF's first page, so officers need not download to look.

Images are read from their metadata-free copy (netra.intake.metadata.strip), never from the original bytes, and
the PNG written anew carries no metadata either; a PDF has no such copy, and its first page is drawn as pixels
(pypdfium2), which keeps none of the document's metadata. Previews are made once per file (by SHA-256) and kept
under the data directory; a file that cannot be drawn is remembered as such and the page says so in plain words.
"""

from __future__ import annotations

import io
import os
import threading
import warnings
from pathlib import Path

from PIL import Image

from netra.intake.metadata import Malformed, strip
from netra.storage.evidence_store import EvidenceStore

IMAGES = frozenset({"image/jpeg", "image/png", "image/gif", "image/webp"})
PDF = "application/pdf"
SIZE = 480  # longest side in pixels: enough to recognise a screenshot or a letter
MAX_PIXELS = 50_000_000  # refuse decompression bombs before decoding
_PDFIUM = threading.Lock()  # PDFium is not thread-safe; the web server serves from a thread pool


def previewable(media_type: str) -> bool:
    return media_type in IMAGES or media_type == PDF


def _image(content: bytes, media_type: str) -> Image.Image:
    copy = strip(content, media_type)
    if copy is None:
        raise Malformed("no metadata-free copy")
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        image = Image.open(io.BytesIO(copy))
        if image.width * image.height > MAX_PIXELS:
            raise Malformed("image too large to preview")
        image.draft("RGB", (SIZE, SIZE))  # JPEG: decode at a reduced scale
        image.seek(0)
        image.thumbnail((SIZE, SIZE))
        return image.convert("RGBA" if image.mode in ("RGBA", "LA", "P") else "RGB")


def _pdf_page(content: bytes) -> Image.Image:
    import pypdfium2 as pdfium  # imported on first use: the web app starts without it

    with _PDFIUM:
        pdf = pdfium.PdfDocument(content)
        try:
            if len(pdf) == 0:
                raise Malformed("PDF without pages")
            page = pdf[0]
            width, height = page.get_size()
            if width <= 0 or height <= 0:
                raise Malformed("PDF page without size")
            image = page.render(scale=SIZE / max(width, height)).to_pil()
            page.close()
            return image.convert("RGB")
        finally:
            pdf.close()


def render(content: bytes, media_type: str) -> bytes:
    """The preview PNG of one file. Raises Malformed (or the decoder's error) when it cannot be drawn."""
    image = _pdf_page(content) if media_type == PDF else _image(content, media_type)
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def preview_png(store: EvidenceStore, cache_dir: Path, sha256: str, media_type: str) -> bytes | None:
    """The cached preview of the stored file `sha256`, made on first request; None when it cannot be drawn."""
    if not previewable(media_type):
        return None
    done, failed = cache_dir / f"{sha256}.png", cache_dir / f"{sha256}.failed"
    if done.exists():
        return done.read_bytes()
    if failed.exists():
        return None
    cache_dir.mkdir(parents=True, exist_ok=True)
    try:
        png = render(store.read(sha256), media_type)
    except Exception:  # noqa: BLE001 - any decoder failure on an odd file means "no preview", never a broken page
        failed.touch()
        return None
    partial = cache_dir / f"{sha256}.{os.getpid()}.{threading.get_ident()}.tmp"
    partial.write_bytes(png)
    partial.replace(done)  # atomic: a reader sees the whole preview or none
    return png
