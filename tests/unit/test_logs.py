"""Log files never carry personal data; old files go after 7 days."""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.logs import (
    LOG_FILE,
    RedactingFilter,
    purge_old_logs,
    redact,
    redact_value,
)

PERSONAL = [
    ("Kunde 'Müller' angerufen", "Müller"),
    ('Betreff "Frau Schneider hat Diabetes"', "Schneider"),
    ("nachname=Schmidt gespeichert", "Schmidt"),
    ('payload {"nachname": "Meier", "kind": "quick"}', "Meier"),
    ("telefon: 0171 2345678", "2345678"),
    ("Rückruf unter +49 (30) 1234-5678", "1234-5678"),
    ("Kennzeichen M-AB 1234 erfasst", "M-AB 1234"),
    ("Kennzeichen HHAB123 erfasst", "HHAB123"),
    ("Police VS-12345678 geprüft", "12345678"),
    ("Police 4711081542 geprüft", "4711081542"),
    ("Mail an max.mustermann@example.org", "max.mustermann"),
    ("IBAN DE89 3704 0044 0532 0130 00", "3704"),
    ("IBAN DE89370400440532013000", "DE89370400440532013000"),
    ("password=geheim123 retry", "geheim123"),
    ("Cookie: gv_session=abcdef0123456789", "abcdef0123456789"),
    ("Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.payload", "eyJhbGciOiJIUzI1NiJ9"),
    ("token " + "Qm9keSBvZiBhIHNlY3JldCB0b2tlbiBoZXJl", "Qm9keSBvZiBhIHNlY3JldCB0b2tlbiBoZXJl"),
]


@pytest.mark.parametrize(("line", "secret"), PERSONAL)
def test_redact_removes_personal_data(line: str, secret: str) -> None:
    out = redact(line)
    assert secret not in out
    assert "<" in out  # replaced by a placeholder, not silently dropped


@pytest.mark.parametrize(
    "line",
    [
        "referral 123e4567-e89b-12d3-a456-426614174000 acknowledged",
        "GV-2026-000123 sent at 2026-11-25T10:00:00Z",
        "GET /api/v1/referrals 200 http://127.0.0.1:54321",
        "outbox drained: 3 sent, 0 failed, code cursor-expired",
    ],
)
def test_redact_keeps_technical_context(line: str) -> None:
    assert redact(line) == line


def test_redact_value_keeps_codes_and_numbers_but_not_free_text() -> None:
    assert redact_value("cursor-expired") == "cursor-expired"
    assert redact_value("NotAuthenticated") == "NotAuthenticated"
    assert redact_value(3) == 3
    assert redact_value("Müller") == "<text>"
    assert redact_value("Herr Meier") == "<text>"
    assert redact_value(4711081542) == "<number>"
    assert redact_value(ValueError("Müller")) == "ValueError"


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        ("POST /api/v1/referrals HTTP/1.1", "POST /api/v1/referrals"),
        ("GET /api/v1/referrals?since=eyJrIjoi&limit=100 HTTP/1.1", "GET /api/v1/referrals"),
        (
            "PUT /api/v1/referrals/3f2b1c2e-1111-4222-8333-444455556666/images/"
            "0b1c2d3e-1111-4222-8333-444455556666 HTTP/1.1",
            "PUT /api/v1/referrals/{id}/images/{id}",
        ),
        ("PATCH /api/v1/postbox/tickets/12 HTTP/1.1", "PATCH /api/v1/postbox/tickets/{id}"),
        ("GET /kunden/Mueller/HH-AB123?tel=0401234567 HTTP/1.1", "GET /<text>/<text>/<text>"),
        ("POST /x Müller HTTP/1.1", "<text>"),
    ],
)
def test_request_lines_keep_method_and_api_path_only(line: str, kept: str) -> None:
    assert redact_value(line) == kept
    assert redact(str(redact_value(line))) == kept
    assert redact(f'x "{line}" 201') == ("x <text> 201" if kept == "<text>" else f'x "{kept}" 201')


def test_urllib3_debug_line_keeps_the_api_path(file_logger) -> None:
    logger, path = file_logger
    logger.debug(  # urllib3.connectionpool's format
        '%s://%s:%s "%s %s %s" %s %s',
        "http",
        "127.0.0.1",
        8080,
        "GET",
        "/api/v1/referrals?since=eyJrIjoicmVmZXJyYWxzIn0&limit=100&q=Mueller",
        "HTTP/1.1",
        200,
        2825,
    )
    text = path.read_text(encoding="utf-8")
    assert '"GET /api/v1/referrals"' in text
    assert "since" not in text
    assert "Mueller" not in text


@pytest.fixture
def file_logger(tmp_path: Path) -> Iterator[tuple[logging.Logger, Path]]:
    path = tmp_path / LOG_FILE
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.addFilter(RedactingFilter())
    handler.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
    logger = logging.getLogger("tests.logs.redaction")
    logger.propagate = False
    logger.setLevel(logging.DEBUG)
    logger.addHandler(handler)
    try:
        yield logger, path
    finally:
        logger.removeHandler(handler)
        handler.close()


def test_filter_redacts_arguments_messages_and_tracebacks(file_logger) -> None:
    logger, path = file_logger
    logger.info("draft saved for %s, phone %s, %d photos", "Müller", "0171 2345678", 2)
    logger.warning("upload failed for plate=%(plate)s", {"plate": "B-XY 99"})
    logger.info("f-string with kennzeichen=K-LN 123 and mail a.b@example.de")
    try:
        raise ValueError("Versicherungsnummer 4711081542 von Frau Schneider")
    except ValueError:
        logger.exception("send failed")
    text = path.read_text(encoding="utf-8")
    for secret in ("Müller", "2345678", "B-XY", "K-LN", "a.b@example", "4711081542", "Schneider"):
        assert secret not in text
    assert "2 photos" in text
    assert "ValueError" in text
    assert "send failed" in text


def test_purge_deletes_only_old_log_files(tmp_path: Path) -> None:
    now = time.time()
    old = tmp_path / f"{LOG_FILE}.2026-11-10"
    recent = tmp_path / f"{LOG_FILE}.2026-11-24"
    other = tmp_path / "notes.txt"
    for path in (old, recent, other):
        path.write_text("x", encoding="utf-8")
    eight_days = now - 8 * 86400
    os.utime(old, (eight_days, eight_days))
    os.utime(other, (eight_days, eight_days))
    assert purge_old_logs(tmp_path, now=now) == 1
    assert not old.exists()
    assert recent.exists()
    assert other.exists()
    assert purge_old_logs(tmp_path / "missing") == 0
