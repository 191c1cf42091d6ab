"""Value objects of prevention records and the standard agency list per region."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources

from netra.regions import Region
from netra.yaml_data import safe_load

# Who attended a socialisation event, by group: the statuses the neutrality rules bind, and everyone else.
AUDIENCE_GROUPS = ("pns", "pppk", "non_asn", "village_head", "village_official", "bpd", "tni_polri", "other")
KINDS = ("government", "office", "district")  # the regional government, one of its offices, a kecamatan office


@dataclass(frozen=True)
class ImportProblem:
    line: int  # the line in the file (the header is line 1)
    message: str  # Indonesian

    def __str__(self) -> str:
        return f"Baris {self.line}: {self.message}"


@dataclass(frozen=True)
class AgencyRecord:
    line: int
    region_code: str
    name: str
    kind: str


@dataclass(frozen=True)
class EventRecord:
    line: int
    region_code: str
    agency: str
    election_id: str
    held_on: date
    place: str
    topic: str
    audience: dict[str, int]


@dataclass(frozen=True)
class PledgeRecord:
    line: int
    region_code: str
    agency: str
    election_id: str
    signed_on: date
    signed: int
    total: int


@cache
def _seed_data() -> dict:
    with resources.files("netra.prevention").joinpath("data", "agencies.yaml").open(encoding="utf-8") as fh:
        return safe_load(fh)


def seed_agencies(region: Region) -> list[tuple[str, str]]:
    """(name, kind) of the agencies seeded for `region`: its government first, then the standard offices."""
    data = _seed_data()
    kind = region.kind.value
    return [(data["government"][kind].format(name=region.name), "government")] + \
        [(office, "office") for office in data["offices"][kind]]
