from tests.web.conftest import app, client, make_account  # noqa: F401  (the web tests' fixtures)
