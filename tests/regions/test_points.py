"""Regency seats as points on the province map: complete, on their own province, and in the right places."""

from __future__ import annotations

import csv
import math
import re
from importlib import resources

import pytest

from netra.regions.points import load_regency_points

DRAWN_IN = {"93": "91", "94": "91", "95": "91", "96": "92"}  # 2022 Papuan provinces are drawn inside 91 and 92
TOLERANCE = 3.0  # SVG units
# Measured by scripts/regency_points.py: 501 of 514 (97.5%); the rest are seats on islands the simplified map
# leaves out (Simeulue, Weh, Natuna, Anambas, Kepulauan Seribu, Muna, Buton, Wakatobi).
MIN_SHARE_ON_OWN_PROVINCE = 0.97


def _regencies() -> dict[str, dict[str, str]]:
    with resources.files("netra.regions").joinpath("data", "regencies.csv").open(encoding="utf-8", newline="") as fh:
        return {row["code"]: row for row in csv.DictReader(fh)}


def _province_rings() -> dict[str, list[list[tuple[float, float]]]]:
    svg = resources.files("netra.web").joinpath("static", "vendor", "indonesia-provinces.svg").read_text("utf-8")
    shapes = {}
    for match in re.finditer(r'<path id="p(\d{2})"[^>]*?\sd="([^"]+)"', svg):
        shapes[match.group(1)] = [
            [tuple(map(float, pair.split(","))) for pair in body.split()]
            for body in re.findall(r"M([^MZz]+)", match.group(2))
        ]
    return shapes


def _inside(x: float, y: float, rings) -> bool:
    """Even-odd rule over all subpaths."""
    odd = False
    for ring in rings:
        for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
            if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
                odd = not odd
    return odd


def _distance_to_outline(x: float, y: float, rings) -> float:
    best = math.inf
    for ring in rings:
        for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
            dx, dy = x2 - x1, y2 - y1
            t = 0.0 if dx == dy == 0 else max(0.0, min(1.0, ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy)))
            best = min(best, math.hypot(x1 + t * dx - x, y1 + t * dy - y))
    return best


@pytest.fixture(scope="module")
def points():
    return load_regency_points()


def test_every_regency_has_a_point_and_nothing_else(points):
    assert set(points) == set(_regencies())
    assert len(points) == 514


def test_points_lie_in_the_drawing(points):
    # Kota Sabang, on Weh island north of Banda Aceh, falls a few units above the top edge: the simplified map
    # leaves Weh out and its viewBox ends at the mainland.
    outside = {code for code, (x, y) in points.items() if not (0 <= x <= 793 and 29 <= y <= 29 + 288)}
    assert outside <= {"11.72"}
    for code, (x, y) in points.items():
        assert -5 <= x <= 798 and 24 <= y <= 29 + 288 + 5, code


def test_points_lie_on_their_own_province(points):
    shapes = _province_rings()
    regencies = _regencies()
    assert len(shapes) == 34
    off = {}
    for code, (x, y) in points.items():
        province = regencies[code]["province_code"]
        rings = shapes[DRAWN_IN.get(province, province)]
        if not _inside(x, y, rings) and _distance_to_outline(x, y, rings) > TOLERANCE:
            off[code] = regencies[code]["name"]
    share = 1 - len(off) / len(points)
    assert share >= MIN_SHARE_ON_OWN_PROVINCE, f"{share:.1%} on their province; off: {off}"


def test_the_point_in_polygon_check_can_fail(points):
    # Kota Jayapura's seat is not on Aceh, nor Kota Banda Aceh's on Papua.
    shapes = _province_rings()
    for code, wrong in (("91.71", "11"), ("11.71", "91")):
        x, y = points[code]
        assert not _inside(x, y, shapes[wrong])
        assert _distance_to_outline(x, y, shapes[wrong]) > 100


def test_known_seats_sit_where_they_should_relative_to_each_other(points):
    jayapura, makassar = points["91.71"], points["73.71"]
    banda_aceh, denpasar = points["11.71"], points["51.71"]
    jakarta_pusat, manado = points["31.71"], points["71.71"]
    assert jayapura[0] > makassar[0] + 300  # about 21 degrees further east
    assert banda_aceh[0] < denpasar[0] - 300 and banda_aceh[1] < denpasar[1] - 200  # north-west (y grows southward)
    assert manado[1] < makassar[1] - 100  # Manado is north of the equator, Makassar south
    assert jakarta_pusat[0] < denpasar[0] and jakarta_pusat[1] < denpasar[1]
    # The westernmost and northernmost seats are in Aceh, the easternmost in Papua, the southernmost (Rote) in NTT.
    assert min(points, key=lambda c: points[c][0]).startswith("11.")
    assert min(points, key=lambda c: points[c][1]).startswith("11.")
    assert max(points, key=lambda c: points[c][0])[:2] in {"91", "93", "94", "95"}
    assert max(points, key=lambda c: points[c][1]) == "53.14"


def test_the_loader_is_cached(points):
    assert load_regency_points() is points
