"""`netra run` with the statistics router included, for the browser tests until app.py registers it.

    python -m tests.analytics.live_app run --port 8123

Once netra.web.app includes routes_analytics itself this wrapper adds nothing and is the plain run command.
"""

from __future__ import annotations

import netra.web.app as web_app
from netra.web import routes_analytics

_create_app = web_app.create_app


def create_app(settings, db=None):
    app = _create_app(settings, db)
    if not any(getattr(route, "path", None) == "/dasbor" for route in app.routes):
        app.include_router(routes_analytics.router)
    return app


web_app.create_app = create_app

if __name__ == "__main__":
    from netra.cli.main import app

    app()
