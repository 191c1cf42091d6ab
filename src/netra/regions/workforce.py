"""Civil servants per region: the denominator of "cases per 10,000" on the statistics map.

The packaged file (data/workforce.yaml) holds per-province PNS counts for 2023 from a secondary source, with its
caveats; an administrator installs an official table (BKN's Statistik ASN, say) with ``netra regions workforce
FILE``, which this module checks first: every code a known province or regency, every count a positive integer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import yaml

PER = 10_000


class WorkforceError(ValueError):
    """A workforce file that cannot be used; the message says what to fix."""


@dataclass(frozen=True)
class Workforce:
    label_id: str
    label_en: str
    as_of: str
    source: str
    counts: dict[str, int]
    caveats: list[tuple[str, str]] = field(default_factory=list)

    def rate(self, code: str, cases: int | None) -> float | None:
        """Cases per 10,000 civil servants of `code` (None without a count or cases), to two decimals."""
        workforce = self.counts.get(code)
        if cases is None or not workforce:
            return None
        return round(cases * PER / workforce, 2)

    def as_json(self) -> dict:
        return {"label_id": self.label_id, "label_en": self.label_en, "as_of": self.as_of, "source": self.source,
                "caveats": [{"id": i, "en": e} for i, e in self.caveats], "per": PER}


def parse_workforce(text: str, known_codes: set[str], where: str = "workforce file") -> Workforce:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise WorkforceError(f"{where}: not valid YAML ({exc.__class__.__name__}).") from exc
    if not isinstance(data, dict):
        raise WorkforceError(f"{where}: expected a mapping with label, as_of, source and counts.")
    label = data.get("label")
    if not isinstance(label, dict) or not str(label.get("id") or "").strip() or not str(label.get("en") or "").strip():
        raise WorkforceError(f"{where}: label needs an Indonesian (id) and an English (en) text.")
    for name in ("as_of", "source"):
        if not str(data.get(name) or "").strip():
            raise WorkforceError(f"{where}: {name} is required (say where and when the counts come from).")
    counts = data.get("counts")
    if not isinstance(counts, dict) or not counts:
        raise WorkforceError(f"{where}: counts must map region codes to numbers of civil servants.")
    clean: dict[str, int] = {}
    for code, n in counts.items():
        code = str(code).strip()
        if code not in known_codes:
            raise WorkforceError(f"{where}: unknown region code {code!r} (use BPS codes such as 33 or 33.20).")
        if isinstance(n, bool) or not isinstance(n, int) or n <= 0:
            raise WorkforceError(f"{where}: the count for {code} must be a whole number above zero, not {n!r}.")
        clean[code] = n
    caveats = []
    if not isinstance(data.get("caveats") or [], list):
        raise WorkforceError(f"{where}: caveats must be a list of {{id, en}} texts.")
    for item in data.get("caveats") or []:
        if not isinstance(item, dict) or not item.get("id") or not item.get("en"):
            raise WorkforceError(f"{where}: each caveat needs an id and an en text.")
        caveats.append((str(item["id"]), str(item["en"])))
    return Workforce(str(label["id"]).strip(), str(label["en"]).strip(), str(data["as_of"]).strip(),
                     " ".join(str(data["source"]).split()), clean, caveats)


def load_workforce(path: Path | None, known_codes: set[str]) -> Workforce:
    """The installed file at `path` when it exists, else the packaged one."""
    if path is not None and path.exists():
        return parse_workforce(path.read_text(encoding="utf-8"), known_codes, str(path))
    text = resources.files("netra.regions").joinpath("data/workforce.yaml").read_text(encoding="utf-8")
    return parse_workforce(text, known_codes, "packaged workforce.yaml")


__all__ = ["PER", "Workforce", "WorkforceError", "load_workforce", "parse_workforce"]
