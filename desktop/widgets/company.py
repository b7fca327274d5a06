"""The one name of the glass company in every text that names it.

The name comes from the server (``GET /config`` ``company_name``) and is put into translated
sentences as an argument (``%1``), so the English UI names the same company. Before a
configuration is known (first start without a connection) every text uses the same neutral
wording instead, never a second name.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication

__all__ = ["company_name"]

# A display name, not a text: longer values are cut (they would break the check box line).
MAX_NAME_LENGTH = 60


def company_name(config: Mapping[str, Any] | None) -> str:
    """The company's display name from ``config``, else the neutral fallback wording.

    The result fits the sentences' ``%1`` in the nominative and accusative case ("durch %1",
    "an %1", "… speichert %1").
    """
    value = config.get("company_name") if isinstance(config, Mapping) else None
    if isinstance(value, str):
        name = " ".join(value.split())[:MAX_NAME_LENGTH].strip()
        if name:
            return name
    return QCoreApplication.translate("Company", "das Glasreparatur-Unternehmen")
