#!/usr/bin/env bash
# Refreshes the front-end assets vendored into the package from the npm registry.
# Run by hand when bumping a version; the result is committed, so nothing loads from a CDN at run time.
set -euo pipefail
HTMX=2.0.11
PICO=2.1.1
SWAGGER=5.35.0
ECHARTS=6.1.0
SVGMAP=1.0.0  # @svg-maps/indonesia: province boundaries (MapSVG, CC BY 4.0)
root="$(cd "$(dirname "$0")/.." && pwd)"
dest="$root/src/netra/web/static/vendor"
python="${PYTHON:-$root/.venv/bin/python}"
[ -x "$python" ] || python=python3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
npm pack --silent "htmx.org@$HTMX" "@picocss/pico@$PICO" "swagger-ui-dist@$SWAGGER" "echarts@$ECHARTS" \
  "@svg-maps/indonesia@$SVGMAP" >/dev/null
mkdir htmx pico swagger echarts svgmap
tar xzf "htmx.org-$HTMX.tgz" -C htmx
tar xzf "picocss-pico-$PICO.tgz" -C pico
tar xzf "swagger-ui-dist-$SWAGGER.tgz" -C swagger
tar xzf "echarts-$ECHARTS.tgz" -C echarts
tar xzf "svg-maps-indonesia-$SVGMAP.tgz" -C svgmap
mkdir -p "$dest"
cp htmx/package/dist/htmx.min.js "$dest/htmx.min.js"
cp htmx/package/LICENSE "$dest/htmx.LICENSE.txt"
cp pico/package/css/pico.min.css "$dest/pico.min.css"
cp pico/package/LICENSE.md "$dest/pico.LICENSE.md"
cp swagger/package/swagger-ui-bundle.js swagger/package/swagger-ui.css "$dest/"
cp swagger/package/LICENSE "$dest/swagger-ui.LICENSE.txt"
cp echarts/package/dist/echarts.min.js "$dest/echarts.min.js"
cat echarts/package/LICENSE echarts/package/NOTICE > "$dest/echarts.LICENSE.txt"
cp svgmap/package/LICENSE.md "$dest/indonesia-provinces.LICENSE.md"
# The province map, simplified for the page: paths to absolute points, Douglas-Peucker at 0.35 px of the 793 px
# wide drawing, coordinates to one decimal, and each province named by its Kemendagri code for the charts.
"$python" - svgmap/package/indonesia.svg "$dest/indonesia-provinces.svg" <<'PY'
import math, re, sys

ISO_TO_CODE = {"ac": "11", "su": "12", "sb": "13", "ri": "14", "ja": "15", "ss": "16", "be": "17", "la": "18",
               "bb": "19", "kr": "21", "jk": "31", "jb": "32", "jt": "33", "yo": "34", "ji": "35", "bt": "36",
               "ba": "51", "nb": "52", "nt": "53", "kb": "61", "kt": "62", "ks": "63", "ki": "64", "ku": "65",
               "sa": "71", "st": "72", "sn": "73", "sg": "74", "go": "75", "sr": "76", "ma": "81", "mu": "82",
               "pa": "91", "pb": "92"}
TOLERANCE = 0.35


def rings(d):
    tokens = re.findall(r"[mMzZ]|-?[\d.]+(?:e-?\d+)?", d)
    out, ring, x, y, start, i = [], [], 0.0, 0.0, (0.0, 0.0), 0
    while i < len(tokens):
        t = tokens[i]
        if t in "mM":
            if ring:
                out.append(ring)
            i += 1
            first = True
            ring = []
            while i + 1 < len(tokens) and tokens[i] not in "mMzZ":
                dx, dy = float(tokens[i]), float(tokens[i + 1])
                x, y = (x + dx, y + dy) if t == "m" or not first else (dx, dy)
                if first:
                    start = (x, y)
                    first = False
                ring.append((x, y))
                i += 2
        elif t in "zZ":
            if ring:
                out.append(ring)
            ring = []
            x, y = start
            i += 1
        else:
            raise SystemExit(f"unexpected token {t!r}")
    if ring:
        out.append(ring)
    return out


def simplify(points, tol):
    if len(points) < 3:
        return points
    (x1, y1), (x2, y2) = points[0], points[-1]
    best, index = 0.0, 0
    for k in range(1, len(points) - 1):
        px, py = points[k]
        length = math.hypot(x2 - x1, y2 - y1)
        dist = math.hypot(px - x1, py - y1) if length == 0 else abs((y2 - y1) * px - (x2 - x1) * py + x2 * y1 - y2 * x1) / length
        if dist > best:
            best, index = dist, k
    if best <= tol:
        return [points[0], points[-1]]
    return simplify(points[:index + 1], tol)[:-1] + simplify(points[index:], tol)


src = open(sys.argv[1], encoding="utf-8").read()
view_box = re.search(r'viewBox="([^"]+)"', src).group(1)
paths = []
for attrs in re.findall(r"<path(.*?)/>", src, re.S):
    iso = re.search(r'id="id-(\w+)"', attrs).group(1)
    name = re.search(r'name="([^"]+)"', attrs).group(1)
    d = []
    for ring in rings(re.search(r'\sd="([^"]+)"', attrs).group(1)):
        ring = simplify(ring + [ring[0]], TOLERANCE)[:-1]
        if len(ring) < 3:
            continue
        d.append("M" + " ".join(f"{x:.1f},{y:.1f}" for x, y in ring) + "Z")
    paths.append(f'<path id="p{ISO_TO_CODE[iso]}" name="{ISO_TO_CODE[iso]}" data-label="{name}" d="{"".join(d)}"/>')
open(sys.argv[2], "w", encoding="utf-8").write(
    f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{view_box}">\n'
    "<!-- Provinces of Indonesia: @svg-maps/indonesia (MapSVG, CC BY 4.0), simplified by scripts/vendor_assets.sh."
    " Papua Selatan, Tengah and Pegunungan (2022) lie inside 91, Papua Barat Daya inside 92. -->\n"
    + "\n".join(paths) + "\n</svg>\n")
PY
printf 'htmx.org %s\n@picocss/pico %s\nswagger-ui-dist %s\necharts %s\n@svg-maps/indonesia %s (simplified)\n' \
  "$HTMX" "$PICO" "$SWAGGER" "$ECHARTS" "$SVGMAP" > "$dest/VERSIONS.txt"
echo "vendored into $dest"
