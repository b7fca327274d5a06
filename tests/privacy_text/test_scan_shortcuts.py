"""The scan shortcuts of the engine give exactly what the regexes they replace give.

Each shortcut (digit runs instead of several digit scans, ``find`` calls instead of a literal
alternation, ``match`` at anchor positions instead of a search) is compared with the plain
regex on random strings built from the characters that matter to it.
"""

from __future__ import annotations

import random
import re
import sys
from collections import Counter
from itertools import product

from desktop.privacy.text import anchors, normalize
from desktop.privacy.text.engine import get_engine
from desktop.privacy.text.fuzzy import FuzzyIndex, distance_at_most_one
from desktop.privacy.text.identifiers import (
    _ADDRESS_HINT,
    _ADDRESS_NEEDS,
    _BIRTH_HINT,
    _BIRTH_WORDS,
    _CARD,
    _DIGIT_RUN,
    _DIGITS,
    _DIGITS11,
    _IBAN,
    _KVNR,
    _PHONE,
    _RVNR,
    _SPOKEN_HINT,
    _address_hints,
    _digit_runs,
    _Digits,
    _literal_passing,
    _passing,
    _phone_matches,
    _spoken_hints,
)
from desktop.privacy.text.lexicon import (
    _KIND_WRAP,
    OTHER_WHITE,
    SEPARATOR,
    Deferred,
    Matcher,
    Rule,
    _fold_pattern,
    _Regex,
    _scan,
    pieces,
)
from desktop.privacy.text.special import _LONG_TOKEN, _LONG_WORD, _long_tokens, _long_words
from desktop.privacy.text.trie import trie_pattern

_ROUNDS = 1500


def _strings(alphabet: list[str], seed: int, longest: int) -> list[str]:
    rng = random.Random(seed)
    return [
        "".join(rng.choice(alphabet) for _ in range(rng.randint(0, longest)))
        for _ in range(_ROUNDS)
    ]


def test_digit_facts_match_the_digit_scans() -> None:
    alphabet = ["1", "0", "٣", " ", ".", "/", "-", "a", "X", "DE", "ı", SEPARATOR]
    alphabet += ["12345", "123456789", "4111111111111111", "89", "0532", "  "]
    for text in _strings(alphabet, 1, 24):
        where = pieces(text)
        facts = _Digits(text, where)
        assert facts.passing == _passing(_DIGIT_RUN, text, where), repr(text)
        for pattern, flags in (
            (_CARD, facts.card),
            (_DIGITS11, facts.digits11),
            (_RVNR, facts.rvnr),
            (_KVNR, facts.kvnr),
            (_IBAN, facts.iban),
        ):
            for (a, b), ok in zip(where, flags, strict=True):
                assert ok or pattern.search(text, a, b) is None, (pattern.pattern, repr(text))


def test_phone_candidates_match_the_phone_regex() -> None:
    alphabet = ["+", "0", "1", "49", "0171", "2345678", " ", "/", "-", ".", ",", "(", ")", "a"]
    alphabet += ["_", "\t", SEPARATOR, "٣", "€"]
    for text in _strings(alphabet, 6, 16):
        starts = _Digits(text, pieces(text)).starts
        expected = [m.span() for m in _PHONE.finditer(text)]
        assert [m.span() for m in _phone_matches(text, starts)] == expected, repr(text)


def test_hint_shortcuts_match_their_regexes() -> None:
    alphabet = ["at", "aet", "a", "e", "t", " ", "@", "[", "]", "(", ")", "_", "1", "é"]
    alphabet += [SEPARATOR, "geb", "jg", "*", "."]
    for text in _strings(alphabet, 2, 20):
        where = pieces(text)
        assert _spoken_hints(text, where) == _passing(_SPOKEN_HINT, text, where), repr(text)
        assert _literal_passing(_BIRTH_WORDS, text, where) == _passing(_BIRTH_HINT, text, where)
    alphabet = ["1", "12345", " ", "  ", ",", " in ", "strasse", "weg", "a", SEPARATOR, "str."]
    alphabet += ["h", ")", "-", "B", "\t", "ä"]
    for text in _strings(alphabet, 3, 14):
        where = pieces(text)
        assert _address_hints(text, where) == _passing(_ADDRESS_HINT, text, where), repr(text)


def test_house_number_hints_match_the_address_regex() -> None:
    streets = ["weg", "str.", "strasse", "Haus", ""]
    numbers = ["1", "12", "123", "1234", "12345", "123456"]
    tails = [
        ",",
        " ,",
        " in x",
        " in",
        "  12345",
        " 1234",
        ")",
        ".",
        "-",
        "",
        " x",
        "h",
        "h,",
        "ä,",
    ]
    tails += ["b ,", " b in x", "\t,", SEPARATOR + ","]
    for street, gap, number, tail in product(streets, [" ", "  ", "", "-"], numbers, tails):
        text = f"Kd {street}{gap}{number}{tail}"
        where = pieces(text)
        assert _address_hints(text, where) == _passing(_ADDRESS_HINT, text, where), repr(text)


def test_every_address_holds_what_its_gate_needs() -> None:
    address = get_engine().registry["identifiers"]._address  # type: ignore[attr-defined]
    slots = [
        ["", "Kd. wohnt ", "Firma ", "x"],
        ["Hauptstraße", "Hohe Str.", "Am Markt", "Gartenweg", "Tiefgarage", "Ringstr.", "a"],
        [" ", "  ", "\t", ""],
        ["3", "12", "1234", "12a", "12 b", "12345", "3B"],
        [",", " ,", "", " in", ", in"],
        [" ", "  ", "\n", ""],
        ["12345 ", "1234 ", "", "D-12345 "],
        ["Berlin", "berlin", "Ärzen", "Hof", "hinten", "1"],
    ]
    rng = random.Random(15)
    found = 0
    for _ in range(_ROUNDS * 2):
        parts = [rng.choice(slot) for slot in slots]
        if rng.random() < 0.5:  # or the PLZ and town first
            parts = [*parts[6:], ", ", *parts[1:6]]
        text = "".join(parts)
        for match in address.finditer(text):
            found += 1
            assert _ADDRESS_NEEDS.search(text, *match.span()) is not None, repr(text)
    assert found > _ROUNDS // 10


def test_term_folding_shortcut_folds_as_the_normaliser() -> None:
    alphabet = [*"aZ-0134579 _.'", "ä", "Ö", "ß", "é", "straße", "Schw3r", "A\u0308", "x-y"]
    for text in _strings(alphabet, 18, 10):
        expected = normalize._with_leet(text, normalize._fold(text))
        assert normalize.fold_term(text) == expected, repr(text)


def test_clause_start_is_where_the_boundary_scan_ends() -> None:
    grammar = get_engine().registry["special_categories"].grammar  # type: ignore[attr-defined]
    alphabet = [" ", " - ", "-", ".", ". ", "Kd.", "kd. ", "Dr. ", "und ", "Und", "aber", "x"]
    alphabet += ["Kunde", ",", "(", ")", SEPARATOR, "\n", "–", "☀", "➀", "in da ", "ist", "ä"]
    for text in _strings(alphabet, 17, 70):
        for start in range(0, len(text) + 1, max(1, len(text) // 5)):
            left = max(0, start - 160)
            while 0 < left < start and text[left - 1].isalnum():
                left += 1
            for match in grammar._boundary.finditer(text, max(0, start - 160), start):
                left = match.end()
            assert grammar._clause(text, start, start)[0] == left, (text, start)


def _fold_pattern_by_character(source: str) -> str:
    """The character loop that ``_fold_pattern`` replaces (reference)."""
    out: list[str] = []
    in_class = False
    i = 0
    while i < len(source):
        char = source[i]
        if char == "\\" and i + 1 < len(source):
            out.append(source[i : i + 2])
            i += 2
            continue
        if char == "[" and not in_class:
            in_class = True
        elif char == "]" and in_class:
            in_class = False
        if char == " ":
            out.append(r"\s" if in_class else r"\s+")
        elif char == "-" or char.isascii():
            out.append(char.lower())
        else:
            out.append(normalize.fold_term(char))
        i += 1
    return "".join(out)


def test_pattern_folding_reads_pieces_as_the_character_loop_does() -> None:
    alphabet = [*"\\[] aZ-W.d(?)|", "Ä", "ß", "é", "\n", "Ü", "straße", "\\ä", "[^ ]", "ſ"]
    for text in _strings(alphabet, 16, 16):
        assert _fold_pattern(text) == _fold_pattern_by_character(text), repr(text)


def test_long_tokens_match_the_token_regex() -> None:
    alphabet = [*"abcdefghä_1² -.", "\x00", "é", "٣", "ⅷ", "abcdefgh"]
    for text in _strings(alphabet, 4, 30):
        expected = [(m.start(), m.end(), m.group()) for m in _LONG_TOKEN.finditer(text)]
        assert list(_long_tokens(text)) == expected, repr(text)


def _every_match(regexes: list[_Regex], text: str) -> list[tuple[int, int]]:
    """The spans of every regex scanned over every piece of the text, sorted: what the
    matcher must find however it skips work."""
    return sorted(
        (start, end)
        for regex in regexes
        for a, b in pieces(text)
        for start, end in _scan(regex, text, a, b)
    )


def test_leading_regexes_match_where_their_anchors_start() -> None:
    rule = Rule("health.test", "health", None)
    entries = [
        r"re: (hat|muss|termin) (\w+ )?(mrt|ct)",
        r"re: (kunde|kundin) (ist|war) (sehr |eher )?krank",
        r"re: (firma|gmbh) \w+",
        r"re: (\w+ )?staatsb(ü|ue)rger(in)?",
    ]
    matcher = Matcher([(rule, entry) for entry in entries])
    assert any(regex.leading for _required, regex in matcher._anchored)
    alphabet = ["hat ", "muss ", "termin ", "mrt", "ct", "kunde ", "kundin ", "ist ", "war "]
    alphabet += ["sehr ", "krank", "firma ", "gmbh ", "x", " ", SEPARATOR, "chat", "staatsbuerger"]
    regexes = [regex for _required, regex in matcher._anchored] + list(matcher._always)
    for text in _strings(alphabet, 5, 12):
        got = [(hit.start, hit.end) for hit in matcher.find(text)]
        assert sorted(got) == _every_match(regexes, text), repr(text)


def test_anchor_breaks_are_read_from_the_pattern() -> None:
    def breaks(source: str, word_start: bool = False) -> tuple[object, bool, bool]:
        study = anchors.compile_studied(source, word_start=word_start)[1]
        return study.required, study.after_break, study.before_break

    meise = frozenset({"meise", "hau"})
    assert breaks(r"(?:hat\s+(einen|ne)\s+(meise|hau))(?!\w)") == (meise, True, True)
    assert breaks(r"(?:hat\s+(einen|ne)\s+(meise|hau))") == (meise, True, False)
    assert breaks(r"(?:hat\s+(einen|ne)\s+(meise|hau)(?!s))") == (meise, True, False)
    assert breaks(r"(?:hat\s+(einen|ne)\s+(meise|hau)(?=\s*[.,]))") == (meise, True, False)
    assert breaks(r"(?:hat\s+(einen|ne)\s+(meise|hau)(?=[.,]))") == (meise, True, True)
    assert breaks(r"(?:hat\s+\w*(meise|hau)[\s,]+x)") == (meise, False, True)
    assert breaks(r"(?:\w*(?<=ist\s)(meise|hau)\w+)") == (meise, True, False)
    assert breaks(r"(?:\w+\s+(meise|hau)\s+\w+)") == (meise, True, True)
    # a leading pattern is tried where its anchor starts: no breaks are asked of it
    assert breaks(r"(?:(meise|hau)\s+\w+)", word_start=True) == (meise, False, False)
    # an optional item that ends (starts) with a break leaves the question to its neighbour
    assert breaks(r"(?:ist\s+(\w+\s+)?(meise|hau)(\s+\w+){0,2}(?!\w))") == (meise, True, True)
    assert breaks(r"(?:ist\s+(\w+)?(meise|hau)(\w\s+)?(?!\w))") == (meise, False, False)
    assert breaks(r"(?:x(\s+\w+)?(meise|hau))") == (meise, False, False)
    # a repeat gives its inside no neighbours; every branch must have them
    assert breaks(r"(?:x\s+((meise|hau)\s)+)") == (meise, False, True)
    assert breaks(r"(?:x\s+(meise\s|\w+hau\s))") == (meise, False, True)
    assert breaks(r"(?:x\s+(meise\s|\shau\s))") == (meise, True, True)


def test_bounded_anchors_admit_every_match() -> None:
    rule = Rule("health.test", "health", None)
    entries = [
        r"re: hat (einen|ne) (meise|hau)",
        r"re: hat (einen|ne) \w*(meise|hau)",
        r"re: hat (einen|ne) (meise|hau)(?!s)",
        r"re: (ist|war) (\w+ )?(meise|hau)( x){0,2}",
        r"re: (ist|war) (\w+)?(meise|hau)(x )?",
        r"re: (kd\.?|er) (ist|war) (sehr )?(gereizt|grantig)(?=[.,])",
        r"re: (kd\.?|er) (ist|war) (sehr )?(gereizt|grantig)x?",
        r"re: (?<=ist\s)(echter|wahrer) \w+",
        r"re: (\w+ )?staatsb(ü|ue)rger(in)?",
    ]
    matcher = Matcher([(rule, entry) for entry in entries])
    bounded = [r for _required, r in matcher._anchored if r.after_break or r.before_break]
    assert len(bounded) >= 4
    alphabet = ["hat ", "einen ", "ne ", "meise", "hau", "haus", "xhau", "kd.", "er ", "ist "]
    alphabet += ["war ", "sehr ", "gereizt", "grantig", "x", " ", ".", ",", "_", "é", "1"]
    alphabet += ["echter", "wahrer", "staatsbuerger", SEPARATOR, "\n"]
    regexes = [regex for _required, regex in matcher._anchored]
    for text in _strings(alphabet, 14, 12):
        got = sorted((hit.start, hit.end) for hit in matcher.find(text))
        assert got == _every_match(regexes, text), repr(text)


def test_deferred_regexes_find_on_the_pieces_asked_what_find_finds() -> None:
    rule, clean = Rule("health.test", "health", None), Rule("clean", "clean", None)
    entries = [
        (rule, r"re: (hat|muss) (\w+ )?(mrt|ct)"),
        (clean, r"re: (hat|termin) (\w+ )?(mrt|ct)"),  # leading
        (clean, r"re: (firma|ag) \w+"),  # no anchor: always run
        (clean, r"re: (ist|war) (\w+ )?(meise|hau)"),  # bounded anchor
        (clean, r"re: \w*(meise|hau)x?"),  # searched where an anchor is
        (clean, r"re: (?<!\w)muss"),
        (rule, r"re: (?<!\w)muss"),  # shared with a rule that is not on demand: not deferred
    ]
    matcher = Matcher(entries, on_demand=[clean])
    assert sum(regex.on_demand for _required, regex in matcher._anchored) == 3
    alphabet = ["hat ", "muss ", "termin ", "mrt", "ct", "firma ", "ag ", "ist ", "war "]
    alphabet += ["meise", "hau", "haus", "x", " ", "é", SEPARATOR, "\n"]
    rng = random.Random(21)
    for text in _strings(alphabet, 21, 14):
        everything = Counter((h.start, h.end, h.rule.rule_id) for h in matcher.find(text))
        deferred: list[Deferred] = []
        direct = Counter((h.start, h.end, h.rule.rule_id) for h in matcher.find(text, deferred))
        assert all(regex.rules == [clean] for regex, _where in deferred)
        spans = pieces(text)
        wanted = {i for i in range(len(spans)) if rng.random() < 0.5}
        later = matcher.find_deferred(text, deferred, wanted)
        expected = [
            hit
            for hit in (everything - direct).elements()
            if any(spans[i][0] <= hit[0] < spans[i][1] for i in wanted)
        ]
        assert sorted((h.start, h.end, h.rule.rule_id) for h in later) == sorted(expected)
        every_piece = matcher.find_deferred(text, deferred, set(range(len(spans))))
        assert direct + Counter((h.start, h.end, h.rule.rule_id) for h in every_piece) == everything


def test_anchor_automaton_finds_what_the_anchor_regex_finds() -> None:
    rule = Rule("health.test", "health", None)
    entries = [r"re: (hat|muss) (\w+ )?(mrt|ct|mrtx)", r"re: (kunde|kundin) (ist|war) krank"]
    matcher = Matcher([(rule, entry) for entry in entries])
    assert matcher._anchors_in_automaton
    alphabet = ["hat", "muss", "mrt", "mrtx", "ct", "kunde", "kundin", "ist", "war", "krank"]
    alphabet += ["x", " ", "a", SEPARATOR, "é", "hathat"]
    for text in _strings(alphabet, 10, 10):
        found, _words, _firsts = matcher._word_scan(text)
        expected = list(matcher._anchor_matches(text))
        assert list(matcher._anchor_starts(text, found)) == expected, repr(text)


def test_term_automaton_finds_what_the_term_regexes_find() -> None:
    rule = Rule("health.test", "health", None)
    entries = ["taub", "taubheit", "hört schlecht", "hört", "hört schlecht und", "kd.", "ms"]
    entries += ["schwer-hörig*", "krank*", "kranken*", "hört sch*", "*kranke", "*krank", "*x-y"]
    entries += ["*blind*", "*blinde*", "*ab c*", "ig metall", "ig-metall", "*sehr krank"]
    matcher = Matcher([(rule, entry) for entry in entries])
    reference = {
        kind: re.compile(_KIND_WRAP[kind].format(trie_pattern(matcher.terms(kind))))
        for kind in matcher._kinds
    }
    assert all(phrase is not None for phrase in matcher._phrases)
    alphabet = ["taub", "heit", "hoert", " ", "  ", "\t", "\n", "schlecht", "und", "kd", "."]
    alphabet += ["ms", "_", "1", "é", "schwerhoerig", "schwer-hoerig", "krank", "en", "e", "x-y"]
    alphabet += ["blind", "ab", "c", "ig", "metall", "-", SEPARATOR, "\u00a0", "sch"]
    for text in _strings(alphabet, 11, 12):
        _found, words, firsts = matcher._word_scan(text)
        for k, kind in enumerate(matcher._kinds):
            expected = [(m.start(), m.end(), m.group()) for m in reference[kind].finditer(text)]
            got = list(matcher._kind_matches(text, k, words[k], firsts[k]))
            assert got == expected, (kind, repr(text))


def _edit_once(rng: random.Random, word: list[str], letters: str) -> None:
    """One random edit of ``word`` in place: a letter dropped, doubled, swapped or added."""
    at = rng.randrange(len(word))
    change = rng.choice(("drop", "double", "swap", "add"))
    if change == "drop":
        del word[at]
    elif change == "double":
        word.insert(at, word[at])
    elif change == "swap" and at + 1 < len(word):
        word[at], word[at + 1] = word[at + 1], word[at]
    else:
        word.insert(at, rng.choice(letters))


def test_fuzzy_gates_skip_only_tokens_no_term_is_near() -> None:
    rule = Rule("health.test", "health", None)
    exact = {"rollstuhlfahrer": [rule], "schwerhoerig": [rule], "rollatorx": [rule]}
    index = FuzzyIndex(exact, {"alkoholiker": [rule], "rollstuhls": [rule]}, [])
    rng = random.Random(13)
    words = [*exact, "alkoholiker", "alkoholikerin", "rollstuhls"]
    for _ in range(_ROUNDS * 4):
        word = list(rng.choice(words))
        for _edit in range(rng.randint(0, 2)):
            _edit_once(rng, word, "aeilorsx")
        token = "".join(word)[: rng.randint(7, 16)]
        assert index.lookup(token) == index._lookup(token), token


def test_anchor_analysis() -> None:
    assert anchors.analyse(r"(?<!\w)(?:(hat|muss)\s+x)") == (frozenset({"hat", "muss"}), True)
    required, lead = anchors.analyse(r"(?:(\w+ )?staatsb(ü|ue)rger)")
    assert required
    assert not lead
    assert anchors.piece_local(r"(?:(firma|gmbh)\s+\w+)(?!\w)")
    for source in (r"a.b", r"a\Wb", r"[^a]b", r"ab$", r"ab\Z", r"\Sab"):
        assert not anchors.piece_local(source), source


def test_spaced_digit_flag_matches_its_regex() -> None:
    pattern = re.compile(r"(?<!\d)\d(?: \d(?!\d)){2}")
    alphabet = ["1", "0", "12", " ", "  ", "a", "-", SEPARATOR, "٣", "\u200b"]
    for text in _strings(alphabet, 7, 16):
        assert _Digits(text, pieces(text)).spaced == (pattern.search(text) is not None), repr(text)


def test_special_characters_without_combining_marks_match_the_full_regex() -> None:
    alphabet = [*"ab-A -.1_äéZß", "Ω", "😀", SEPARATOR, "٣", "a-b", "Ä-ü", "--", "\u200b", "ſ"]
    for text in _strings(alphabet, 12, 12):
        expected = [m.span() for m in normalize._SPECIAL.finditer(text)]
        assert [m.span() for m in normalize._SPECIAL_PLAIN.finditer(text)] == expected, repr(text)


def test_leet_positions_match_their_regex() -> None:
    alphabet = [*"ab0134579-xäÄ?²ªµ", "Ł", "Ω", "ſ", " ", "\u200b", "K0mmun1st", "A4", "é", "€"]
    alphabet += ["😀", SEPARATOR, "٣", "\ud800", "o\u0308"]
    for text in _strings(alphabet, 9, 14):
        expected = [m.start() for m in normalize._LEET_CANDIDATE.finditer(text)]
        assert normalize._leet_positions(text) == expected, repr(text)


def test_leet_digits_are_read_in_place_of_the_digit() -> None:
    alphabet = [*"ab0134579-xä ", "o\u0308", "\u200b", "K0mmun1st", "ß", "s c h", "é", "\u00ad"]
    for text in _strings(alphabet, 8, 12):
        norm = normalize.normalize(text)
        plain = "".join(normalize._fold(text).parts)
        assert len(norm.text) <= len(plain)
        for pos in normalize._leet_positions(text):
            letter = normalize._leet_letter(text, pos)
            spans = [i for i in range(len(norm.text)) if norm.span(i, i + 1) == (pos, pos + 1)]
            assert [norm.text[i] for i in spans] == [letter.lower()], repr(text)


def test_spaced_runs_match_their_regex() -> None:
    alphabet = [*"ab s.e_-x1", "ae", "ss", "  ", " - ", "é", "Ω", "²", SEPARATOR, "oe"]
    for text in _strings(alphabet, 14, 24):
        expected = [m.span() for m in normalize._SPACED.finditer(text)]
        assert normalize._spaced_runs(text) == expected, repr(text)


def test_digit_runs_and_long_words_match_their_regexes() -> None:
    alphabet = [*"a1_ ²9ä-", "٣", "12345678", "abcdefgh", "ÿ", "Ω", SEPARATOR]
    for text in _strings(alphabet, 15, 20):
        assert list(_digit_runs(text)) == [m.span() for m in _DIGITS.finditer(text)], repr(text)
        assert list(_long_words(text)) == [m.span() for m in _LONG_WORD.finditer(text)]


def test_trie_prefers_the_longest_word_like_a_sorted_alternation() -> None:
    words = {"so", "so dass", "sodass", "und", "u.", "d.h.", "Aber", "aber", "ABER", "ab"}
    sorted_words = sorted(words, key=lambda w: (-len(w), w))
    literals = (re.escape(w).replace(r"\ ", r"\s+") for w in sorted_words)
    alternation = re.compile(r"(?<!\w)(?:" + "|".join(literals) + r")(?!\w)")
    trie = re.compile(r"(?<!\w)(?:" + trie_pattern(words) + r")(?!\w)")
    alphabet = ["so", " ", "dass", "und", "u.", "d.h.", "Aber", "ab", "x", ".", ",", "ABER"]
    for text in _strings(alphabet, 16, 10):
        for pos in range(len(text) + 1):
            expected, found = alternation.match(text, pos), trie.match(text, pos)
            assert (found and found.span()) == (expected and expected.span()), (text, pos)


_STUDIED = [
    r"(?:(hat|muss)\s+(\w+\s+)?(mrt|ct|r(oe|oe)ntgen)(?!\w))(?!\w)",
    r"(?:(kunde|kundin|kd\.?)\s+(?P<verb>ist|war)\s+krank)",
    r"(?:(firma|gmbh)\s+\w+)(?!\w)",
    r"(?:(\w+ )?staatsb(ü|ue)rger(in)?)",
    r"(?i:ms)\s+(?!office)\w+",
    r"a(?=b)|[^\W\d]{2,}(?<!x)$",
    r"(a)(?(1)b|c)\1",
]


def test_studied_patterns_are_what_re_compile_gives() -> None:
    for source in _STUDIED:
        pattern, study = anchors.compile_studied(source)
        reference = re.compile(source)
        assert pattern == reference, source  # same source, flags and compiled code
        assert (pattern.pattern, pattern.flags, pattern.groups, pattern.groupindex) == (
            reference.pattern,
            reference.flags,
            reference.groups,
            reference.groupindex,
        )
        assert (study.required, study.leading) == anchors.analyse(source), source
        if study.required is None:
            assert study.local == anchors.piece_local(source), source
        # the word-start look-behind the matcher strips (and checks itself) changes nothing
        # of the analysis
        assert (
            anchors.compile_studied(r"(?<!\w)" + source)[1]
            == anchors.compile_studied(source, word_start=True)[1]
        ), source
        assert anchors.compile_studied(r"(?<!\w)" + source)[1][:3] == study[:3], source


def test_fuzzy_lookup_finds_every_term_one_edit_away() -> None:
    rule = Rule("health.test", "health", None)
    terms = ["aabbbcdefg", "abcccdefgh", "schwerhoerig", "abababababa", "rollstuhlfahrer"]
    terms += ["abcdeeefgh", "abcdddefgh", "xyzabcabcab"]
    index = FuzzyIndex({t: [rule] for t in terms}, {}, [])
    rng = random.Random(17)
    for _ in range(_ROUNDS * 4):
        term = rng.choice(terms)
        word = list(term)
        _edit_once(rng, word, "abcdex")
        token = "".join(word)
        expected = [t for t in terms if t[:3] == token[:3] and distance_at_most_one(token, t)]
        assert len(index._lookup(token)) == len(expected), token
        assert len(index.lookup(token)) == len(expected), token  # through the gates


def test_other_white_space_is_every_space_character_but_the_space() -> None:
    every = {chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()}
    assert set(OTHER_WHITE) | {" "} == every
    assert all(re.fullmatch(r"\s", c) for c in every)


def test_phrase_starts_are_found_after_any_white_space() -> None:
    rule = Rule("health.test", "health", None)
    matcher = Matcher([(rule, entry) for entry in ["hört schlecht", "in behandlung", "ms"]])
    text = "er hoert\u2003schlecht, in\tbehandlung; hin\nin behandlung, hoert"
    _found, words, firsts = matcher._word_scan(text)
    reference = re.compile(_KIND_WRAP["exact"].format(trie_pattern(matcher.terms("exact"))))
    k = matcher._kinds.index("exact")
    expected = [(m.start(), m.end(), m.group()) for m in reference.finditer(text)]
    assert list(matcher._kind_matches(text, k, words[k], firsts[k])) == expected
    assert len(expected) == 3
