"""Damage photos: ``PUT``/``GET /referrals/{id}/images``."""

from __future__ import annotations

import hashlib
import uuid
from typing import Any

from fastapi import APIRouter, Request, Response
from starlette.concurrency import run_in_threadpool

from extranet import catalogs, imagecheck
from extranet.db import utcnow
from extranet.deps import StateDep, User, UserDep
from extranet.limits import body_limit
from extranet.problems import ApiProblem, field_error
from extranet.referral_store import get_referral
from extranet.state import ServerState

router = APIRouter()


def _require_referral(state: ServerState, referral_id: str, user: User, *, write: bool) -> None:
    owner = None if (user.is_staff and not write) else user.id
    with state.db.tx() as conn:
        if get_referral(conn, referral_id, owner) is None:
            raise ApiProblem(404, "not-found", "Vermittlung nicht gefunden.")


def _too_large() -> ApiProblem:
    limit = catalogs.LIMITS["max_image_bytes"]
    return ApiProblem(413, "image-too-large", f"Höchstens {limit} Bytes je Bild.")


async def _read_body(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise _too_large()
    chunks: list[bytes] = []
    total = 0
    async for chunk in request.stream():
        total += len(chunk)
        if total > limit:
            raise _too_large()
        chunks.append(chunk)
    return b"".join(chunks)


def _check_dimensions(data: bytes) -> None:
    """Refuse decompression bombs from the header alone, before anything decodes the pixels."""
    try:
        imagecheck.check_dimensions(data, int(catalogs.LIMITS["max_image_pixels"]))
    except imagecheck.ImageTooManyPixels:
        limit = catalogs.LIMITS["max_image_pixels"]
        raise ApiProblem(
            422, "image-too-many-pixels", f"Höchstens {limit} Bildpunkte je Bild."
        ) from None
    except imagecheck.ImageInvalid:
        raise ApiProblem(422, "image-invalid", "Die Datei ist kein gültiges Bild.") from None


def _check_and_store(
    state: ServerState, referral_id: str, image_id: str, data: bytes, media_type: str
) -> int:
    if imagecheck.sniff(data) != media_type:
        raise ApiProblem(
            415, "unsupported-media-type", "Der Inhalt passt nicht zum angegebenen Bildtyp."
        )
    _check_dimensions(data)
    try:
        found = imagecheck.metadata_finder()(data)
    except Exception:  # noqa: BLE001 - any parser failure means the file is broken
        found = None
    if found is None:
        raise ApiProblem(422, "image-invalid", "Die Datei ist kein gültiges Bild.")
    if found:
        raise ApiProblem(
            422,
            "image-metadata",
            "Das Bild enthält noch Metadaten.",
            errors=[field_error("", str(kind)) for kind in sorted(set(found))],
        )
    try:
        decoded = imagecheck.decode(data, media_type)
    except imagecheck.ImageInvalid:
        raise ApiProblem(422, "image-invalid", "Die Datei ist kein gültiges Bild.") from None
    digest = hashlib.sha256(data).hexdigest()
    with state.db.tx() as conn:
        row = conn.execute(
            "SELECT sha256 FROM images WHERE referral_id = ? AND image_id = ?",
            (referral_id, image_id),
        ).fetchone()
        if row is not None:
            if row["sha256"] == digest:
                return 200
            raise ApiProblem(
                409, "image-conflict", "Unter dieser Bild-ID liegt bereits ein anderes Bild."
            )
        count = conn.execute(
            "SELECT COUNT(*) FROM images WHERE referral_id = ?", (referral_id,)
        ).fetchone()[0]
        if count >= catalogs.LIMITS["max_images"]:
            raise ApiProblem(
                422, "too-many-images", f"Höchstens {catalogs.LIMITS['max_images']} Bilder."
            )
        conn.execute(
            "INSERT INTO images (referral_id, image_id, media_type, sha256, bytes, width,"
            " height, data, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                referral_id,
                image_id,
                media_type,
                digest,
                len(data),
                decoded.width,
                decoded.height,
                data,
                utcnow(),
            ),
        )
    return 201


@router.put(
    "/referrals/{referral_id}/images/{image_id}",
    status_code=201,
    **body_limit(int(catalogs.LIMITS["max_image_bytes"]), "image-too-large"),
)
async def put_image(
    referral_id: str, image_id: str, request: Request, user: UserDep, state: StateDep
) -> Response:
    """Store one photo (metadata-free JPEG/PNG); identical repeat → 200."""
    await run_in_threadpool(_require_referral, state, referral_id, user, write=True)
    try:
        image_id = str(uuid.UUID(image_id))
    except ValueError:
        raise ApiProblem(400, "invalid-image-id", "Bild-ID muss eine UUID sein.") from None
    media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media_type not in catalogs.LIMITS["image_types"]:
        raise ApiProblem(415, "unsupported-media-type", "Nur JPEG oder PNG.")
    data = await _read_body(request, int(catalogs.LIMITS["max_image_bytes"]))
    status = await run_in_threadpool(
        _check_and_store, state, referral_id, image_id, data, media_type
    )
    return Response(
        status_code=status,
        headers={"Location": f"/api/v1/referrals/{referral_id}/images/{image_id}"},
    )


@router.get("/referrals/{referral_id}/images")
def list_images(referral_id: str, user: UserDep, state: StateDep) -> list[dict[str, Any]]:
    """Photos of a referral (without the bytes)."""
    _require_referral(state, referral_id, user, write=False)
    with state.db.tx() as conn:
        rows = conn.execute(
            "SELECT image_id, media_type, bytes, width, height, created_at FROM images"
            " WHERE referral_id = ? ORDER BY created_at, image_id",
            (referral_id,),
        ).fetchall()
    return [dict(r) for r in rows]


@router.get("/referrals/{referral_id}/images/{image_id}")
def get_image(referral_id: str, image_id: str, user: UserDep, state: StateDep) -> Response:
    """The stored bytes of one photo (extension)."""
    _require_referral(state, referral_id, user, write=False)
    with state.db.tx() as conn:
        row = conn.execute(
            "SELECT media_type, data FROM images WHERE referral_id = ? AND image_id = ?",
            (referral_id, image_id),
        ).fetchone()
    if row is None:
        raise ApiProblem(404, "not-found", "Bild nicht gefunden.")
    return Response(bytes(row["data"]), media_type=row["media_type"])
