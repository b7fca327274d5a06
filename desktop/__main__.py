"""``python -m desktop [--check-startup]``: start the Glasvermittler app."""

import time

_T0 = time.perf_counter()

if __name__ == "__main__":
    import sys

    from desktop.launch import run

    sys.exit(run(t0=_T0))
