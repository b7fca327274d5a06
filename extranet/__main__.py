"""``python -m extranet``: run the reference Extranet server."""

from __future__ import annotations

import argparse
import ipaddress
import logging
import signal
import sys
import threading
from pathlib import Path

from extranet.runner import EmbeddedServer


def _parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="glasvermittler-server", description="Reference Extranet server (demo/test)."
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--db", type=Path, required=True, help="SQLite file (created if absent)")
    parser.add_argument(
        "--demo", action="store_true", help="create demo accounts and demo data; loopback only"
    )
    return parser.parse_args(argv)


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def main(argv: list[str] | None = None) -> int:
    """Serve until interrupted; print ``listening on <url>`` first."""
    args = _parse(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    host = args.host
    if args.demo and not _is_loopback(host):
        print(  # noqa: T201 - CLI output
            "--demo binds to loopback only; using 127.0.0.1", file=sys.stderr
        )
        host = "127.0.0.1"
    if host == "localhost":
        host = "127.0.0.1"
    server = EmbeddedServer(args.db, host=host, port=args.port, demo=args.demo)
    url = server.start()
    print(f"listening on {url}", flush=True)  # noqa: T201 - contract: first stdout line
    server.warm_up()  # what no login needs, now that requests are served
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    try:
        stop.wait()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
