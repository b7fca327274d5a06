"""A partner named by a first name: of the person's own gender, it tells their sex life.

"Lebenspartner Jonas holt das Auto, Kd. Herr Maier ist verreist": the partner's gender comes
from the first name (``first_name_genders.txt``, the Berlin first-name statistics), the
person's from the nearest other reference to a person (:func:`gender.references`: "Herr",
"Kundin", "sie hat"). "Kd." says no gender: a note about "Kd." alone names no person of a
known gender, and a partner of it is no finding -- unless a possessive before the partner says
whose partner it is ("Kd. kommt mit seinem Lebensgefährten Jonas": "sein" is a man's). A
partner may also be named by a noun of one gender ("Kd. lebt mit Ehemann", "datet einen Mann",
"Partner (m)"); after such a noun only a noun names the person, as a pronoun after it may
point to the partner ("Kd. kommt mit Ehemann, er hat den Schlüssel"). A name or noun of no
clear gender, or a person of no known gender, is no finding.
"""

from __future__ import annotations

import re
from pathlib import Path

from desktop.privacy.text.gender import Gender, references
from desktop.privacy.text.lexicon import SEPARATOR

_SEX: dict[str, Gender] = {"m": "male", "w": "female"}
_NEAR = 300
# Partner nouns of one gender (the form after "mit"/"einen" included), and "(m)"/"(w)"
_PARTNER_NOUNS: dict[str, Gender] = {
    **dict.fromkeys(
        (
            "mann",
            "ehemann",
            "lebensgefährte",
            "lebensgefährten",
            "lebensgefaehrte",
            "lebensgefaehrten",
            "lebenspartner",
            "ehegatte",
            "ehegatten",
            "gatte",
            "gatten",
            "typen",
            "freund",
            "m",
        ),
        "male",
    ),
    **dict.fromkeys(
        (
            "frau",
            "ehefrau",
            "lebensgefährtin",
            "lebensgefaehrtin",
            "lebenspartnerin",
            "ehegattin",
            "gattin",
            "partnerin",
            "freundin",
            "w",
        ),
        "female",
    ),
}
# A partner named by a salutation and a surname: "Lebensgefährte Herr Schulz"
_SALUTATIONS: dict[str, Gender] = {
    "herr": "male",
    "herrn": "male",
    "hr": "male",
    "frau": "female",
    "fr": "female",
}
# The possessives of a man and of a woman
_HIS = "sein|seine|seinem|seinen|seiner"
_HER = "ihr|ihre|ihrem|ihren|ihrer"
# A word after a possessive names someone's relative, not the person ("von seiner Frau
# getrennt, lebt jetzt mit einem Mann": the man's partner is the customer, not "Frau")
_RELATIVE = re.compile(rf"(?i)(?<!\w)(?:{_HIS}|{_HER})\s+$")
# A possessive right before the partner says whose partner it is: "sein" a man's, "ihr" a
# woman's (or of several people: only in the singular forms that stand before a noun)
_POSSESSIVE = re.compile(
    rf"(?i)(?<!\w)(?:(?P<m>{_HIS})|(?P<f>{_HER}))"
    r"\s+(?:\w+(?:e|en|em|er)\s+)?\S+\s*$"
)


def _load(path: Path) -> dict[str, Gender]:
    genders: dict[str, Gender] = {}
    for line in path.read_text("utf-8").splitlines():
        if line and not line.startswith("#"):
            name, sex = line.split()
            genders[name.casefold()] = _SEX[sex]
    return genders


class PartnerNames:
    """First names with their gender; the same-gender test of a named partner."""

    def __init__(self, root: Path) -> None:
        self._genders = _load(root / "first_name_genders.txt")

    def _name_gender(self, text: str, start: int, end: int) -> str | None:
        """The gender of the capitalised first name that ends ``text[start:end]``, if known."""
        name = text[start:end].split()[-1]
        return self._genders.get(name.casefold()) if name[:1].isupper() else None

    def same_gender(self, text: str, start: int, end: int) -> bool:
        """``text[start:end]`` ends with a partner's first name or a partner noun of the
        gender of the person the note is about: the possessive before the partner, else the
        nearest reference outside the span, earlier ones first."""
        end = _before_state(text, start, end)
        named = text[start:end].rstrip(") ").split()
        noun = named[-1].lstrip("(").casefold()
        partner = (
            _PARTNER_NOUNS.get(noun)
            or self._name_gender(text, start, end)
            or (_SALUTATIONS.get(named[-2].rstrip(".").casefold()) if len(named) > 1 else None)
        )
        if partner is None:
            return False
        owner = _POSSESSIVE.search(text, start, end)
        if owner is not None:
            return ("male" if owner.group("m") else "female") == partner
        piece_start, piece_end = _piece(text, start, end)
        offset = max(piece_start, start - _NEAR)
        ahead = text[offset:start]
        before = [g for p, g in references(ahead) if not _RELATIVE.search(ahead, 0, p)]
        behind = text[end : min(end + _NEAR, piece_end)]
        pronouns = noun not in _PARTNER_NOUNS
        after = [
            g
            for p, g in references(behind, pronouns=pronouns)
            if not _RELATIVE.search(behind, 0, p)
        ]
        person = before[-1] if before else after[0] if after else None
        return person == partner

    def changed_gender(self, text: str, start: int, end: int) -> bool:
        """``text[start:end]`` ends with a first name that a name change gives the person
        ("heißt jetzt Lena", "früher Lars"), the sentence speaks of a name ("heißt", "Vorname",
        "Anrede"), and the person's other name ("früher Lars", "noch Stefan") or the word that
        names the person nearest before it ("Kundin heißt jetzt Jonas") is of the other
        gender: a change of gender. "Kd." says no gender, and a son named later in the
        sentence is someone else ("Kundin heißt jetzt Lena Becker, Sohn Thomas holt ab")."""
        gender = self._name_gender(text, start, end)
        if gender is None:
            return False
        piece_start, piece_end = _piece(text, start, end)
        sentence = text[piece_start:piece_end]
        if not _NAMING.search(sentence):
            return False  # "Ansprechpartner früher Anna, jetzt Herr Weber": no one renamed
        for other in _OTHER_NAME.findall(sentence):
            if self._genders.get(other.casefold(), gender) != gender:
                return True
        found = references(sentence)
        offset = start - piece_start
        before = [g for p, g in found if p < offset]
        after = [g for p, g in found if p >= end - piece_start]
        person = before[-1] if before else after[0] if after else None
        return person is not None and person != gender


# A sentence about a name: naming verbs, the name itself, how to address the person
_NAMING = re.compile(
    r"(?i)(?<!\w)(?:hei(?:ß|ss)t|hie(?:ß|ss)|nennt|name|namen|vorname|vornamen|anrede|ansprechen"
    r"|angesprochen|pronomen)(?!\w)"
)
# The person's other name in a name change: "früher Lars", "hieß Ayşe", "im Vertrag noch Stefan"
_OTHER_NAME = re.compile(
    r"(?<!\w)(?i:früher|frueher|vorher|hieß|hiess|ehemals|vormals|bisher|noch|alter vorname:?"
    r"|alter name:?|jetzt|neuer vorname:?|neuer name:?)\s+([A-ZÄÖÜ]\w+)(?![\w-])"
)


# The state a couple is in, after the partner: "mit Thomas verheiratet", "mit Jana zusammen"
_STATE = re.compile(r"(?i)\s+(?:verheiratet|verlobt|verpartnert|liiert|zusammen)$")


def _before_state(text: str, start: int, end: int) -> int:
    """The end of ``text[start:end]`` without a couple's state after the partner's name:
    the partner is the word before it ("mit Thomas verheiratet" names Thomas)."""
    state = _STATE.search(text, start, end)
    return state.start() if state is not None and state.start() > start else end


def _piece(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the hit's own piece of a batch: the answer must not depend on which other
    sentences were checked in the same call (see lexicon.SEPARATOR)."""
    piece_end = text.find(SEPARATOR, end)
    return text.rfind(SEPARATOR, 0, start) + 1, len(text) if piece_end < 0 else piece_end
