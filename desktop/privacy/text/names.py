"""The name field (``nachname``): a name and nothing else (notice §1.1).

A name is optional salutations/titles followed by name words (letters with inner apostrophes
or hyphens), lower-case particles (von der, de la, ben) and nobility ranks; "Name, Vorname" is
tolerated. Everything from the first thing that is not part of a name -- brackets, digits,
a dash or comma with a remark, a remark word, a lower-case word after the name, or a word the
special-category lexicons flag -- to the end is ``name_misuse``. The special-category finding
itself is kept as well ("Meier (taub)" → name_misuse + health); trigger words that are common
surnames ("Christ", "Schwarz") are dropped when they stand as the name. A word after the name
is said of the person: the lexicons read it in a sentence about the customer ("Meier Gips" as
"Kunde hat Gips."), so a short word that needs a person in running text is a remark there.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.privacy.text.identifiers import first_names
from desktop.privacy.text.lexicon import parse_file
from desktop.privacy.text.model import SEVERITY, Finding
from desktop.privacy.text.normalize import fold_term, normalize, visible
from desktop.privacy.text.recognizer import Context

if TYPE_CHECKING:
    from desktop.privacy.text.special import SpecialCategoryRecognizer

_TOKEN = re.compile(r"\S+")
_NAME_WORD = re.compile(r"^[^\W\d_]+(?:['’\-][^\W\d_]+)*\.?$|^[^\W\d_]['’][^\W\d_]+$")
_DIGIT = re.compile(r"\d")
# Categories whose words name a kind of person ("Idiot", "Bluter"); origin and belief words
# ("Ungar", "Jude") are common surnames and stay names when they stand alone.
_KIND_CATEGORIES = frozenset({"health", "judgement"})
# One item of a remark: words between brackets, commas, slashes or dashes.
_REMARK_ITEM = re.compile(r"[^\W\d_][\w.' ]*[^\W\d_]|[^\W\d_]")
# A remark word is said of the person the name names: the lexicons read it in the sentences a
# note would say of the customer ("Meier (Gips)" as "Kunde hat Gips.", "Meier, MS" as "Kunde hat
# MS.", "Koch dement" as "Kunde ist dement.") -- the grammar of the running-text rules decides,
# so a short word that needs a person to be said of ("Gips", "MS", "OP") counts here; a body
# the person belongs to is read as membership ("Yilmaz (Moscheeverein)" as "Kunde ist Mitglied
# im Moscheeverein.").
_SAID_OF_PERSON = ("Kunde hat {}.", "Kunde ist {}.", "Kunde ist Mitglied im {}.")
_PROBE_FIELD = "bemerkungen"
_PROBE_CACHE_SIZE = 4096
_NOT_SAID = frozenset({"identifier", "length", "name_misuse"})


def _as_name(word: str, uniform: bool) -> str:
    """``word`` with each hyphen part capitalised when the field is typed in one case."""
    if not uniform:
        return word
    return "-".join(part[:1].upper() + part[1:].lower() for part in word.split("-"))


_LETTERS = re.compile(r"[^\W\d_]+")
_AND = frozenset({"und", "u.", "&"})
_BIRTH_NAME = frozenset({"geb.", "geb", "geborene", "geborener"})
_INFINITIVE = re.compile(r"[a-zäöüß]{3,}(?:en|eln|ern)[.,!]?$")


def _is_number(word: str) -> bool:
    """Digits that carry data (a phone number, a date, a time); one stray digit inside a name
    word ("Meier2") is a typo that the field validation reports instead."""
    digits = len(_DIGIT.findall(word))
    return digits >= 2 or (digits == 1 and not word[:1].isalpha())


# No suggestion for name_misuse or a judgement: the UI offers "replace with <suggestion>", and
# the only neutral form is the name alone (the agent deletes the addition; needs such as
# "Bitte laut und deutlich klingeln" go into Zusatzinfo/Bemerkungen, see the health finding).
_SUGGESTION: str | None = None


class NameFieldRecognizer:
    """``name_misuse`` for anything in the name field that is not part of a name."""

    name = "name_field"

    def __init__(self, root: Path, special: SpecialCategoryRecognizer) -> None:
        lists: dict[str, set[str]] = {}
        for rule, entry in parse_file(root / "names.txt"):
            lists.setdefault(rule.rule_id, set()).add(fold_term(entry))
        self._salutations = lists["salutations"]
        self._particles = lists["particles"] | lists["nobility"]
        self._surnames = lists["surname_exceptions"] | lists.get("frequent_surnames", set())
        self._surnames_first = lists["surname_exceptions_first"]
        self._suffixes = lists["suffixes"]
        self._leading = lists["leading"]
        self._remarks = lists["remarks"] | self._leading
        self._surname_remarks = lists["surname_remarks"]
        self._judgements = lists["judgement_words"]
        self._parties = lists["party_names"]
        self._special = special
        self._first_names = first_names(root)
        self._said: dict[str, tuple[str, str] | None] = {}

    def analyze(self, ctx: Context) -> list[Finding]:
        """Drop surname false alarms from ``ctx.findings``; return the misuse finding."""
        text = ctx.text
        tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]
        misuse = self._first_offence(tokens)
        cut = len(text) if misuse is None else misuse[0]  # words in a remark are no surname
        ctx.findings[:] = [
            f for f in ctx.findings if not (f.start < cut and self._is_surname(text, f, tokens))
        ]
        flagged = sorted(
            f.start for f in ctx.findings if f.category not in ("length", "name_misuse")
        )
        start: int | None = None
        rule_id = "name_misuse.remark"
        if misuse is not None:
            start, rule_id = misuse
        if flagged and (start is None or flagged[0] < start):
            start, rule_id = flagged[0], "name_misuse.content"
        if start is None:
            return []
        start = max((s for s, _e, _t in tokens if s <= start), default=start)
        end = len(text.rstrip())
        found = [Finding("name_misuse", start, end, SEVERITY["name_misuse"], rule_id, _SUGGESTION)]
        return (
            found
            + self._judgements_after(tokens, start, ctx.findings)
            + self._parties_after(text, start, ctx.findings)
            + self._remark_words(text, start, ctx.findings)
        )

    def said_of_person(self, word: str) -> tuple[str, str] | None:
        """``(category, rule id)`` of the finding the lexicons give ``word`` in a sentence said
        of the customer ("Kunde hat Gips.", "Kunde ist dement."), or ``None``."""
        if word in self._said:
            return self._said[word]
        said: tuple[str, str] | None = None
        # several words are a predicate ("ein Schatz"), one word also an object ("Gips")
        for frame in _SAID_OF_PERSON if " " not in word else _SAID_OF_PERSON[1:]:
            sentence = frame.format(word)
            first = len(frame.split("{}")[0])
            last = first + len(word)
            ctx = Context(_PROBE_FIELD, normalize(sentence), {})
            for finding in self._special.analyze(ctx):
                if finding.start < last and first < finding.end:
                    said = (finding.category, finding.rule_id)
                    break
            if said is not None:
                break
        if len(self._said) >= _PROBE_CACHE_SIZE:
            self._said.clear()
        self._said[word] = said
        return said

    def _remark_words(self, text: str, start: int, earlier: list[Finding]) -> list[Finding]:
        """A remark item of up to three words after the name ("Meier (Gips)", "Wagner, MS",
        "Meier Gips", "Otto, ein Schatz") that the lexicons read as said of the person, when
        no rule found anything in the remark itself."""
        if any(f.start >= start and f.category not in _NOT_SAID for f in earlier):
            return []
        for item in _REMARK_ITEM.finditer(text, start):
            word = item.group()
            if word.count(" ") > 2 or not self._may_be_said(word):
                continue
            said = self.said_of_person(word)
            if said is not None:
                category, rule_id = said
                s, e = item.span()
                return [Finding(category, s, e, SEVERITY[category], rule_id, None)]
        return []

    def _may_be_said(self, word: str) -> bool:
        """``word`` is no word of the name field's own lists (remarks, salutations, judgements
        said after a name, first names) and may be probed."""
        folded = fold_term(word.rstrip("."))
        return len(folded) > 1 and not (
            folded in self._remarks
            or (folded in self._salutations and not word.isupper())  # "MS" is no "Ms"
            or folded in self._judgements
            or folded in self._first_names
        )

    def _appended(self, word: str, previous: str | None) -> bool:
        """A word after the name that is no name: the lexicons read it as said of the person
        ("Meier Gips", "Schulz MS"), it is no first name, no known surname, and the word before
        it is no first name ("Peter Gips" is a first name and a surname). A word alone stays
        the name ("Zucker", "Fieber": surnames that are also health words)."""
        folded = fold_term(word.rstrip("."))
        if folded in self._surnames or folded in self._surname_remarks:
            return False
        if previous is not None and fold_term(previous.rstrip(",.")) in self._first_names:
            return False
        return self._may_be_said(word) and self.said_of_person(word) is not None

    def _parties_after(self, text: str, start: int, earlier: list[Finding]) -> list[Finding]:
        """A party name that is also an ordinary word ("Linke", "Grüne") as one item of the
        remark after the name ("Scholz (Ortsbeirat, Linke)"): the person's party."""
        if any(f.category == "political" for f in earlier):
            return []
        for item in _REMARK_ITEM.finditer(text, start):
            if fold_term(item.group()) in self._parties:
                s, e = item.span()
                return [Finding("political", s, e, SEVERITY["political"], "political.name_field")]
        return []

    def _judgements_after(
        self, tokens: list[tuple[int, int, str]], start: int, earlier: list[Finding]
    ) -> list[Finding]:
        """Words that judge the person when they follow a name ("Schröder, nett"); an adverb
        of an instruction ("laut klingeln", "langsam sprechen") is not a judgement."""
        out = []
        for index, (s, _e, raw) in enumerate(tokens):
            if s < start:
                continue
            for part in _LETTERS.finditer(raw):  # "Lehmann...schwierig": words in one token
                word = part.group()
                if (index == 0 and part.start() == 0) or fold_term(word) not in self._judgements:
                    continue  # the first word of the field is the name, not said of it
                following = tokens[index + 1][2] if index + 1 < len(tokens) else ""
                if word == raw and _INFINITIVE.match(following):
                    continue
                out.extend(self._judgement(s + part.start(), word, earlier))
        return out

    @staticmethod
    def _judgement(s: int, word: str, earlier: list[Finding]) -> list[Finding]:
        """A judgement finding for ``word`` at ``s`` unless one covers it already."""
        if any(f.category == "judgement" and f.start <= s < f.end for f in earlier):
            return []
        e = s + len(word)
        return [Finding("judgement", s, e, SEVERITY["judgement"], "judgement.name_field", None)]

    def _is_surname(self, text: str, finding: Finding, tokens: list[tuple[int, int, str]]) -> bool:
        """A trigger word that is a known surname standing as (part of) the name."""
        if finding.category in ("identifier", "length"):
            return False
        # a field typed all in lower or all in upper case is read as the name written normally
        # ("krebs", "KREBS" as "Krebs"; "idiot" as "Idiot")
        letters = "".join(t[2] for t in tokens)
        uniform = letters == letters.lower() or letters == letters.upper()
        word = _as_name(text[finding.start : finding.end], uniform)
        folded = fold_term(word)
        skip = self._salutations | self._leading
        names = [t for t in tokens if fold_term(t[2].rstrip(".,")) not in skip]
        joins = [i for i, t in enumerate(names) if fold_term(t[2]) in _AND]
        if joins and joins[-1] < len(names) - 1 and names[joins[-1]][1] <= finding.start:
            names = names[joins[-1] + 1 :]  # "Ingrid und Klaus Krebs": the last person's name
        if self._first_name_of_full_name(word, folded, finding, names):
            return True  # "Iris Wendland", "Wendland, Iris": a first name
        if len(names) == 1 and names[0][0] <= finding.start and finding.end <= names[0][1]:
            only = _as_name(names[0][2], uniform)  # one name word is the name: no remark --
            # unless it is a compound naming a kind of person ("Dialysepatient")
            head = self._special.grammar.head(only.rstrip("."))
            if (
                _NAME_WORD.match(only)
                and only[:1].isupper()
                and not only.isupper()
                and not (head is not None and head[0] == "person")
                and not (len(tokens) == 1 and self._special.grammar.is_attribute_word(only))
                and not (names[0][0] == finding.start and self._names_a_kind(only, finding))
            ):
                return True  # "Ramadan", "Zimmermann-Moslem", "Frau Krebs"
        if not word[:1].isupper() or folded not in self._surnames | self._surnames_first:
            return False
        if not names:
            return False
        if names[0][0] == finding.start:
            # a title before a name ("Pfarrer Müller") is no surname; alone, before a comma
            # or after a salutation it is ("Pfarrer", "Pfarrer, Hans", "Herr Pfarrer")
            title = self._special.grammar.is_title(word)
            before_name = len(names) > 1 and not names[0][2].endswith(",")
            return not (title and before_name and names[0] is tokens[0])
        return folded in self._surnames and len(names) <= 3

    def _first_name_of_full_name(
        self, word: str, folded: str, finding: Finding, names: list[tuple[int, int, str]]
    ) -> bool:
        """The trigger is a whole name word that is a first name (``first_names.txt``) next
        to another capitalised name word: the person's first name ("Iris Wendland",
        "Wendland, Iris") -- not a word of the remark after the name ("Wendland (Iris-Scan)"
        is cut off before, "Meier Iris-Scan" is no first name)."""
        if folded not in self._first_names or not word[:1].isupper() or not 2 <= len(names) <= 3:
            return False
        whole = [t for t in names if t[0] == finding.start and t[2].rstrip(",.") == word]
        return bool(whole) and all(t[2][:1].isupper() for t in names)

    def _names_a_kind(self, word: str, finding: Finding) -> bool:
        """The lone name word is a health or judgement noun as a whole ("Idiot", "Bluter",
        "Herr Choleriker") and no known surname: it says what the person is, not who. (A lone
        adjective without a salutation is found by ``Grammar.is_attribute_word``.)"""
        if finding.category not in _KIND_CATEGORIES or "-" in word:
            return False
        if self._special.grammar.is_adjective(word.rstrip(".")):
            return False  # after a salutation an adjective is a surname ("Frau Fröhlich")
        folded = fold_term(word.rstrip("."))
        return folded not in self._surnames | self._surnames_first | self._surname_remarks

    def _first_offence(self, tokens: list[tuple[int, int, str]]) -> tuple[int, str] | None:
        """Position and rule of the first token that is not part of a name."""
        seen_name = False
        names = 0
        after_comma = 0
        all_lower = all(t[2] == t[2].lower() for t in tokens)
        all_upper = all(t[2] == t[2].upper() for t in tokens)
        last = len(tokens) - 1
        previous: str | None = None  # the name word before
        for index, (start, _end, raw) in enumerate(tokens):
            word = visible(raw)  # zero-width characters, combining marks: as the reader sees it
            if word in {"-", "–", "—", "/", "|", ":", "+"}:
                return start, "name_misuse.separator"
            if word.endswith(","):
                if after_comma:
                    return start, "name_misuse.separator"
                word = word[:-1]
                after_comma = 1
            elif after_comma:
                after_comma += 1
            folded = fold_term(word)
            if _is_number(word):
                return start, "name_misuse.digits"
            if _DIGIT.search(word):  # a typo such as "Meier2": the field validation says so
                seen_name = True
                continue
            if any(c in "()[]{}<>" for c in word):
                return start, "name_misuse.brackets"
            if folded in _AND and index and not after_comma and self._name_next(tokens, index):
                names = 0  # the next person's name follows
                continue  # "Ingrid und Klaus Lehmann", "Herr und Frau Mann"
            if (folded in self._salutations or folded in self._leading) and not seen_name:
                continue
            if not _NAME_WORD.match(word):
                return start, "name_misuse.remark"
            if folded in self._suffixes and seen_name:
                continue
            if folded in self._particles and not (word.isupper() and not all_upper):
                continue  # lower-case parts of a name ("von der"), not "OP" in "Fischer OP"
            if folded in _BIRTH_NAME and seen_name and self._name_follows(tokens, index):
                continue  # "Müller geb. Schmidt": the birth name is part of the name
            if after_comma == 2 and (
                (len(word) > 1 and word.isupper() and not all_upper) or folded in self._parties
            ):
                return start, "name_misuse.remark"  # "Meier, VIP", "Meier, Grüne": no first name
            if self._surname_remark(word, folded, names, index == last):
                seen_name = True
                names += 1
                continue
            if folded.rstrip(".") in self._remarks or (after_comma > 3):
                return start, "name_misuse.remark"
            if seen_name and word[0].islower() and not all_lower:
                return start, "name_misuse.remark"
            if seen_name and self._appended(_as_name(word, all_lower or all_upper), previous):
                return start, "name_misuse.remark"  # "Meier Gips", "Schulz MS"
            seen_name = True
            names += 1
            previous = word
        return None

    def _name_next(self, tokens: list[tuple[int, int, str]], index: int) -> bool:
        """The token after ``index`` is a capitalised name word or a salutation, no remark."""
        if index + 1 >= len(tokens):
            return False
        word = tokens[index + 1][2].rstrip(",")
        folded = fold_term(word)
        if folded in self._salutations:
            return True
        return (
            _NAME_WORD.match(word) is not None
            and word[:1].isupper()
            and folded.rstrip(".") not in self._remarks
        )

    @staticmethod
    def _name_follows(tokens: list[tuple[int, int, str]], index: int) -> bool:
        """The token after ``index`` is the last one and a capitalised name word."""
        if index + 2 != len(tokens):
            return False
        word = tokens[index + 1][2]
        return _NAME_WORD.match(word) is not None and word[:1].isupper() and not word.isupper()

    def _surname_remark(self, word: str, folded: str, names: int, is_last: bool) -> bool:
        """A remark word that is also a surname ("Mann") standing as the name: the first name
        word ("Mann, Thomas", "Herr Vater") or the last of two ("Thomas Mann")."""
        if folded not in self._surname_remarks or not word[:1].isupper():
            return False
        return names == 0 or (names == 1 and is_last)
