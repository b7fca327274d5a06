"""Child process of the kill test: "types" into a draft through the real autosaver.

Usage: ``python -m tests.store.kill_child DATA_DIR KEYRING_FILE DRAFT_ID``. Prints
``<typed length> <monotonic time>`` after every keystroke until it is killed.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer

from desktop.store import DataKey, LocalStore
from desktop.tasks import TaskRunner
from desktop.workers.autosave import DraftAutosaver
from tests.store.file_keyring import install

SERVICE = "Glasvermittler-killtest"
TEXT = "Kunde Zacharias Quellmalz meldet Steinschlag auf der Frontscheibe. " * 20
#: Cleaned photos attached before typing started ({image_id: (data, media_type)}).
PHOTOS = {
    "6f1c0a8e-0000-4000-8000-000000000001": (b"\x89PNG\r\n\x1a\nKILLTESTPHOTO-1", "image/png"),
    "6f1c0a8e-0000-4000-8000-000000000002": (b"\xff\xd8\xffKILLTESTPHOTO-2", "image/jpeg"),
}
#: Form state besides the text that must come back exactly.
STATE = {
    "kind": "complete",
    "repair_consent": True,
    "consent": True,
    "freetext_consent": True,
    "dismissed": {"zusatzinfo": [["person.other", "Zacharias"]]},
    "step": 3,
}


def main(argv: list[str]) -> int:
    data_dir, keyring_file, draft_id = Path(argv[0]), Path(argv[1]), argv[2]
    install(keyring_file)
    store = LocalStore(data_dir, DataKey.load_or_create(SERVICE))
    app = QCoreApplication([])
    runner = TaskRunner()
    saver = DraftAutosaver(store, runner)
    state = {"typed": 0}

    def payload() -> dict[str, object]:
        return {
            **STATE,
            "nachname": "Quellmalz",
            "voluntary": {"zusatzinfo": TEXT[: state["typed"]]},
        }

    def keystroke() -> None:
        state["typed"] += 1
        saver.schedule(draft_id, "complete", payload, lambda: PHOTOS)
        sys.stdout.write(f"{state['typed']} {time.monotonic()}\n")
        sys.stdout.flush()

    timer = QTimer()
    timer.timeout.connect(keystroke)
    timer.start(20)
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
