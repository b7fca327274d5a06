"""``GET /config`` names the glass company (``company_name``, documented in the OpenAPI
document) and the consent text read out to the customer uses that same name."""

from __future__ import annotations

import pytest
import requests

from extranet import catalogs
from extranet.runner import EmbeddedServer
from tests.helpers.server_fixtures import API, api_session


def test_config_names_the_company_once(
    server: EmbeddedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    demo = api_session(server.url, "demo", "demo")
    first = demo.get(f"{server.url}{API}/config", timeout=10)
    config = first.json()
    assert config["company_name"] == catalogs.COMPANY_NAME
    assert catalogs.COMPANY_NAME in config["consent"]["text"]
    assert "{company}" not in config["consent"]["text"]
    monkeypatch.setattr(catalogs, "COMPANY_NAME", "Scheibenwerk Nord")
    # a client holding the old document learns the new name (no 304 for it)
    renamed = demo.get(
        f"{server.url}{API}/config", headers={"If-None-Match": first.headers["ETag"]}, timeout=10
    )
    assert renamed.status_code == 200
    assert renamed.json()["company_name"] == "Scheibenwerk Nord"
    assert "Scheibenwerk Nord" in renamed.json()["consent"]["text"]


def test_openapi_documents_company_name(server: EmbeddedServer) -> None:
    spec = requests.get(f"{server.url}/openapi.json", timeout=10).json()
    schema = spec["paths"][f"{API}/config"]["get"]["responses"]["200"]["content"][
        "application/json"
    ]["schema"]
    assert schema["properties"]["company_name"]["type"] == "string"
    assert "company_name" not in schema["required"]  # optional: older servers omit it
