"""Numbers, dates and times as people read them: Indonesian by default (Babel), English when chosen; every time
carries its zone (WIB, WITA or WIT). The one place for this: pages, letters, exports, messages and the CLI call it."""

from __future__ import annotations

from datetime import date, datetime, timezone
from functools import lru_cache

from babel.dates import format_date
from babel.numbers import format_decimal, format_percent

from netra.regions import TimeZone


def _locale(lang: str) -> str:
    return "en" if lang == "en" else "id"


def number(value: int | float | None, lang: str = "id") -> str:
    """12.345 and 6,5 (id) or 12,345 and 6.5 (en); a dash for nothing."""
    if value is None or value == "":
        return "–"
    if isinstance(value, int) and not isinstance(value, bool):
        return format_decimal(value, locale=_locale(lang))
    return format_decimal(value, format="#,##0.0#", locale=_locale(lang))


def percent(value: float | None, lang: str = "id") -> str:
    """45,6% (id) or 45.6% (en); a dash when there is no share (no agencies)."""
    return "–" if value is None else format_percent(value, "#,##0.0%", locale=_locale(lang))


def day(value: date | str | None, lang: str = "id") -> str:
    """17 Agustus 2024 (an ISO string is read as a date)."""
    if value is None:
        return "–"
    value = date.fromisoformat(value) if isinstance(value, str) else value
    return _day(value if type(value) is date else date(value.year, value.month, value.day), _locale(lang))


@lru_cache(maxsize=4096)
def _day(value: date, locale: str) -> str:
    # A worklist page names the same few days dozens of times; Babel takes a fifth of a millisecond for each.
    return format_date(value, "d MMMM y", locale=locale)


def moment(value: datetime | None, zone: str = "WIB", lang: str = "id") -> str:
    """17 Agustus 2024 pukul 14.05 WIB: the time in the region's zone (WIB/WITA/WIT or its IANA name), with the zone
    named."""
    if value is None:
        return "–"
    tz = TimeZone.named(zone)
    local = (value if value.tzinfo else value.replace(tzinfo=timezone.utc)).astimezone(tz.zoneinfo)
    word, clock = ("at", f"{local:%H:%M}") if lang == "en" else ("pukul", f"{local:%H.%M}")
    return f"{day(local.date(), lang)} {word} {clock} {tz.value}"


FILTERS = {"angka": number, "persen": percent, "tanggal": day, "waktu": moment}
