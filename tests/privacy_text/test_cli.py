"""``python -m desktop.privacy text --jsonl``: one output line per input line, in order."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from typing import Any

from desktop.privacy.text.cli import main, run


def _run(lines: list[str]) -> list[dict[str, object]]:
    out = io.StringIO()
    run(lines, out)
    return [json.loads(line) for line in out.getvalue().splitlines()]


def test_findings_per_line_in_order() -> None:
    lines = [
        json.dumps({"id": "a", "field": "zusatzinfo", "text": "Kunde ist schwerhörig"}),
        json.dumps({"id": "b", "field": "nachname", "text": "Meier"}),
    ]
    results = _run(lines)
    assert [r["id"] for r in results] == ["a", "b"]
    finding = results[0]["findings"][0]  # type: ignore[index]
    assert set(finding) == {"category", "start", "end", "severity", "rule_id", "suggestion"}
    assert finding["category"] == "health"
    assert (finding["start"], finding["end"]) == (10, 21)
    assert results[1]["findings"] == []


def test_malformed_lines_get_an_error_and_processing_goes_on() -> None:
    lines = [
        "{not json",
        json.dumps(["a", "list"]),
        json.dumps({"id": "x", "field": "vorname", "text": "Meier"}),
        json.dumps({"id": "y", "field": "nachname"}),
        json.dumps({"id": "z", "field": "nachname", "text": "Meier (taub)"}),
    ]
    results = _run(lines)
    assert len(results) == 5
    for result in results[:4]:
        assert result["id"] is None
        assert isinstance(result["error"], str)
        assert result["error"]
        assert "findings" not in result
    assert results[4]["id"] == "z"
    findings: Any = results[4]["findings"]
    assert {f["category"] for f in findings} == {"name_misuse", "health"}


def test_usage_error_without_jsonl_flag() -> None:
    assert main([]) == 2


def test_module_entry_point() -> None:
    payload = json.dumps({"id": 7, "field": "bemerkungen", "text": "Kd. hört schlecht"}) + "\nxx\n"
    done = subprocess.run(
        [sys.executable, "-m", "desktop.privacy", "text", "--jsonl"],
        input=payload.encode(),
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0
    out = [json.loads(line) for line in done.stdout.decode("utf-8").splitlines()]
    assert out[0]["id"] == 7
    assert out[0]["findings"][0]["category"] == "health"
    assert out[1] == {"id": None, "error": out[1]["error"]}
