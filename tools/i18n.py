"""Translation workflow: extract UI strings into the .ts file and compile it to .qm.

The source strings in ``desktop/`` are German (``self.tr("…")`` /
``QCoreApplication.translate(context, "…")``); English lives in
``resources/i18n/glasvermittler_en.ts``; ``glasvermittler_de.ts`` holds only the German plural
forms of ``%n`` messages (``tr("%n Vermittlung(en)", "", n)`` → "1 Vermittlung" / "5
Vermittlungen"). The compiled ``.qm`` files are committed so that a plain
``pip install -e .`` run of the app is translated without a build step.

Commands (from the repository root, venv active)::

    python tools/i18n.py update   # pyside6-lupdate desktop/**/*.py -> resources/i18n/*.ts
    # ... translate the new entries (Qt Linguist: pyside6-linguist resources/i18n/*.ts,
    #     or edit the XML: fill <translation>, drop type="unfinished") ...
    python tools/i18n.py build    # pyside6-lrelease -> resources/i18n/*.qm (commit both)
    python tools/i18n.py check    # exit 1 if a string is untranslated/missing or a .qm is stale
    python tools/i18n.py pending > todo.json   # unfinished entries as JSON (fill "translation")
    python tools/i18n.py apply todo.json       # write those translations into the .ts (finished)

The tools are the ``lupdate``/``lrelease`` binaries that ship inside the PySide6-Essentials
wheel (also reachable as ``pyside6-lupdate``/``pyside6-lrelease``).
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as `python tools/i18n.py`
    sys.path.insert(0, str(ROOT))

from tools.i18n_extract import extra_strings  # noqa: E402

I18N_DIR = ROOT / "resources" / "i18n"
SOURCE_DIR = ROOT / "desktop"
SOURCE_LANGUAGE = "de_DE"
TARGETS = {"en": "en_GB", "de": "de_DE"}
PLURAL_ONLY = frozenset({"de"})
"""German is the source language; its catalogue holds only the plural forms of ``%n``
messages ("1 Vermittlung" / "5 Vermittlungen" instead of the source's "Vermittlung(en)")."""
CATALOGUE = "glasvermittler"


@dataclass(frozen=True)
class Message:
    """One entry of a .ts file.

    Attributes:
        context: translation context (class name or explicit context).
        source: the German source text.
        comment: disambiguation comment ("" if none).
        translations: the translated text(s); several for plural (numerus) messages.
        status: the ``type`` attribute of ``<translation>`` ("" when finished,
            "unfinished", "vanished", "obsolete").
    """

    context: str
    source: str
    comment: str
    translations: tuple[str, ...]
    status: str

    @property
    def key(self) -> tuple[str, str, str]:
        """Identity of the message: (context, source, comment)."""
        return (self.context, self.source, self.comment)

    @property
    def finished(self) -> bool:
        """True when translated and accepted (no ``type`` attribute, no empty form)."""
        return self.status == "" and all(t.strip() for t in self.translations)


def _qt_tool(name: str) -> str:
    import PySide6  # the Essentials wheel ships the binaries beside the package

    suffix = ".exe" if sys.platform == "win32" else ""
    exe = Path(PySide6.__file__).resolve().parent / (name + suffix)
    if exe.exists():
        return str(exe)
    found = shutil.which(f"pyside6-{name}")
    if found is None:
        raise SystemExit(f"{name} not found; install PySide6-Essentials")
    return found


def ts_path(lang: str) -> Path:
    """Path of the .ts file for ``lang`` (e.g. "en")."""
    return I18N_DIR / f"{CATALOGUE}_{lang}.ts"


def source_files() -> list[Path]:
    """The Python files lupdate scans: every ``desktop/**/*.py``, sorted."""
    return sorted(p for p in SOURCE_DIR.rglob("*.py") if "__pycache__" not in p.parts)


def _write_extra_source(directory: Path) -> Path:
    """A Python file of literal ``translate()`` calls for :func:`extra_strings`, for lupdate."""
    lines = ["from PySide6.QtCore import QCoreApplication", ""]
    for context, text in extra_strings(source_files()):
        ctx = json.dumps(context, ensure_ascii=False)
        src = json.dumps(text, ensure_ascii=False)
        plural = ', "", 2' if "%n" in text else ""  # %n only means something in plural forms
        lines.append(f"QCoreApplication.translate({ctx}, {src}{plural})")
    path = directory / "extra_strings.py"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def run_lupdate(ts: Path, target_language: str, *, plural_only: bool = False) -> str:
    """Merge the strings of :func:`source_files` into ``ts`` (created if missing).

    Vanished strings are dropped and no source locations are stored, so the file only changes
    when texts change.

    Returns:
        lupdate's console output.
    """
    with tempfile.TemporaryDirectory() as tmp:
        extra = _write_extra_source(Path(tmp))
        return _lupdate([*source_files(), extra], ts, target_language, plural_only=plural_only)


def lupdate_lang(lang: str, ts: Path | None = None) -> str:
    """:func:`run_lupdate` for ``lang`` (its .ts unless ``ts``; German: plural forms only)."""
    return run_lupdate(
        ts if ts is not None else ts_path(lang), TARGETS[lang], plural_only=lang in PLURAL_ONLY
    )


def _lupdate(files: list[Path], ts: Path, target_language: str, *, plural_only: bool) -> str:
    cmd = [
        _qt_tool("lupdate"),
        *(str(p) for p in files),
        "-ts",
        str(ts),
        "-source-language",
        SOURCE_LANGUAGE,
        "-target-language",
        target_language,
        "-locations",
        "none",
        "-no-obsolete",
        *(["-pluralonly"] if plural_only else []),
    ]
    done = subprocess.run(cmd, check=True, capture_output=True, text=True)
    return done.stdout + done.stderr


def run_lrelease(ts: Path, qm: Path) -> str:
    """Compile ``ts`` into ``qm``; returns lrelease's console output."""
    cmd = [_qt_tool("lrelease"), str(ts), "-qm", str(qm)]
    done = subprocess.run(cmd, check=True, capture_output=True, text=True)
    return done.stdout + done.stderr


def read_messages(ts: Path) -> list[Message]:
    """Parse a .ts file into :class:`Message` entries (document order)."""
    out: list[Message] = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name", default="")
        for msg in context.iter("message"):
            tr = msg.find("translation")
            if tr is None:
                texts: tuple[str, ...] = ("",)
                status = "unfinished"
            else:
                forms = tr.findall("numerusform")
                texts = tuple(f.text or "" for f in forms) if forms else (tr.text or "",)
                status = tr.get("type", "")
            out.append(
                Message(
                    context=name,
                    source=msg.findtext("source", default=""),
                    comment=msg.findtext("comment", default=""),
                    translations=texts,
                    status=status,
                )
            )
    return out


def translation_problems(lang: str) -> list[str]:
    """Strings in the code that the committed .ts of ``lang`` lacks or leaves untranslated.

    Runs lupdate into a temporary copy of the committed .ts, so the working tree is untouched.

    Returns:
        Readable lines; empty when the translation is complete.
    """
    ts = ts_path(lang)
    if not ts.exists():
        return [f"{ts.name} missing; run: python tools/i18n.py update"]
    committed = {m.key: m for m in read_messages(ts)}
    found: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / ts.name
        shutil.copyfile(ts, copy)
        lupdate_lang(lang, copy)
        for msg in read_messages(copy):
            if not msg.context:
                # lupdate files alias calls `tr("Context", "text")` under an empty context with
                # "Context" as source; they never match at run time (extra_strings has them).
                continue
            if msg.key not in committed:
                found.append(f"missing: [{msg.context}] {msg.source!r}")
            elif not committed[msg.key].finished:
                found.append(f"untranslated: [{msg.context}] {msg.source!r}")
    return found


def qm_problems(lang: str) -> list[str]:
    """A committed .qm that is missing or differs from a fresh lrelease of the committed .ts."""
    ts = ts_path(lang)
    qm = ts.with_suffix(".qm")
    if not ts.exists():
        return [f"{ts.name} missing; run: python tools/i18n.py update"]
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "fresh.qm"
        run_lrelease(ts, fresh)
        if not qm.exists() or qm.read_bytes() != fresh.read_bytes():
            return [f"{qm.name} is stale; run: python tools/i18n.py build"]
    return []


def pending(lang: str | None = None) -> list[dict[str, object]]:
    """Unfinished entries of ``lang``'s .ts (every target's when None) as JSON-ready dicts.

    Each has ``context``, ``source``, ``comment`` and ``translation`` (a string, or a list of
    forms for plural messages) for a translator to fill in and pass to :func:`apply`; entries
    of a language other than English also carry ``lang`` (German: the plural forms, singular
    first, e.g. ``["%n Vermittlung", "%n Vermittlungen"]``).
    """
    out: list[dict[str, object]] = []
    for code in [lang] if lang is not None else list(TARGETS):
        if not ts_path(code).exists():
            continue
        for msg in read_messages(ts_path(code)):
            if msg.context and not msg.finished:
                forms = list(msg.translations)
                entry: dict[str, object] = {
                    "context": msg.context,
                    "source": msg.source,
                    "comment": msg.comment,
                    "translation": forms if len(forms) > 1 else forms[0],
                }
                if code != "en":
                    entry["lang"] = code
                out.append(entry)
    return out


def apply(entries: list[dict[str, object]], lang: str | None = None) -> int:
    """Write translations into the .ts of each entry's ``lang`` (default English).

    Entries with an empty translation are skipped. The file is re-normalised by lupdate.

    Returns:
        Number of messages changed.
    """
    if lang is None:
        codes = sorted({str(e.get("lang") or "en") for e in entries})
        return sum(
            apply([e for e in entries if str(e.get("lang") or "en") == code], code)
            for code in codes
        )
    ts = ts_path(lang)
    wanted = {
        (str(e["context"]), str(e["source"]), str(e.get("comment") or "")): e["translation"]
        for e in entries
    }
    tree = ET.parse(ts)
    changed = 0
    for context in tree.getroot().iter("context"):
        name = context.findtext("name", default="")
        for msg in context.iter("message"):
            key = (name, msg.findtext("source", default=""), msg.findtext("comment", default=""))
            value = wanted.get(key)
            forms = [value] if isinstance(value, str) else value if isinstance(value, list) else []
            if not forms or not all(isinstance(f, str) and f.strip() for f in forms):
                continue
            tr = msg.find("translation")
            if tr is None:
                tr = ET.SubElement(msg, "translation")
            tr.attrib.pop("type", None)
            numerus = tr.findall("numerusform")
            if numerus:
                for element, text in zip(numerus, forms * len(numerus), strict=False):
                    element.text = str(text)
            else:
                tr.text = str(forms[0])
            changed += 1
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    lupdate_lang(lang)  # back to lupdate's own layout
    return changed


def update() -> None:
    """Extract strings into every target's .ts."""
    I18N_DIR.mkdir(parents=True, exist_ok=True)
    for lang in TARGETS:
        print(lupdate_lang(lang).strip())


def build() -> None:
    """Compile every target's .ts into the .qm beside it."""
    for lang in TARGETS:
        ts = ts_path(lang)
        print(run_lrelease(ts, ts.with_suffix(".qm")).strip())


def check() -> int:
    """Print the problems of every target; 0 when all are complete."""
    failed = 0
    for lang in TARGETS:
        lines = translation_problems(lang) + qm_problems(lang)
        for line in lines:
            print(f"{lang}: {line}")
        failed += len(lines)
    print("translations complete" if not failed else f"{failed} problem(s)")
    return 1 if failed else 0


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point (see the module docstring)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["update", "build", "check", "pending", "apply"])
    parser.add_argument("file", nargs="?", help="JSON file for apply")
    args = parser.parse_args(argv)
    if args.command == "pending":
        print(json.dumps(pending(), ensure_ascii=False, indent=1))
    elif args.command == "apply":
        if not args.file:
            parser.error("apply needs a JSON file")
        entries = json.loads(Path(args.file).read_text(encoding="utf-8"))
        print(f"{apply(entries)} translation(s) applied")
    elif args.command == "update":
        update()
    elif args.command == "build":
        build()
    else:
        return check()
    return 0


if __name__ == "__main__":
    sys.exit(main())
