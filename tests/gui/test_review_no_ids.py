"""The review before sending shows what a broker typed, never the referral's technical id."""

from __future__ import annotations

import re
from typing import Any

from desktop.views.referral.review import readable_review
from tests.server.util import referral_payload

_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-", re.IGNORECASE)


def test_review_names_the_fields_but_not_the_client_ref(qapp: Any) -> None:
    payload = referral_payload(nachname="Quellmalz")
    text = readable_review(payload, {})
    assert "Quellmalz" in text
    assert payload["client_ref"] not in text
    assert not _UUID.search(text)
    assert "Vorgangskennung" not in text
