"""Who or what a lexicon hit is said of: a person's attribute, or a place, thing or job.

German tells these apart by grammar, and so does this module (data: ``grammar.toml``):

* **Compound head.** The last part of a compound decides its meaning: a trigger followed by a
  place or thing head is no attribute of a person ("Gehörlosen|schule", "Blinden|ampel",
  "Bi-Xenon-|Scheinwerfer"); a person head keeps it ("MS-|Patientin"); an institution head
  ("Dialyse|zentrum", "Marien|hospital") makes the word a place, read as below. Words are
  lemmatised with simplemma first, so plural and case forms share the singular's head.
* **Place frame** (``frame = place``): an institution is a stay only when it is not preceded by
  a preposition of place ("vor dem Krankenhaus"), is not the genitive of a place, job or thing
  ("Parkhaus der Uniklinik", "Hausmeister der Klinik"; a resident stays: "Patient der
  Klinik"), the clause holds no job frame ("arbeitet dort als", "ist Ärztin in der Dialyse"),
  and a person or a preposition of stay goes with it ("Kd. liegt im Klinikum").
* **Subject frame** (``frame = subject``): the word must not be said of a thing -- the first
  noun of its clause outside a prepositional phrase ("Kalibriergerät heute zickig") -- while an
  implicit subject (the customer) is fine ("sehr zickig am Telefon").
* **Person frame** (``frame = person``): as the subject frame, and the clause must name a
  person ("Kd.", "Frau X", "er", "der is ..."): "Herkunft der Scheibe" and "Motor stottert" are
  no finding, "Kunde stottert" is. In the name field the name is that person.
* **Activity frame** (``frame = activity``): a phrase of going to or being at a venue is no
  finding when it names a job there ("ist Hausmeister in der Synagoge").
* **Partner frame** (``frame = partner``): a life partner named by a first name is a finding
  only when the name is of the person's own gender ("Lebenspartner Jonas" of "Herr Maier"; see
  :mod:`partners`).
* **Name-change frame** (``frame = name_change``): a first name given by a name change
  ("heißt jetzt Lena", "früher Lars") is a finding only when the person's other name or the
  word naming them is of the other gender (see :mod:`partners`).
* **Event frame** (``frame = event``): as the subject frame, and the person is not there for
  work or not at all: a job or duty word, a role after "als" or a profession right before the
  place ("hatte Dienst bei der Kundgebung", "ist Dolmetscher beim BAMF"), a negator ("war
  nicht auf der Demo") or another subject after an event that opens the clause ("Bei der
  Kundgebung hat jemand ...") drop the word.
* **Name-field frame** (``frame = name_field``): words that say something of a person only
  as a remark after a name ("Scholz (Ortsbeirat, Linke)", "Frau Öztürk türkisch").
* **Thing frame** (``frame = thing``): only a thing as the subject drops the word -- a car
  cannot be at the doctor's ("Auto stand beim Arzt auf dem Parkplatz"), while a person or
  another noun keeps it ("Termin beim Arzt").
* A framed **noun** ("Krebs", "Herkunft", "Spinner") has no subject to check: it is said of
  whoever its clause names, and a noun right after another noun is a name ("Versicherungsbüro
  Christ"). A framed **adjective** before a noun that is no person describes that noun
  ("blinde Zone", "herzliche Grüße"); origin and belief adjectives do so in every section
  ("Schweizer Konto"), unless the noun carries the attribute to a person ("kurdischer
  Herkunft").

Around these: a verb of saying opens the clause of what is said ("Kd. meint, die Kamera ist
blind"); a title before a name is that person ("Pastor Meier"); a noun before "vom" owns the
place ("Cafeteria vom Krankenhaus") and an organisation named by whom it serves ("Verein für
Körperbehinderte") is no one's attribute; a later clause that points back to a job ("arbeitet
dort") makes a workplace; a person noun before a car make names the car ("Patient (Golf
VII)"); a participle with "werden" is a process ("wird durch Spiegelung behindert"); a
one-typo match that is a dictionary word is no typo.

A health attribute or judgement said of an animal (``animals.txt``, found in the lexicon scan)
is no one's data: the animal is the subject of the clause and no person stands beside it but
its owner in a genitive ("Hund des Kunden ist zuckerkrank", "ihr Pferd lahmt" -- not "Kunde ist
mit seinem Hund beim Tierarzt", "Kundin und ihr Hund sind zuckerkrank").

A pronoun that opens a clause points back within its sentence: "er"/"sie"/"es" to the subject
of the clause before, "der"/"die"/"das" to its last noun, agreeing in gender with the noun's
article; an animal or a thing found so takes the attribute ("Der Hund ist alt, er hinkt",
"Die Scheibe ist alt, sie ist blind" -- not "Kunde hat einen Hund, er ist blind").

A denied health attribute is none ("ist nicht krank", "war nicht beim Arzt") unless a modal
or an ability makes the negation the finding ("kann nicht laufen", "nicht mobil"); a
lower-case noun after an article can be the thing a clause is about ("der wischer is
behindert"); a person named by the goods of their trade is no one's attribute ("Außendienstler
für Hörgeräte"); in the name field, a single adjective or participle (its lemma is lower case)
or an "-iker" noun says what a person is and is no surname ("Schwerhörig", "Diabetiker").

simplemma (MIT, ~19 MB, its German table loads in about a second) is imported when the engine
is built -- on the app's start-up worker (``desktop.app._preimport``), never on the GUI thread.
"""

from __future__ import annotations

import re
import threading
import tomllib
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from desktop.privacy.text.identifiers import first_names
from desktop.privacy.text.lexicon import parse_file
from desktop.privacy.text.normalize import fold_term
from desktop.privacy.text.partners import PartnerNames
from desktop.privacy.text.trie import trie_pattern

if TYPE_CHECKING:
    from desktop.privacy.text.lexicon import Hit
    from desktop.privacy.text.normalize import Normalized

# A full stop before a capital ends a clause -- not after the abbreviation of a person or a
# preposition ("Kd. Müller ist blind", "Lt. Kundin ist die Kamera blind").
_ABBREVIATIONS = ("kd", "kdn", "hr", "fr", "lt", "dr", "prof", "fam", "sen", "jun", "vn")
_BOUNDARY = re.compile(
    # an emoji or pictograph ends a clause as a punctuation mark does ("zuckersüß 😊 Termin")
    r"[,;:!?()\[\]\x00\n–—\u2600-\u27bf\U0001f300-\U0001faff]| - |\."
    + "".join(rf"(?<!(?<!\w)(?i:{a})\.)" for a in _ABBREVIATIONS)
    + r"(?=\s+[A-ZÄÖÜ])"
)
_TOKEN = re.compile(r"\w+(?:['’-]\w+)*\.?")
_ARTICLES = frozenset(
    ("der", "die", "das", "dem", "den", "des", "ein", "eine", "einer", "einem", "einen", "eines")
)
# Between a person noun and the car it names ("Patient ist ein Audi", "Patient heute: Golf")
_VEHICLE_FILLERS = _ARTICLES | frozenset(("ist", "war", "heute", "unser", "unsere", "hier", "nr"))
# An organisation named by its clientele: "Verein für Körperbehinderte", "Zentralrat der Juden"
_CLIENTELE = re.compile(r"(?<!\w)(\w+)\s+(für|fuer|der|von)\s+(?:die\s+|den\s+)?$")
# "haben" and "sein" as the two rules of a word said of a thing read them (one source for
# both): "Fahrzeug ist ein echter Pflegefall", "Scheibe hat Migräne"
_HAVE_OR_BE_CORE = frozenset(("hat", "hatte", "ist", "war", "is"))
# a noun's predicate (folded words; with becoming and staying and the spoken "hot"/"hod":
# "Wagen hat Herzrhythmusstörungen" is said of the car)
_COPULAS = _HAVE_OR_BE_CORE | frozenset(("wird", "bleibt", "was", "hot", "hod"))
# right before a frameless word (lower-case words, umlauts as typed: "hätte", "haette")
_HAVE_OR_BE = _HAVE_OR_BE_CORE | frozenset(("hätte", "haette"))
# Someone unnamed as the subject: "Bei der Kundgebung hat jemand einen Stein geworfen"
_SPOKEN_ARTICLES = frozenset(("nen", "ne", "nem", "'nen", "’nen", "n"))
# a word in "-en" after the hit (on the folded text): a verb in the plural may follow
_PLURAL_NEXT = re.compile(r" [a-z]+en(?!\w)")
_INDEFINITE_BEFORE = (" ein ", " eine ", " ne ", " 'ne ")
_QUOTES = ("'", '"', "„", "“", "”", "‚", "‘", "’", "«", "»")
# "wie ein" (and an adjective) right before a word: a comparison ("läuft wie ein Asthmatiker")
_SIMILE = re.compile(r"(?<!\w)wie (?:ein|eine|einer|einem|einen)(?: [a-zäöüß]+)? $")
_INDEFINITE = frozenset(("jemand", "man", "unbekannte", "unbekannter", "niemand", "einer"))
_VEHICLE_GAP = re.compile(r"[\s(:\-–]*")
_SENTENCE_END = re.compile(
    r"\x00|[!?\n](?=\s|$)|\."
    + "".join(rf"(?<!(?<!\w)(?i:{a})\.)" for a in _ABBREVIATIONS)
    + r"(?=\s|$)"
)


# A participle: "ge" after at most a separable prefix, ending in -t or -en ("gezahlt",
# "aufgebrochen", "angerufen")
_PARTICIPLE = re.compile(r"\w{0,5}ge\w{2,}(?:t|en)$")


def _fold(word: str) -> str:
    """Lower case with umlauts spelled out: :func:`fold_term` for the plain words of a clause
    at a fraction of its cost (the word lists are folded with ``fold_term``). An ASCII word
    has no umlaut; four replacements cost a third of ``str.translate`` with a dict (whose
    outputs hold none of the four letters, so the order does not matter)."""
    lower = word.lower()
    if lower.isascii():
        return lower
    return lower.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")


class _Lemmatizer(Protocol):
    def __call__(self, word: str) -> str: ...


def _load_lemmatizer() -> _Lemmatizer:
    """simplemma's German lemmatiser (greedy: also folds the head of unknown compounds)."""
    import simplemma  # documented lazy heavy import: loaded with the engine, on the worker

    def lemma(word: str) -> str:
        return str(simplemma.lemmatize(word, lang="de", greedy=True))

    lemma("Häuser")  # decompress the German table now, not on the first keystroke
    return lemma


def _load_dictionary() -> Callable[[str], bool]:
    """Whether simplemma's German dictionary knows a word (a typo is no dictionary word)."""
    import simplemma  # documented lazy heavy import: loaded with the engine, on the worker

    def known(word: str) -> bool:
        return bool(simplemma.is_known(word, lang="de"))

    return known


def _fold_all(words: Iterable[str]) -> frozenset[str]:
    return frozenset(fold_term(w) for w in words)


class Grammar:
    """The frame checks of ``grammar.toml`` (see the module docstring)."""

    def __init__(self, root: Path) -> None:
        with (root / "grammar.toml").open("rb") as fh:
            data = tomllib.load(fh)
        heads = data["heads"]
        self._heads: list[tuple[str, str]] = sorted(
            ((fold_term(w), kind) for kind in heads for w in heads[kind]),
            key=lambda item: -len(item[0]),
        )
        # head -> kind (the first listed wins), tried longest first by the word's own ending
        self._head_kinds: dict[str, str] = {}
        for head, kind in self._heads:
            self._head_kinds.setdefault(head, kind)
        self._head_lengths = sorted({len(h) for h in self._head_kinds}, reverse=True)
        self._person = _fold_all(data["person"]["words"])
        # the person words of 5+ letters that end a compound ("Stammkunde"), by their last
        # three letters: one dict look-up finds the few a word can end with
        tails: dict[str, list[str]] = {}
        for word in sorted(w for w in self._person if len(w) >= 5):
            tails.setdefault(word[-3:], []).append(word)
        self._person_heads = {tail: tuple(words) for tail, words in tails.items()}
        self._keeper_fronts = tuple(_fold_all(data["person"].get("keeper_fronts", [])))
        self._pronoun_articles = _fold_all(data["person"]["pronoun_articles"])
        # lower, capitalised and upper case spelled out: an alternation of literals is scanned
        # much faster than a case-insensitive one
        words = data["clause"]["openers"] + data["clause"]["saying"]
        forms = {f for w in words for f in (w, w.capitalize(), w.upper())}
        openers = trie_pattern(forms)
        # "da" after a preposition is the spoken article "der" ("in da Reha", "mit da Hüft"),
        # no conjunction: checked behind the matched opener, so only where one matched
        article = "".join(rf"(?<!\b{p} da)" for p in data["clause"].get("article_da_after", []))
        self._boundary = re.compile(_BOUNDARY.pattern + rf"|(?<!\w)(?:{openers})(?!\w){article}")
        # The last boundary before a position, found from the end (see _clause)
        self._last_boundary = re.compile(rf"(?s:.*)({self._boundary.pattern})")
        self._function = _fold_all(data["clause"]["function_words"])
        self._preps = _fold_all(data["clause"]["prepositions"])
        self._place_preps = _fold_all(data["place"]["prepositions"])
        self._stay_preps = _fold_all(data["place"]["stay"])
        self._job_words = _fold_all(data["job"]["words"])
        self._job_head_categories = frozenset(data["job"]["head_categories"])
        self._visit_words = _fold_all(data["job"]["visit"])
        self._visit_reveals = frozenset(data["job"]["visit_reveals"])
        self._duty_words = _fold_all(data["job"]["duty"])
        self._event_roles = _fold_all(data["job"]["event_roles"])
        self._attributive = frozenset(data["attributive"]["categories"])
        self._carriers = _fold_all(data["attributive"]["carriers"])
        self._surname_categories = frozenset(
            data["attributive"].get("surname_categories", ["judgement"])
        )
        self._titles = _fold_all(data["attributive"]["titles"])
        self._genitive = _fold_all(data["place"]["genitive"])
        rites = data.get("rites", {})
        self._rites = _fold_all(rites.get("words", []))
        self._rite_categories = frozenset(rites.get("categories", []))
        self._indefinite_articles = _fold_all(rites.get("indefinite_articles", []))
        self._directions = _fold_all(data["place"]["directions"])
        self._temporal = _fold_all(data["place"].get("temporal", []))
        self._has = _fold_all(data["place"].get("article_an_after", []))
        self._simile_categories = frozenset(data["clause"].get("simile_categories", []))
        self._diagnoses = _fold_all(data["attributive"].get("diagnoses", []))
        self._treatments = _fold_all(data["place"].get("treatments", []))
        self._time_nouns = _fold_all(data["place"].get("time_nouns", []))
        self._residents = tuple(_fold_all(data["place"]["residents"]))
        self._back_refs = _fold_all(data["job"]["back_references"])
        self._vehicles = _fold_all(data["vehicle"]["words"])
        self._parking = _fold_all(data["vehicle"].get("parking", []))
        # nouns of a job's record: a capitalised word right after one is a surname
        self.record_nouns = _fold_all(data.get("surname", {}).get("records", []))
        # words that name a name ("namens", "Nachname:") and verbs of naming ("heißt")
        self.naming_words = _fold_all(data.get("surname", {}).get("naming", []))
        self.naming_verbs = _fold_all(data.get("surname", {}).get("naming_verbs", []))
        adjective = data.get("adjective_heads", {})
        # health adjectives that head a compound ("halb|blind"), longest first, folded
        self.adjective_heads = tuple(
            sorted((fold_term(w) for w in adjective.get("words", [])), key=len, reverse=True)
        )
        self.not_adjective_compounds = frozenset(
            fold_term(w) for w in adjective.get("not_compounds", [])
        )
        self.not_adjective_endings = tuple(fold_term(w) for w in adjective.get("not_endings", []))
        self._car_patients = _fold_all(data["vehicle"]["patients"])
        self._auxiliaries = _fold_all(data["passive"]["auxiliaries"])
        self._participles = _fold_all(data["passive"]["participles"])
        self._participle_stems = frozenset(p.rstrip("ensr") for p in self._participles)
        self._job_verbs = _fold_all(data["job"]["verbs"])
        self._task_verbs = _fold_all(data["job"].get("task_verbs", []))
        self._functions = tuple(_fold_all(data["job"].get("functions", [])))
        self._not_profession = _fold_all(data["job"]["not_profession"])
        negation = data["negation"]
        self._negation_categories = frozenset(negation["categories"])
        self._negators = _fold_all(negation["negators"])
        # the negators that contain no other: a window without them holds no negator
        self._negator_stems = tuple(
            w for w in self._negators if not any(o != w and o in w for o in self._negators)
        )
        self._negation_memo: tuple[str | None, bool] = (None, False)
        self._quote_memo: tuple[str | None, bool] = (None, False)
        self._simile_memo: tuple[str | None, bool] = (None, False)
        self._negation_fillers = _fold_all(negation["fillers"])
        self._negation_keepers = _fold_all(negation["abilities"] + negation["modals"])
        self._trades = tuple(_fold_all(data["trade"]["words"]))
        self._trade_verbs = _fold_all(data["trade"]["verbs"])
        verbs = {f for w in data["trade"]["verbs"] for f in (w, w.capitalize())}
        service = data["trade"].get("service_verbs", [])
        self._service_verbs = _fold_all(service)
        served = {f for w in service for f in (w, w.capitalize())}
        self._service_verb_search = re.compile(rf"(?<!\w)(?:{trie_pattern(served)})(?!\w)").search
        self._trade_verb_search = re.compile(rf"(?<!\w)(?:{trie_pattern(verbs)})(?!\w)").search
        self._agent_suffixes = tuple(_fold_all(data["name_field"]["attribute_suffixes"]))
        animal = data["animal"]
        self._animal_categories = frozenset(animal["categories"])
        self._possessives = _fold_all(animal["possessives"])
        self._owners = _fold_all(animal["owners"])
        self._institution_heads = tuple(_fold_all(heads["institution"]))
        self._memberships = tuple(_fold_all(data.get("membership", {}).get("heads", [])))
        self._animal_fronts = tuple(_fold_all(animal.get("institution_fronts", [])))
        owner = data.get("owner", {})
        self._owner_categories = frozenset(owner.get("categories", []))
        self._owner_verbs = _fold_all(owner.get("verbs", []))
        self._owner_events = tuple(_fold_all(owner.get("events", [])))
        event = data.get("event", {})
        self._circumstances = _fold_all(event.get("circumstances", []))
        self._causes = _fold_all(event.get("causes", []))
        self._hindrances = tuple(_fold_all(event.get("hindrances", [])))
        self._offices = tuple(_fold_all(owner.get("offices", [])))
        self._employer_categories = frozenset(owner.get("employer_categories", []))
        pretence = data.get("pretence", {})
        self._pretence_categories = frozenset(pretence.get("categories", []))
        self._pretence_verbs = _fold_all(pretence.get("verbs", []))
        figurative = data.get("figurative", {})
        self._figurative_categories = frozenset(figurative.get("categories", []))
        self._senses = _fold_all(figurative.get("senses", []))
        self._sense_complements = _fold_all(figurative.get("complements", []))
        self._colours = _fold_all(figurative.get("colours", []))
        self._attitudes = _fold_all(figurative.get("attitudes", []))
        self._attitude_complements = _fold_all(figurative.get("attitude_complements", []))
        self._hopes = _fold_all(figurative.get("hopes", []))
        self._worries = _fold_all(figurative.get("worries", []))
        self._states = _fold_all(figurative.get("states", []))
        self._enthusiasts = _fold_all(figurative.get("enthusiasts", []))
        self._enthusiast_complements = _fold_all(figurative.get("enthusiast_complements", []))
        self._affairs = _fold_all(figurative.get("affairs", []))
        self._emotions = _fold_all(figurative.get("emotions", []))
        # every last word of a hit that the valence may make figurative (a cheap pre-test)
        self._figurative_words = (
            self._senses
            | self._worries
            | self._attitudes
            | self._hopes
            | self._states
            | self._enthusiasts
            | self._affairs
        )
        self._worry_links = _fold_all(figurative.get("worry_links", []))
        self._worry_causes = _fold_all(figurative.get("worry_causes", []))
        self._matters = tuple(_fold_all(figurative.get("matters", [])))
        process = data.get("process", {})
        self._process_heads = tuple(_fold_all(process.get("heads", [])))
        self._generic_categories = frozenset(process.get("generic_categories", []))
        feature = data.get("feature", {})
        self._feature_genitives = _fold_all(feature.get("genitives", []))
        self._feature_located = _fold_all(feature.get("located", []))
        self._located_categories = frozenset(feature.get("located_categories", []))
        self._feature_links = tuple(  # " des ", " im ", ...: a cheap pre-test on the text
            f" {w} " for w in (*feature.get("genitives", []), *feature.get("located", []))
        )
        self._work_verbs = _fold_all(data["job"].get("work_verbs", []))
        self._label_nouns = tuple(_fold_all(data.get("label", {}).get("nouns", [])))
        self._thing_subject_categories = frozenset(
            data.get("thing_subject", {}).get("categories", [])
        )
        # surnames that are also trigger words ("Krebs", "Christ", "Türk"; names.txt)
        surname_lists = ("surname_exceptions", "surname_exceptions_first", "frequent_surnames")
        self._trigger_surnames = frozenset(
            fold_term(entry)
            for rule, entry in parse_file(root / "names.txt")
            if rule.rule_id in surname_lists
        )
        reference = data["reference"]
        self._personal: dict[str, str] = reference["personal"]
        self._demonstrative: dict[str, str] = reference["demonstrative"]
        self._pronouns = frozenset(self._personal) | frozenset(self._demonstrative)
        self._determiner_genders: dict[str, str] = {}
        for gender, key in (("m", "masculine"), ("f", "feminine"), ("n", "neuter")):
            for word in reference[key]:
                self._determiner_genders[word] = self._determiner_genders.get(word, "") + gender
        self._continuing_categories = frozenset(reference.get("continuing_categories", []))
        self._continuing_verbs = _fold_all(reference.get("continuing_verbs", []))
        manner = data["manner"]
        self._manner_categories = frozenset(manner["categories"])
        self._shared_subject = frozenset(manner.get("shared_subject_categories", []))
        self._coordinators = _fold_all(manner.get("coordinators", []))
        self._copulas = _fold_all(manner["copulas"])
        self._perfect = _fold_all(manner["perfect"])
        self._copula_participles = _fold_all(manner["copula_participles"])
        self._requests = _fold_all(manner["requests"])
        self._thing_pronouns = _fold_all(manner["thing_pronouns"])
        self.symptom_rules = frozenset(manner["symptoms"])
        self._behaviour = _fold_all(manner["behaviour"])
        self._partners = PartnerNames(root)
        self._first_names = first_names(root)
        self._lemma = _load_lemmatizer()
        self._known = _load_dictionary()
        self._heads_cache: dict[str, tuple[str, int] | None] = {}
        self._lock = threading.Lock()

    def clear_cache(self) -> None:
        """Forget the heads of words seen so far (benchmarks measure the uncached cost)."""
        with self._lock:
            self._heads_cache.clear()

    # -- words -------------------------------------------------------------------------------

    def head(self, word: str) -> tuple[str, int] | None:
        """``(kind, start)`` of the compound head of ``word`` (kind ``place``, ``object``,
        ``job``, ``institution`` or ``person``; ``start`` its offset in the folded word), or
        ``None``."""
        found = self._heads_cache.get(word, False)
        if found is not False:
            return found  # type: ignore[return-value]
        result = self._find_head(word)
        with self._lock:
            if len(self._heads_cache) > 4096:
                self._heads_cache.clear()
            self._heads_cache[word] = result
        return result

    def _find_head(self, word: str) -> tuple[str, int] | None:
        if "-" in word:  # "Bi-Xenon-Scheinwerfer": the last part is the head
            offset = word.rindex("-") + 1
            if offset == len(word):
                return None
            kind = self._classify(fold_term(self._lemma(word[offset:])))
            return None if kind is None else (kind[0], len(fold_term(word[:offset])))
        folded = fold_term(self._lemma(word))
        kind = self._classify(folded)
        if kind is None:
            surface = fold_term(word)
            if len(folded) + 3 <= len(surface):  # the lemma lost the last part ("Pilgerstau")
                folded, kind = surface, self._classify(surface)
        return None if kind is None else (kind[0], len(folded) - kind[1])

    def _classify(self, folded: str) -> tuple[str, int] | None:
        """Kind and length of the longest head list word that ``folded`` is or ends with."""
        kinds = self._head_kinds
        for length in self._head_lengths:
            kind = kinds.get(folded[-length:]) if length <= len(folded) else None
            if kind is not None:
                return kind, length
        return None

    def is_attribute_word(self, word: str) -> bool:
        """A word that says what a person is rather than naming one: an adjective or
        participle (its lemma is written in lower case: "Schwerhörig", "Gelähmt") or a noun
        formed with a suffix that names a person by a condition or belief ("Diabetiker",
        "Epileptikerin", "Autistin")."""
        word = word.rstrip(".")
        if self.is_adjective(word):
            return True
        return _fold(word).endswith(self._agent_suffixes)

    def is_person_word(self, word: str) -> bool:
        """A noun of a person ("Kunde", "Ehefrau", "Kd.")."""
        return self._is_person(word)

    def is_adjective(self, word: str) -> bool:
        """A known word whose lemma is written in lower case (an adjective or participle); a
        capitalised adjective the lemmatiser keeps as it is ("Gierig") is its own lemma in
        lower case ("gierig"), unlike a noun ("Zicke": "zicken")."""
        if self._lemma(word)[:1].islower() and self._known(word):
            return True
        lower = word.lower()
        return lower != word and self._lemma(lower) == lower and self._known(lower)

    def is_title(self, word: str) -> bool:
        """A person noun that stands before a name as a title ("Pastor Meier")."""
        return _fold(word.rstrip(".,")) in self._titles

    def _names_vehicle(self, text: str, end: int) -> bool:
        """A car make or model follows ``text[:end]`` with only articles, "ist", a date word or
        punctuation between: the word before names the car ("Patient (Golf VII)")."""
        pos = end
        for _ in range(4):
            gap = _VEHICLE_GAP.match(text, pos)
            pos = gap.end() if gap else pos
            token = _TOKEN.match(text, pos)
            if token is None:
                return False
            folded = _fold(token.group().rstrip("."))
            if folded in self._vehicles:
                return True
            if folded not in _VEHICLE_FILLERS:
                return False
            pos = token.end()
        return False

    def _first_name(self, text: str, start: int, end: int, category: str) -> bool:
        """A health or biometric word that is also a first name, right before a capitalised
        word, is a person's name ("Iris Wendland", "Frau Iris Berg ruft an")."""
        if category not in self._job_head_categories or text[end : end + 1] != " ":
            return False
        if text[start:end].lower() not in self._first_names:
            return False
        following = _TOKEN.match(text, end + 1)
        if following is None or not following.group()[:1].isupper():
            return False
        word = _fold(following.group().rstrip("."))
        return not (word in self._function or word in self._preps or self._is_person(word))

    def _car_as_patient(self, text: str, start: int, end: int) -> bool:
        """Workshop jargon: a bare "Patient" as the subject of a clause after a car was named
        earlier in its sentence is that car ("Kunde hat einen Porsche Cayenne, Patient ist heute
        in der Werkstatt") -- not "fährt einen Golf, ist Patient in der Reha"."""
        if _fold(text[start:end]) not in self._car_patients:
            return False
        left, _right = self._clause(text, start, end)
        before = [_fold(m.group()) for m in _TOKEN.finditer(text, left, start)]
        if any(word not in _ARTICLES for word in before):
            return False  # not the first noun of its clause: "ist Patient in der Reha"
        sentence = max(0, start - 200)
        for found in _SENTENCE_END.finditer(text, sentence, start):
            sentence = found.end()  # the sentence starts after the last sentence end before
        words = (_fold(m.group().rstrip(".")) for m in _TOKEN.finditer(text, sentence, left))
        return any(word in self._vehicles for word in words)

    def _names_clientele(self, text: str, start: int, category: str) -> bool:
        """The word follows "<place or institution> für/der": it names whom an organisation
        serves ("Verein für Körperbehinderte", "Schule für Gehörlose") -- unless a preposition
        of stay puts someone there ("geht in die Schule für Blinde") and no job word makes it a
        workplace ("arbeitet im Labor für Abstammungsgutachten"), or a visit does where a visit
        tells the visitor's own category ("besucht die Gemeinde der Adventisten")."""
        found = _CLIENTELE.search(text, max(0, start - 48), start)
        if found is None or not found.group(1)[:1].isupper():
            return False
        head = self.head(found.group(1))
        trade = _fold(found.group(1)).endswith(self._trades)  # "Außendienstler für Hörgeräte"
        if found.group(2) == "von" and not trade:
            return False  # "von" names goods only after a trade: "Hersteller von Hörgeräten"
        if not trade and (head is None or head[0] not in ("place", "institution", "job")):
            # a job head serves them too: "Deutschlehrer für Geflüchtete"; so does the
            # work a job word names: "unterrichtet Deutsch für Flüchtlinge"
            if found.group(2) != "für":
                return False
            previous = text[max(0, found.start() - 24) : found.start()].split()[-1:]
            return (
                bool(previous)
                and _fold(previous[0]) in self._job_words
                and not self._is_person(found.group(1))
            )
        before = [_fold(w) for w in text[max(0, found.start() - 32) : found.start()].split()[-3:]]
        if any(word in self._job_words for word in before):
            return True  # "arbeitet im Labor für Abstammungsgutachten": a workplace
        if category in self._visit_reveals and any(w in self._visit_words for w in before[-2:]):
            return False
        return not any(word in self._stay_preps for word in before[-2:])

    def _someone_elses_rite(self, norm: Normalized, hit: Hit) -> bool:
        """A rite of passage held for one person after an indefinite article is someone
        else's, at which the person is a guest or works ("auf einer Konfirmation", "liefert
        für eine Bar Mizwa") -- one's own is told without it ("hat Konfirmation", "seine
        Firmung", "feiert Bar Mizwa"; ``[rites]``)."""
        word = norm.text[hit.start : hit.end].replace(" ", "").replace("-", "")
        if word not in self._rites:
            return False
        first, _last = norm.span(hit.start, hit.end)
        before = norm.original[max(0, first - 12) : first].split()
        return bool(before) and _fold(before[-1]).lstrip("'") in self._indefinite_articles

    def _names_goods(self, text: str, start: int) -> bool:
        """The word is the bare object of a verb of trade: goods ("Kd. verkauft Hörgeräte",
        "repariert Rollstühle") -- not with an article or possessive ("verkauft seinen
        Rollstuhl" is his own)."""
        left = max(0, start - 32)
        if self._trade_verb_search(text, left, start) is None:
            return False  # no verb of trade right before: the common case, decided cheaply
        near = text[left:start].split()[-3:]
        for index, word in enumerate(near):
            if _fold(word) in self._trade_verbs:
                between = [_fold(w) for w in near[index + 1 :]]
                return not any(w in _ARTICLES or w in self._possessives for w in between)
        return False

    def _supplies(self, text: str, start: int) -> bool:
        """The word follows "für" after goods, the bare object of a verb of trade: the event
        or organisation is a client of the person's work ("baut Stände für den
        Gewerkschaftstag auf", "liefert Getränke für den Parteitag") -- not "baut seinen
        Stand für den Parteitag auf"."""
        left = max(0, start - 48)
        if "für" not in text[max(0, start - 10) : start]:
            return False  # the common case, decided cheaply
        near = text[left:start].split()[-7:]
        index = len(near) - 1
        if index >= 0 and _fold(near[index]) in _ARTICLES:
            index -= 1
        if index < 2 or _fold(near[index]) not in ("für", "fuer", "fürs", "fuers"):
            return False
        goods = near[index - 1]
        if not goods[:1].isupper() or self._is_person(goods):
            return False
        before = [_fold(w) for w in near[: index - 1]]
        if before and (before[-1] in _ARTICLES or before[-1] in self._possessives):
            return False  # "baut seinen Stand": his own
        return any(w in self._trade_verbs for w in before[-3:])

    def _serves_people(self, text: str, start: int) -> bool:
        """A noun of a kind of person is the object of a verb of service: the people the
        person's work serves ("fährt Dialysepatienten zur Behandlung", "betreut
        Demenzkranke", "pflegt einen Schlaganfallpatienten") -- not the person's own
        relatives ("pflegt seine demenzkranke Mutter") nor the person ("fährt als
        Dialysepatient")."""
        left = max(0, start - 40)
        if self._service_verb_search(text, left, start) is None:
            return False  # no verb of service right before: the common case, decided cheaply
        near = text[left:start].split()[-5:]
        verbs = [i for i, w in enumerate(near) if _fold(w) in self._service_verbs]
        if not verbs:
            return False  # no verb of service right before: the common case
        if near[verbs[-1]][-1:] in ",.;:!?":
            return False  # the clause of the verb has ended
        between = near[verbs[-1] + 1 :]  # only lower-case words: "beruflich", "einen"
        if len(between) > 1 and _fold(between[0]) in self._preps and between[1][:1].isupper():
            between = between[2:]  # a phrase of time: "fährt am Wochenende eine Gruppe"
        if len(between) > 2 or any(_fold(w) in self._preps for w in between):
            return False  # "fährt mit der Pilgergruppe": goes with them
        if any(not w.isalpha() or not w.islower() for w in between):
            return False  # "Kd. fährt Golf. Patient der Klinik": another clause
        if any(w in self._possessives or w in ("als", "selbst", "sich") for w in between):
            return False
        word = _TOKEN.match(text, start)
        if word is None:
            return False
        noun = word.group()
        head = self.head(noun)
        if (head is not None and head[0] == "person") or self.is_attribute_word(noun):
            return True
        # an adjective as a noun of people ("Gehörlose", "Blinden")
        stem = noun[:-2] if noun.endswith("en") else noun[:-1] if noun.endswith("e") else ""
        return len(stem) > 3 and self.is_adjective(stem)

    def _predicate_of_thing(self, text: str, start: int) -> bool:
        """A noun said of a thing by a copula: "Fahrzeug ist ein echter Pflegefall"."""
        near = text[max(0, start - 40) : start].split()[-4:]
        if not any(
            _fold(word) in _COPULAS
            and index
            and near[index - 1][:1].isupper()  # a noun: no look-up of "und hat"
            and not self._is_person(near[index - 1])
            and self._is_thing_or_process(near[index - 1])
            for index, word in enumerate(near)
        ):
            return False  # no thing with a copula right before: the common case, cheaply
        left, _right = self._clause(text, start, start)
        before = [m.group() for m in _TOKEN.finditer(text, left, start)]
        index = len(before) - 1
        while index > 0 and len(before) - index <= 3:
            word = before[index]
            if _fold(word) in _COPULAS:
                return self._is_thing_or_process(before[index - 1])
            if word[:1].isupper() and _fold(word) not in _ARTICLES:
                return False
            index -= 1
        return False

    def _elliptic_predicate(self, text: str, start: int) -> bool:
        """A noun after an indefinite article in a clause that opens with a thing and has no
        verb is said of the thing, as by a copula left out: "Kalibrierkamera heute wieder
        eine Zicke" -- not "Kd. heute wieder eine Zicke"."""
        if not text[max(0, start - 6) : start].endswith(_INDEFINITE_BEFORE):
            return False  # the common case: no indefinite article right before
        left, _right = self._clause(text, start, start)
        before = [m.group() for m in _TOKEN.finditer(text, left, start)]
        if len(before) < 2:
            return False
        index = 1 if _fold(before[0]) in _ARTICLES and len(before) > 2 else 0
        if not self._is_thing_or_process(before[index]):
            return False
        return all(
            t.islower() and t.isalpha() and not self._finite_verb(t) for t in before[index + 1 :]
        )

    def _is_thing_or_process(self, token: str) -> bool:
        """A thing, a place or institution, or a process or errand by its last part
        (`[process] heads`: "Monteurtour", "Teilesuche")."""
        if self._is_thing(token):
            return True
        bare = token.rstrip(".")
        if self._is_person(bare):
            return False
        head = self.head(bare)  # a place or institution ("Die Werkstatt ist das Mekka ...")
        if head is not None and head[0] in ("place", "institution"):
            return True
        return fold_term(bare).endswith(self._process_heads)

    def _is_institution(self, token: str) -> bool:
        head = self.head(token)
        return head is not None and head[0] == "institution"

    def _is_thing(self, token: str) -> bool:
        """A car or a thing: a vehicle word or a noun with an object head ("Auto", "Scheibe")."""
        bare = token.rstrip(".")  # an abbreviation: "Fzg.", "Kfz."
        if _fold(bare) in self._vehicles:
            return True
        head = self.head(bare)
        return head is not None and head[0] == "object"

    def _is_person(self, token: str) -> bool:
        folded = _fold(token.rstrip("."))
        if folded in self._person:
            return True
        heads = self._person_heads.get(folded[-3:])
        if heads is not None and folded.endswith(heads):
            return not folded.endswith("halter") or self._keeper(token.rstrip(".")[:-6])
        if "'" in folded or "’" in folded:  # the English genitive: "customer's"
            return folded.endswith(("'s", "’s")) and self._is_person(token[:-2])
        # a diminutive of a person noun is a person ("Omilein", "Frauchen")
        return folded.endswith(("lein", "chen")) and folded[:-4] in self._person

    def _keeper(self, front: str) -> bool:
        """Whether "<front>halter" is a keeper, a person ("Fahrzeughalter", "Hundehalter"),
        rather than a holder or a switch, a thing ("Sensorhalter", "Kennzeichenhalter",
        "Lichtschalter"): only a vehicle or an animal is kept."""
        front = front.rstrip("-")
        if not front or front.lower().endswith("sc"):
            return not front  # "Halter" alone is the keeper; "...schalter" a switch
        return fold_term(front).endswith(self._keeper_fronts)

    def _pronoun_subject(self, before: list[str]) -> bool:
        """A pronoun of no person is the subject before the word, outside a prepositional
        phrase ("für den Kunden ist es schwierig", "alles korrekt"): it is said of that."""
        in_phrase = False
        for token in before:
            folded = _fold(token.rstrip("."))
            if folded in self._preps:
                in_phrase = True
            elif folded in self._thing_pronouns and not in_phrase:
                return True
            elif token[:1].isupper() and folded not in _ARTICLES:
                in_phrase = False  # the noun ends the phrase
        return False

    def _name_position(self, text: str, start: int, before: list[str]) -> bool:
        """In the name field, a capitalised adjective stands where a surname does: right
        after another name word, or first and followed by a comma and a name ("Peter Nett",
        "Nett, Peter") -- not alone or in a remark ("Meier (nett)", "Meier sehr nett"); a
        noun of a kind of person there is a remark ("Schmidt Choleriker")."""
        word = _TOKEN.match(text, start)
        end = word.end() if word else start
        if not text[start : start + 1].isupper() or not self._is_adjective(text[start:end]):
            return False
        if before:
            previous = before[-1]
            return previous[:1].isupper() and text[start - len(previous) - 1 : start].startswith(
                previous
            )
        rest = text[end:].lstrip()
        return not text[:start].strip() and rest[:1] == "," and rest[1:].strip()[:1].isupper()

    def _is_adjective(self, word: str) -> bool:
        """An adjective declines: its form in "-es" has the word as its lemma ("nettes" of
        "nett", "harsches" of "harsch") -- a noun's has not ("Cholerikeres")."""
        lower = word.lower()
        return self._lemma(lower + "es") == lower

    def _is_surname(self, previous: str, word: str) -> bool:
        """A capitalised adjective (its lemma is lower case) right after a person noun is
        that person's name, as an apposition: "Kd. Ehrlich", "Kundin Fröhlich"."""
        return self._is_person(previous) and self._lemma(word)[:1].islower()

    def _opens_phrase(self, token: str) -> bool:
        """A noun, article, pronoun or possessive: the word before it is a preposition."""
        folded = _fold(token.rstrip("."))
        return (
            token[:1].isupper()
            or folded in _ARTICLES
            or folded in self._possessives
            or folded in self._person
        )

    # -- clauses ----------------------------------------------------------------------------

    def _clause(self, text: str, start: int, end: int) -> tuple[int, int]:
        """Bounds of the clause around ``text[start:end]`` (at most 160 characters each side,
        from a word start: the same in a sentence alone and in a joined batch)."""
        left = max(0, start - 160)
        while 0 < left < start and text[left - 1].isalnum():
            left += 1
        # The end of the last boundary that a scan from the window's start meets: the last
        # place where one matches (only " - " can overlap another boundary, " - - ", so
        # there the scan decides).
        last = self._last_boundary.match(text, max(0, start - 160), start)
        if last is not None and last.group(1) != " - ":
            left = last.end()
        elif last is not None:
            for match in self._boundary.finditer(text, max(0, start - 160), start):
                left = match.end()
        found = self._boundary.search(text, end, end + 160)
        right = found.start() if found else min(len(text), end + 160)
        return left, right

    def _subject(self, tokens: list[str]) -> str | None:
        """The first noun of a clause outside a prepositional phrase (``tokens`` before the
        hit): the word the attribute is said of, if the clause names one."""
        in_phrase = False
        for index, token in enumerate(tokens):
            folded = _fold(token.rstrip("."))
            if folded in self._preps:
                in_phrase = True
                continue
            capital = token[:1].isupper()
            if not capital and not self._is_person(token):
                if (
                    index
                    and not in_phrase
                    and tokens[index - 1].lower() in _ARTICLES
                    and self._is_thing(token)
                ):
                    return token  # lower-case typing: "der wischer is ..."
                continue
            if index == 0 and folded in self._function:
                in_phrase = in_phrase or folded in self._preps
                continue
            if in_phrase:
                in_phrase = False
                continue
            if capital or self._is_person(token):
                return token
        return None

    def _describes_thing(self, norm: Normalized, hit: Hit) -> bool:
        """An origin/belief adjective right before a noun that is no person ("Schweizer
        Konto") and does not carry the attribute to one ("kurdischer Herkunft")."""
        text = norm.original
        start, end = norm.span(hit.start, hit.end)
        if any(c.isspace() for c in text[start:end]):
            return False
        following = _TOKEN.match(text, end + 1) if text[end : end + 1] == " " else None
        if following is None:
            return False
        token = following.group()
        if not token[:1].isupper() or self.is_title(text[start:end]):
            return False  # "Pastor Meier": a title before a name
        folded = _fold(token.rstrip("."))
        return not (self._is_person(token) or folded in self._carriers)

    def _attributive_thing(self, after: list[str]) -> bool:
        """An adjective followed (after at most two more adjectives) by a noun that is no
        person describes that noun."""
        for token in after[:3]:
            if token[:1].isupper():
                return not self._is_person(token)
            if not token.isalpha() or _fold(token) in self._preps:
                return False
            if _fold(token) in ("und", "oder", "ist", "sind", "war", "hat", "aber", "wie", "als"):
                return False  # "stur wie ein Bock": a comparison, the adjective is a predicate
        return False

    def _names_thing(self, token: str) -> bool:
        """A capitalised word that is no person and no clause-opening function word -- nor
        an abbreviation of two letters ("Mi", "Do": weekdays in "Kd. hat Mi Fraktionssitzung")."""
        if not token[:1].isupper() or token.isupper() or len(token.rstrip(".")) <= 2:
            return False
        folded = _fold(token.rstrip("."))
        return not (self._is_person(token) or folded in self._function or folded in self._preps)

    def _names_person(self, tokens: list[str]) -> bool:
        if any(self._is_person(t) for t in tokens):
            return True
        return (
            len(tokens) > 1
            and _fold(tokens[0]) in self._pronoun_articles
            and tokens[1][:1].islower()
        )

    def _job_frame(self, tokens: list[str], hit_index: int) -> bool:
        folded = [_fold(t.rstrip(".")) for t in tokens]
        if any(f in self._job_words for f in folded):
            return True
        if "von beruf" in " ".join(folded):
            return True
        if self._does_function(tokens, folded):
            return True  # "macht die Buchhaltung im Gewerkschaftshaus"
        for index, word in enumerate(folded):
            if word not in self._job_verbs:
                continue
            for ahead in range(index + 1, min(index + 4, len(tokens))):
                token = tokens[ahead]
                if ahead == hit_index:  # "ist Notarzt", "als Pflegekraft": the word is the job
                    if token[:1].isupper() and ahead == index + 1:
                        return True
                    break
                if folded[ahead] in self._preps:
                    break
                if token[:1].isupper():
                    head = self.head(token)
                    if (
                        folded[ahead] not in self._not_profession
                        and not self._is_person(token)
                        and not (head and head[0] == "person")
                    ):
                        return True
                    break
                if not token.isalpha():
                    break
        return False

    def _does_function(self, tokens: list[str], folded: list[str]) -> bool:
        """A verb of doing with a definite article and a noun of a work function ("macht die
        Buchhaltung", "macht in der Uniklinik die Patientenaufnahme", "leitet die
        Verwaltung"): the person works there -- "macht die Reha", "macht eine Therapie" name
        no function."""
        if not any(f in self._task_verbs for f in folded):
            return False
        for index, token in enumerate(tokens[1:], 1):
            if (
                token[:1].isupper()
                and folded[index - 1] in ("die", "den", "das")
                and fold_term(self._lemma(token)).endswith(self._functions)
            ):
                return True
        return False

    # -- the check --------------------------------------------------------------------------

    def _negated(self, norm: Normalized, hit: Hit) -> bool:
        """The attribute is denied: a negator stands right before its last word, with only
        articles or prepositions between ("ist nicht krank", "war nicht beim Arzt", "ist kein
        Diabetiker") -- unless a modal or perception verb makes the negation the finding ("kann
        nicht laufen") or the word is an ability whose absence is one ("nicht mobil")."""
        text = norm.text  # folded: the negators are plain lower-case words
        memo = self._negation_memo  # (text, holds a negator stem): one test per text
        if memo[0] is not text:
            memo = (text, any(stem in text for stem in self._negator_stems))
            self._negation_memo = memo
        if not memo[1]:
            return False  # no negator in the text: the common case
        left = max(0, hit.start - 48)
        window = text[left : hit.end]
        if not any(stem in window for stem in self._negator_stems):
            return False  # no negator near
        tokens = [m.group().rstrip(".") for m in _TOKEN.finditer(window)]
        if not tokens or tokens[-1] in self._negation_keepers:
            return False
        index = len(tokens) - 2
        while index >= 0 and tokens[index] in self._negation_fillers:
            index -= 1
        if index >= 0 and tokens[index] == "noch" and "weder" in tokens[max(0, index - 6) : index]:
            return True  # "weder krank noch verletzt"
        if index > 0 and tokens[index] == "one" and tokens[index - 1] == "no":
            return True  # "no one was injured"
        if index < 0 or tokens[index] not in self._negators:
            return False
        return not any(t in self._negation_keepers for t in tokens[max(0, index - 4) : index])

    def said_of_animal(self, norm: Normalized, hit: Hit, animals: list[tuple[int, int]]) -> bool:
        """Whether ``hit`` is said of one of the ``animals`` (spans of animal nouns on
        ``norm``'s folded text): the animal is the subject of the hit's clause, no person
        stands before it outside a prepositional phrase, and none is named after it but its
        owner in a genitive ("Hund des Kunden ist zuckerkrank", "Die Katze hat Epilepsie")."""
        if hit.rule.category not in self._animal_categories:
            return False
        text = norm.original
        start, end = norm.span(hit.start, hit.end)
        if any(0 <= a[0] - hit.end <= 24 for a in animals) and self._for_animal(
            text, end, [norm.span(*a)[0] for a in animals]
        ):
            return True  # "Tabletten für den Hund": the animal is the one treated
        near = [a for a in animals if a[1] <= hit.start and hit.start - a[0] <= 160]
        if not near:
            return False
        left, _right = self._clause(text, start, end)
        for animal_start, animal_end in near:
            first, last = norm.span(animal_start, animal_end)
            if first < left:
                continue
            before = [m.group() for m in _TOKEN.finditer(text, left, first)]
            after = [m.group() for m in _TOKEN.finditer(text, last, start)]
            if self._animal_is_subject(before) and not self._person_after_animal(after):
                return True
        before = [m.group() for m in _TOKEN.finditer(text, left, start)]
        if before and _fold(before[0]) in self._demonstrative and left >= 2:
            # a relative "der"/"die" right after the animal, also one of a phrase: "kommt mit
            # seinem Hund, der ist blind" -- not "mit dem Hund beim Arzt, der ..."
            comma = text.rfind(",", 0, left)
            if comma > 0 and not text[comma + 1 : left].strip():
                for animal in near:
                    if not text[norm.span(*animal)[1] : comma].strip():
                        return True
        noun_start, noun_end = self._antecedent(text, left, before, text[start:end])
        if noun_start < 0:
            return False
        spans = (norm.span(*animal) for animal in near)
        return any(noun_start <= first and last <= noun_end for first, last in spans)

    def _antecedent(self, text: str, left: int, before: list[str], nxt: str) -> tuple[int, int]:
        """Span of the noun that a pronoun opening the clause at ``left`` points back to, in
        the clause before it and the same sentence (``before``: the clause's tokens before
        the hit, ``nxt`` the token after them; ``grammar.toml`` ``[reference]``): "er", "sie",
        "es" to that clause's subject, "der", "die", "das" before a verb to its last noun
        outside a prepositional phrase; a clause without a subject of its own continues the
        subject before ("Hund im Garten, ist aber blind"). The gender must agree with the
        noun's article; no person may stand beside the noun but an owner in a genitive.
        ``(-1, -1)`` when there is none or it is a person."""
        none = (-1, -1)
        opening = before[:3]
        # a clause without a subject of its own continues the one before: "Hund im Garten, ist
        # aber blind" -- only verbs and adverbs (lower case, no person) before the hit
        elliptic = (before or nxt[:1].islower()) and not any(
            t[:1].isupper() or not t.isalpha() or t in self._pronouns or self._is_person(t)
            for t in before
        )
        if not elliptic and not any(t.lower() in self._pronouns for t in opening):
            return none  # no pronoun opens the clause: the common case, decided cheaply
        gender = "" if elliptic else None  # "": any gender
        personal = elliptic
        for index, token in enumerate([] if elliptic else opening):
            folded = _fold(token)
            if folded in self._personal:
                gender, personal = self._personal[folded], True
                break
            if index == 0 and folded in self._demonstrative:
                following = before[1] if len(before) > 1 else nxt
                if following[:1].islower():
                    gender = self._demonstrative[folded]
                break
            if self._is_person(token) or (token[:1].isupper() and folded not in self._function):
                break
        if gender is None or left < 2:
            return none
        prev_left, _right = self._clause(text, left - 1, left - 1)
        if _SENTENCE_END.search(text, prev_left, left):
            return none  # a pronoun is resolved within its own sentence only
        prev = list(_TOKEN.finditer(text, prev_left, left))
        found = -1
        in_phrase = False
        for index, match in enumerate(prev):
            token = match.group()
            folded = _fold(token.rstrip("."))
            if folded in self._preps:
                in_phrase = True
                continue
            if not token[:1].isupper() and not self._is_person(token):
                continue
            if folded in _ARTICLES or (index == 0 and folded in self._function):
                continue
            if (
                folded in self._possessives
                and prev[min(index + 1, len(prev) - 1)].group()[:1].isupper()
            ):
                continue  # "Ihr Hund": a possessive article, no person
            if in_phrase:
                in_phrase = False
                continue
            found = index
            if personal:
                break
        if found < 0 or self._is_person(prev[found].group()):
            return none
        agree = self._determiner_genders.get(_fold(prev[found - 1].group())) if found else None
        if agree and gender and gender not in agree:
            return none  # "Der Hund ist alt, sie ist schwerhörig": someone else
        if self._person_after_animal([m.group() for m in prev[found + 1 :]]):
            return none
        return prev[found].start(), prev[found].end()

    def _for_animal(self, text: str, end: int, starts: list[int]) -> bool:
        """An animal follows ``text[:end]`` as the one a thing is for: "für" and at most an
        article or possessive between ("Tabletten für den Hund", "Insulin für unseren Kater")."""
        tokens = list(_TOKEN.finditer(text, end, min(len(text), end + 40)))
        if not tokens or _fold(tokens[0].group()) not in ("für", "fuer"):
            return False
        if text[end : tokens[0].start()].strip():
            return False  # "nimmt Tabletten, für den Hund sorgt ...": another clause
        for token in tokens[1:3]:
            if token.start() in starts or any(token.start() < a < token.end() for a in starts):
                return True
            word = _fold(token.group())
            if word not in _ARTICLES and word not in self._possessives:
                return False
        return False

    def _animal_is_subject(self, before: list[str]) -> bool:
        """No person or other noun is the subject before the animal (``before``: the tokens
        of its clause before it), and the animal ends no prepositional phrase."""
        in_phrase = False
        for token in before:
            folded = _fold(token.rstrip("."))
            if folded in self._preps:
                in_phrase = True
            elif folded in _ARTICLES or folded in self._possessives or folded in self._function:
                continue
            elif in_phrase:
                in_phrase = token[:1].islower() and not self._is_person(token)
            elif self._is_person(token) or token[:1].isupper():
                return False  # "Kunde ist mit seinem Hund ...": the person is the subject
        return not in_phrase

    def _person_after_animal(self, after: list[str]) -> bool:
        """A person is named after the animal (``after``: the tokens up to the hit) other
        than its owner in a genitive right after it ("Hund und Kunde sind zuckerkrank")."""
        index = 0
        if after and _fold(after[0]) in self._owners:
            index = 1
            while index < len(after) and (
                after[index][:1].isupper()
                or self._is_person(after[index])
                or _fold(after[index].rstrip(".")) in _ARTICLES
                or _fold(after[index]) in self._owners
            ):
                index += 1
        return any(self._is_person(token) for token in after[index:])

    def keep(self, norm: Normalized, hit: Hit, field: str) -> bool:
        """Whether ``hit`` (on ``norm``'s folded text) is said of a person."""
        frame = hit.rule.frame
        if hit.rule.category in self._negation_categories and self._negated(norm, hit):
            return False  # "Kd. ist nicht krank, nur auf Montage"
        if hit.rule.category in self._simile_categories and self._simile(norm.text, hit.start):
            return False  # "Motor läuft wie ein Asthmatiker": a comparison, no one's condition
        if hit.rule.category in self._rite_categories and self._someone_elses_rite(norm, hit):
            return False  # "fotografiert auf einer Konfirmation": a guest's or worker's day
        if frame == "partner":  # "Lebenspartner Jonas" of "Herr Maier"
            return self._partners.same_gender(norm.original, *norm.span(hit.start, hit.end))
        if frame == "name_field":  # "Scholz (Ortsbeirat, Linke)": a remark in the name field
            return field == "nachname"
        if frame == "name_change":  # "heißt jetzt Lena, früher Lars"
            return self._partners.changed_gender(norm.original, *norm.span(hit.start, hit.end))
        if hit.fuzzy:
            first, last = norm.span(hit.start, hit.end)
            if self._known(norm.original[first:last]):
                return False  # a dictionary word is no typo ("Psychotherapeut", "Psychotherapie")
        widened = 0 <= hit.core < hit.end  # a prefix/infix term inside a longer word
        attributive = frame in (None, "person") and hit.rule.category in self._attributive
        if attributive and self._describes_thing(norm, hit):
            return False  # "Schweizer Konto", "evangelischen Kirchengemeinde"
        first, last = norm.span(hit.start, hit.end)
        if (
            hit.rule.category in self._generic_categories
            and _PLURAL_NEXT.match(norm.text, hit.end) is not None
            and self._generic_plural(norm.original, first, last)
        ):
            return False  # "kirchgänger parken alles zu": people in general, no one named
        if self._feature_of_thing(norm.original, last, hit.rule.category):
            return False  # "DNA des Autos", "Stimmerkennung im Navi": the thing's
        if self._quoted_label(norm.original, first, last):
            return False  # "Fahrmodus-Schalter 'DNA'", "Aufkleber 'Baby an Bord'"
        if norm.original[first : first + 1].isupper() and (
            self._names_vehicle(norm.original, last)
            or self._names_clientele(norm.original, first, hit.rule.category)
            or self._predicate_of_thing(norm.original, first)
            or self._elliptic_predicate(norm.original, first)
            or self._names_goods(norm.original, first)
            or self._supplies(norm.original, first)
            or self._serves_people(norm.original, first)
            or self._car_as_patient(norm.original, first, last)
            or self._first_name(norm.original, first, last, hit.rule.category)
        ):
            return False  # "Der Patient (Golf VII) hat einen Riss", "Verein für Blinde"
        category = hit.rule.category
        if category in self._pretence_categories and self._pretended(norm.original, first, last):
            return False  # "Kd. stellt sich taub": feigned, no condition
        if category in self._employer_categories and self._works_there_as(
            norm.original, first, last
        ):
            return False  # "arbeitet im Kloster als Gärtner": a job there, no belief
        if (
            category in self._figurative_categories
            and norm.text[hit.start : hit.end].rpartition(" ")[2] in self._figurative_words
            and self._figurative(norm.original, first, last)
        ):
            return False  # "blind für die Kratzer", "Bauchschmerzen wegen der Kosten"
        if category in self._owner_categories and (
            self._owned_by(norm.original, first, category)
            or self._holding_opens(norm.original, first, last)
            or self._event_met(norm.original, first, last)
        ):
            return False  # "Fahrzeug der IG Metall", "Transporter vom Kirchenchor"
        if frame is None and not widened and not norm.text.startswith("-", hit.end):
            if not self._names_place_itself(norm, hit):
                if category in self._thing_subject_categories:
                    return not (
                        self._said_of_thing(norm.original, first, last)
                        or self._thing_opens(norm.original, first, last)
                    )
                return True  # the whole word is the term: no compound head to read
            frame = "place"  # "Schwulen|bar", "SPD-Bürger|büro": the term names a place
        text = norm.original
        start, end = norm.span(hit.start, hit.end)
        piece = text[start:end]
        if " " in piece and " " not in norm.text[hit.start : hit.end]:
            return True  # letters spaced out to evade the check: no one writes so of a thing
        if widened or (end < len(text) and text[end] == "-") or piece[:1].isupper():
            return self._keep_word(text, start, end, piece, hit, frame, field)
        return self._keep_frame(text, start, end, piece, frame, field, hit.rule.category)

    def _keep_word(
        self, text: str, start: int, end: int, piece: str, hit: Hit, frame: str | None, field: str
    ) -> bool:
        """The compound-head check of a one-word hit, then its frame."""
        if piece and not any(c.isspace() for c in piece):
            word_start, word_end = start, end
            while word_end < len(text) and (
                text[word_end].isalnum()
                or (
                    text[word_end] == "-"
                    and word_end + 1 < len(text)
                    and text[word_end + 1].isalnum()
                )
            ):
                word_end += 1
            word = text[word_start:word_end]
            head = self.head(word)
            if head is not None:
                kind, head_start = head
                core = hit.core if 0 <= hit.core < hit.end else hit.end
                core_len = core - hit.start
                if kind == "person":
                    return True
                if kind == "institution" and self._serves_animals(word, head_start):
                    return False  # "Tierklinik", "Pferdeklinik": no person stays there
                if head_start >= core_len - 1:
                    if kind in ("place", "object") or (
                        kind == "job" and hit.rule.category in self._job_head_categories
                    ):
                        return False
                    if kind != "job":  # a job head of another category reads as no head
                        frame = "place"
                elif kind == "institution" and frame is None:
                    frame = "place"  # the term names an institution itself ("Frei|kirche")
            elif 0 <= hit.core < hit.end and self._before_institution(text, word_end):
                frame = "place"  # "der Psychiatrischen Klinik": read as "Psychiatrie|klinik"
        return self._keep_frame(text, start, end, piece, frame, field, hit.rule.category)

    def _names_place_itself(self, norm: Normalized, hit: Hit) -> bool:
        """A frameless whole-word term that is itself a capitalised institution compound
        ("Schwulen|bar", "Frei|kirche") or a hyphenated compound with a place or thing head
        ("SPD-Bürger|büro"): it names a place, read like ``frame = place``."""
        folded = norm.text[hit.start : hit.end]
        hyphen = "-" in folded
        if not hyphen and not folded.endswith(self._institution_heads):
            return False  # the common case, decided cheaply
        first, last = norm.span(hit.start, hit.end)
        word = norm.original[first:last]
        if not word[:1].isupper() or " " in word:
            return False
        head = self.head(word)
        if head is None or head[1] == 0:
            return False
        if fold_term(self._lemma(word)).endswith(self._memberships):
            return False  # "Vorsitzender des SPD-Ortsvereins": an organisation one belongs to
        return head[0] == "institution" or (hyphen and head[0] in ("place", "object"))

    def _serves_animals(self, word: str, head_start: int) -> bool:
        """The front of an institution compound names animals ("Tier|klinik", "Kleintier|praxis",
        "Pferde|klinik"): the place treats animals, a visit there is no one's health."""
        front = fold_term(word)[:head_start].rstrip("-")
        return bool(front) and front.endswith(self._animal_fronts)

    def _before_institution(self, text: str, end: int) -> bool:
        """An inflected adjective right before a capitalised noun with an institution head
        names that institution ("Psychiatrische Tagesklinik"), as a compound would."""
        following = _TOKEN.match(text, end + 1) if text[end : end + 1] == " " else None
        if following is None or not following.group()[:1].isupper():
            return False
        head = self.head(following.group().rstrip("."))
        return head is not None and head[0] == "institution"

    def _keep_frame(
        self,
        text: str,
        start: int,
        end: int,
        piece: str,
        frame: str | None,
        field: str,
        category: str,
    ) -> bool:
        """The frame check of a hit (see the module docstring)."""
        if frame is None:  # "Dichtung ist inkontinent": a word ending a thing's predicate
            return category not in self._thing_subject_categories or not (
                self._said_of_thing(text, start, end) or self._thing_opens(text, start, end)
            )
        left, right = self._clause(text, start, end)
        before = [m.group() for m in _TOKEN.finditer(text, left, start)]
        after = [m.group() for m in _TOKEN.finditer(text, end, right)]
        tokens = [*before, piece, *after]
        if _fold(piece.split()[-1]).rstrip("ensr") in self._participle_stems and any(
            _fold(t) in self._auxiliaries for t in before
        ):
            return False  # "Fahrer wird durch Spiegelung behindert": a process, no state
        if frame == "event":  # "hatte Dienst bei der Kundgebung": on duty there, no protest
            if (
                # the event word itself is no job word ("ist beim Streik": a strike is also
                # a job word of a workplace)
                self._on_duty([*before, *piece.split()[:-1], *after])
                or self._absent(before, piece)
                or self._workplace_before(before)
            ):
                return False
            if self._subject(before) is None and self._other_subject_after(after):
                return False  # "Bei der Kundgebung hat jemand einen Stein geworfen"
            if self._circumstance(before, after):
                return False  # "Hagel am CSD-Samstag", "Steinschlag durch Demonstranten"
            if text[end : end + 1] == "-":  # "läuft beim CSD-Umzug mit": the event itself
                subject = self._subject(before)
                return subject is None or self._is_person(subject)
            frame = "subject"
        if frame == "activity":  # "ist Hausmeister in der Synagoge": a job, no attendance
            return not self._job_frame(piece.split(), -1)
        if frame == "thing":
            if any(_fold(t) in self._parking for t in tokens):
                return False  # "Kd. parkt beim Augenarzt um die Ecke": where the car stands
            if self._works_as(tokens):
                return False  # "arbeitet als Sprechstundenhilfe beim Hausarzt": a workplace
            subject = self._subject(before)
            return subject is None or not self._is_thing(subject)
        if frame == "place":
            if category in self._visit_reveals and self._stay_back_reference(text, right):
                return True  # "Fzg. stand vor dem Swingerclub – Kd. war drin": a visit
            if self._job_back_reference(text, right):
                return False  # "fährt zum Dialysezentrum, arbeitet dort als Techniker"
            return self._keep_place(text, left, start, before, tokens, field, category)
        one_word = " " not in piece
        if field == "nachname":  # the name field is about the person named
            if category == "judgement" and one_word and self._name_position(text, start, before):
                return False  # "Peter Nett", "Nett, Peter": a judgement word as a surname
            if one_word and piece[:1].islower() and self._attributive_thing(after):
                return False  # "Beck – schwieriger Zugang": the adjective describes the noun
            manner = frame == "person" and one_word and category in self._manner_categories
            return not (manner and self._adverb_of_action(tokens, len(before)))
        if before:  # "Die Scheibe ist alt, sie ist blind": a pronoun pointing back to a thing
            noun_start, noun_end = self._antecedent(text, left, before, piece)
            if noun_start >= 0 and self._is_thing(text[noun_start:noun_end]):
                return False
        if one_word and after and _fold(piece) in self._preps and self._opens_phrase(after[0]):
            return False  # "laut Aussage des Kunden", "laut ihm": a preposition
        noun = piece[:1].isupper() and not piece.isupper()
        if one_word and noun and (before or not piece.endswith(("e", "en", "em", "es"))):
            # a noun ("Krebs", "Herkunft"): said of whoever the clause names -- unless it
            # follows a noun as a name does ("Versicherungsbüro Christ", "Firma Krebs")
            if (
                before
                and self._names_thing(before[-1])
                and _fold(before[-1].rstrip(".")) not in self._diagnoses
            ):
                return False  # -- but "Diagnose Krebs" names the condition diagnosed
            if (
                category in self._surname_categories
                and before
                and self._is_surname(before[-1], piece)
            ):
                return False  # "Kd. Ehrlich ruft zurück", "Kundin Fröhlich": a surname
            if before and _fold(piece) in self._trigger_surnames and self._is_person(before[-1]):
                if len(before) > 1 and _fold(before[-2]) in self._preps:
                    return False  # "Schlüssel bei Nachbar Krebs": a bare noun as a title
                following = _TOKEN.match(text, end + 1) if text[end : end + 1] == " " else None
                if following is not None and self._finite_verb(following.group()):
                    return False  # "Kd. Krebs ruft zurück": a surname ends the subject's phrase
            return frame == "subject" or self._names_person(tokens)
        if one_word and self._attributive_thing(after):
            return False  # "blinde Zone", "großzügige Einfahrt": said of the noun after it
        subject = self._subject(before)
        if subject is not None and not self._is_person(subject):
            return False
        manner = category in self._manner_categories
        if frame == "person" and one_word and manner:
            if self._adverb_of_action(tokens, len(before)):
                return False  # "hat sich herzlich bedankt": the manner of an act, not of a person
            if subject is None and any(_fold(t) in self._requests for t in before):
                return False  # "bitte geduldig sein": a request to the reader
            if subject is None and self._pronoun_subject(before):
                return False  # "für den Kunden ist es schwierig", "alles korrekt"
        if subject is None and self._continues_thing(text, left, before[0] if before else piece):
            return False  # "Fzg. mit Beschriftung, gehört der Gemeinde": the vehicle does
        if frame == "subject" or subject is not None:
            return True
        if self._names_person(tokens):
            return True
        if manner or category in self._shared_subject:
            return self._shares_person_subject(text, left)
        return (
            category in self._continuing_categories
            and bool(before)
            and _fold(before[0]) in self._continuing_verbs
            and self._shares_person_subject(text, left)
        )  # "Kd. hat Hund, ist blind": the subject of the clause before is blind

    def _modified_word(self, token: str, folded: str) -> bool:
        """A word right after a manner adjective that the adjective modifies: "zu" of an
        infinitive, a participle or verb form, an adjective in -bar ("erreichbar")."""
        if folded == "zu":
            return True
        if not token[:1].islower() or not token.isalpha() or folded in self._copulas:
            return False
        if folded in self._function or folded in self._preps or folded in _ARTICLES:
            return False
        if folded.endswith("en") and folded != "sein" and self._is_infinitive(token):
            return True  # "laut sprechen", "geduldig warten": an instruction
        if folded.endswith("bar") or _PARTICIPLE.match(folded):
            return folded not in self._copula_participles
        lemma = _fold(self._lemma(token))
        return lemma != folded and lemma.endswith(("en", "ern", "eln"))

    def _is_infinitive(self, token: str) -> bool:
        """A verb's infinitive is the lemma of its inflected forms: "sprechen" of "sprecht",
        "klingeln" of "klingelt" -- while "offen" has no form "offt"."""
        stem = token[:-1] if token.endswith(("ern", "eln")) else token[:-2]
        return self._lemma(stem + "t") == token

    def _adverb_of_action(self, tokens: list[str], index: int) -> bool:
        """The word at ``index`` is the adverb of a full verb of its clause ("zahlt
        zuverlässig", "hat sich herzlich bedankt"): the clause holds no copula and no verb of
        behaviour, and a lower-case word is a verb form by its lemma, stands before "sich",
        or ends the clause after an auxiliary of the perfect."""
        folded = [_fold(t.rstrip(".")) for t in tokens]
        if index + 1 < len(tokens) and self._modified_word(tokens[index + 1], folded[index + 1]):
            return True  # "schwierig zu erreichen", "korrekt versichert", "schwer erreichbar"
        if any(f in self._copulas or f in self._behaviour for f in folded):
            return False
        perfect = any(f in self._perfect for f in folded)
        last = len(tokens) - 1
        for i, token in enumerate(tokens):
            word = folded[i]
            if i == index or not token[:1].islower() or word in self._perfect:
                continue
            if word in self._function or word in self._preps or word in _ARTICLES:
                continue
            if i < last and folded[i + 1] == "sich":
                return True  # "bedankt sich herzlich"
            if perfect and i == last and token.isalpha():
                return True  # "hat sich herzlich bedankt"
            lemma = _fold(self._lemma(token))
            if lemma in self._behaviour:
                return False
            if lemma != word and lemma.endswith(("en", "ern", "eln")):
                return True  # "zahlt" (zahlen), "ausgefüllt" (ausfüllen)
        return False

    def _shares_person_subject(self, text: str, left: int) -> bool:
        """A clause without a subject after a comma (colon, dash) continues the clause before
        it, whose subject it shares: "Kd. ist Schwabe, sehr sparsam" is said of the customer,
        "Scheibe gesprungen, sehr empfindlich" of the glass."""
        comma = left - 1
        while comma >= 0 and text[comma].isspace():
            comma -= 1
        for _ in range(2):  # "..., ist aber nett", "..., aber großzügig": past "aber", "ist"
            word = comma
            while word >= 0 and text[word].isalpha():
                word -= 1
            folded = _fold(text[word + 1 : comma + 1])
            if not folded or (folded not in self._coordinators and folded not in self._copulas):
                break
            comma = word
            while comma >= 0 and text[comma].isspace():
                comma -= 1
        if comma < 0 or text[comma] not in ",:–—-":
            return False  # a comma, a colon or a dash: "Kd.: sehr neugierig", "Kd. - stur"
        start, _end = self._clause(text, comma, comma)
        subject = self._subject([m.group() for m in _TOKEN.finditer(text, start, comma)])
        return subject is not None and self._is_person(subject)

    def _continues_thing(self, text: str, left: int, words: str) -> bool:
        """A clause without a subject that opens with a finite verb after a comma continues
        the clause before it: when that clause's subject is a thing, the word is said of the
        thing ("Fzg. mit Beschriftung, gehört der Gemeinde", "Sensor verschmutzt, ist
        blind") -- "Kd. hat ein Auto, ist gläubig" stays the customer's."""
        first = words.split(" ", 1)[0]  # the clause's first word
        if _fold(first) not in self._continuing_verbs:
            return False
        comma = left - 1
        while comma >= 0 and text[comma].isspace():
            comma -= 1
        if comma < 0 or text[comma] != ",":
            return False
        start, _end = self._clause(text, comma, comma)
        stop = comma
        if sum(text.count(q, start, comma) for q in _QUOTES) % 2:
            # a quoted label ends the clause before ("Beschriftung 'Ev. Jugend'"): its
            # words name the label, the clause's subject stands before it
            opening = max(text.rfind(q, max(0, start - 80), start) for q in _QUOTES)
            if opening < 0:
                return False
            stop = opening
            start, _end = self._clause(text, opening, opening)
        subject = self._subject([m.group() for m in _TOKEN.finditer(text, start, stop)])
        return subject is not None and self._is_thing(subject)

    def _on_duty(self, tokens: list[str]) -> bool:
        """The clause puts the person at an event for work: a job or duty word ("Dienst",
        "Einsatz", "arbeitet") or a role after "als" that is no participant's ("als
        Sanitäter" -- not "als Redner")."""
        folded = [_fold(t.rstrip(".")) for t in tokens]
        if any(f in self._job_words or f in self._duty_words for f in folded):
            return True
        return any(
            word == "als" and tokens[i + 1][:1].isupper() and folded[i + 1] not in self._event_roles
            for i, word in enumerate(folded[:-1])
        )

    def _circumstance(self, before: list[str], after: list[str]) -> bool:
        """A preposition of cause or time right before the event (only articles between)
        and no person as the clause's subject: the event is a circumstance ("Hagel am
        CSD-Samstag", "Wegen CSD ist die Innenstadt dicht") -- not "Kd. war am CSD-Samstag
        in Köln", nor "Wegen der Demo ist Kd. nicht da"."""
        index = len(before) - 1
        while index >= 0 and _fold(before[index]) in _ARTICLES:
            index -= 1
        if index < 0 or _fold(before[index].rstrip(".")) not in self._circumstances:
            return False
        if _fold(before[index].rstrip(".")) in self._causes and any(
            _fold(t).endswith(self._hindrances) for i, t in enumerate(before) if i != index
        ):
            return True  # "Kd. stand im Stau wegen der Wallfahrt": a hindrance it caused
        subject = self._subject(before[:index])
        if subject is None:
            return not self._names_person(after)
        return not self._is_person(subject)

    def _owned_by(self, text: str, start: int, category: str) -> bool:
        """The organisation at ``start`` owns or holds the noun before it: a thing or place
        in a genitive or after "vom"/"von (der)" ("Fahrzeug der IG Metall", "Hinterhof vom
        Nachtclub"), the subject of a verb of belonging ("Wagen gehört dem Posaunenchor"), or
        an event whose clause has no person as its subject ("Warnstreik von ver.di"); an
        apposition may stand between ("Lieferwagen der Gewerkschaft NGG")."""
        word = _TOKEN.match(text, start)
        if word is None:
            return False
        dotted = word.group().endswith(".") and text[word.end() : word.end() + 1].isalnum()
        if not dotted and not self._is_organisation(word.group()):
            return False  # "Auto des Gewerkschafters", "im Rahmen der Transition"
        left, _right = self._clause(text, start, start)
        before = [m.group() for m in _TOKEN.finditer(text, max(left, start - 80), start)]
        index = len(before) - 1
        if (
            index >= 2
            and before[index][:1].isupper()
            and _fold(before[index - 1]) in _ARTICLES
            and not self._is_person(before[index])
        ):
            index -= 1  # "der Gewerkschaft NGG": an apposition before the name
        if category in self._employer_categories and self._employs(before, index):
            return True  # "arbeitet bei der IG Metall in der Buchhaltung": the employer
        if index < 1:
            return False
        link = _fold(before[index])
        noun_index = index - 1
        if link in ("der", "dem", "den") and _fold(before[noun_index]) == "von":
            link, noun_index = "von", noun_index - 1  # "von der Caritas"
        if link in ("dem", "der") and _fold(before[noun_index]) in self._owner_verbs:
            noun = self._subject(before[:noun_index])  # "Wagen gehört dem Posaunenchor"
            return noun is not None and self._is_thing(noun)
        if link not in ("vom", "von", "des", "der", "bei", "beim") or noun_index < 0:
            return False
        noun = before[noun_index]
        if not noun[:1].isupper() or self._is_person(noun):
            return False
        thing_or_place = self._is_thing_or_place(noun)
        if not thing_or_place and not self._is_event(noun):
            return False
        event = fold_term(noun.rstrip(".")).endswith(self._owner_events)
        if not event and thing_or_place:
            return True  # an event is only met when no person takes part ("Tarifdemo der")
        subject = self._subject(before[:noun_index])
        if subject is None or not self._is_person(subject):
            return True
        return self._circumstance(before[:noun_index], [])  # "im Stau wegen Warnstreik von"

    def _thing_opens(self, text: str, start: int, end: int) -> bool:
        """A one-word attribute (or a match opened by "ist"/"hat") right after a thing that
        opens its clause is said of the thing ("Scheibe verletzt geliefert", "Der
        Außenspiegel ist rechts lose") -- not "Kd. verletzt", "Fahrer verletzt", "Auto vom
        Kd., verletzt"."""
        if start < 2 or text[start - 1] != " ":
            return False
        cut = text.find(" ", start, end)
        if cut >= 0 and _fold(text[start:cut]) not in _HAVE_OR_BE:
            return False  # several words, not opened by a copula ("ist rechts")
        space = text.rfind(" ", max(0, start - 30), start - 1)
        noun = text[space + 1 : start - 1]
        if not noun[:1].isupper() or not noun.isalpha():
            return False  # the common case: no capitalised noun right before
        left, right = self._clause(text, start, end)
        before = [m.group() for m in _TOKEN.finditer(text, left, start)]
        if len(before) > 2 or (len(before) == 2 and _fold(before[0]) not in _ARTICLES):
            return False  # the noun does not open the clause
        if self._is_person(noun) or not self._is_thing(noun):
            return False
        return not self._names_person([m.group() for m in _TOKEN.finditer(text, end, right)])

    def _said_of_thing(self, text: str, start: int, end: int) -> bool:
        """A thing right before "hat"/"ist" (an article may follow) is the subject the word
        is said of, and the clause names no person: car slang for a defect ("Scheibe hat
        Migräne", "der Wagen hat Rheuma", "Fahrzeug hatte einen Herzinfarkt") -- not "Kd. hat
        Rheuma", "Auto steht wegen Rheuma", "Auto vom Kunden hat ... Rheuma"."""
        if start < 2 or text[start - 1] != " ":
            return False
        space = text.rfind(" ", max(0, start - 9), start - 1)
        previous = text[space + 1 : start - 1].lower()
        if previous in _ARTICLES or previous in _SPOKEN_ARTICLES:  # "hat einen Herzinfarkt"
            verb_start = text.rfind(" ", max(0, space - 8), space)
            previous = text[verb_start + 1 : space].lower() if verb_start >= 0 else ""
            space = verb_start
        if previous not in _HAVE_OR_BE or space < 1:
            return False  # no predicate of having or being right before: the common case
        noun_start = text.rfind(" ", max(0, space - 30), space)
        noun = text[noun_start + 1 : space]
        if _fold(noun.rstrip(".")) in self._person:
            return False  # "Kd. ist schwerhörig"
        if not noun[:1].isupper():  # lower-case typing: a noun after an article ("ihre karre")
            article = text[max(0, noun_start - 8) : max(0, noun_start)].split()[-1:]
            if not article or not (
                _fold(article[0]) in _ARTICLES or article[0] in self._possessives
            ):
                return False
        if not noun[-1:].isalnum() or self._is_person(noun):
            return False
        if not (self._is_thing(noun) or (noun.islower() and self._is_thing(noun.capitalize()))):
            return False  # lower-case typing: "karre" read as the noun "Karre"
        left, right = self._clause(text, start, end)
        tokens = [m.group() for m in _TOKEN.finditer(text, left, right)]
        return not self._names_person(tokens)

    def _finite_verb(self, token: str) -> bool:
        """A lower-case verb form that is no copula ("ruft", "meldet", "hat"): a known
        surname right before it, after a person noun, closes that person's noun phrase."""
        folded = _fold(token)
        if not token[:1].islower() or not token.isalpha() or folded in self._copulas:
            return False
        if folded in self._function or folded in self._preps or folded in _ARTICLES:
            return False
        lemma = _fold(self._lemma(token))
        return lemma != folded and lemma.endswith(("en", "ern", "eln"))

    def _employs(self, before: list[str], index: int) -> bool:
        """The organisation after ``before[:index + 1]`` is where the person works: a job word
        or a profession right before "bei"/"für" ("arbeitet bei der IG Metall", "ist
        Busfahrer für den Kirchenchor") -- an office in it or membership is no job ("ist
        Kassierer bei der SPD", "ist Mitglied bei ver.di")."""
        while index >= 0 and _fold(before[index]) in _ARTICLES:
            index -= 1
        if index < 1 or _fold(before[index]) not in ("bei", "beim", "für", "fuer"):
            return False
        word = before[index - 1]
        folded = _fold(word.rstrip("."))
        if folded in self._job_words:
            return True
        if not word[:1].isupper() or index < 2 or _fold(before[index - 2]) not in self._job_verbs:
            return False
        return not (
            folded in self._person
            or folded in self._not_profession
            or fold_term(self._lemma(word)).endswith(self._offices)
        )

    def _pretended(self, text: str, start: int, end: int) -> bool:
        """A reflexive "sich" right before the word with a form of "stellen" around it: the
        person feigns it ("stellt sich taub", "hat sich blind gestellt") -- not "stellt sich
        beim Arzt vor", "Kd. ist taub"."""
        window = text[max(0, start - 30) : start]
        if "sich" not in window.lower():
            return False  # no word "sich" at all: no split of the window
        before = window.split()[-2:]
        if not any(word.lower() == "sich" for word in before):
            return False  # the common case, decided cheaply
        near = [*before, *text[end : end + 30].split()[:2]]
        return any(_fold(word.strip(".,;:!?")) in self._pretence_verbs for word in near)

    def _works_as(self, tokens: list[str]) -> bool:
        """The clause says the person works "als" a role: "arbeitet als
        Sprechstundenhilfe beim Hausarzt" -- not "muss nach der Arbeit zum Arzt"."""
        folded = [_fold(t.rstrip(".")) for t in tokens]
        return "als" in folded and any(w in self._work_verbs for w in folded)

    def _works_there_as(self, text: str, start: int, end: int) -> bool:
        """A phrase of working at a place ("arbeitet im Kloster") followed by "als" and a
        role: the person has a job there, as an employer's worker ("kd arbeitet im kloster als
        gärtner") -- a role that is itself a finding ("als Nonne") is a hit of its own."""
        words = [*text[max(0, start - 24) : start].split()[-2:], *text[start:end].split()]
        if not any(_fold(w) in self._job_words for w in words[:-1]):
            return False  # the common case: no verb of working right before the place
        following = text[end : end + 40].split()
        return (
            len(following) > 1
            and _fold(following[0]) == "als"
            and following[1].rstrip(",.;").isalpha()
        )

    def _generic_plural(self, text: str, start: int, end: int) -> bool:
        """A bare noun of people opens its clause and a verb in the plural follows: a group
        in general ("kirchgänger parken alles zu", "Pilger blockieren die Zufahrt") -- not
        one with an article or a possessive ("die Pilger"), a person ("Kd. ist Pilger"), a
        verb in the singular ("Pilger parkt") or a clause that names a person."""
        following = _TOKEN.match(text, end + 1) if text[end : end + 1] == " " else None
        if following is None:
            return False
        verb = following.group()
        if not (verb.endswith("en") and verb.isalpha() and verb.islower()):
            return False  # the common case: no verb in the plural right after
        piece = text[start:end]
        if " " in piece or not piece.isalpha():
            return False
        folded = _fold(verb)
        if folded in _ARTICLES or folded in self._preps or folded in self._function:
            return False
        if self._lemma(verb) != verb:
            return False  # "parken", "blockieren": the plural is the infinitive's form
        left, right = self._clause(text, start, end)
        before = [m.group() for m in _TOKEN.finditer(text, left, start)]
        if any(not t.islower() or _fold(t) in _ARTICLES or t in self._possessives for t in before):
            return False  # "die Pilger", "seine Glaubensbrüder", "Kd. und ..."
        after = [m.group() for m in _TOKEN.finditer(text, end, right)]
        return not self._names_person(after)

    def _feature_of_thing(self, text: str, end: int, category: str) -> bool:
        """A genitive of a thing follows the word ("DNA des Autos"), or for the categories of
        `[feature] located_categories` a preposition of place and a thing ("Stimmerkennung
        im Navi") in a clause that names no person: the word is said of the thing -- not
        "Krebs der Mutter", "Kunde hat Iris-Scan am Handy aktiviert"."""
        if not text.startswith(self._feature_links, end):
            return False  # the common case: no genitive or place right after the word
        following = text[end + 1 : end + 40].split()[:3]
        if len(following) < 2:
            return False
        link = _fold(following[0])
        if link not in self._feature_genitives and not (
            link in self._feature_located and category in self._located_categories
        ):
            return False  # the common case: no genitive or place after the word
        # the noun right after the link, or after one adjective ("des neuen Autos")
        noun = next((w for w in following[1:] if w[:1].isupper()), "").strip(".,;:!?()")
        if not noun or self._is_person(noun) or not self._is_thing(noun):
            return False
        if link in self._feature_genitives:
            return True
        # a person of the clause uses the feature ("Kunde hat Iris-Scan am Handy aktiviert")
        left, right = self._clause(text, end, end)
        return not self._names_person([m.group() for m in _TOKEN.finditer(text, left, right)])

    def _quoted_label(self, text: str, start: int, end: int) -> bool:
        """The hit lies inside quotes that open right after a thing or a noun of a label
        (`[label]`): the quoted words are the label's text ("Schalter 'DNA'", "Aufkleber
        „Baby an Bord“") -- not quoted speech ("Kd. sagt: 'ich bin blind'")."""
        memo = self._quote_memo  # (text, holds a quote): one test per text
        if memo[0] is not text:
            memo = (text, any(q in text for q in _QUOTES))
            self._quote_memo = memo
        if not memo[1]:
            return False  # no quote in the text: the common case
        window = text[max(0, start - 60) : start]
        opening = max(window.rfind(q) for q in _QUOTES)
        if opening < 0:
            return False  # no quote before the hit
        inside = window[opening + 1 :]
        if any(q in inside for q in _QUOTES) or not any(q in text[end : end + 60] for q in _QUOTES):
            return False  # the quote before closes one, or none closes after the hit
        before = window[:opening].rstrip(" :")
        words = before.split()
        if not words:
            return False
        noun = words[-1].strip(",;()")
        if not noun[:1].isupper():
            return False
        if not (fold_term(noun).endswith(self._label_nouns) or self._is_thing(noun)):
            return False
        # a person who has the label shows it ("Kunde hat einen Aufkleber 'FCK AFD'")
        left, _right = self._clause(text, start - len(window) + opening, start)
        return not self._names_person(
            [m.group() for m in _TOKEN.finditer(text, left, start - len(window) + opening)]
        )

    def _figurative(self, text: str, start: int, end: int) -> bool:
        """The valence of the hit's last word makes it figurative (`[figurative]`): a sense
        adjective with an object after "für"/"gegenüber" that is no colour ("blind für die
        Kratzer" -- not "blind für Rot"), or a complaint of the belly or head caused by a
        matter of business ("Bauchschmerzen wegen der Kosten", "Die Lieferzeit bereitet mir
        Kopfschmerzen" -- not "Kopfschmerzen wegen des Unfalls")."""
        cut = text.rfind(" ", start, end)  # the hit's last word
        word = _fold(text[cut + 1 if cut >= 0 else start : end])
        if word in self._hopes:  # "Wir beten, dass die Scheibe hält": hoping
            return text[end : end + 8].lstrip(" ,").startswith("dass ")
        if word in self._states and text.startswith(" vor ", end):  # "krank vor Sorge"
            following = text[end + 5 : end + 30].split()
            return bool(following) and _fold(following[0].strip(".,;:!?")) in self._emotions
        if word in self._affairs:  # "die Affäre um die Nachberechnung": a business
            return text.startswith(" um ", end)
        if word in self._enthusiasts:  # "Oldtimer-Liebhaber", "Liebhaber von Autos"
            if cut < 0 and start and (text[start - 1] == "-" or text[start - 1].isalpha()):
                return True  # the head of a compound
            following = text[end : end + 40].split()
            if not following or _fold(following[0]) not in self._enthusiast_complements:
                return False
            noun = next((t for t in following[1:] if t[:1].isupper()), "")
            return bool(noun) and not self._is_person(noun.strip(".,;:!?"))
        if word in self._attitudes:  # "liberal mit den Terminen": a manner of dealing
            following = text[end : end + 12].split()
            return bool(following) and _fold(following[0]) in self._attitude_complements
        sense = word in self._senses
        if not sense and word not in self._worries:
            return False  # the common case, decided cheaply
        left, right = self._clause(text, start, end)
        after = [m.group() for m in _TOKEN.finditer(text, end, right)][:6]
        if sense:
            if not after or _fold(after[0]) not in self._sense_complements or len(after) < 2:
                return False
            noun = next((t for t in after[1:] if t[:1].isupper()), after[1])
            return _fold(noun.rstrip(".")) not in self._colours
        if after and _fold(after[0]) in self._worry_links:
            noun = _fold(next((t for t in after[1:] if t[:1].isupper()), "").rstrip("."))
            # (a dative plural adds "n": "bei diesen Preisen")
            return bool(noun) and (
                noun.endswith(self._matters) or noun[:-1].endswith(self._matters)
            )
        before = [m.group() for m in _TOKEN.finditer(text, left, start)][-6:]
        return any(_fold(t) in self._worry_causes for t in before) and any(
            t[:1].isupper() and _fold(t.rstrip(".")).endswith(self._matters) for t in before
        )

    def _holding_opens(self, text: str, start: int, end: int) -> bool:
        """The hit opens its clause with a thing, place or event that an organisation holds
        ("Infostand der AfD blockiert die Einfahrt", "Wahlkampfstand der Grünen vor dem
        Supermarkt") and the clause names no person: no one's relation to it -- not "Kd.
        steht am Infostand der AfD", "Am Infostand der AfD hat Kd. Flyer verteilt"."""
        match = _TOKEN.match(text, start)
        link = (
            _TOKEN.match(text, match.end() + 1)
            if match and text[match.end() : match.end() + 1] == " "
            else None
        )
        if match is None or link is None or _fold(link.group()) not in ("der", "des", "vom", "von"):
            return False
        noun = match.group()
        if not noun[:1].isupper() or not self._is_holding(noun):
            return False
        left, right = self._clause(text, start, end)
        before = [m.group() for m in _TOKEN.finditer(text, left, start)]
        if any(
            t[:1].isupper() and _fold(t) not in self._preps and _fold(t) not in _ARTICLES
            for t in before
        ):
            return False  # "Vorsitzender des Ortsvereins der SPD": a noun before it
        tokens = [*before, *(m.group() for m in _TOKEN.finditer(text, start, right))]
        return not self._names_person(tokens)

    def _event_met(self, text: str, start: int, end: int) -> bool:
        """The hit opens with an event (`[owner] events`: "Warnstreik der IG Metall") that
        is a circumstance of its clause (see :meth:`_circumstance`): "Kd. stand im Stau wegen
        Warnstreik der IG Metall" -- not "Am Warnstreik der IG Metall nimmt Kd. teil"."""
        match = _TOKEN.match(text, start)
        if match is None or match.end() >= end:
            return False  # a single word ("Zuckerfest") is the term itself, no one's event
        if not fold_term(match.group()).endswith(self._owner_events):
            return False
        left, right = self._clause(text, start, end)
        before = [m.group() for m in _TOKEN.finditer(text, left, start)]
        return self._circumstance(before, [m.group() for m in _TOKEN.finditer(text, end, right)])

    def _is_holding(self, noun: str) -> bool:
        """A thing, a place or an event (`[owner] events`) that an organisation may hold."""
        return self._is_thing_or_place(noun) or self._is_event(noun)

    def _is_thing_or_place(self, noun: str) -> bool:
        """A thing, or a noun whose head names a place ("Hinterhof", "Gemeindesaal")."""
        head = self.head(noun.rstrip("."))
        return self._is_thing(noun) or (head is not None and head[0] == "place")

    def _is_event(self, noun: str) -> bool:
        """An event of `[owner] events`, by the word or its lemma ("Warnstreik")."""
        events = self._owner_events
        return fold_term(noun).endswith(events) or fold_term(self._lemma(noun)).endswith(events)

    def _is_organisation(self, word: str) -> bool:
        """A name of an organisation or venue: an acronym ("DGB", "AfD") or a noun
        whose head is an organisation one belongs to, an institution or a place
        ("Orts|verein", "Nacht|club", "Kirchen|chor") -- not a person or a process
        ("Gewerkschafter", "Transition")."""
        if sum(c.isupper() for c in word) >= 2:
            return True
        if not word[:1].isupper() or self._is_person(word):
            return False
        if fold_term(self._lemma(word)).endswith(self._memberships):
            return True
        head = self.head(word)
        return head is not None and head[0] in ("institution", "place")

    def _workplace_before(self, before: list[str]) -> bool:
        """A profession right before the place's preposition names a workplace ("ist
        Dolmetscher beim BAMF", "als Fahrer bei der Ausländerbehörde")."""
        words = [t for t in before if _fold(t) not in _ARTICLES][-3:]
        if len(words) < 3 or _fold(words[2]) not in self._preps:
            return False
        verb, noun = _fold(words[0]), words[1]
        return (
            verb in self._job_verbs
            and noun[:1].isupper()
            and not self._is_person(noun)
            and _fold(noun) not in self._not_profession
        )

    def _absent(self, before: list[str], piece: str) -> bool:
        """The person was not there: a negator in the phrase or right before it ("war nicht
        auf der Demo", "nie bei einer Kundgebung") -- not "nicht nur", "nicht mehr"."""
        words = [_fold(t.rstrip(".,")) for t in [*before[-2:], *piece.split()]]
        return any(
            word in self._negators and (i + 1 == len(words) or words[i + 1] not in ("nur", "mehr"))
            for i, word in enumerate(words)
        )

    def _other_subject_after(self, after: list[str]) -> bool:
        """A clause that opens with the event ("Bei der Kundgebung hat jemand ...") has its
        subject after the verb: someone or something other than a person of the note."""
        for token in after[:4]:
            folded = _fold(token.rstrip("."))
            if self._is_person(token):
                return False
            if folded in _INDEFINITE or (token[:1].isupper() and folded not in self._function):
                return True
        return False

    def _simile(self, text: str, start: int) -> bool:
        """``text[start:]`` follows "wie ein" (and an adjective): a comparison."""
        memo = self._simile_memo  # (text, holds "wie ein"): one test per text
        if memo[0] is not text:
            memo = (text, "wie ein" in text)
            self._simile_memo = memo
        return memo[1] and _SIMILE.search(text, max(0, start - 32), start) is not None

    def _dated_by_treatment(self, before: list[str], word: str) -> bool:
        """A preposition of time before a treatment (``word``) dates by it ("Termin nach der
        Dialyse", "erst nach der Reha erreichbar"), unless a noun of place stands right before
        the preposition ("Einfahrt nach der Dialyse"); ``before``: the tokens before it."""
        if _fold(self._lemma(word)) not in self._treatments:
            return False
        for token in reversed(before):
            if not token[:1].isupper():
                if token.isalpha():
                    continue  # "erst", "gleich", "kurz" nach der Dialyse
                return False
            folded = _fold(token.rstrip("."))
            return folded in self._time_nouns or folded in self._function or self._is_person(token)
        return True

    def _stay_back_reference(self, text: str, right: int) -> bool:
        """A later clause of the sentence puts a person in the place by a pronoun of place
        ("..., Kd. war drin", "Kunde war die ganze Nacht dort"): a copula, a person and
        "drin", "drinnen", "dort" or "darin", without a job frame or a negator."""
        limit = min(len(text), right + 120)
        window = text[right:limit].lower()
        if "drin" not in window and "dort" not in window:
            return False  # the common case, decided cheaply
        found = _SENTENCE_END.search(text, right, limit)
        rest = [m.group() for m in _TOKEN.finditer(text, right, found.start() if found else limit)]
        folded = [_fold(t.rstrip(".")) for t in rest]
        if not any(f in ("drin", "drinnen", "darin", "dort") for f in folded):
            return False
        if not any(f in self._copulas for f in folded) or not any(self._is_person(t) for t in rest):
            return False
        if any(f in self._negators for f in folded):
            return False
        return not self._job_frame(rest, -1)

    def _job_back_reference(self, text: str, right: int) -> bool:
        """A later clause of the sentence holds a job frame and points back ("dort")."""
        limit = min(len(text), right + 160)
        found = _SENTENCE_END.search(text, right, limit)
        rest = [m.group() for m in _TOKEN.finditer(text, right, found.start() if found else limit)]
        if not any(_fold(t) in self._back_refs for t in rest):
            return False
        return self._job_frame(rest, -1)

    def _keep_place(
        self,
        text: str,
        left: int,
        start: int,
        before: list[str],
        tokens: list[str],
        field: str,
        category: str,
    ) -> bool:
        # a visit makes the person a visitor: of a patient in hospital it tells nothing of the
        # visitor's health, but of a sex venue or a place of worship it tells their own
        visit = any(_fold(t.rstrip(".")) in self._visit_words for t in tokens)
        if visit and category not in self._visit_reveals:
            return False
        if self._job_frame(tokens, len(before)):
            return False
        prep = None
        index = len(before) - 1
        skipped = 0
        while index >= 0 and skipped < 3:
            folded = _fold(before[index].rstrip("."))
            if folded == "an" and not skipped and index and _fold(before[index - 1]) in self._has:
                break  # "hat an Pflegedienst": the spoken article "einen", no preposition
            if folded in self._preps or folded in self._place_preps:
                prep = folded
                if folded in self._genitive and index and self._names_thing(before[index - 1]):
                    return False  # "Cafeteria vom Marienkrankenhaus", "Frau Wolf vom Pflegedienst"
                if (
                    folded in self._directions
                    and index
                    and self._names_thing(before[index - 1])
                    and _fold(before[index - 1]) != "weg"  # "auf dem Weg zum Krankenhaus"
                    and self._is_institution(tokens[len(before)])
                ):
                    return False  # "Linie zum Klinikum", "Fahrt zum Krankenhaus": a route
                break
            if folded in _ARTICLES or before[index][:1].islower():
                index -= 1
                skipped += 1
                continue
            # a noun right before: "Parkhaus der Uniklinik" (genitive of a place),
            # "Hausmeister der Klinik" (a job there) -- "Patient der Klinik" stays there
            if skipped and _fold(before[index + 1]) in ("der", "des"):
                noun = before[index]
                if noun[:1].isupper() and not _fold(noun.rstrip(".")).endswith(self._residents):
                    return False
            break
        if prep in self._temporal and self._dated_by_treatment(before[:index], tokens[len(before)]):
            return True  # "Termin nach der Dialyse", "erst nach der Reha erreichbar"
        if prep in self._place_preps and prep not in self._stay_preps:
            return False
        if prep in ("für", "fuer") and self._is_institution(tokens[len(before)]):
            return False  # "fährt Blutkonserven für das Klinikum aus": on its behalf
        if prep in self._stay_preps:
            return True
        if len(tokens[len(before)]) <= 3 and tokens[len(before)].isupper():
            return False  # an abbreviation ("KH") is a stay only after "im", "ins", "aus dem"
        return visit or field == "nachname" or self._names_person(tokens)
