"""Form bodies for plain `def` handlers.

Handlers that store, screen, fsync or render PDFs are plain functions, which FastAPI runs in its thread pool, so
one slow request never stalls the event loop (and with it every other request of the worker, /health included).
Reading the body is the only part that must be awaited: this dependency does it on the loop, once (Starlette keeps
the parsed form on the request, and the CSRF check reads the same one), and hands the handler the result.
"""

from __future__ import annotations

from fastapi import Request
from starlette.datastructures import FormData, UploadFile


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
