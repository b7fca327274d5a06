"""Offscreen screenshots of the real app for the README: ``docs/screenshots/*.png``.

Starts the app as a user would (:func:`desktop.app.create_main_window` with the embedded demo
server on a temporary data directory, keychain disabled), seeds a Postkorb conversation through
the API, logs in as demo/demo through the login dialog and grabs:

- ``main_window.png``: the main window (Schnellvermittlung, mandatory data filled in),
- ``quick_warning.png`` / ``complete_warning.png``: both wizards with a live privacy warning,
- ``review.png``: the Schnellvermittlung's "Prüfen und senden" (what leaves the PC),
- ``photo_preview.png``: a cleaned damage photo with the removed metadata and a face box (the
  photo is synthetic: drawn here, with GPS/time/camera EXIF, never a real person),
- ``postbox.png``: the Postkorb with a ticket and its conversation,
- ``privacy.png``: the Datenschutz page.

Usage (venv active, repository root)::

    python tools/screenshots.py                       # German, docs/screenshots/
    python tools/screenshots.py --lang en --suffix _en
    python tools/screenshots.py --scale 2 --size 960x540 --only quick_warning --suffix _200
                                                  # 200 % on a 1920x1080 screen
    python tools/screenshots.py --dark --only main_window,complete_warning --suffix _dark

Nothing is written outside ``--out`` and a temporary directory.
"""

from __future__ import annotations

import argparse
import io
import math
import os
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
# Public domain (US Navy portrait of Grace Hopper); see tests/privacy_image/data/SOURCES.txt
PORTRAIT = ROOT / "tests" / "privacy_image" / "data" / "grace_hopper.jpg"
SHOTS = (
    "main_window",
    "quick_warning",
    "review",
    "complete_warning",
    "photo_preview",
    "postbox",
    "privacy",
)


def _parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--lang", default="de", help="UI language: de | en")
    parser.add_argument("--scale", type=float, default=None, help="QT_SCALE_FACTOR, e.g. 2")
    parser.add_argument("--dark", action="store_true", help="dark colour scheme (Fusion)")
    parser.add_argument("--only", default="", help=f"comma-separated subset of {','.join(SHOTS)}")
    parser.add_argument("--suffix", default="", help="appended to every file name")
    parser.add_argument(
        "--size",
        default="1280x900",
        help="logical window size (960x540: 1080p at 200 %%)",
    )
    return parser.parse_args(argv)


def synthetic_photo(width: int = 1280, height: int = 960) -> bytes:
    """A drawn windscreen with a star chip, a real face behind the glass and GPS/time/camera
    EXIF (JPEG). The face is the public-domain portrait the tests hold (``PORTRAIT``)."""
    from PIL import Image, ImageDraw, ImageFilter

    img = Image.new("RGB", (width, height))
    draw = ImageDraw.Draw(img)
    for y in range(height):
        c = int(120 + 80 * y / height)
        draw.line([(0, y), (width, y)], fill=(c - 40, c - 20, c))
    draw.rectangle([0, int(height * 0.78), width, height], fill=(35, 35, 38))
    cx, cy = int(width * 0.35), int(height * 0.4)
    for k in range(9):
        a = k * 2 * math.pi / 9
        end = (cx + 140 * math.cos(a), cy + 110 * math.sin(a))
        draw.line([(cx, cy), end], fill=(235, 240, 245), width=3)
    draw.ellipse([cx - 14, cy - 14, cx + 14, cy + 14], outline=(250, 250, 250), width=4)
    with Image.open(PORTRAIT) as portrait:
        face = portrait.convert("RGB").resize((220, 258), Image.Resampling.LANCZOS)
    img.paste(face, (int(width * 0.70), int(height * 0.18)))
    img = img.filter(ImageFilter.GaussianBlur(1.5))
    exif = Image.Exif()
    exif[0x010F], exif[0x0110] = "ExampleCam", "Model X"  # make, model
    exif[0x0132] = "2026:11:24 14:03:12"  # date/time
    exif[0x8825] = {1: "N", 2: (50.0, 56.0, 21.0), 3: "E", 4: (6.0, 57.0, 30.0)}  # GPS
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=90, exif=exif)
    return buf.getvalue()


def wait_until(predicate: Callable[[], bool], timeout: float = 20.0) -> None:
    """Process Qt events until ``predicate()`` holds; RuntimeError after ``timeout`` seconds."""
    from PySide6.QtCore import QCoreApplication, QEventLoop

    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise RuntimeError("screenshot set-up timed out")
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        time.sleep(0.01)


def settle(seconds: float = 0.4) -> None:
    """Let timers (debounced checks, layouts) run for ``seconds``."""
    end = time.monotonic() + seconds
    wait_until(lambda: time.monotonic() > end, timeout=seconds + 5)


def seed_postbox(url: str) -> None:
    """A ticket of demo with one broker message and an unread staff answer."""
    from desktop.api import ExtranetClient

    broker, staff = ExtranetClient(url), ExtranetClient(url)
    try:
        broker.login("demo", "demo")
        staff.login("service", "service")
        ticket = broker.create_ticket(
            subject="Terminänderung GV-2026",
            body="Bitte den Termin auf Donnerstagvormittag verschieben.",
            client_ref=str(uuid.uuid4()),
            idempotency_key=str(uuid.uuid4()),
        )
        staff.post_message(
            str(ticket["id"]),
            body="Gern – Donnerstag, 10 Uhr, ist eingetragen. Wir rufen vorher kurz an.",
            client_ref=str(uuid.uuid4()),
            idempotency_key=str(uuid.uuid4()),
        )
    finally:
        broker.close()
        staff.close()


def log_in(window: Any) -> None:
    """Log in as demo/demo through the open login dialog and wait for the server config."""
    dialog = window.controller.login_dialog
    wait_until(lambda: dialog is not None and dialog.isVisible())
    dialog.login_edit.setText("demo")
    dialog.password_edit.setText("demo")
    dialog.login_button.click()
    wait_until(lambda: window.services.config is not None)
    settle()


def fill_mandatory(view: Any) -> None:
    """Sample mandatory data (fictitious) and the repair agreement."""
    for name, value in (
        ("nachname", "Beispiel"),
        ("telefon", "0221 1234567"),
        ("kennzeichen", "K-AB 123"),
        ("versicherungsscheinnummer", "VS-4711/08"),
    ):
        view.inputs[name].setText(value)
    view.repair_consent.setChecked(True)


def write_text(view: Any, name: str, text: str) -> None:
    """Give free text ``name`` its wish confirmation and ``text``, then show its warning."""
    view.consent_gate.yes.click()
    view.freetext_consent.setChecked(True)
    editor = view.inputs[name]
    editor.setFocus()
    editor.setText(text)
    view.scroll_area.ensureWidgetVisible(editor, 50, 200)


def _save(widget: Any, out: Path, name: str, suffix: str, wanted: set[str]) -> None:
    if name not in wanted:
        return
    settle(0.3)
    path = out / f"{name}{suffix}.png"
    if not widget.grab().save(str(path)):
        raise RuntimeError(f"could not write {path.name}")
    print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")


def take(window: Any, out: Path, suffix: str, wanted: set[str], tmp: Path) -> None:
    """Drive the logged-in window through every screenshot in ``wanted``."""
    quick, complete = window.page("quick"), window.page("complete")
    window.show_page("quick")
    fill_mandatory(quick)
    _save(window, out, "main_window", suffix, wanted)
    if "quick_warning" in wanted:
        write_text(quick, "bemerkungen", "Kunde ist schwerhörig, bitte laut klingeln")
        _save(window, out, "quick_warning", suffix, wanted)
    if "review" in wanted:
        if "quick_warning" not in wanted:
            write_text(quick, "bemerkungen", "")
        quick.inputs["bemerkungen"].setText("Bitte laut und deutlich klingeln")
        quick.inputs["schadenart"].setCurrentIndex(1)
        quick.update_review()
        settle(0.3)
        bar = quick.scroll_area.verticalScrollBar()
        bar.setValue(bar.maximum())  # the review and Senden at the end of the page
        _save(window, out, "review", suffix, wanted)
    if wanted & {"complete_warning", "photo_preview"}:
        window.show_page("complete")
        fill_mandatory(complete)
        photo = tmp / "schaden.jpg"
        photo.write_bytes(synthetic_photo())
        complete.photos.add_files([str(photo)])
        wait_until(lambda: complete.photos.cleaned() and not complete.photos.busy(), 60)
        write_text(complete, "zusatzinfo", "Kundin ist gehbehindert und sehr nett")
        _save(window, out, "complete_warning", suffix, wanted)
        complete.scroll_area.ensureWidgetVisible(complete.photos, 50, 50)
        _save(complete.photos.parentWidget(), out, "photo_preview", suffix, wanted)
    if "postbox" in wanted:
        window.show_page("postbox")
        page = window.page("postbox")
        wait_until(lambda: page.model.rowCount() > 0, 30)
        page.table.selectRow(0)
        wait_until(lambda: page.messages.rowCount() > 0)
        _save(window, out, "postbox", suffix, wanted)
    if "privacy" in wanted:
        window.show_page("privacy")
        _save(window, out, "privacy", suffix, wanted)


def apply_dark_palette(app: Any) -> None:
    """A dark system theme as Fusion shows it (the offscreen platform has no colour scheme)."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QColor, QPalette

    app.setStyle("Fusion")
    app.styleHints().setColorScheme(Qt.ColorScheme.Dark)
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    palette = QPalette()
    for r, color in (
        (role.Window, "#2b2b2b"),
        (role.WindowText, "#e6e6e6"),
        (role.Base, "#1e1e1e"),
        (role.AlternateBase, "#323232"),
        (role.Text, "#e6e6e6"),
        (role.Button, "#353535"),
        (role.ButtonText, "#e6e6e6"),
        (role.ToolTipBase, "#3c3c3c"),
        (role.ToolTipText, "#e6e6e6"),
        (role.PlaceholderText, "#9a9a9a"),
        (role.Highlight, "#2f65ca"),
        (role.HighlightedText, "#ffffff"),
        (role.Link, "#8ab4f8"),
    ):
        palette.setColor(r, QColor(color))
    for r in (role.WindowText, role.Text, role.ButtonText):
        palette.setColor(group.Disabled, r, QColor("#7a7a7a"))
    app.setPalette(palette)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point (see the module docstring)."""
    args = _parse(argv)
    wanted = {s.strip() for s in args.only.split(",") if s.strip()} or set(SHOTS)
    unknown = wanted - set(SHOTS)
    if unknown:
        print(f"unknown screenshot(s): {', '.join(sorted(unknown))}", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="gv-shots-"))
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["GLASVERMITTLER_DATA_DIR"] = str(tmp / "data")
    os.environ["GLASVERMITTLER_CONFIG_DIR"] = str(tmp / "config")
    if args.scale:
        os.environ["QT_SCALE_FACTOR"] = str(args.scale)

    import keyring
    from keyring.backends import fail

    keyring.set_keyring(fail.Keyring())  # type: ignore[no-untyped-call]  # never touch the developer's keychain

    from PySide6.QtWidgets import QApplication

    from desktop.app import create_main_window
    from desktop.i18n import install_translators

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    if args.dark:
        apply_dark_palette(app)
    install_translators(app, args.lang)
    window = create_main_window(data_dir=tmp / "data")
    width, height = (int(v) for v in args.size.lower().split("x", 1))
    window.resize(width, height)
    window.show()
    try:
        seed_postbox(window.services.server_url)
        log_in(window)
        take(window, args.out, args.suffix, wanted, tmp)
    finally:
        window.close()
        settle(0.2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
