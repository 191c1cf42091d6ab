"""The roles of the people who use Netra's internal side."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    ADMIN = "admin"  # manages accounts, reference data and rulebook overrides
    BAWASLU = "bawaslu"  # election supervisor: intake, review, recommendation
    BKN = "bkn"  # civil-service agency: verification, monitoring the follow-up
    PPK = "ppk"  # official who imposes the sanction
    VIEWER = "viewer"  # read-only: leaders, auditors

    @property
    def label_id(self) -> str:
        return {
            "admin": "Administrator",
            "bawaslu": "Pengawas Pemilu (Bawaslu)",
            "bkn": "Badan Kepegawaian Negara (BKN)",
            "ppk": "Pejabat Pembina Kepegawaian (PPK)",
            "viewer": "Pemantau (hanya baca)",
        }[self.value]
