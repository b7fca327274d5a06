"""Leetspeak digits and look-alike letters fold into the plain spelling; numbers stay numbers;
findings underline the characters as typed."""

from __future__ import annotations

import pytest

from desktop.paths import resource_path
from desktop.privacy.text import check
from desktop.privacy.text.normalize import normalize, visible

CYR_E, CYR_O, CYR_A = "\u0435", "\u043e", "\u0430"
GREEK_IOTA, GREEK_OMICRON = "\u0399", "\u03bf"


@pytest.mark.parametrize(
    ("typed", "folded"),
    [
        ("g3h0rl0s", "gehorlos"),  # 0 stands for o (not ö)
        ("K0mmun1st", "kommunist"),
        ("d14betiker", "diabetiker"),
        ("4lkoholiker", "alkoholiker"),
        ("Jud3", "jude"),
        ("H1V", "hiv"),
        (f"Kurd{CYR_E}", "kurde"),
        (f"h{GREEK_OMICRON}m{GREEK_OMICRON}sexuell", "homosexuell"),
        (f"{GREEK_IOTA}G M{CYR_E}tall", "ig metall"),
        (f"R{CYR_O}llstuhlf{CYR_A}hrer", "rollstuhlfahrer"),
        ("ｓｃｈｗｕｌ", "schwul"),  # fullwidth letters
    ],
)
def test_evasion_folds_into_the_plain_spelling(typed: str, folded: str) -> None:
    assert normalize(typed).text == folded


@pytest.mark.parametrize(
    "text",
    [
        "30ssw",
        "17uhr",
        "A4",
        "X3",
        "3er BMW",
        "Golf 7",
        "8W0845099",
        "U0415",
        "FFX34G49F2",
        "HMX3KVNV26",
        "K-AB 1234",
        "DE89370400440532013000",
        "0171 2345678",
        "14.05.2026",
        "5G0 845 011 AP",
        "VF3MCYHZRKS123456",
        "20cm",
        "4-fach",
    ],
)
def test_numbers_codes_and_models_keep_their_digits(text: str) -> None:
    folded = normalize(text).text
    assert [c for c in folded if c.isdigit()] == [c for c in text if c.isdigit()]


@pytest.mark.parametrize(
    ("text", "typed", "category"),
    [
        ("Kd. ist K0mmun1st, Termin egal", "K0mmun1st", "political"),
        ("Kd. hat D14betes, bitte SMS", "D14betes", "health"),
        (f"Über Straße: Kd. ist Kurd{CYR_E} und nett", f"Kurd{CYR_E}", "ethnic_origin"),
        (f"Kd. zahlt an die {GREEK_IOTA}G M{CYR_E}tall", f"{GREEK_IOTA}G M{CYR_E}tall", "union"),
    ],
)
def test_findings_underline_the_typed_characters(text: str, typed: str, category: str) -> None:
    found = [f for f in check(text, "bemerkungen") if f.category == category]
    assert [text[f.start : f.end] for f in found] == [typed]


def test_spans_of_leet_and_look_alikes_map_one_to_one() -> None:
    text = f"x K0mmun1st {CYR_E}y"
    norm = normalize(text)
    assert norm.text == "x kommunist ey"
    for i in range(len(norm.text)):
        assert norm.span(i, i + 1) == (i, i + 1)


def test_confusables_table_cites_its_source_and_maps_look_alikes_only() -> None:
    text = (resource_path("privacy") / "confusables.txt").read_text("utf-8")
    header = [line for line in text.splitlines() if line.startswith("#")]
    assert any("confusables.txt" in line and "Version" in line for line in header)
    assert any("Unicode License" in line for line in header)
    rows = [line.split("#", 1)[0].split() for line in text.splitlines()]
    table = {chr(int(cp, 16)): ascii_ for cp, ascii_ in (r for r in rows if len(r) == 2)}
    assert table[CYR_A] == "a"
    assert table[GREEK_OMICRON] == "o"
    assert all(not c.isascii() and t.isascii() and len(t) == 1 for c, t in table.items())
    assert "ä" not in table
    assert "ß" not in table
    assert "\u0417" not in table  # Cyrillic Ze is a letter, not an evasion of the digit 3


def test_umlauts_and_accents_are_not_look_alikes() -> None:
    assert normalize("Jürgen Śliwa Çelik Müller").text == "juergen sliwa celik mueller"


def test_visible_drops_invisible_characters_and_composes_marks() -> None:
    assert visible("Mül\u200bler") == "Müller"
    assert visible("Ju\u0308rgens") == "Jürgens"
    assert visible("Meier") == "Meier"


@pytest.mark.parametrize(
    "name", ["Mül\u200bler", "Ko\u0308nig", "Schmi\u00addt", "Lo\u200brenz, Kerstin"]
)
def test_invisible_characters_inside_a_name_are_no_remark(name: str) -> None:
    assert check(name, "nachname") == []
