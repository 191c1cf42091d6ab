"""Indonesian-first interface text with an English switch. Messages live in locales/<lang>.json."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

LANGUAGES = ("id", "en")
DEFAULT = "id"


@cache
def catalog(lang: str) -> dict[str, str]:
    """locales/<lang>.json plus every locales/<capability>.<lang>.json, so each capability keeps its own text."""
    folder = resources.files("netra.web").joinpath("locales")
    merged: dict[str, str] = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name == f"{lang}.json" or entry.name.endswith(f".{lang}.json"):
            merged.update(json.loads(entry.read_text(encoding="utf-8")))
    return merged


def translate(lang: str, key: str, **values: object) -> str:
    text = catalog(lang).get(key) or catalog(DEFAULT).get(key) or key
    return text.format(**values) if values else text


_CLDR = {"id": "id_ID", "en": "en"}


def number(lang: str, value) -> str:
    """A count or a figure the reader's way (CLDR via Babel): 1.234.567 and 6,5 in Indonesian, 1,234,567 and 6.5 in
    English; None is a dash."""
    from babel.numbers import format_decimal

    if value is None or value == "":
        return "—"
    if isinstance(value, int) and not isinstance(value, bool):
        return format_decimal(value, locale=_CLDR.get(lang, "id_ID"))
    return format_decimal(value, format="#,##0.0#", locale=_CLDR.get(lang, "id_ID"))


def day(lang: str, value) -> str:
    """A date the reader's way: 28 Nov 2023 (Indonesian month names in Indonesian)."""
    from datetime import date

    from babel.dates import format_date

    value = date.fromisoformat(value) if isinstance(value, str) else value
    return format_date(value, format="d MMM y", locale=_CLDR.get(lang, "id_ID"))


def moment_wib(lang: str, value) -> str:
    """An instant in Western Indonesian Time, labelled WIB: 7 Desember 2026 08.37 WIB."""
    from zoneinfo import ZoneInfo

    from babel.dates import format_datetime

    local = value.astimezone(ZoneInfo("Asia/Jakarta"))
    return format_datetime(local, format="d MMMM y HH.mm", locale=_CLDR.get(lang, "id_ID")) + " WIB"


def pick_language(cookie_value: str | None) -> str:
    return cookie_value if cookie_value in LANGUAGES else DEFAULT
