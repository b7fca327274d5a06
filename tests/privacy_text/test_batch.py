"""A pasted text is analysed in one batch; every sentence must get exactly the findings it
gets when analysed on its own (as while typing)."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.privacy.text import check
from desktop.privacy.text.chunks import spans
from desktop.privacy.text.engine import get_engine

_DEV = Path(__file__).resolve().parent / "data" / "own_dev.jsonl"  # in the repository
_EXTRA = [
    "Kd. ist schwarz.",  # "$" at the end of a sentence
    "Kunde ist sehr konservativ",
    "Rückruf unter 0171 2345678 erbeten, sonst per Mail an max punkt muster at web punkt de.",
    "IBAN DE89 3704 0044 0532 0130 00 für die Erstattung.",
    "Ausweisnummer T22000129 liegt vor.",
    "Kd. Müller wohnt in der Lindenstr. 5, 50667 Köln.",
    "Geb. am 03.04.1961, Tel. 030 1234567.",
    "Schadennummer 2024-123456, Auftrag 4711-0815.",
    "Frau Christ ist s c h w e r h ö r i g.",
    "Parkplatz an der Moschee, Regensensor und Kamera.",
    "Konto 12  34  56 bei der Bank.",
    "Herr Dr. von der Heide, bitte laut und deutlich klingeln.",
]


def _sentences() -> list[str]:
    lines = [json.loads(line)["text"] for line in _DEV.read_text("utf-8").splitlines() if line]
    return [line.strip() for line in lines + _EXTRA if line.strip()]


_SENTENCES = _sentences()


def _one_by_one(text: str, field: str) -> list[object]:
    """``check`` with every sentence analysed on its own first (the typing path)."""
    engine = get_engine()
    names = tuple(n for n in engine.fields[field]["recognizers"] if n != "length")  # type: ignore[attr-defined]
    engine.clear_cache()
    for start, end in spans(text):
        if text[start:end].strip():
            engine._cached(text[start:end], field, names)
    return list(check(text, field))


def _batch(text: str, field: str) -> list[object]:
    get_engine().clear_cache()
    return list(check(text, field))


def test_every_dev_sentence_in_one_text() -> None:
    for field in ("zusatzinfo", "beschreibung"):
        for sep in (" ", "\n"):
            text = sep.join(s if s[-1] in ".!?" else s + "." for s in _SENTENCES)
            assert len(spans(text)) > 50
            assert _batch(text, field) == _one_by_one(text, field)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.sampled_from(_SENTENCES), min_size=2, max_size=12),
    st.sampled_from([" ", "\n", ". ", "\n\n"]),
    st.sampled_from(["bemerkungen", "beschreibung"]),
)
def test_batch_equals_one_by_one(parts: list[str], sep: str, field: str) -> None:
    text = sep.join(parts)
    assert _batch(text, field) == _one_by_one(text, field)


_HINT_PARTS = ["strasse", "str.", "weg", "platz", " ", "  ", "\t", "5", "12", "50667", ","]
_HINT_PARTS += ["in", "a", " in ", "\n", "1234", "\x00", "ring"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_HINT_PARTS), max_size=12))
def test_address_hint_from_digits_agrees_with_the_plain_regex(parts: list[str]) -> None:
    from desktop.privacy.text.identifiers import _ADDRESS_HINT, _address_hints, _passing
    from desktop.privacy.text.lexicon import pieces

    text = "".join(parts)
    where = pieces(text)
    assert _address_hints(text, where) == _passing(_ADDRESS_HINT, text, where)


def test_a_partners_gender_is_judged_within_its_own_sentence() -> None:
    """The person a named partner is compared with is looked for in the partner's sentence
    only: in a batch the neighbouring sentence must not change the answer."""
    text = (
        "Herr Maier ist verreist und kommt erst in drei Wochen zurück, der Wagen steht bis "
        "dahin in der Tiefgarage am Marktplatz. Bitte vorher anrufen, der Schlüssel liegt beim "
        "Hausmeister im Erdgeschoss. Lebenspartner Jonas holt das Auto ab."
    )
    assert len(spans(text)) == 3  # long enough to be analysed sentence by sentence
    assert _batch(text, "bemerkungen") == _one_by_one(text, "bemerkungen")
    same = "Lebenspartner Jonas holt das Auto ab, Herr Maier ist verreist."
    assert {f.category for f in _batch(same, "bemerkungen")} == {"sex_life"}  # type: ignore[attr-defined]
