"""Structured logging: one JSON object a line on stderr. Never pass secrets or reporter identity to a log call."""

from __future__ import annotations

import json
import logging
import sys
import time
import traceback

_STANDARD = set(vars(logging.makeLogRecord({}))) | {"message", "asctime"}


def exception_outline(exc_info) -> str:
    """A traceback without exception messages: where it failed and what kind of error, never its text. Messages of
    database errors quote the row they failed on (a reporter's name, NIK, the submission token), and messages of
    other errors often quote the input that caused them."""
    _, exc, tb = exc_info
    lines = ["Traceback (most recent call last):"]
    for frame in traceback.extract_tb(tb):
        lines.append(f'  File "{frame.filename}", line {frame.lineno}, in {frame.name}')
    chain = []
    while exc is not None and len(chain) < 5:
        kind = f"{type(exc).__module__}.{type(exc).__qualname__}"
        code = getattr(getattr(exc, "orig", None), "sqlstate", None) or getattr(exc, "sqlstate", None)
        chain.append(kind + (f" (SQLSTATE {code})" if code else ""))
        exc = exc.__cause__ or exc.__context__
    lines.append(" <- ".join(chain) + " [message withheld]")
    return "\n".join(lines)


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created)) + f".{int(record.msecs):03d}Z",
            "level": record.levelname.lower(),
            "logger": record.name,
            "event": record.getMessage(),
        }
        entry.update({k: v for k, v in vars(record).items() if k not in _STANDARD})
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, default=str, ensure_ascii=False)

    def formatException(self, ei) -> str:  # noqa: N802 (logging's name)
        return exception_outline(ei)


def configure_logging(level: str = "INFO") -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    for noisy in ("uvicorn.access",):  # replaced by our own request log, which omits query strings
        logging.getLogger(noisy).disabled = True
