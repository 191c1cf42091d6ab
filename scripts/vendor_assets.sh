#!/usr/bin/env bash
# Refreshes the front-end assets vendored into the package from the npm registry.
# Run by hand when bumping a version; the result is committed, so nothing loads from a CDN at run time.
set -euo pipefail
HTMX=2.0.11
PICO=2.1.1
SWAGGER=5.35.0
dest="$(cd "$(dirname "$0")/.." && pwd)/src/netra/web/static/vendor"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
npm pack --silent "htmx.org@$HTMX" "@picocss/pico@$PICO" "swagger-ui-dist@$SWAGGER" >/dev/null
mkdir htmx pico swagger
tar xzf "htmx.org-$HTMX.tgz" -C htmx
tar xzf "picocss-pico-$PICO.tgz" -C pico
tar xzf "swagger-ui-dist-$SWAGGER.tgz" -C swagger
mkdir -p "$dest"
cp htmx/package/dist/htmx.min.js "$dest/htmx.min.js"
cp htmx/package/LICENSE "$dest/htmx.LICENSE.txt"
cp pico/package/css/pico.min.css "$dest/pico.min.css"
cp pico/package/LICENSE.md "$dest/pico.LICENSE.md"
cp swagger/package/swagger-ui-bundle.js swagger/package/swagger-ui.css "$dest/"
cp swagger/package/LICENSE "$dest/swagger-ui.LICENSE.txt"
printf 'htmx.org %s\n@picocss/pico %s\nswagger-ui-dist %s\n' "$HTMX" "$PICO" "$SWAGGER" > "$dest/VERSIONS.txt"
echo "vendored into $dest"
