"""Damage photos: metadata refusal (EXIF GPS, PNG text), type checks, limits, idempotent PUT,
the declared review state and the server's own people check."""

from __future__ import annotations

import io
import uuid

import piexif
import pytest
import requests
from PIL import Image
from PIL.PngImagePlugin import PngInfo

from desktop.privacy.image import find_metadata, scrub
from extranet.runner import EmbeddedServer
from tests.helpers.server_fixtures import api_session
from tests.server.util import API, create_referral, problem


def _jpeg(color: tuple[int, int, int] = (200, 30, 30), **save: object) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), color).save(buffer, "JPEG", quality=85, **save)
    return buffer.getvalue()


def _png(info: PngInfo | None = None) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (32, 32), (10, 120, 200)).save(buffer, "PNG", pnginfo=info)
    return buffer.getvalue()


def _jpeg_with_gps() -> bytes:
    gps = {
        piexif.GPSIFD.GPSLatitudeRef: b"N",
        piexif.GPSIFD.GPSLatitude: ((52, 1), (31, 1), (1234, 100)),
        piexif.GPSIFD.GPSLongitudeRef: b"E",
        piexif.GPSIFD.GPSLongitude: ((13, 1), (24, 1), (5678, 100)),
    }
    exif = piexif.dump({"0th": {}, "Exif": {}, "GPS": gps, "1st": {}, "thumbnail": None})
    out = io.BytesIO()
    piexif.insert(exif, _jpeg(), out)
    return out.getvalue()


@pytest.fixture(scope="module")
def demo(server: EmbeddedServer) -> requests.Session:
    return api_session(server.url, "demo", "demo")


@pytest.fixture
def referral_url(server: EmbeddedServer, demo: requests.Session) -> str:
    created = create_referral(demo, server.url)
    return f"{server.url}{API}/referrals/{created['id']}"


def _put(
    session: requests.Session,
    referral_url: str,
    data: bytes,
    media_type: str,
    image_id: str | None = None,
    review: str | None = "none",
) -> requests.Response:
    headers = {"Content-Type": media_type}
    if review is not None:
        headers["Photo-Review"] = review
    return session.put(
        f"{referral_url}/images/{image_id or uuid.uuid4()}",
        data=data,
        headers=headers,
        timeout=30,
    )


def test_clean_jpeg_accepted_and_identical_repeat_is_200(
    demo: requests.Session, referral_url: str
) -> None:
    image_id = str(uuid.uuid4())
    data = _jpeg()
    assert _put(demo, referral_url, data, "image/jpeg", image_id).status_code == 201
    assert _put(demo, referral_url, data, "image/jpeg", image_id).status_code == 200
    problem(
        _put(demo, referral_url, _jpeg((0, 0, 0)), "image/jpeg", image_id), 409, "image-conflict"
    )
    listed = demo.get(f"{referral_url}/images", timeout=10).json()
    assert listed == [
        {**listed[0], "image_id": image_id, "bytes": len(data), "width": 64, "height": 48}
    ]


def test_clean_png_accepted(demo: requests.Session, referral_url: str) -> None:
    assert _put(demo, referral_url, _png(), "image/png").status_code == 201


def test_jpeg_with_exif_gps_refused(demo: requests.Session, referral_url: str) -> None:
    data = _jpeg_with_gps()
    assert "gps" in find_metadata(data)
    body = problem(_put(demo, referral_url, data, "image/jpeg"), 422, "image-metadata")
    assert body["errors"]  # kinds named by the audit in use (ours or the image pipeline's)
    assert demo.get(f"{referral_url}/images", timeout=10).json() == []


def test_png_with_text_chunk_refused(demo: requests.Session, referral_url: str) -> None:
    info = PngInfo()
    info.add_text("Author", "Erika Beispiel")
    data = _png(info)
    assert find_metadata(data) == ["text_chunk"]
    problem(_put(demo, referral_url, data, "image/png"), 422, "image-metadata")


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (_jpeg(comment=b"Kunde Meier"), "comment"),
        (_jpeg() + b"hidden trailing bytes", "trailer"),
        (_png() + b"tail", "trailer"),
    ],
)
def test_other_metadata_refused(
    demo: requests.Session, referral_url: str, data: bytes, kind: str
) -> None:
    media_type = "image/png" if data.startswith(b"\x89PNG") else "image/jpeg"
    assert kind in find_metadata(data)
    body = problem(_put(demo, referral_url, data, media_type), 422, "image-metadata")
    assert body["errors"]


def test_type_checks(demo: requests.Session, referral_url: str) -> None:
    problem(_put(demo, referral_url, b"GIF89a....", "image/gif"), 415, "unsupported-media-type")
    problem(_put(demo, referral_url, _png(), "image/jpeg"), 415, "unsupported-media-type")
    broken = _jpeg()[:200]
    problem(_put(demo, referral_url, broken, "image/jpeg"), 422, "image-invalid")


def test_too_large_is_413(
    server: EmbeddedServer, demo: requests.Session, referral_url: str
) -> None:
    data = _jpeg() + b"\0" * 15_000_001
    problem(_put(demo, referral_url, data, "image/jpeg"), 413, "image-too-large")
    # the server still answers afterwards
    assert demo.get(f"{server.url}{API}/config", timeout=10).status_code == 200


def test_max_images(fresh_server: EmbeddedServer) -> None:
    session = api_session(fresh_server.url, "demo", "demo")
    created = create_referral(session, fresh_server.url)
    url = f"{fresh_server.url}{API}/referrals/{created['id']}"
    for i in range(10):
        assert _put(session, url, _jpeg((i * 20, 0, 0)), "image/jpeg").status_code == 201
    problem(_put(session, url, _jpeg((0, 255, 0)), "image/jpeg"), 422, "too-many-images")


def test_other_brokers_referral_is_404(server: EmbeddedServer, referral_url: str) -> None:
    other = api_session(server.url, "demo2", "demo2")
    problem(_put(other, referral_url, _jpeg(), "image/jpeg"), 404, "not-found")


def _face_photo(**scrub_args: object) -> bytes:
    """The synthetic face of the README screenshots, cleaned by the client pipeline."""
    from tools.screenshots import synthetic_photo

    return scrub(synthetic_photo(), **scrub_args).data  # type: ignore[arg-type]


def test_upload_without_review_state_is_refused(demo: requests.Session, referral_url: str) -> None:
    problem(_put(demo, referral_url, _jpeg(), "image/jpeg", review=None), 422, "photo-not-reviewed")
    problem(
        _put(demo, referral_url, _jpeg(), "image/jpeg", review="pending"), 422, "photo-not-reviewed"
    )
    assert demo.get(f"{referral_url}/images", timeout=10).json() == []


def test_face_not_blurred_nor_confirmed_is_refused(
    demo: requests.Session, referral_url: str
) -> None:
    data = _face_photo()
    for review in ("none", "blurred"):  # "blurred" but the face is still there
        answer = _put(demo, referral_url, data, "image/jpeg", review=review)
        body = problem(answer, 422, "photo-shows-person")
        assert [e["code"] for e in body["errors"]] == ["face"]
    assert demo.get(f"{referral_url}/images", timeout=10).json() == []
    assert _put(demo, referral_url, data, "image/jpeg", review="confirmed").status_code == 201


def test_blurred_face_is_accepted(demo: requests.Session, referral_url: str) -> None:
    data = _face_photo(blur_faces=True)
    assert _put(demo, referral_url, data, "image/jpeg", review="blurred").status_code == 201


def test_openapi_documents_the_review_header(server: EmbeddedServer) -> None:
    spec = requests.get(f"{server.url}/openapi.json", timeout=10).json()
    put = spec["paths"][f"{API}/referrals/{{referral_id}}/images/{{image_id}}"]["put"]
    [header] = [p for p in put["parameters"] if p["in"] == "header"]
    assert header["name"] == "Photo-Review"
    assert header["required"] is True
    assert header["schema"]["enum"] == ["none", "blurred", "confirmed"]
    assert "photo-shows-person" in put["responses"]["422"]["description"]
