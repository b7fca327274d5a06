"""JSON with bytes support for encrypted payloads (Qt-free).

Drafts may carry small binary values (e.g. a cleaned thumbnail); they are stored as
``{"$b64": "..."}``. Large photos belong in draft blobs (:meth:`LocalStore.save_draft_blob`).
"""

from __future__ import annotations

import base64
import json
from typing import Any

__all__ = ["dumps", "loads"]

_TAG = "$b64"


def _default(value: object) -> object:
    if isinstance(value, bytes | bytearray | memoryview):
        return {_TAG: base64.b64encode(bytes(value)).decode("ascii")}
    if isinstance(value, set | frozenset | tuple):
        return list(value)
    raise TypeError(f"cannot store values of type {type(value).__name__}")


def _hook(obj: dict[str, Any]) -> Any:
    if len(obj) == 1 and _TAG in obj:
        return base64.b64decode(obj[_TAG])
    return obj


def dumps(value: Any) -> bytes:
    """Serialise to compact UTF-8 JSON bytes."""
    return json.dumps(value, default=_default, ensure_ascii=False, separators=(",", ":")).encode(
        "utf-8"
    )


def loads(data: bytes) -> Any:
    """Inverse of :func:`dumps`."""
    return json.loads(data.decode("utf-8"), object_hook=_hook)
