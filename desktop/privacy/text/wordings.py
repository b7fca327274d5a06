"""The need-oriented wordings that replace a clause, and what a note already asks for.

The lexicons give one neutral wording per rule (``suggestion =``, notice §1.2.3). A clause may
carry several findings; :func:`clause_wordings` collects their wordings in the person's gender
(see :mod:`desktop.privacy.text.gender`), names a date the clause gives instead of "zu diesem
Zeitpunkt", and leaves out what the rest of the note already asks for ("bitte laut klingeln"
is as good as "Bitte laut und deutlich klingeln"). :func:`join` makes one clause of them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from desktop.privacy.text.gender import Gender, inflect
from desktop.privacy.text.model import Finding

_DAY = r"(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag|Wochenende)"
_DATE = r"\d{1,2}\.\s?\d{1,2}\.?(?:\d{2,4})?"
# A time in a clause ("am Samstag", "bis 12.6.", "diese Woche") that dates an absence.
_TIME = re.compile(
    rf"\b(?:(?:am|bis|von|vom|seit)\s+(?:(?:dem|den)\s+)?"
    rf"(?:{_DATE}|{_DAY}(?:vormittag|nachmittag|abend)?(?:\s+bis\s+\S+)?)"
    r"|morgen|übermorgen|heute|nächste Woche|diese Woche)(?!\w)"
)
# What a note already asks for when it holds one of these (folded: lower case, umlauts kept).
_EQUIVALENTS: list[tuple[str, re.Pattern[str]]] = [
    (
        "laut und deutlich klingeln",
        re.compile(
            r"(laut|deutlich|lange|kräftig|sturm|mehrfach|mehrmals)\w*\s+(\w+\s+){0,3}?"
            r"(klingel|läut|klopf|anläut)|(klingel|läut|klopf)\w*\s+(\w+\s+){0,3}?"
            r"(laut|deutlich|lange|kräftig|mehrfach|mehrmals)"
        ),
    ),
    (
        "um die tür zu öffnen",
        re.compile(
            r"(länger|zeit|geduld|dauer)\D{0,40}(tür|öffn)|tür\D{0,40}(länger|zeit|dauer)"
            r"|länger (\w+ )?(klingeln|läuten|warten)|geduld"
        ),
    ),
    ("etwas mehr zeit", re.compile(r"(mehr|etwas|genug|viel|ausreichend) zeit|geduld|länger")),
    (
        "termin telefonisch abstimmen",
        re.compile(
            r"termin\D{0,40}(telefon|anruf|abstimm|absprech|absprache|vereinbar)"
            r"|(anruf|telefon)\D{0,40}termin|vorher anruf|vorab anruf"
        ),
    ),
    (
        "unterlagen telefonisch erläutern",
        re.compile(r"(unterlagen|dokumente|formular)\D{0,40}(erklär|erläuter|vorles)|vorlesen"),
    ),
    (
        "fragen kurz und klar stellen",
        re.compile(
            r"(kurz|klar|langsam|einfach|deutlich)\w*\s+(\w+\s+){0,3}?(frag|sprech|reden|erklär)"
        ),
    ),
    (
        "nicht erreichbar",
        re.compile(
            r"nicht erreichbar|nicht (zu hause|zuhause|daheim|anwesend)|abwesend"
            r"|wieder (zu hause|zuhause|da|erreichbar|zurück)|zurück (am|ab)|erst (ab|nach)"
        ),
    ),
    ("terminwunsch", re.compile(r"terminwunsch|wunschtermin")),
    (
        "kurzfristig mit",
        re.compile(r"termin\D{0,40}(kurzfristig|abstimm|absprech|absprache|bald|zeitnah|dringend)"),
    ),
]


def asked_already(suggestion: str, rest: str) -> bool:
    """True if ``rest`` (the text without the clause) already asks for ``suggestion``."""
    folded_suggestion, folded_rest = suggestion.casefold(), rest.casefold()
    if folded_suggestion in folded_rest:
        return True
    for key, pattern in _EQUIVALENTS:
        if key in folded_suggestion:
            return pattern.search(folded_rest) is not None
    return False


_MAX_WORDINGS = 2  # one clause names at most two needs


def clause_wordings(
    text: str,
    clause: tuple[int, int],
    findings: Iterable[Finding],
    gender: Gender | None,
    rest: str,
) -> list[str]:
    """The neutral wordings of the findings in ``text[clause[0]:clause[1]]``, in order and
    in the form for ``gender``: without repeats, without one that ``rest`` (the text without
    the clause) already asks for, at most two."""
    start, end = clause
    out: list[str] = []
    for finding in findings:
        if not (finding.start < end and start < finding.end) or not finding.suggestion:
            continue
        wording = inflect(finding.suggestion, gender)
        when = _TIME.search(text, start, end)
        if when is not None and (
            text[max(0, when.start() - 5) : when.start()].casefold() == "erst "
            or text[when.end() : when.end() + 7].casefold().startswith(" wieder")
        ):
            when = None  # "erst ab dem 20.5. wieder da" names the end of the absence
        if when is not None and "zu diesem Zeitpunkt" in wording:
            phrase = when.group()
            if phrase[-1].isdigit() and text[when.end() : when.end() + 1] == ".":
                phrase += "."  # "bis 12.6." at the end of the sentence
            wording = wording.replace("zu diesem Zeitpunkt", phrase)
        if wording not in out and not asked_already(wording, " ".join([rest, *out])):
            out.append(wording)
    return out[:_MAX_WORDINGS]


def join(wordings: list[str], *, capital: bool) -> str:
    """Several wordings as one clause: "Bitte laut ... klingeln, bitte Unterlagen ..."."""
    parts = [_lower_request(w) for w in wordings]
    joined = ", ".join(parts)
    return joined[:1].upper() + joined[1:] if capital else joined


def _lower_request(wording: str) -> str:
    """ "Bitte ..." inside a sentence is written small; nouns keep their capital."""
    return "bitte" + wording[5:] if wording.startswith("Bitte ") else wording
