"""The web fixtures (an app on each backend, a client, accounts) for the security tests that drive pages."""

from tests.web.conftest import app, client, make_account  # noqa: F401
