"""What BKN does on its own side once a sanction recommendation reaches the PPK (Peraturan BKN 1/2023): when the
PPK does not act, BKN can reprimand the PPK and block the person's personnel data in SIASN, and lift the block
once the PPK has acted. Netra records these as dated acts with their document; the steps are checked here."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class FollowUpKind(StrEnum):
    REPRIMAND_PPK = "reprimand_ppk"  # teguran kepada PPK
    SIASN_BLOCK = "siasn_block"  # pemblokiran data kepegawaian di SIASN
    SIASN_UNBLOCK = "siasn_unblock"  # pembukaan blokir SIASN

    @property
    def label_id(self) -> str:
        return _LABELS[self][0]

    @property
    def label_en(self) -> str:
        return _LABELS[self][1]


_LABELS = {
    FollowUpKind.REPRIMAND_PPK: ("Teguran kepada PPK", "Reprimand to the PPK"),
    FollowUpKind.SIASN_BLOCK: ("Blokir data kepegawaian di SIASN", "Personnel data blocked in SIASN"),
    FollowUpKind.SIASN_UNBLOCK: ("Pembukaan blokir SIASN", "SIASN block lifted"),
}


class FollowUpRefused(ValueError):
    """The message is Indonesian."""


@dataclass(frozen=True)
class FollowUp:
    kind: FollowUpKind
    on: date  # the day BKN took the action (from its document)
    document_number: str  # the number of BKN's letter or decree
    note: str = ""


# Case states (netra.cases.State values) in which BKN acts on its side: the recommendation has reached the PPK.
AFTER_PPK = ("sent_to_ppk", "not_followed_up", "personnel_data_blocked", "sanction_imposed", "closed")
PPK_SILENT = ("not_followed_up", "personnel_data_blocked")  # a block answers a PPK that did not act


def check_follow_up(kind: str, on: date | None, document_number: str, note: str, earlier: Sequence[FollowUp],
                    today: date, case_status: str) -> FollowUp:
    """A valid next follow-up, or FollowUpRefused: known kind, a case already with the PPK, a date not in the
    future, a document number; a block only when the PPK did not act and none is in force, a lifting only of a
    block in force."""
    try:
        chosen = FollowUpKind(kind)
    except ValueError:
        raise FollowUpRefused("Jenis tindak lanjut BKN tidak dikenal.") from None
    if case_status not in AFTER_PPK:
        raise FollowUpRefused("Tindak lanjut BKN dicatat setelah rekomendasi dikirim ke PPK.")
    if chosen is not FollowUpKind.SIASN_UNBLOCK and case_status not in PPK_SILENT + ("sent_to_ppk",):
        raise FollowUpRefused("Teguran atau blokir hanya untuk perkara yang belum ditindaklanjuti PPK.")
    if chosen is FollowUpKind.SIASN_BLOCK and case_status not in PPK_SILENT:
        raise FollowUpRefused("Blokir SIASN hanya setelah perkara dinyatakan tidak ditindaklanjuti PPK.")
    if on is None:
        raise FollowUpRefused("Tanggal tindakan wajib diisi.")
    if on > today:
        raise FollowUpRefused("Tanggal tindakan tidak boleh setelah hari ini.")
    if not document_number.strip():
        raise FollowUpRefused("Nomor surat/keputusan BKN wajib diisi.")
    blocked = is_blocked(earlier)
    if chosen is FollowUpKind.SIASN_BLOCK and blocked:
        raise FollowUpRefused("Data kepegawaian sudah diblokir; buka blokir dahulu sebelum memblokir lagi.")
    if chosen is FollowUpKind.SIASN_UNBLOCK:
        if not blocked:
            raise FollowUpRefused("Tidak ada blokir SIASN yang berlaku untuk dibuka.")
        last_block = max(f.on for f in earlier if f.kind is FollowUpKind.SIASN_BLOCK)
        if on < last_block:
            raise FollowUpRefused("Tanggal pembukaan blokir tidak boleh sebelum tanggal blokir.")
    return FollowUp(chosen, on, document_number.strip(), note.strip())


def is_blocked(actions: Sequence[FollowUp]) -> bool:
    """True while the latest SIASN act (in the order recorded) is a block."""
    siasn = [a for a in actions if a.kind in (FollowUpKind.SIASN_BLOCK, FollowUpKind.SIASN_UNBLOCK)]
    return bool(siasn) and siasn[-1].kind is FollowUpKind.SIASN_BLOCK
