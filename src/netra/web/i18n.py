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


def pick_language(cookie_value: str | None) -> str:
    return cookie_value if cookie_value in LANGUAGES else DEFAULT
