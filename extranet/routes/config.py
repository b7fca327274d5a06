"""``/config``: catalogues, consent text, limits, privacy contact, the company's name (ETag /
304)."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from fastapi import APIRouter, Request, Response

from extranet import catalogs
from extranet.deps import UserDep

router = APIRouter()


def config_payload(servicenummer: str) -> dict[str, object]:
    """The configuration document for one broker."""
    return {
        "servicenummer": servicenummer,
        "company_name": catalogs.COMPANY_NAME,
        "catalogs": catalogs.catalogs_payload(),
        "voluntary_fields": catalogs.voluntary_fields_payload(),
        "consent": {
            "text_version": catalogs.CONSENT_TEXT_VERSION,
            "text": catalogs.consent_text(),
        },
        "limits": dict(catalogs.LIMITS),
        "draft_retention_days": catalogs.DRAFT_RETENTION_DAYS,
        "privacy_contact": dict(catalogs.PRIVACY_CONTACT),
    }


_OBJECT: dict[str, Any] = {"type": "object"}
_CONFIG_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["servicenummer", "catalogs", "consent", "limits", "privacy_contact"],
    "properties": {
        "servicenummer": {"type": "string"},
        "company_name": {
            "type": "string",
            "description": "Display name of the glass company the referrals go to; clients "
            "use it wherever their texts name the company (optional: older servers omit it).",
        },
        "catalogs": {"type": "object", "additionalProperties": {"type": "array"}},
        "voluntary_fields": {"type": "array", "items": _OBJECT},
        "consent": {
            "type": "object",
            "properties": {"text_version": {"type": "string"}, "text": {"type": "string"}},
        },
        "limits": _OBJECT,
        "draft_retention_days": {"type": "integer"},
        "privacy_contact": _OBJECT,
    },
}
_CONFIG_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "The configuration document (strong ETag).",
        "content": {"application/json": {"schema": _CONFIG_SCHEMA}},
    },
    304: {"description": "Unchanged since the ETag sent in If-None-Match."},
}


def _etag_matches(header: str, etag: str) -> bool:
    tags = {t.strip().removeprefix("W/") for t in header.split(",")}
    return "*" in tags or etag in tags


@router.get("/config", responses=_CONFIG_RESPONSES)
def get_config(request: Request, user: UserDep) -> Response:
    """Configuration with a strong ETag; ``If-None-Match`` → 304."""
    body = json.dumps(
        config_payload(user.servicenummer), ensure_ascii=False, sort_keys=True
    ).encode("utf-8")
    etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
    headers = {"ETag": etag, "Cache-Control": "private, no-cache"}
    if _etag_matches(request.headers.get("if-none-match", ""), etag):
        return Response(status_code=304, headers=headers)
    return Response(body, media_type="application/json", headers=headers)
