"""Reads the vendored idn-area-data CSV files (npm package idn-area-data 4.0.1, data under ODbL).

The package gives codes, names and parents; the time zone of each province follows Keppres 41/1987 and is
kept here as data because the source does not carry it.
"""

from __future__ import annotations

import csv
from importlib import resources

from netra.regions.model import Region, RegionKind, TimeZone

SOURCE = "idn-area-data 4.0.1 (npm, github.com/fityannugroho/idn-area-data), data licensed ODbL 1.0"

_WITA = {"51", "52", "53", "63", "64", "65", "71", "72", "73", "74", "75", "76"}
_WIT = {"81", "82", "91", "92", "93", "94", "95", "96"}


def province_timezone(province_code: str) -> TimeZone:
    if province_code in _WIT:
        return TimeZone.WIT
    if province_code in _WITA:
        return TimeZone.WITA
    return TimeZone.WIB


def _rows(filename: str) -> list[dict[str, str]]:
    with resources.files("netra.regions").joinpath("data", filename).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _regency_kind(name: str) -> RegionKind:
    return RegionKind.KOTA if name.startswith("Kota") else RegionKind.KABUPATEN


def load_reference_regions() -> list[Region]:
    """Every province, then every regency/city, parents before children."""
    provinces = [
        Region(code=r["code"], name=r["name"], kind=RegionKind.PROVINSI, timezone=province_timezone(r["code"]))
        for r in _rows("provinces.csv")
    ]
    regencies = [
        Region(
            code=r["code"],
            name=r["name"],
            kind=_regency_kind(r["name"]),
            timezone=province_timezone(r["province_code"]),
            parent_code=r["province_code"],
        )
        for r in _rows("regencies.csv")
    ]
    return provinces + regencies
