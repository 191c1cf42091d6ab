"""Schemathesis against the OpenAPI schema: whatever the input, the JSON API never answers 5xx."""

import schemathesis
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings

from netra.storage.database import Database
from netra.web.app import create_app

EXAMPLES = 40


def test_no_server_errors_on_any_operation(settings):
    app = create_app(settings, Database(settings.database_url))
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert operations, "the schema lists no operations"
    tried = []
    for operation in operations:

        @given(case=operation.as_strategy())
        @hypothesis_settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck),
                             database=None)
        def check(case):
            response = case.call()
            tried.append(operation.label)
            assert response.status_code < 500, (operation.label, response.status_code, response.text[:300])

        check()
    print(f"schemathesis: {len(tried)} requests over {len(operations)} operations")
    assert len(set(tried)) == len(operations)
