"""Indonesian-first interface text with an English switch. Messages live in locales/<lang>.json."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

LANGUAGES = ("id", "en")
DEFAULT = "id"


@cache
def catalog(lang: str) -> dict[str, str]:
    return json.loads(resources.files("netra.web").joinpath("locales", f"{lang}.json").read_text(encoding="utf-8"))


def translate(lang: str, key: str, **values: object) -> str:
    text = catalog(lang).get(key) or catalog(DEFAULT).get(key) or key
    return text.format(**values) if values else text


def pick_language(cookie_value: str | None) -> str:
    return cookie_value if cookie_value in LANGUAGES else DEFAULT
