"""Candidates are data: a registry per election and region, loaded from CSV.

CSV columns (header required; extra columns are ignored):

=============  ================================================================================================
``election``   election id, e.g. ``pilkada2024-bupati-33.20`` or ``pemilu2024-presiden`` (required)
``region``     Kemendagri code of the electoral region (``33.20`` regency, ``33`` province); empty = national
``vote_date``  voting day, ISO ``YYYY-MM-DD`` (optional; used with ``active_from``/``active_to``)
``number``     ballot number as printed (``1``, ``01``) (required)
``name``       the pair's names (optional: a registry may hold ballot numbers only)
``aliases``    other ways people write the pair, separated by ``|`` (``Hendra–Wulan|Pak Hendra``)
``hashtags``   campaign hashtags, ``|``-separated (``#HendraWulan|#HWMenang``)
``slogans``    slogans, ``|``-separated
``active_from`` / ``active_to``  optional ISO dates bounding when the entry applies; by default from 120 days
               before ``vote_date`` to 30 days after it (always, when there is no ``vote_date``)
=============  ================================================================================================

``CandidateRegistry.demo()`` loads ``data/demo_candidates.csv``: FICTIONAL pairs for Pilkada 2024 in Kabupaten
Jepara (33.20) and Kabupaten Kutai Kartanegara (64.02), and the real Pemilu 2024 presidential ballot numbers
01/02/03 by number only.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

DEMO_CSV = Path(__file__).resolve().parent / "data" / "demo_candidates.csv"
REQUIRED = ("election", "number")
_REGION_RE = re.compile(r"^\d{2}(\.\d{2}){0,3}$")
DEFAULT_BEFORE = dt.timedelta(days=120)
DEFAULT_AFTER = dt.timedelta(days=30)


class CandidateRegistryError(ValueError):
    """A registry file that cannot be used; the message names the file and line."""


@dataclass(frozen=True)
class Candidate:
    election: str
    region: str | None
    number: int
    name: str | None = None
    aliases: tuple[str, ...] = ()
    hashtags: tuple[str, ...] = ()
    slogans: tuple[str, ...] = ()
    vote_date: dt.date | None = None
    active_from: dt.date | None = None
    active_to: dt.date | None = None

    @property
    def label(self) -> str:
        return f"{self.number:02d}"

    def active_on(self, day: dt.date | None) -> bool:
        if day is None:
            return True
        start = self.active_from or (self.vote_date - DEFAULT_BEFORE if self.vote_date else None)
        end = self.active_to or (self.vote_date + DEFAULT_AFTER if self.vote_date else None)
        return (start is None or day >= start) and (end is None or day <= end)

    def covers(self, region: str | None) -> bool:
        """True when an item from ``region`` may be about this candidate (unknown region: always)."""
        if region is None or self.region is None:
            return True
        return region == self.region or region.startswith(self.region + ".")

    def phrases(self) -> Iterator[str]:
        if self.name:
            yield self.name
        yield from self.aliases
        yield from self.hashtags
        yield from self.slogans


def _split(value: str | None) -> tuple[str, ...]:
    return tuple(p.strip() for p in (value or "").split("|") if p.strip())


def _date(value: str | None, where: str, column: str) -> dt.date | None:
    value = (value or "").strip()
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise CandidateRegistryError(f"{where}: column '{column}' is not an ISO date: {value!r}") from None


class CandidateRegistry:
    """All known candidates; look-ups are by region and day."""

    def __init__(self, candidates: Iterable[Candidate] = ()):
        self.candidates: tuple[Candidate, ...] = tuple(candidates)
        self._by_number: dict[tuple, Candidate | None] = {}  # the registry never changes: answers are kept

    def __len__(self) -> int:
        return len(self.candidates)

    def __iter__(self) -> Iterator[Candidate]:
        return iter(self.candidates)

    @classmethod
    def demo(cls) -> CandidateRegistry:
        return cls.from_csv(DEMO_CSV)

    @classmethod
    def from_csv(cls, path: str | Path) -> CandidateRegistry:
        path = Path(path)
        try:
            fh = open(path, encoding="utf-8-sig", newline="")
        except OSError as exc:
            raise CandidateRegistryError(f"{path}: cannot open ({exc.strerror})") from None
        out: list[Candidate] = []
        seen: set[tuple[str, int]] = set()
        with fh:
            try:
                reader = csv.DictReader(fh)
                header = reader.fieldnames or []
                missing = [c for c in REQUIRED if c not in header]
                if missing:
                    raise CandidateRegistryError(f"{path}: missing column(s) {', '.join(missing)}")
                for row in reader:
                    where = f"{path}, line {reader.line_num}"
                    out.append(cls._row(row, where, seen))
            except UnicodeDecodeError:
                raise CandidateRegistryError(f"{path}: not UTF-8 text") from None
            except csv.Error as exc:
                raise CandidateRegistryError(f"{path}: malformed CSV ({exc})") from None
        return cls(out)

    @staticmethod
    def _row(row: dict, where: str, seen: set[tuple[str, int]]) -> Candidate:
        election = (row.get("election") or "").strip()
        if not election:
            raise CandidateRegistryError(f"{where}: empty 'election'")
        number_text = (row.get("number") or "").strip()
        if not number_text.isdecimal() or not 0 < int(number_text) < 100:
            raise CandidateRegistryError(f"{where}: 'number' must be a ballot number 1-99, got {number_text!r}")
        number = int(number_text)
        if (election, number) in seen:
            raise CandidateRegistryError(f"{where}: ballot number {number} appears twice for {election}")
        seen.add((election, number))
        region = (row.get("region") or "").strip() or None
        if region is not None and not _REGION_RE.match(region):
            raise CandidateRegistryError(f"{where}: 'region' is not a Kemendagri code: {region!r}")
        return Candidate(
            election=election,
            region=region,
            number=number,
            name=(row.get("name") or "").strip() or None,
            aliases=_split(row.get("aliases")),
            hashtags=_split(row.get("hashtags")),
            slogans=_split(row.get("slogans")),
            vote_date=_date(row.get("vote_date"), where, "vote_date"),
            active_from=_date(row.get("active_from"), where, "active_from"),
            active_to=_date(row.get("active_to"), where, "active_to"),
        )

    def in_scope(self, region: str | None, day: dt.date | None) -> list[Candidate]:
        return [c for c in self.candidates if c.covers(region) and c.active_on(day)]

    def by_number(self, number: int, region: str | None, day: dt.date | None) -> Candidate | None:
        """The one candidate in scope with this ballot number, or None when none or several match."""
        key = (number, region, day)
        if key in self._by_number:
            return self._by_number[key]
        found = [c for c in self.in_scope(region, day) if c.number == number]
        out = found[0] if len(found) == 1 else None
        if len(self._by_number) < 10_000:
            self._by_number[key] = out
        return out
