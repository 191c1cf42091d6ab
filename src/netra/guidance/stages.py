"""The election stage a question is about: from a date (parameter or written in the question) and the election
calendars, or from words such as "masa kampanye" or "sebelum penetapan calon"."""

from __future__ import annotations

import re
from datetime import date

from netra.elections import Election, Elections
from netra.elections.calendar import Calendar, StageInfo, stage_info

MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "pebruari": 2, "feb": 2, "maret": 3, "mar": 3, "april": 4, "apr": 4,
    "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "agustus": 8, "agu": 8, "agt": 8, "ags": 8,
    "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "november": 11, "nov": 11, "nop": 11,
    "desember": 12, "des": 12,
}
NUMBER_WORDS = {
    "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7, "delapan": 8, "sembilan": 9,
    "sepuluh": 10, "sebelas": 11, "dua belas": 12, "setahun": 12, "sebulan": 1,
}
_ISO = re.compile(r"\b(20\d\d)-(\d{1,2})-(\d{1,2})\b")
_DMY = re.compile(r"\b(\d{1,2})[/.-](\d{1,2})[/.-](20\d\d)\b")
_D_MONTH_Y = re.compile(r"\b(\d{1,2})\s+([a-z]+)\.?\s+(20\d\d)\b")
_MONTHS_BEFORE = re.compile(
    r"\b(\d{1,2}|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")\s*(?:bulan|bln)\s+"
    r"(?:sebelum|menjelang)\s+(?:tanggal\s+)?penetapan"
)

# Words that tell the stage without a date. Order matters: the first phrase found wins.
_PHRASES: tuple[tuple[re.Pattern[str], bool | None, bool | None, str], ...] = (
    (re.compile(r"\bmasa\s+kampanye\b|\bselama\s+kampanye\b|\bmasa\s+kampanye\s+pilkada\b"), True, True, "campaign"),
    (re.compile(r"\bmasa\s+tenang\b"), True, False, "quiet"),
    (re.compile(r"\bhari\s+(?:h|pencoblosan|pemungutan\s+suara|coblosan)\b"), True, False, "voting"),
    (re.compile(r"\b(?:sebelum|menjelang|belum)\s+(?:ada\s+)?(?:penetapan|ditetapkan|pendaftaran|mendaftar)\b"),
     False, False, "before_set"),
    (re.compile(r"\b(?:setelah|sesudah|sejak|sudah|pasca)\s+(?:penetapan|ditetapkan|pengundian)\b"),
     True, None, "after_set"),
)


def dates_in(text: str) -> list[date]:
    """Explicit calendar dates written in `text` (ISO, d/m/yyyy, "10 Oktober 2024")."""
    low = text.lower()
    found: list[date] = []
    for m in _ISO.finditer(low):
        _add(found, int(m.group(1)), int(m.group(2)), int(m.group(3)))
    for m in _DMY.finditer(low):
        _add(found, int(m.group(3)), int(m.group(2)), int(m.group(1)))
    for m in _D_MONTH_Y.finditer(low):
        month = MONTHS.get(m.group(2))
        if month:
            _add(found, int(m.group(3)), month, int(m.group(1)))
    return found


def _add(found: list[date], y: int, m: int, d: int) -> None:
    try:
        found.append(date(y, m, d))
    except ValueError:
        pass


def months_before_set(text: str) -> int | None:
    """"dua bulan sebelum penetapan" -> 2."""
    m = _MONTHS_BEFORE.search(text.lower())
    if not m:
        return None
    value = m.group(1)
    return int(value) if value.isdigit() else NUMBER_WORDS.get(value)


def phrase_stage(text: str) -> tuple[bool | None, bool | None, str] | None:
    low = text.lower()
    for pattern, cs, ic, fact in _PHRASES:
        if pattern.search(low):
            return cs, ic, fact
    return None


def pick_election(elections: Elections, day: date, hint: str | None) -> Election | None:
    """The election a day most plausibly concerns (the hinted kind first): the one calendar's answer."""
    return Calendar(elections).election_on(day, hint=hint)


def stage_on(election: Election, day: date) -> StageInfo:
    return stage_info(election, day)
