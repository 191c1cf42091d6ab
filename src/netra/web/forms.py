"""Form bodies for plain `def` handlers.

Handlers that store, screen, fsync or render PDFs are plain functions, which FastAPI runs in its thread pool, so
one slow request never stalls the event loop (and with it every other request of the worker, /health included).
Reading the body is the only part that must be awaited: this dependency does it on the loop, once (Starlette keeps
the parsed form on the request, and the CSRF check reads the same one), and hands the handler the result.

read_bounded_form: a form with files under a size cap, keeping what was typed even when the files are too big.

Starlette's own limit (max_body_size) answers an oversized body with a bare 413 and the typed text is lost; the
public report form must come back filled in instead (issue 14, finding 4). So upload forms read their body here:
the body streams through a counter, text fields are kept as they complete, and once the cap is passed the parse
stops (nothing more is kept in memory or on disk) and the rest is read and dropped, up to a ceiling, so the
browser receives the answer instead of a reset connection. Nothing is ever buffered beyond the cap.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, field

from fastapi import Request
from starlette.datastructures import FormData, UploadFile
from starlette.formparsers import FormParser, MultiPartException, MultiPartParser
from starlette.requests import ClientDisconnect


async def form_data(request: Request) -> FormData:
    return await request.form()


def text(form: FormData, name: str) -> str:
    return str(form.get(name) or "").strip()


def uploads(form: FormData, name: str) -> list[tuple[str, bytes]]:
    """(file name, content) of every file sent under `name` (read from the spooled upload, off the loop)."""
    out = []
    for f in form.getlist(name):
        if isinstance(f, UploadFile) and f.filename:
            f.file.seek(0)
            out.append((f.filename, f.file.read()))
    return out


DRAIN_CEILING = 256 * 1024 * 1024  # beyond this an oversized body is cut off rather than read to its end
MAX_TEXT_PART = 64 * 1024  # one text field: the longest field (10,000 characters) in UTF-8 with room to spare


class _Cut(Exception):
    pass


@dataclass
class BoundedForm:
    text: dict[str, str] = field(default_factory=dict)  # the first value of every text field received
    lists: dict[str, list[str]] = field(default_factory=dict)
    files: list[tuple[str, UploadFile]] = field(default_factory=list)  # (field name, file), complete forms only
    complete: bool = True  # False: over the cap (or malformed); files are dropped, text so far is kept
    too_large: bool = False

    def get(self, name: str, default: str = "") -> str:
        return self.text.get(name, default)

    async def close(self) -> None:
        for _, upload in self.files:
            await upload.close()


async def read_bounded_form(request: Request, cap: int, max_files: int = 20) -> BoundedForm:
    received = 0

    async def capped() -> AsyncIterator[bytes]:
        nonlocal received
        async for chunk in request.stream():
            received += len(chunk)
            if received > cap:
                if room := cap - (received - len(chunk)):
                    yield chunk[:room]  # the parser still gets every byte up to the cap, fields included
                raise _Cut()
            yield chunk

    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type == "multipart/form-data":
        parser = MultiPartParser(request.headers, capped(), max_files=max_files, max_fields=200,
                                 max_part_size=MAX_TEXT_PART)
    elif content_type == "application/x-www-form-urlencoded":
        parser = FormParser(request.headers, capped(), max_fields=200, max_part_size=MAX_TEXT_PART)
    else:
        return BoundedForm(complete=False)
    try:
        return _collect(await parser.parse(), complete=True)
    except _Cut:
        partial = _collect(FormData(getattr(parser, "items", [])), complete=False)
        partial.too_large = True
        await _drain(request, received)
        return partial
    except MultiPartException:
        return _collect(FormData(getattr(parser, "items", [])), complete=False)


def _collect(form: FormData, complete: bool) -> BoundedForm:
    out = BoundedForm(complete=complete)
    for name, value in form.multi_items():
        if isinstance(value, UploadFile):
            if complete:
                out.files.append((name, value))
            continue
        out.text.setdefault(name, value)
        out.lists.setdefault(name, []).append(value)
    return out


async def _drain(request: Request, received: int) -> None:
    try:
        async for chunk in request.stream():
            received += len(chunk)
            if received > DRAIN_CEILING:
                return
    except (ClientDisconnect, RuntimeError):  # gone, or the last part had already arrived
        return
