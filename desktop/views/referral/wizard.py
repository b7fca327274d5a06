"""The two referral views: Schnellvermittlung (quick) and Komplettvermittlung (complete).

``QuickReferralView(services)``: mandatory block, consent, Schadenart, Scheibe, Bemerkungen,
send — completable by keyboard alone. ``CompleteReferralView(services)``: all sections of the
field catalogue including Zusatzinfo and photos. Both show the exact payload before sending.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from desktop.views.referral.problems import field_problem_text, problem_text
from desktop.views.referral.view import ReferralView

if TYPE_CHECKING:
    from desktop.services import Services

__all__ = [
    "CompleteReferralView",
    "QuickReferralView",
    "ReferralView",
    "field_problem_text",
    "problem_text",
]


class QuickReferralView(ReferralView):
    """Schnellvermittlung."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(services, "quick", parent)


class CompleteReferralView(ReferralView):
    """Komplettvermittlung."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(services, "complete", parent)
