"""Art. 9 categories and judgements from ``lexicon/*.txt``, minus ``clean.txt`` contexts."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from itertools import accumulate
from pathlib import Path

from desktop.privacy.text.fuzzy import FuzzyIndex
from desktop.privacy.text.grammar import Grammar
from desktop.privacy.text.identifiers import first_names
from desktop.privacy.text.lexicon import Deferred, Hit, Matcher, Rule, parse_file, pieces
from desktop.privacy.text.model import Finding
from desktop.privacy.text.normalize import Normalized, fold_term, latin1_classes
from desktop.privacy.text.recognizer import Context, read_list

# Runs of 8+ letters. The look-behind (a run starts after a non-letter) yields the same runs
# as without it, minus the doomed attempts inside shorter words.
_LONG_TOKEN = re.compile(r"(?<![^\W\d_])[^\W\d_]{8,}")
# Every such run lies inside a word (a maximal run of \w) of 8+ characters; those are found
# faster, and a word of letters only is itself the run.
_LONG_WORD = re.compile(r"(?<!\w)\w{8,}")
# The same on the text's Latin-1 classes (see latin1_classes): "a" for a word character, so a
# word of 8+ characters is a run of 8+ "a" (a literal the regex engine skips ahead to).
_WORD_CLASSES = bytes(
    ord("a") if chr(b).isalnum() or chr(b) == "_" else ord(" ") for b in range(256)
)
_LONG_RUN = re.compile(rb"aaaaaaaa+")


def _long_words(text: str) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of every ``_LONG_WORD`` match in ``text``, in order."""
    classes = latin1_classes(text, _WORD_CLASSES)
    if classes is None:
        return (word.span() for word in _LONG_WORD.finditer(text))
    return (word.span() for word in _LONG_RUN.finditer(classes))


def _long_tokens(text: str) -> Iterator[tuple[int, int, str]]:
    """``(start, end, token)`` of every ``_LONG_TOKEN`` match in ``text``, in order."""
    for start, end in _long_words(text):
        token = text[start:end]
        if token.isalpha():
            yield start, end, token
        else:  # digits or "_" inside: its letter runs (or other \w that is no digit)
            for match in _LONG_TOKEN.finditer(text, start, end):
                yield match.start(), match.end(), match.group()


# (not after "/" or "-": "Mo/Mi/Fr Dialyse", "Mo-Fr" are days of the week; nor "Fr" after a
# preposition of time: "bis Fr Streikposten", "ab Fr Reha")
_SALUTATION_BEFORE = re.compile(
    r"(?<![\w/-])(?:herrn?|frau|hr\.?|(?<!bis )(?<!ab )(?<!am )(?<!vor )(?<!seit )fr\.?"
    r"|familie|fam\.?|dr\.|prof\.)\s+$"
)


def _is_name_after_salutation(norm: Normalized, hit: Hit) -> bool:
    """A capitalised single word right after Herr/Frau/Familie is a surname, not a trigger."""
    if hit.end - hit.start > 40 or " " in norm.text[hit.start : hit.end]:
        return False
    if not hit.start or not norm.text[hit.start - 1].isspace():
        return False  # the salutation pattern ends with white space right before the hit
    if not _SALUTATION_BEFORE.search(norm.text, max(0, hit.start - 12), hit.start):
        return False
    start, _end = norm.span(hit.start, hit.start + 1)
    return norm.original[start : start + 1].isupper()


def _names_a_name(text: str, stop: int, previous: str, grammar: Grammar) -> bool:
    """``previous`` (the word ending at ``stop``) names the name after it: a word of naming
    ("namens", "Nachname:"), or a verb of naming after a word for the person ("Kd. heißt",
    "die Kundin hieß") -- "das heißt" means "that is"."""
    word = previous.rstrip(":")
    if word in grammar.naming_words:
        return True
    if word != previous or word not in grammar.naming_verbs:
        return False
    before = text[max(0, stop - len(previous) - 24) : stop - len(previous)].split()
    return bool(before) and grammar.is_person_word(before[-1])


# "Frau Irmgard Verdi", "Herrn Dr. Klaus Krebs": a salutation, a title and a first name
_FULL_NAME_BEFORE = re.compile(
    r"(?<!\w)(?:herrn?|frau|hr\.?|fr\.?|familie|fam\.?)\s+(?:(?:dr|prof)\.\s*)?([^\W\d_]+)\s+$"
)


def _is_surname_in_name(
    norm: Normalized, hit: Hit, grammar: Grammar, firsts: frozenset[str]
) -> bool:
    """A capitalised single word after a salutation and a first name ("Frau Irmgard Verdi")
    or after a noun of the job's record ("Storno Auftrag Verdi", "Rückruf Krebs") is the
    surname of the person named, not a trigger."""
    text = norm.text
    if hit.end - hit.start > 40 or not hit.start or not text[hit.start - 1].isspace():
        return False
    # the word before (a cheap test first: most hits follow neither a record noun nor a name)
    stop = hit.start - 1
    while stop and text[stop - 1].isspace():  # more than one space: rare
        stop -= 1
    previous = text[text.rfind(" ", 0, stop) + 1 : stop]
    if "\n" in previous or "\t" in previous:
        previous = previous.split()[-1]
    record = previous in grammar.record_nouns or (
        (previous in grammar.naming_verbs or previous.rstrip(":") in grammar.naming_words)
        and _names_a_name(text, stop, previous, grammar)
    )
    if not record and previous not in firsts:
        return False
    if (hit.end < len(text) and (text[hit.end].isalnum() or text[hit.end] == "-")) or "-" in (
        text[hit.start : hit.end]
    ):
        return False  # a compound ("Verdi-Mitglied") says what the word is a part of
    start, end = norm.span(hit.start, hit.end)
    if not norm.original[start : start + 1].isupper():
        return False
    if record:  # a title names the one after it: "Rückruf Pastor Meier"
        return not grammar.is_title(norm.original[start:end])
    found = _FULL_NAME_BEFORE.search(text, max(0, hit.start - 48), hit.start)
    return found is not None and found.group(1) in firsts


# Two capitalised words joined by "&" are a firm's name ("Spedition Kaiser & Bischof",
# "Krebs & Söhne"): the word on the other side of the "&"
_FIRM_BEFORE = re.compile(r"([^\W\d_][\w.]*)\s*&\s*$")
_FIRM_AFTER = re.compile(r"\s*&\s*([^\W\d_][\w.]*)")
_FIRM_PARTNERS = frozenset(("co", "co.", "partner", "söhne", "sohn", "töchter", "kollegen"))


def _in_firm_name(norm: Normalized, hit: Hit, grammar: Grammar, starts: set[int]) -> bool:
    """A capitalised single word joined by "&" to a capitalised word that names no person
    and no attribute is part of a firm's name ("Kaiser & Bischof", "Krebs & Partner") --
    "Diabetiker & Rollstuhlfahrer", "Jude & Rentner" stay what they say."""
    text = norm.original
    start, end = norm.span(hit.start, hit.end)
    piece = text[start:end]
    if not piece[:1].isupper() or not piece.isalpha() or "&" not in text:
        return False
    other = _FIRM_BEFORE.search(text, max(0, start - 40), start) or _FIRM_AFTER.match(text, end)
    if other is None:
        return False
    word = other.group(1)
    if other.start(1) in starts:
        return False  # "Krebs & Diabetes": two triggers
    if word.lower() in _FIRM_PARTNERS:
        return True
    return (
        word[:1].isupper()
        and not grammar.is_person_word(word)
        and not grammar.is_attribute_word(word)
    )


# Final "-er" as spoken in Bavarian and Austrian German ("behindat", "Diabetika")
_DIALECT_ENDINGS = (("at", "ert"), ("a", "er"))
_DIALECT_SPOKEN = tuple(spoken for spoken, _written in _DIALECT_ENDINGS)
_DIALECT_LAST = frozenset(spoken[-1] for spoken in _DIALECT_SPOKEN)

_CLEAN = Rule("clean", "clean", None)  # marks clean.txt entries inside the shared matcher
_ANIMAL = Rule("animal", "animal", None)  # marks animals.txt nouns inside the shared matcher


def _without_clean(table: dict[str, list[Rule]]) -> dict[str, list[Rule]]:
    out = {
        term: [r for r in rules if r is not _CLEAN and r is not _ANIMAL]
        for term, rules in table.items()
    }
    return {term: rules for term, rules in out.items() if rules}


_SENTENCE_MARK = re.compile(r"[\x00\n]|[.!?](?=\s)")
_ABBREVIATION = re.compile(r"(?<![^\W\d_])[^\W\d_]{1,3}$")


def _same_sentence(text: str, first: int, second: int) -> bool:
    """No sentence end lies between the two offsets: a line break, the separator of a batch,
    or "." "!" "?" before white space -- not the "." of a short abbreviation ("Kd.", "Dr.").
    Every piece border of :mod:`chunks` is such an end, so the answer is the same whether
    the sentences are checked together or one by one."""
    a, b = min(first, second), max(first, second)
    for mark in _SENTENCE_MARK.finditer(text, a, b):
        if mark.group() != "." or not _ABBREVIATION.search(
            text, max(0, mark.start() - 4), mark.start()
        ):
            return False
    return True


def _without_symptoms(text: str, hits: list[Hit], rules: frozenset[str]) -> list[Hit]:
    """Without the hits of ``rules`` (judgements of the mind) that share their sentence with
    a health hit: "schon etwas tüddelig, Demenz beginnt" names a symptom."""
    ill = [h.start for h in hits if h.rule.category == "health"]
    return [
        h
        for h in hits
        if h.rule.rule_id not in rules or not any(_same_sentence(text, h.start, i) for i in ill)
    ]


class SpecialCategoryRecognizer:
    """Art. 9 categories and judgements from ``lexicon/*.txt``, minus ``clean.txt`` contexts."""

    name = "special_categories"

    def __init__(self, root: Path) -> None:
        pairs = [p for path in sorted((root / "lexicon").glob("*.txt")) for p in parse_file(path)]
        clean = [(_CLEAN, entry) for _rule, entry in parse_file(root / "clean.txt")]
        animals = [(_ANIMAL, entry) for _rule, entry in parse_file(root / "animals.txt")]
        self.grammar = Grammar(root)
        # One matcher for all: one scan per kind instead of three.
        # A clean.txt regex only removes hits it covers: it runs later, and only on the
        # sentences that hold a hit (see _hits).
        self.matcher = Matcher(pairs + clean + animals, on_demand=[_CLEAN])
        exact = _without_clean(self.matcher.terms("exact"))
        prefix = _without_clean(self.matcher.terms("prefix"))
        self.fuzzy = FuzzyIndex(
            exact, prefix, (fold_term(w) for w in read_list(root / "fuzzy_stop.txt"))
        )
        self._exact, self._prefix = exact, prefix
        self._first_names = first_names(root)
        # the health rules of each compound head, as the lexicon reads the word alone
        self._head_rules = {
            head: [
                hit.rule
                for hit in self.matcher.find(head)
                if hit.rule.category == "health" and (hit.start, hit.end) == (0, len(head))
            ]
            for head in self.grammar.adjective_heads
        }
        self._adjective_heads = tuple(h for h, rules in self._head_rules.items() if rules)
        self._head_tails = frozenset(h[-4:] for h in self._adjective_heads)  # a cheap pre-test

    def _dialect(self, token: str) -> list[Rule]:
        """Rules of a word spelt as Bavarian and Austrian speech drops the r of a final "-er"
        ("behindat" for "behindert", "Diabetika" for "Diabetiker")."""
        for spoken, written in _DIALECT_ENDINGS:
            if token.endswith(spoken):
                word = token[: -len(spoken)] + written
                found = self._exact.get(word)
                if found:
                    return found
                for n in range(len(word), 3, -1):
                    found = self._prefix.get(word[:n])
                    if found:
                        return found
        return []

    def _adjective_compound(self, token: str) -> list[Rule]:
        """Health rules of the head of an adjective compound ("halb|blind", "alters|dement",
        "lern|behindert"; grammar.toml ``[adjective_heads]``): the head keeps its meaning."""
        grammar = self.grammar
        if token in grammar.not_adjective_compounds or token.endswith(
            grammar.not_adjective_endings
        ):
            return []
        for head in self._adjective_heads:
            if token.endswith(head) and len(token) - len(head) >= 3:
                return self._head_rules[head]
        return []

    def hits(self, norm: Normalized, field: str = "bemerkungen") -> list[Hit]:
        """Lexicon hits minus clean contexts, surnames after a salutation ("Herr Christ") and
        words said of a place, thing, job or animal rather than a person (:mod:`grammar`)."""
        grammar = self.grammar
        keep = grammar.keep
        animals: list[tuple[int, int]] = []
        kept: list[Hit] = []
        # (category, start, end) -> the smallest rule id kept there: a hit of another rule on
        # the same span adds no finding (the engine keeps one per category and span)
        spans: dict[tuple[str, int, int], str] = {}
        found = self._hits(norm, animals)
        # the original starts of all hits, where "&" may join two words to a firm's name
        firm = {norm.span(h.start, h.end)[0] for h in found} if "&" in norm.original else None
        for h in found:
            span = (h.rule.category, h.start, h.end)
            known = spans.get(span)
            if known is not None and known <= h.rule.rule_id:
                continue  # the same finding as a kept hit: no grammar to run
            if (
                field == "nachname"
                or not (
                    _is_name_after_salutation(norm, h)
                    or _is_surname_in_name(norm, h, grammar, self._first_names)
                    or (firm is not None and _in_firm_name(norm, h, grammar, firm))
                )
            ) and keep(norm, h, field):
                kept.append(h)
                spans[span] = h.rule.rule_id
        if any(h.rule.rule_id in grammar.symptom_rules for h in kept):
            kept = _without_symptoms(norm.text, kept, grammar.symptom_rules)
        if not animals or field == "nachname":
            return kept  # no animal named (the common case), or the name field: a person
        return [h for h in kept if not grammar.said_of_animal(norm, h, animals)]

    def _hits(self, norm: Normalized, animals: list[tuple[int, int]]) -> list[Hit]:
        """Lexicon hits on the normalised text after removing clean contexts; the spans of
        animal nouns are added to ``animals``."""
        text = norm.text
        hits: list[Hit] = []
        clean: list[tuple[int, int]] = []
        deferred: list[Deferred] = []
        for hit in self.matcher.find(text, deferred):
            if hit.rule is _CLEAN:
                clean.append((hit.start, hit.end))
            elif hit.rule is _ANIMAL:
                animals.append((hit.start, hit.end))
            else:
                hits.append(hit)
        covered = bytearray(len(text))
        for hit in hits:
            covered[hit.start : hit.end] = b"\x01" * (hit.end - hit.start)
        lookup = self.fuzzy.lookup
        for start, end, token in _long_tokens(text):
            if 1 in covered[start:end]:
                continue
            rules = lookup(token)
            if not rules and token[-1] in _DIALECT_LAST and token.endswith(_DIALECT_SPOKEN):
                rules = self._dialect(token)
            if (
                not rules
                and token[-4:] in self._head_tails
                and token.endswith(self._adjective_heads)
            ):
                # no typo but a compound ("halb|blind"): the dictionary may know it
                heads = self._adjective_compound(token)
                hits.extend(Hit(start, end, rule) for rule in heads)
            if rules:  # most long words are near no term
                hits.extend(Hit(start, end, rule, fuzzy=True) for rule in rules)
        if not hits:
            return hits
        if deferred:  # a clean context lies inside one sentence: only those with a hit
            starts = [a for a, _b in pieces(text)]
            wanted = {bisect_right(starts, hit.start) - 1 for hit in hits}
            clean.extend(
                (h.start, h.end) for h in self.matcher.find_deferred(text, deferred, wanted)
            )
        allowed = sorted(clean)
        if not allowed:
            return hits
        starts = [s for s, _e in allowed]
        reach = list(accumulate((e for _s, e in allowed), max))  # furthest end so far
        kept = []
        for hit in hits:
            i = bisect_right(starts, hit.start) - 1
            if i < 0 or reach[i] < hit.end:
                kept.append(hit)
        return kept

    def analyze(self, ctx: Context) -> list[Finding]:
        """Findings for every hit, one per category and span."""
        return [ctx.finding(hit) for hit in self.hits(ctx.norm, ctx.field)]
