"""``python -m desktop [--check-startup]``: start the Glasvermittler app."""

import time

_T0 = time.perf_counter()

if __name__ == "__main__":
    import sys

    from desktop.app import main

    sys.exit(main(t0=_T0))
