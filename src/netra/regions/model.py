"""Region value objects and the scope rule (a province covers its regencies and cities)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from zoneinfo import ZoneInfo


class RegionKind(StrEnum):
    PROVINSI = "provinsi"
    KABUPATEN = "kabupaten"
    KOTA = "kota"


class TimeZone(StrEnum):
    """Indonesia's three legal time zones (Keppres 41/1987)."""

    WIB = "WIB"
    WITA = "WITA"
    WIT = "WIT"

    @property
    def zoneinfo(self) -> ZoneInfo:
        return ZoneInfo(_IANA[self])

    @classmethod
    def named(cls, name: str) -> "TimeZone":
        """WIB/WITA/WIT, or the IANA name a case carries (Asia/Pontianak keeps Jakarta's offset: WIB)."""
        return cls(_ABBREVIATION.get(name, name))


_IANA = {TimeZone.WIB: "Asia/Jakarta", TimeZone.WITA: "Asia/Makassar", TimeZone.WIT: "Asia/Jayapura"}
_ABBREVIATION = {**{iana: zone.value for zone, iana in _IANA.items()}, "Asia/Pontianak": "WIB"}


@dataclass(frozen=True)
class Region:
    code: str  # Kemendagri code: "33" for a province, "33.20" for a regency/city
    name: str
    kind: RegionKind
    timezone: TimeZone
    parent_code: str | None = None

    @property
    def province_code(self) -> str:
        return province_of(self.code)


def province_of(code: str) -> str:
    """The province a region code lies in: "33" for "33.20" (and for "33" itself)."""
    return code.split(".", 1)[0]


def covers(scope_code: str, region_code: str) -> bool:
    """True when an account scoped to `scope_code` may see `region_code`."""
    return region_code == scope_code or region_code.startswith(scope_code + ".")
