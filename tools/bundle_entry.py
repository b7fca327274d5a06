"""Entry point of the PyInstaller bundle (see build.spec): runs the GUI app."""

from __future__ import annotations

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()  # harmless unless a dependency spawns processes
    from desktop.app import main

    sys.exit(main())
