"""Linking related reports: several people often report the same civil servant for the same event, and Bawaslu
should handle them as one case (one review, one recommendation) while keeping every report's id.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace

from netra.cases.errors import MergeRefused
from netra.cases.model import CaseState, ReportedPerson, State

DEFAULT_WITHIN_DAYS = 7  # the reporting window: reports of one event arrive within it

# A case may be absorbed only before Bawaslu has decided on it; after that it has its own legal track.
ABSORBABLE = frozenset({State.RECEIVED, State.REGISTERED, State.UNDER_REVIEW})
# A case with a final outcome cannot take in new reports: they would be buried in a closed file.
FINAL = frozenset({State.NOT_REGISTERED, State.NOT_A_VIOLATION, State.FORWARDED, State.CLOSED})
# Progress order: the case further along survives, so no step already taken is lost.
_PROGRESS = {s: i for i, s in enumerate(State)}

_TITLES_BEFORE = {"dr", "drs", "dra", "ir", "h", "hj", "prof", "kh", "ust", "ustadz", "bapak", "bpk", "pak", "ibu",
                  "bu", "sdr", "sdri", "tn", "ny"}
_AGENCY_WORDS = {"kab": "kabupaten", "kota": "kota", "prov": "provinsi", "pemkab": "pemerintah kabupaten",
                 "pemkot": "pemerintah kota", "pemprov": "pemerintah provinsi", "pemda": "pemerintah daerah",
                 "kec": "kecamatan", "kel": "kelurahan", "dinas": "dinas", "kantor": "kantor"}


def _ascii_words(text: str) -> list[str]:
    text = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode().casefold()
    return re.sub(r"[^a-z0-9]+", " ", text).split()


def normalise_name(name: str) -> str:
    """'Drs. H. Budi  Santoso, M.Si.' -> 'budi santoso': degrees after the comma and titles before are dropped."""
    words = _ascii_words((name or "").split(",")[0])
    while words and words[0] in _TITLES_BEFORE:
        words.pop(0)
    return " ".join(words)


def normalise_agency(agency: str) -> str:
    """'Dinas Pendidikan Kab. Bogor' and 'dinas pendidikan kabupaten bogor' read the same."""
    return " ".join(_AGENCY_WORDS.get(w, w) for w in _ascii_words(agency))


def _nip(value: str) -> str:
    return re.sub(r"\D", "", value or "")


def same_person(a: ReportedPerson, b: ReportedPerson) -> bool:
    """By NIP when both have one (a differing NIP wins over a matching name); otherwise by name and agency."""
    if _nip(a.nip) and _nip(b.nip):
        return _nip(a.nip) == _nip(b.nip)
    name_a, name_b = normalise_name(a.name), normalise_name(b.name)
    agency_a, agency_b = normalise_agency(a.agency), normalise_agency(b.agency)
    return bool(name_a and agency_a) and name_a == name_b and agency_a == agency_b


@dataclass(frozen=True)
class MergeCheck:
    allowed: bool
    reason: str  # Indonesian, for the officer

    def __bool__(self) -> bool:
        return self.allowed


def survivor_and_absorbed(a: CaseState, b: CaseState) -> tuple[CaseState, CaseState]:
    """The case further along the workflow survives; on a tie, the one opened first (then the lower id)."""
    def key(c: CaseState):
        return (-_PROGRESS[c.state], c.opened_at is None, c.opened_at or 0, str(c.id))
    first, second = sorted((a, b), key=key)
    return first, second


def can_merge(a: CaseState, b: CaseState, within_days: int = DEFAULT_WITHIN_DAYS) -> MergeCheck:
    if a.id is not None and a.id == b.id:
        return MergeCheck(False, "Perkara tidak dapat digabungkan dengan dirinya sendiri.")
    if a.election_kind != b.election_kind:
        return MergeCheck(False, "Perkara berasal dari jenis pemilihan yang berbeda.")
    if a.state in FINAL or b.state in FINAL:
        return MergeCheck(False, "Perkara yang sudah mempunyai keputusan akhir atau ditutup tidak dapat digabungkan.")
    survivor, absorbed = survivor_and_absorbed(a, b)
    if absorbed.state not in ABSORBABLE:
        return MergeCheck(False, "Kedua perkara sudah melewati tahap kajian; masing-masing diproses sendiri.")
    if not same_person(a.subject, b.subject):
        return MergeCheck(False, "Terlapor tidak sama (NIP berbeda, atau nama dan instansi tidak cocok).")
    if a.event_date is None or b.event_date is None:
        return MergeCheck(False, "Tanggal kejadian belum diisi pada salah satu perkara.")
    gap = abs((a.event_date - b.event_date).days)
    if gap > within_days:
        return MergeCheck(False, f"Selisih tanggal kejadian {gap} hari, lebih dari {within_days} hari.")
    return MergeCheck(True, f"Terlapor sama dan selisih tanggal kejadian {gap} hari.")


def merge(a: CaseState, b: CaseState, within_days: int = DEFAULT_WITHIN_DAYS) -> CaseState:
    """The surviving case, with the absorbed case's id (and any ids it had absorbed) recorded and its version
    bumped. The caller marks the absorbed case as merged into the survivor; clocks stay the survivor's."""
    check = can_merge(a, b, within_days)
    if not check:
        raise MergeRefused(check.reason)
    survivor, absorbed = survivor_and_absorbed(a, b)
    ids = tuple(dict.fromkeys((*survivor.merged_ids, absorbed.id, *absorbed.merged_ids)))
    subject = survivor.subject
    if not _nip(subject.nip) and _nip(absorbed.subject.nip):  # keep the better identification
        subject = replace(subject, nip=absorbed.subject.nip)
    event_date = min(survivor.event_date, absorbed.event_date)
    return replace(survivor, merged_ids=ids, subject=subject, event_date=event_date, version=survivor.version + 1)
