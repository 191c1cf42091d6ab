"""A public report of a suspected neutrality violation, its validation and its completeness check."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from netra.cases import ReportingWindow, local_date, local_text
from netra.intake.identifiers import clean, nik_problem, nip_problem

MAX_TEXT = {"description": 10_000, "event_place": 300, "reporter_address": 500, "reporter_name": 200,
            "reporter_contact": 200, "reported_name": 200, "reported_position": 200, "reported_agency": 200}
MAX_LINKS = 10
CHANNELS = ("", "social_media", "offline")
_URL = re.compile(r"^https?://[^\s/$.?#][^\s]{1,2000}$", re.IGNORECASE)
# Control characters other than tab and line breaks: nobody types them, PostgreSQL refuses NUL in text, and they
# hide text from whoever reads the report.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
TEXT_FIELDS = ("description", "region_code", "election_id", "reporter_name", "reporter_address", "reporter_contact",
               "reporter_id_number", "reported_name", "reported_nip", "reported_position", "reported_agency",
               "event_place", "channel")


def control_characters(value: str) -> bool:
    return bool(_CONTROL.search(value or ""))


@dataclass(frozen=True)
class ReportDraft:
    description: str
    region_code: str
    election_id: str
    reporter_name: str = ""
    reporter_address: str = ""
    reporter_contact: str = ""
    reporter_id_number: str = ""
    confidential: bool = True
    reported_name: str = ""
    reported_nip: str = ""
    reported_position: str = ""
    reported_agency: str = ""
    event_date: date | None = None
    event_place: str = ""
    known_date: date | None = None
    links: tuple[str, ...] = field(default_factory=tuple)
    declaration: bool = False  # stands in for the signature an online form cannot carry
    channel: str = ""  # "social_media", "offline" or "" when the reporter does not say

    def normalised(self) -> "ReportDraft":
        return replace(
            self,
            **{k: getattr(self, k).strip() for k in MAX_TEXT},
            reporter_id_number=clean(self.reporter_id_number),
            reported_nip=clean(self.reported_nip),
            links=tuple(u.strip() for u in self.links if u.strip()),
            known_date=self.known_date or self.event_date,
        )


def validation_errors(draft: ReportDraft, today: date, known_regions: set[str], known_elections: set[str]) -> dict[str, str]:
    """Field → Indonesian message for input that cannot be stored. Missing but optional parts are not errors:
    they show up in the completeness check instead, so a reporter can still file and complete later."""
    errors: dict[str, str] = {}
    for name in TEXT_FIELDS:
        if control_characters(getattr(draft, name)):
            errors[name] = "Berisi karakter tak terlihat yang tidak diizinkan; ketik ulang isian ini."
    if any(control_characters(u) for u in draft.links):
        errors["links"] = "Berisi karakter tak terlihat yang tidak diizinkan; ketik ulang isian ini."
    if errors:
        return errors  # the other checks would only repeat themselves on unreadable text
    if len(draft.description) < 20:
        errors["description"] = "Ceritakan apa yang terjadi, minimal 20 karakter."
    for name, limit in MAX_TEXT.items():
        if len(getattr(draft, name)) > limit:
            errors[name] = f"Paling banyak {limit} karakter."
    if draft.region_code not in known_regions:
        errors["region_code"] = "Pilih kabupaten/kota tempat kejadian."
    if draft.election_id not in known_elections:
        errors["election_id"] = "Pilih pemilihan yang bersangkutan."
    if draft.reported_nip and (problem := nip_problem(draft.reported_nip)):
        errors["reported_nip"] = problem
    if draft.reporter_id_number and (problem := nik_problem(draft.reporter_id_number)):
        errors["reporter_id_number"] = problem
    for name in ("event_date", "known_date"):
        value = getattr(draft, name)
        if name == "known_date" and "event_date" in errors and value == draft.event_date:
            continue  # defaulted from the event date: one message is enough
        if value and value > today:
            errors[name] = "Tanggal tidak boleh di masa depan."
        elif value and value < today - timedelta(days=5 * 365):
            errors[name] = "Tanggal terlalu lama; periksa kembali."
    if draft.event_date and draft.known_date and draft.known_date < draft.event_date:
        errors["known_date"] = "Tanggal diketahui tidak boleh sebelum tanggal kejadian."
    if draft.channel not in CHANNELS:
        errors["channel"] = "Pilih media sosial/daring atau luar jaringan."
    if len(draft.links) > MAX_LINKS:
        errors["links"] = f"Paling banyak {MAX_LINKS} tautan."
    elif bad := [u for u in draft.links if not _URL.match(u)]:
        errors["links"] = f"Tautan harus diawali http:// atau https://: {bad[0][:80]}"
    return errors


@dataclass(frozen=True)
class Requirement:
    key: str
    kind: str  # "formal" or "material" (Perbawaslu 8/2020)
    label: str
    met: bool
    missing: str  # what the reporter must add, shown when not met


def completeness(draft: ReportDraft, evidence_count: int, reporting: ReportingWindow | None) -> list[Requirement]:
    """The formal and material requirements of a report, each with what is still missing. `reporting` is the
    report's reporting limit (netra.cases.reporting_window, from the deadline rules in force), None while the day
    the event became known is not given."""
    return [
        Requirement("reporter_identity", "formal", "Identitas pelapor (nama dan NIK)",
                    bool(draft.reporter_name and draft.reporter_id_number), "Nama lengkap dan NIK pelapor."),
        Requirement("reporter_address", "formal", "Alamat pelapor", bool(draft.reporter_address), "Alamat pelapor."),
        _within_deadline(reporting),
        Requirement("declaration", "formal", "Pernyataan kebenaran laporan (pengganti tanda tangan)",
                    draft.declaration, "Centang pernyataan bahwa laporan ini benar."),
        Requirement("time_and_place", "material", "Waktu dan tempat kejadian",
                    bool(draft.event_date and draft.event_place), "Tanggal dan tempat kejadian."),
        Requirement("description", "material", "Uraian kejadian", len(draft.description) >= 20, "Uraian kejadian."),
        Requirement("evidence", "material", "Bukti (berkas atau tautan)", evidence_count + len(draft.links) > 0,
                    "Minimal satu berkas bukti atau tautan."),
        Requirement("reported_party", "material", "Terlapor (nama dan jabatan/instansi atau NIP)",
                    bool(draft.reported_name and (draft.reported_nip or draft.reported_position or draft.reported_agency)),
                    "Nama terlapor beserta jabatan, instansi atau NIP."),
    ]


def reporting_limit_text(window: ReportingWindow) -> str:
    """"paling lambat 7 hari sejak diketahui (10 Oktober 2024): 17 Oktober 2024 pukul 23.59 WIB"."""
    return (f"paling lambat {limit_days(window.rule)} sejak diketahui ({local_date(window.known_on)}): "
            f"{local_text(window.deadline, window.deadline.tzinfo.key)}")


def limit_days(rule) -> str:
    return f"{rule.days} hari{' kerja' if rule.counting == 'working' else ''}"


def _within_deadline(window: ReportingWindow | None) -> Requirement:
    if window is None:
        return Requirement("within_deadline", "formal", "Dilaporkan dalam batas waktu sejak pelanggaran diketahui",
                           False, "Tanggal kejadian diketahui.")
    label = f"Dilaporkan paling lambat {limit_days(window.rule)} sejak diketahui"
    missing = (f"Batas lapor terlewati: {reporting_limit_text(window)}." if window.late
               else "Tanggal kejadian diketahui.")
    return Requirement("within_deadline", "formal", label, window.late is False, missing)
