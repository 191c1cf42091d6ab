"""Completing and correcting what a case says about the reported person and the event.

Not a workflow step: the case stays where it is, but the change is a record like any step (who, when, why,
old -> new), and the version moves on so a form opened before it cannot overwrite it. Bawaslu owns the report's
facts; BKN may also correct the civil-service facts it holds the register for.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime
from typing import Any, Mapping
from zoneinfo import ZoneInfo

from netra.cases.errors import ActionNotAllowed, ConcurrentChange, MissingRequirement, RoleNotAllowed
from netra.cases.labels import Label
from netra.cases.model import BAWASLU, BKN, CaseState, ReportedPerson, State, TransitionRecord, require_aware
from netra.cases.substance import STATUSES

ACTION = "amend_facts"
CHANNELS: dict[str, Label] = {"social_media": Label("Media sosial", "Social media"),
                              "offline": Label("Di luar jaringan (tatap muka, acara, kantor)", "Offline")}
# Field -> (Indonesian name, longest text); the order is the form's.
FIELDS: dict[str, tuple[str, int]] = {
    "reported_name": ("Nama terlapor", 200),
    "reported_status": ("Status terlapor", 20),
    "reported_nip": ("NIP", 18),
    "reported_position": ("Jabatan", 200),
    "reported_agency": ("Instansi", 200),
    "event_date": ("Tanggal kejadian", 10),
    "known_date": ("Tanggal diketahui", 10),
    "event_place": ("Tempat kejadian", 300),
    "channel": ("Saluran", 20),
    "description": ("Uraian kejadian", 5000),
}
PERSON_FIELDS = ("reported_name", "reported_status", "reported_nip", "reported_position", "reported_agency")
MAY_CHANGE: dict[str, frozenset[str]] = {
    BAWASLU: frozenset(FIELDS),
    BKN: frozenset({"reported_status", "reported_nip", "reported_position", "reported_agency"}),
}
_NIP = re.compile(r"\d{18}")


def _clean(field: str, raw: Any, today: date) -> Any:
    """The stored form of one submitted value, or MissingRequirement with the reason in Indonesian."""
    name, longest = FIELDS[field]
    if field in ("event_date", "known_date"):
        if raw in (None, ""):
            return None
        try:
            value = raw if isinstance(raw, date) else date.fromisoformat(str(raw).strip())
        except ValueError:
            raise MissingRequirement(f"{name} tidak valid: tulis sebagai tanggal (TTTT-BB-HH).") from None
        if value > today:
            raise MissingRequirement(f"{name} tidak boleh setelah hari ini.")
        return value
    text = " ".join(str(raw or "").split()) if field != "description" else str(raw or "").strip()
    if len(text) > longest:
        raise MissingRequirement(f"{name} terlalu panjang (paling banyak {longest} karakter).")
    if field == "reported_nip" and text and not _NIP.fullmatch(text):
        raise MissingRequirement("NIP harus terdiri atas 18 angka.")
    if field == "reported_status" and text and text not in STATUSES:
        raise MissingRequirement("Status terlapor harus salah satu dari: "
                                 + ", ".join(label.id for label in STATUSES.values()) + ".")
    if field == "channel":
        if text and text not in CHANNELS:
            raise MissingRequirement("Saluran harus media sosial atau di luar jaringan.")
        return text or None
    return text


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def amend(case: CaseState, current: Mapping[str, Any], wanted: Mapping[str, Any], actor, when: datetime,
          reason: str, *, expected_version: int) -> tuple[CaseState, TransitionRecord, dict[str, Any]]:
    """Check a change of the case's facts. `current` holds the stored values of FIELDS, `wanted` the submitted ones
    (a field left out is left alone). Returns the new state, the history record (payload: {"changes": {field:
    [old, new]}}) and the values to store. Refuses, changing nothing, a stale form, a closed case, a field the
    role may not change, a malformed value, no change at all, or no reason."""
    require_aware(when)
    if case.version != expected_version:
        raise ConcurrentChange(case.version, expected_version)
    role = str(actor.role)
    if role not in MAY_CHANGE:
        raise RoleNotAllowed(f"Peran {role} tidak berwenang mengubah data perkara (hanya: bawaslu, bkn).")
    if case.state is State.CLOSED:
        raise ActionNotAllowed("Perkara yang sudah ditutup tidak dapat diubah.")
    today = when.astimezone(ZoneInfo(case.tz_name)).date()
    values: dict[str, Any] = {}
    for field in FIELDS:
        if field not in wanted:
            continue
        value = _clean(field, wanted[field], today)
        if value != current.get(field) and not (value in ("", None) and current.get(field) in ("", None)):
            values[field] = value
    refused = sorted(FIELDS[f][0] for f in values if f not in MAY_CHANGE[role])
    if refused:
        raise RoleNotAllowed(f"Peran {role} tidak berwenang mengubah: {', '.join(refused)}.")
    event, known = values.get("event_date", current.get("event_date")), values.get("known_date", current.get("known_date"))
    if event and known and known < event:
        raise MissingRequirement("Tanggal diketahui tidak boleh sebelum tanggal kejadian.")
    if not values:
        raise MissingRequirement("Tidak ada data yang berubah.")
    reason = (reason or "").strip()
    if not reason:
        raise MissingRequirement("Alasan wajib diisi untuk mengubah data perkara.")
    merged = {**{f: current.get(f) for f in PERSON_FIELDS}, **values}
    subject = ReportedPerson(nip=merged["reported_nip"] or "", name=merged["reported_name"] or "",
                             agency=merged["reported_agency"] or "", position=merged["reported_position"] or "",
                             status=merged["reported_status"] or "")
    new = replace(case, version=case.version + 1, subject=subject,
                  event_date=values.get("event_date", case.event_date))
    changes = {f: [_plain(current.get(f)), _plain(v)] for f, v in values.items()}
    record = TransitionRecord(who=actor, role=role, when=when, from_state=case.state, to_state=case.state,
                              action=ACTION, reason=reason, payload={"changes": changes})
    return new, record, values

