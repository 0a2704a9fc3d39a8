"""schemathesis over the whole OpenAPI document: no 5xx, every answer as documented.

Bounded: a few examples per operation, as a signed-in user holding every role
with a justification, on a server loaded with two agencies' reports and a joint
case, so the generated requests reach the handlers and not only the 401 path.
"""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from fraudlink.access import add_user, create_token

CHECKS = [
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
    content_type_conformance,
]
#: examples per operation; fewer on PostgreSQL, where each costs more and adds only dialect checks
EXAMPLES = {"sqlite": 12, "postgresql": 5}


@pytest.mark.slow
def test_every_operation_answers_as_documented(loaded: Any) -> None:
    with loaded.database.session() as session:
        add_user(
            session, "everyone", "KH-NPA", ["analyst", "liaison", "supervisor", "auditor"], None
        )
        token = create_token(session, "everyone", 1).token
    headers = {"Authorization": f"Bearer {token}", "X-Purpose": "fuzzing"}
    schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", loaded.client.app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 19

    @given(data=st.data())
    @settings(
        max_examples=EXAMPLES[loaded.database.dialect] * len(operations),
        deadline=None,
        suppress_health_check=list(HealthCheck),
        database=None,
    )
    def run(data: st.DataObject) -> None:
        operation = data.draw(st.sampled_from(operations))
        case = data.draw(operation.as_strategy())
        case.call_and_validate(headers=headers, checks=CHECKS)

    run()
