"""Property tests: offsets stay inside the text; invisible characters never hide a finding."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.privacy.text import FIELDS, check

_WORDS = [
    "Kunde",
    "ist",
    "schwerhörig",
    "Rollstuhl",
    "Moschee",
    "Termin",
    "Kirche",
    "taub",
    "0171 2345678",
    "Türke",
    "nett",
    "Meier",
    "(",
    ")",
    ",",
    "ö",
    "\u0308",
    "\u00ad",
]
_INVISIBLE = st.sampled_from(["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"])
_TRIGGERS = [
    "schwerhörig",
    "Rollstuhlfahrer",
    "Diabetiker",
    "katholisch",
    "Gewerkschafter",
    "unfreundlich",
    "homosexuell",
    "Vaterschaftstest",
    "Reichsbürger",
    "Syrer",
]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.one_of(st.sampled_from(_WORDS), st.text(max_size=6)), max_size=12),
    st.sampled_from(sorted(FIELDS)),
)
def test_offsets_lie_inside_the_text(parts: list[str], field: str) -> None:
    text = " ".join(parts)
    for finding in check(text, field):
        assert 0 <= finding.start < finding.end <= len(text)


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(_TRIGGERS), st.data())
def test_zero_width_characters_never_hide_a_finding(word: str, data: st.DataObject) -> None:
    chars = list(word)
    positions = data.draw(st.lists(st.integers(1, len(word) - 1), min_size=1, max_size=4))
    for pos in sorted(positions, reverse=True):
        chars.insert(pos, data.draw(_INVISIBLE))
    disguised = "".join(chars)
    plain = {f.category for f in check(f"Kunde ist {word}", "zusatzinfo")}
    hidden = check(f"Kunde ist {disguised}", "zusatzinfo")
    assert plain
    assert plain <= {f.category for f in hidden}
    start = len("Kunde ist ")
    assert any(f.start <= start and f.end >= start + len(disguised) for f in hidden)
