"""The web adapter: FastAPI app, Jinja2 + HTMX pages and the JSON API."""
