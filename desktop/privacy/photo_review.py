"""What the agent decided about a photo's flags (faces, persons, documents); Qt-free.

Kept outside :mod:`desktop.privacy.image` so that the widgets can use it without importing the
photo pipeline (Pillow) on the GUI thread.

A photo whose check flagged a face, a person or a document may only be sent once the agent has
either made every flagged region unrecognisable ("blurred") or confirmed that the photo shows
no recognisable person and no document ("confirmed", a false alarm). A document has no region
to blur only when the check found where it is (a box); without one, a photo flagged as a
document needs the confirmation (or is removed).

The state travels with the photo (draft, outbox) and is declared to the server on upload in
the :data:`REVIEW_HEADER` header; the server refuses an upload without it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the package would load the pipeline (Pillow) on the GUI thread
    from desktop.privacy.image.model import ScrubResult

#: Upload header that declares the review state (``none``, ``blurred`` or ``confirmed``).
REVIEW_HEADER = "Photo-Review"

NONE = "none"  # nothing was flagged on the photo
BLURRED = "blurred"  # every flagged region was made unrecognisable
CONFIRMED = "confirmed"  # the agent confirmed a false alarm
PENDING = "pending"  # something is flagged and no decision was made: not sendable

#: The values a sendable photo declares to the server.
DECLARED = (NONE, BLURRED, CONFIRMED)


@dataclass(frozen=True, slots=True)
class Flags:
    """What the check flagged on one photo."""

    faces: int = 0
    persons: int = 0
    document: bool = False
    document_boxed: bool = False  # the document's region is known, so blurring can cover it

    @property
    def any(self) -> bool:
        """True if anything at all was flagged."""
        return bool(self.faces or self.persons or self.document)


def flags_of(result: ScrubResult | None) -> Flags:
    """The flags of a ``ScrubResult`` (boxes by ``kind``, the ``document`` warning)."""
    if result is None:
        return Flags()
    persons = sum(1 for box in result.faces if box.kind == "person")
    boxed = bool(result.documents)
    return Flags(
        faces=len(result.faces) - persons,
        persons=persons,
        document=boxed or "document" in result.warnings,
        document_boxed=boxed,
    )


def review_state(flags: Flags, *, blurred: bool, confirmed: bool) -> str:
    """The photo's state: :data:`NONE`, :data:`BLURRED`, :data:`CONFIRMED` or :data:`PENDING`.

    Blurring settles faces, persons and a document whose region is known; the confirmation
    settles everything.
    """
    if confirmed and flags.any:
        return CONFIRMED
    if not flags.any:
        return NONE
    if blurred and (flags.document_boxed or not flags.document):
        return BLURRED
    return PENDING
