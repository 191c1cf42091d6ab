"""Position groups: the free-text position of a reported person, grouped the way officials report the figures.

Kemendagri's Pemilu 2024 figures (domain brief section 6) break violations down as functional officials 23%,
senior officials 23%, camat/lurah 17%. Netra keeps a small, ordered keyword mapping; the first group with a keyword
found in the lower-cased position wins, so "Kepala Desa" is a village head before "kepala" can make it senior, and
"Sekretaris Desa" is village staff while "Sekretaris Daerah" is a senior official.

The same table is turned into a SQL CASE expression by the service layer, so the database groups exactly as
``position_group`` does (tests check both on SQLite and PostgreSQL). Change it here, nowhere else.
"""

from __future__ import annotations

from dataclasses import dataclass

from netra.cases.labels import Label


@dataclass(frozen=True)
class PositionGroup:
    id: str
    label: Label
    keywords: tuple[str, ...]  # lower-case substrings of the position; order of groups matters, not of keywords


OTHER = "other"
GROUPS: tuple[PositionGroup, ...] = (
    PositionGroup("village", Label("Kepala desa dan perangkat desa", "Village heads and village officials"), (
        "kepala desa", "kades", "perangkat desa", "sekretaris desa", "sekdes", "kaur ", "kepala urusan",
        "kasi desa", "kepala dusun", "kadus", "badan permusyawaratan desa", "bpd", "pj kepala desa")),
    PositionGroup("camat_lurah", Label("Camat dan lurah", "Camat and lurah"), (
        " camat", " lurah")),  # a leading space: "kecamatan" and "kelurahan" are offices, not the posts
    PositionGroup("senior", Label("Pejabat pimpinan (kepala dinas, kepala bidang, sekda)",
                                  "Senior officials (agency heads, division heads, regional secretary)"), (
        "kepala dinas", "kadis", "kepala badan", "kepala bidang", "kabid", "kepala bagian", "kabag",
        "sekretaris daerah", "sekda", "asisten", "kepala kantor", "kepala biro", "direktur", "inspektur",
        "sekretaris dinas", "sekretaris badan", "staf ahli", "kepala satuan", "kasatpol", "kepala pelaksana")),
    PositionGroup("functional", Label("Pejabat fungsional (guru, tenaga kesehatan, penyuluh)",
                                      "Functional officials (teachers, health workers, extension officers)"), (
        "guru", "kepala sekolah", "dosen", "perawat", "bidan", "dokter", "apoteker", "penyuluh", "analis",
        "pranata", "widyaiswara", "auditor", "arsiparis", "pustakawan", "statistisi", "perencana", "pengawas sekolah",
        "fungsional", "tenaga kesehatan", "nakes", "sanitarian", "epidemiolog")),
    PositionGroup(OTHER, Label("Lainnya", "Other"), ()),
)
BY_ID = {g.id: g for g in GROUPS}
IDS = tuple(g.id for g in GROUPS)


def position_group(position: str | None) -> str:
    """The group id of a free-text position; unknown or empty positions are 'other'."""
    text = f" {(position or '').casefold()} "
    for group in GROUPS:
        if any(k in text for k in group.keywords):
            return group.id
    return OTHER


def label(group_id: str) -> Label:
    return BY_ID[group_id].label if group_id in BY_ID else Label(group_id, group_id)
