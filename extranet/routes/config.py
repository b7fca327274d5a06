"""``/config``: catalogues, consent text, limits, privacy contact (ETag / 304)."""

from __future__ import annotations

import hashlib
import json

from fastapi import APIRouter, Request, Response

from extranet import catalogs
from extranet.deps import UserDep

router = APIRouter()


def config_payload(servicenummer: str) -> dict[str, object]:
    """The configuration document for one broker."""
    return {
        "servicenummer": servicenummer,
        "catalogs": catalogs.catalogs_payload(),
        "voluntary_fields": catalogs.voluntary_fields_payload(),
        "consent": {
            "text_version": catalogs.CONSENT_TEXT_VERSION,
            "text": catalogs.CONSENT_TEXT,
        },
        "limits": dict(catalogs.LIMITS),
        "draft_retention_days": catalogs.DRAFT_RETENTION_DAYS,
        "privacy_contact": dict(catalogs.PRIVACY_CONTACT),
    }


def _etag_matches(header: str, etag: str) -> bool:
    tags = {t.strip().removeprefix("W/") for t in header.split(",")}
    return "*" in tags or etag in tags


@router.get("/config")
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
