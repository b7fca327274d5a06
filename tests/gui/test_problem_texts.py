"""Every problem code the reference server can answer with reads as the app's own sentence.

The codes are collected from the server's source (every ``ApiProblem``/``problem_response``/
``field_error`` with a literal code, the HTTP fallbacks and body-limit codes), so a code added
to the server without a text in the app fails here. In the English UI every text is translated.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Any

import pytest

from desktop.api.errors import ApiError
from desktop.dialogs.login_dialog import login_error_text
from desktop.models.outbox_model import reason_text
from desktop.models.problem_texts import problem_sentence
from desktop.views.referral.problems import field_problem_text, problem_text
from desktop.widgets.finding_texts import issue_text
from tests.helpers.i18n_fixtures import MissRecorder

_SERVER = Path(__file__).resolve().parents[2] / "extranet"
_TOP_CALLS = {"ApiProblem", "problem_response", "problem_body"}
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-", re.IGNORECASE)
_TECHNICAL = re.compile(r"\b[a-z0-9]+(?:[-_/][a-z0-9]+)+\b|/[a-z]|[{}<>]|\bHTTP\b")


def _literal(node: ast.AST) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _server_codes() -> tuple[set[str], set[str], set[str]]:
    """(problem codes, field codes, detail texts) the server's source can send."""
    top: set[str] = {"http-error"}
    fields: set[str] = set()
    details: set[str] = set()
    for path in _SERVER.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Assign) and any(
                isinstance(t, ast.Name) and t.id == "_HTTP_CODES" for t in node.targets
            ):
                assert isinstance(node.value, ast.Dict)
                top |= {v for v in map(_literal, node.value.values) if v}
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            args = node.args
            if name == "body_limit":
                top.add(_literal(args[1]) if len(args) > 1 else "payload-too-large")  # type: ignore[arg-type]
            elif name in _TOP_CALLS and len(args) > 1 and _literal(args[1]):
                top.add(str(_literal(args[1])))
                if len(args) > 2 and _literal(args[2]):
                    details.add(str(_literal(args[2])))
            elif name == "field_error" and len(args) > 1 and _literal(args[1]):
                fields.add(str(_literal(args[1])))
                if len(args) > 2 and _literal(args[2]):
                    details.add(str(_literal(args[2])))
    top.discard("")
    return top, fields, details


TOP, FIELDS, DETAILS = _server_codes()


def _assert_plain_german(text: str, code: str) -> None:
    assert text.strip(), code
    assert code not in text, (code, text)
    assert not _UUID.search(text), (code, text)
    assert not _TECHNICAL.search(text), (code, text)
    assert text not in DETAILS, (code, text)


def test_the_scan_finds_the_servers_codes() -> None:
    # the scan itself must work, or every other test here would pass on nothing
    assert {"validation-failed", "privacy-violation", "not-found", "internal-error"} <= TOP
    assert {"image-too-large", "payload-too-large", "too-many-attempts"} <= TOP
    assert {"required", "unknown-version", "too-long", "mismatch"} <= FIELDS
    assert len(TOP) >= 30
    assert "Pflichtfeld." in DETAILS


@pytest.mark.parametrize("code", sorted(TOP))
def test_every_problem_code_has_its_own_sentence(qapp: Any, code: str) -> None:
    general = problem_sentence("__no-such-code__")
    for text in (problem_text(code), reason_text(code), problem_sentence(code)):
        _assert_plain_german(text, code)
        assert text != general, code


@pytest.mark.parametrize("code", sorted(FIELDS))
def test_every_field_code_has_a_sentence(qapp: Any, code: str) -> None:
    text = field_problem_text(code)
    _assert_plain_german(text, code)
    assert text != issue_text("__no-such-code__"), code


def test_an_unknown_code_never_shows_the_code_or_the_servers_text(qapp: Any) -> None:
    for text in (problem_text("shiny-new-code"), reason_text("shiny-new-code")):
        _assert_plain_german(text, "shiny-new-code")
    _assert_plain_german(field_problem_text("shiny-new-code"), "shiny-new-code")
    _assert_plain_german(login_error_text(ApiError(400, "shiny-new-code", "", "x")), "shiny")


def test_in_english_every_problem_text_is_translated(english: MissRecorder) -> None:
    for code in [*sorted(TOP), "shiny-new-code"]:
        problem_text(code)
        reason_text(code)
    for code in sorted(FIELDS):
        field_problem_text(code)
    login_error_text(ApiError(400, "shiny-new-code", "", "x"))
    ours = {"ProblemTexts", "ReferralFlow", "OutboxModel", "FindingTexts", "LoginDialog"}
    assert not {m for m in english.misses if m[0] in ours}, sorted(english.misses)
