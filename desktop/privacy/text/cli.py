"""``python -m desktop.privacy text --jsonl``: batch checks, one JSON object per line.

Input lines ``{"id", "field", "text"}`` on stdin; output one line ``{"id", "findings": [...]}``
per input line, in order. A malformed line (not JSON, not an object, unknown field, text not a
string) gets ``{"id": null, "error": "..."}`` and processing goes on; the output stays in input
order, so line numbers match. Exit code 0 once all input is processed (errors are reported
in-band), 2 on a usage error. The text itself is never echoed.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from dataclasses import asdict
from typing import Any, TextIO

from desktop.privacy.text import FIELDS, check

_USAGE = "usage: python -m desktop.privacy text --jsonl < input.jsonl > output.jsonl\n"


def _error(message: str) -> dict[str, Any]:
    return {"id": None, "error": message}


def check_line(line: str) -> dict[str, Any]:
    """The output object for one input line (never raises for bad input)."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return _error(f"invalid JSON: {exc.msg} (column {exc.colno})")
    except ValueError:
        return _error("invalid JSON")
    if not isinstance(record, dict):
        return _error("expected a JSON object")
    ident = record.get("id")
    if ident is not None and not isinstance(ident, str | int):
        return _error("'id' must be a string or a number")
    field, text = record.get("field"), record.get("text")
    if not isinstance(field, str) or field not in FIELDS:
        return _error(f"'field' must be one of {sorted(FIELDS)}")
    if not isinstance(text, str):
        return _error("'text' must be a string")
    return {"id": ident, "findings": [asdict(f) for f in check(text, field)]}


def run(lines: Iterable[str], out: TextIO) -> int:
    """Check every non-blank line of ``lines`` and write the results to ``out``.

    Returns:
        The number of malformed lines.
    """
    errors = 0
    for line in lines:
        if not line.strip():
            continue
        result = check_line(line)
        errors += "error" in result
        out.write(json.dumps(result, ensure_ascii=False) + "\n")
        out.flush()
    return errors


def main(argv: list[str] | None = None) -> int:
    """Entry point; ``argv`` without the program name and the ``text`` sub-command."""
    args = sys.argv[1:] if argv is None else argv
    if args != ["--jsonl"]:
        sys.stderr.write(_USAGE)
        return 2
    stdin = sys.stdin
    if hasattr(stdin, "reconfigure"):
        stdin.reconfigure(encoding="utf-8", errors="replace")
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(encoding="utf-8")
    run(stdin, sys.stdout)
    return 0
