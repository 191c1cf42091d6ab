"""Indonesian and English names for every state, action and requirement, and a render-ready machine description."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from netra.cases.model import State
from netra.cases.table import ACTIONS, DESTINATIONS, OPENING_ACTIONS, TRANSITIONS, Requirement


@dataclass(frozen=True)
class Label:
    id: str  # Bahasa Indonesia
    en: str


_LABELS: dict[str, Label] = {
    # states
    "received": Label("Diterima", "Received"),
    "not_registered": Label("Tidak diregistrasi", "Not registered"),
    "registered": Label("Diregistrasi", "Registered"),
    "under_review": Label("Dalam kajian", "Under review"),
    "recommended_to_bkn": Label("Direkomendasikan ke BKN", "Recommended to BKN"),
    "not_a_violation": Label("Bukan pelanggaran", "Not a violation"),
    "forwarded": Label("Diteruskan ke instansi lain", "Forwarded to another body"),
    "verified_by_bkn": Label("Diverifikasi BKN", "Verified by BKN"),
    "validated_by_bawaslu": Label("Divalidasi Bawaslu", "Validated by Bawaslu"),
    "sent_to_ppk": Label("Dikirim ke PPK", "Sent to the PPK"),
    "sanction_imposed": Label("Sanksi dijatuhkan", "Sanction imposed"),
    "not_followed_up": Label("Tidak ditindaklanjuti PPK", "Not followed up by the PPK"),
    "personnel_data_blocked": Label("Data kepegawaian diblokir", "Personnel data blocked"),
    "closed": Label("Ditutup", "Closed"),
    # actions
    "submit": Label("Laporan masuk", "Report submitted"),
    "record_finding": Label("Catat temuan", "Record a finding"),
    "register": Label("Registrasi laporan", "Register the report"),
    "refuse_registration": Label("Tolak registrasi", "Refuse registration"),
    "start_review": Label("Mulai kajian", "Start the review"),
    "request_clarification": Label("Minta keterangan tambahan", "Request clarification"),
    "recommend": Label("Rekomendasikan ke BKN", "Recommend to BKN"),
    "dismiss": Label("Nyatakan bukan pelanggaran", "Dismiss as not a violation"),
    "forward": Label("Teruskan ke instansi lain", "Forward to another body"),
    "verify": Label("Verifikasi rekomendasi", "Verify the recommendation"),
    "reject_recommendation": Label("Tolak rekomendasi", "Reject the recommendation"),
    "validate": Label("Validasi hasil verifikasi", "Validate the verification"),
    "send_to_ppk": Label("Kirim ke PPK", "Send to the PPK"),
    "impose_sanction": Label("Jatuhkan sanksi", "Impose a sanction"),
    "mark_not_followed_up": Label("Tandai tidak ditindaklanjuti", "Mark as not followed up"),
    "block_personnel_data": Label("Blokir data kepegawaian (SIASN)", "Block personnel data (SIASN)"),
    "close": Label("Tutup perkara", "Close the case"),
    "merge": Label("Gabungkan perkara", "Merge cases"),
    "link": Label("Gabungkan laporan", "Link reports"),
    "link_person": Label("Hubungkan dengan daftar pegawai", "Link to the civil-servant register"),
    "unlink_person": Label("Lepas dari daftar pegawai", "Unlink from the civil-servant register"),
    "bkn_follow_up": Label("Tindak lanjut BKN", "BKN follow-up"),
    "correct_sanction": Label("Koreksi sanksi", "Correct the sanction"),
    "amend_facts": Label("Lengkapi atau perbaiki data perkara", "Complete or correct the case facts"),
    "assign": Label("Tugaskan petugas", "Assign an officer"),
    "unassign": Label("Lepas penugasan", "Unassign"),
    "comment": Label("Komentar internal", "Internal comment"),
    # requirements
    "reason": Label("Alasan", "Reason"),
    "rule_ids": Label("Ketentuan yang dilanggar", "Rules breached"),
    "destination": Label("Instansi tujuan", "Destination body"),
    "ppk": Label("PPK tujuan", "Receiving PPK"),
    "rule_id": Label("Ketentuan dasar sanksi", "Rule the sanction rests on"),
    "sanction": Label("Sanksi (jenis, tingkat, uraian)", "Sanction (kind, level, description)"),
    "once": Label("Hanya sekali", "Only once"),
    "clock_overdue": Label("Setelah batas waktu lewat", "Only after the deadline has passed"),
    "substance": Label("Data terlapor lengkap", "The reported person's details are complete"),
    # destinations
    "KPU": Label("KPU (pelanggaran administrasi)", "KPU (administrative violation)"),
    "Gakkumdu": Label("Sentra Gakkumdu (tindak pidana pemilihan)", "Gakkumdu (election crime)"),
    "DKPP": Label("DKPP (kode etik penyelenggara)", "DKPP (election officials' ethics)"),
    "other": Label("Instansi lain", "Other body"),
}


def label(name: str) -> Label:
    """The label of a state, action, requirement or destination; unknown names fall back to themselves."""
    return _LABELS.get(str(name), Label(str(name), str(name)))


def describe() -> dict[str, Any]:
    """The whole machine as JSON-ready data, so docs and the UI render the same table the code enforces."""

    def named(name):
        return {"name": str(name), "id": label(name).id, "en": label(name).en}

    return {
        "states": [named(s) for s in State],
        "actions": [named(a) for a in (*(a for a, _ in OPENING_ACTIONS.values()), *ACTIONS)],
        "requirements": [named(r) for r in Requirement],
        "destinations": [named(d) for d in DESTINATIONS],
        "opening": {origin: {"action": a, "to": str(s)} for origin, (a, s) in OPENING_ACTIONS.items()},
        "transitions": [
            {"action": t.action, "role": t.role, "from": [str(s) for s in t.from_states], "to": str(t.to_state),
             "requires": [str(r) for r in t.requires]}
            for t in TRANSITIONS
        ],
    }
