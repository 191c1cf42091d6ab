"""The web shell: pages, language switch, health, docs without CDN, security headers."""


def test_home_is_indonesian_and_links_capabilities(client):
    page = client.get("/")
    assert page.status_code == 200
    assert '<html lang="id">' in page.text
    assert "Laporkan dugaan pelanggaran" in page.text and "Bolehkah?" in page.text


def test_english_switch_persists_in_a_cookie(client):
    switched = client.get("/bahasa/en?next=/", follow_redirects=False)
    assert switched.status_code == 303 and switched.headers["location"] == "/"
    page = client.get("/")
    assert '<html lang="en">' in page.text and "Report a suspected violation" in page.text
    client.get("/bahasa/id")
    assert "Laporkan dugaan pelanggaran" in client.get("/").text


def test_language_switch_refuses_offsite_redirects(client):
    assert client.get("/bahasa/en?next=//evil.example", follow_redirects=False).headers["location"] == "/"


def test_health_reports_the_database(client):
    body = client.get("/health").json()
    assert body["status"] == "ok" and body["database"] == "ok"


def test_docs_and_assets_are_served_locally(client):
    docs = client.get("/docs").text
    assert "/static/vendor/swagger-ui-bundle.js" in docs
    assert "cdn" not in docs.lower()
    assert client.get("/openapi.json").json()["info"]["title"] == "Netra"
    for asset in ("/static/vendor/htmx.min.js", "/static/vendor/pico.min.css", "/static/vendor/swagger-ui-bundle.js"):
        assert client.get(asset).status_code == 200, asset
    assert "http" not in "".join(line for line in client.get("/").text.splitlines() if "<script" in line or "stylesheet" in line)


def test_security_headers_on_every_page(client):
    for path in ("/", "/masuk", "/health", "/tidak-ada"):
        headers = client.get(path).headers
        assert "frame-ancestors 'none'" in headers["content-security-policy"], path
        assert headers["x-content-type-options"] == "nosniff"


def test_unknown_page_is_a_clear_404(client):
    page = client.get("/tidak-ada", headers={"accept": "text/html"})
    assert page.status_code == 404 and "Halaman tidak ditemukan." in page.text


def test_regions_api_lists_provinces_then_children(client):
    provinces = client.get("/api/regions").json()
    assert len(provinces) == 38
    kaltim = client.get("/api/regions", params={"parent": "64"}).json()
    assert {"code": "64.02", "name": "Kabupaten Kutai Kartanegara", "kind": "kabupaten", "timezone": "WITA",
            "parent_code": "64"} in kaltim
