import re

import pytest
from fastapi.testclient import TestClient

from netra.accounts.roles import Role
from netra.services.accounts import create_account
from netra.storage.database import Database
from netra.web.app import create_app

PASSWORD = "kata-sandi-uji-coba"


@pytest.fixture
def app(settings):
    return create_app(settings, Database(settings.database_url))


@pytest.fixture
def client(app):
    with TestClient(app) as c:
        yield c


@pytest.fixture
def make_account(app):
    def make(username: str, role: Role = Role.BAWASLU, scope=("33.20",)):
        return create_account(app.state.db, username, "", PASSWORD, role, scope)

    return make


def csrf_of(html: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


def login(client, username: str, password: str = PASSWORD):
    token = csrf_of(client.get("/masuk").text)
    return client.post(
        "/masuk", data={"username": username, "password": password, "csrf_token": token}, follow_redirects=False
    )
