"""A bounded fuzz run against the reference server's own OpenAPI document: schemathesis
generates valid and malformed requests for every operation (as a logged-in broker, loopback
only) and no answer may be a 5xx; every error is problem+json.

About 20 cases per operation (half of them malformed), some 350 in all: a minute or two.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode

from extranet.runner import EmbeddedServer
from tests.helpers.server_fixtures import api_session

CASES_PER_OPERATION = 20


@pytest.fixture(scope="module")
def fuzz_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmbeddedServer]:
    """A server of its own: the fuzzer's junk logins and data stay away from other tests."""
    db = Path(tmp_path_factory.mktemp("fuzz")) / "fuzz.sqlite"
    with EmbeddedServer(db, host="127.0.0.1", demo=True) as server:
        yield server


def _call(case: Any, server: EmbeddedServer, broker: requests.Session) -> Any:
    """Send ``case``; schemathesis' response (headers: lower-case name → list of values)."""
    logout = case.method.upper() == "DELETE" and case.path.endswith("/session")
    return case.call(
        base_url=server.url,
        session=None if logout else broker,  # the broker's session must outlive the run
        headers={"X-Client": "glasvermittler", "Idempotency-Key": str(uuid.uuid4())},
        timeout=30,
    )


@pytest.mark.slow
def test_no_request_gets_a_server_error(fuzz_server: EmbeddedServer) -> None:
    schema = schemathesis.openapi.from_url(f"{fuzz_server.url}/openapi.json")
    broker = api_session(fuzz_server.url, "demo", "demo")
    calls: list[str] = []
    failures: list[str] = []
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 15
    for operation in operations:
        cases = st.one_of(
            operation.as_strategy(GenerationMode.POSITIVE),
            operation.as_strategy(GenerationMode.NEGATIVE),
        )

        @given(case=cases)
        @settings(
            max_examples=CASES_PER_OPERATION,
            deadline=None,
            derandomize=True,
            database=None,
            phases=[Phase.explicit, Phase.generate],
            suppress_health_check=list(HealthCheck),
        )
        def run(case: Any) -> None:
            response = _call(case, fuzz_server, broker)
            calls.append(case.operation.label)
            if response.status_code >= 500:
                failures.append(f"{case.method} {case.formatted_path} -> {response.status_code}")
            elif response.status_code >= 400:
                content_type = ",".join(response.headers.get("content-type", []))
                if not content_type.startswith("application/problem+json"):
                    failures.append(
                        f"{case.method} {case.formatted_path} -> {response.status_code}"
                        f" {content_type!r} {response.text[:80]!r} {case.headers!r}"
                    )

        run()
    broker.close()
    print(f"fuzz: {len(calls)} requests over {len(operations)} operations")
    assert len(calls) >= 10 * len(operations)
    assert failures == [], failures[:5]
