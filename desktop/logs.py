"""Logging: daily files in the data directory, a redacting filter, deletion after 7 days.

Log records never carry what an agent typed. :class:`RedactingFilter` runs on the file
handler and rewrites every record before it is formatted:

* string arguments of ``log.info("... %s", value)`` are replaced by ``<text>`` unless they
  look like a code or an identifier (``cursor-expired``, ``NotAuthenticated``, ``sync``);
  HTTP request lines keep method and path but lose the query string;
* the resulting message and any exception text are scrubbed for e-mail addresses, IBANs,
  phone numbers, German number plates, policy or other long numbers, field/value pairs
  (``nachname=…``), quoted free text, secrets (``password=…``, ``Bearer …``, session cookies)
  and long token-like strings. UUIDs, dates and referral numbers are kept (no personal data).

Files older than :data:`RETENTION_DAYS` days are deleted at start and then daily
(:class:`LogJanitor`, a QTimer), matching the company's 7-day promise.
"""

from __future__ import annotations

import logging
import logging.handlers
import re
import time
import traceback
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from typing_extensions import override

from desktop.paths import make_private

__all__ = [
    "LOG_FILE",
    "RETENTION_DAYS",
    "LogSetup",
    "RedactingFilter",
    "install_qt_message_handler",
    "purge_old_logs",
    "redact",
    "redact_value",
    "setup_logging",
]

LOG_FILE = "glasvermittler.log"
RETENTION_DAYS = 7
_DAY_S = 86400.0

_FIELDS = (
    r"nachname|vorname|name|telefon|phone|tel|kennzeichen|plate|"
    r"versicherungsscheinnummer|policy|police|zusatzinfo|bemerkungen|betreff|subject|"
    r"beschreibung|body|text|email|e-mail|mail|iban|adresse|address|strasse|login|user(?:name)?"
)
_SECRETS = (
    r"password|passwort|passwd|pwd|token|secret|cookie|gv_session|session|api[_-]?key|authorization"
)
_VALUE = r"""\s*[:=]\s*(?:"[^"]*"|'[^']*'|[^\s,;}&]+)"""

_HTTP_METHODS = frozenset(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"])
_HTTP_VERSION = re.compile(r"HTTP/\d(?:\.\d)?")
_REQUEST_LINE = re.compile(
    r"(?P<method>GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS) (?P<path>/[^\s?\"]*)(?:\?[^\s\"]*)?"
    r" HTTP/[\d.]+"
)
#: Path segments of the Extranet API kept in request paths; ids become ``{id}``, anything
#: else ``<text>`` (a path could carry typed text on some other server).
_PATH_WORDS = frozenset(
    "api v1 session config referrals images postbox tickets messages changes read".split()  # noqa: SIM905
)
_PATH_ID = re.compile(
    r"\d{1,12}|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
)


def _api_path(path: str) -> str:
    """``/api/v1/referrals/{id}/images`` for a request path: no query, no unknown segments."""
    segments = [
        seg if seg in _PATH_WORDS else "{id}" if _PATH_ID.fullmatch(seg) else "<text>"
        for seg in path.split("?", 1)[0].strip("/").split("/")
        if seg
    ]
    return "/" + "/".join(segments)


def _request_line(value: str) -> str | None:
    """``POST /api/v1/referrals/{id}/images`` for a request line; None otherwise."""
    match = _REQUEST_LINE.fullmatch(value)
    if match is None:
        return None
    return f"{match['method']} {_api_path(match['path'])}"


def _quoted_request_line(quoted: str) -> str:
    return f'"{_request_line(quoted[1:-1]) or "<text>"}"'


# Order matters: the first alternative that matches at a position wins.
_PATTERNS: list[tuple[str, str | Callable[[str], str] | None]] = [
    # kept as they are (no personal data)
    (r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}", None),
    (r"\bGV-\d{4}-\d{6}\b", None),
    (
        r"\b\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?",
        None,
    ),
    (r"\b\d{1,3}(?:\.\d{1,3}){3}(?::\d{1,5})?\b", None),  # loopback/IP:port
    # secrets and field/value pairs
    (r"(?i:\bbearer\s+\S+)", "Bearer <secret>"),
    (rf"(?i:[\"']?\b(?:{_SECRETS})\b[\"']?{_VALUE})", "<secret>"),
    (rf"(?i:[\"']?\b(?:{_FIELDS})\b[\"']?{_VALUE})", "<field>"),
    # identifiers of people and things
    (r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", "<email>"),
    (r"\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){3,7}(?:[ ]?[A-Z0-9]{1,3})?\b", "<iban>"),
    (r"(?<![\w.])(?:\+|00)?\d[\d ()/.-]{5,}\d(?![\w.])", "<number>"),
    (r"\b[A-ZÄÖÜ]{1,3}[- ][A-Z]{1,2}[- ]?\d{1,4}[EH]?\b", "<plate>"),
    (r"\b[A-ZÄÖÜ]{1,3}[A-Z]{1,2}\d{1,4}[EH]?\b", "<plate>"),
    (
        r"(?<![\w/])(?=[A-Za-z0-9/-]*\d)(?=[A-Za-z0-9/-]*[A-Za-z])[A-Za-z0-9][A-Za-z0-9/-]{5,}\b",
        "<id>",
    ),
    (r"\b\d{6,}\b", "<number>"),
    (r"\b[A-Za-z0-9_\-+/=]{32,}\b", "<token>"),
    # urllib3's quoted request line: method and API path only
    (r"\"(?:GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS) /[^\s\"]* HTTP/[\d.]+\"", _quoted_request_line),
    # free text in quotes
    (r"\"[^\"\n]*\"|'[^'\n]*'|„[^“\n]*“|«[^»\n]*»", "<text>"),
]
_MASTER = re.compile("|".join(f"({pattern})" for pattern, _ in _PATTERNS))
if _MASTER.groups != len(_PATTERNS):  # redact() maps group numbers to _PATTERNS
    raise RuntimeError("log redaction patterns must not contain capturing groups")
_SAFE_ARG = re.compile(
    r"[a-z0-9_.:/-]{1,64}"  # codes, pool names, paths, lower-case identifiers
    r"|[A-Z][A-Za-z0-9]*(?:Error|Exception|Warning|Expired|Failed|Unavailable|Authenticated|"
    r"Forbidden|Found|Conflict|Invalid|Timeout|Large|Type|Request|Limited|Required)"
)


def redact(text: str) -> str:
    """Replace personal data, secrets and free text in a log line by placeholders."""

    def replace(match: re.Match[str]) -> str:
        index = match.lastindex or 0
        # lastindex is the outermost group that matched (patterns contain no groups)
        replacement = _PATTERNS[index - 1][1]
        if replacement is None:
            return match.group(0)
        return replacement if isinstance(replacement, str) else replacement(match.group(0))

    return _MASTER.sub(replace, text)


def redact_value(value: object) -> object:
    """A log argument as it may appear in a file: numbers stay, most strings are replaced."""
    if value is None or isinstance(value, bool | float):
        return value
    if isinstance(value, int):
        return value if abs(value) < 100_000 else "<number>"
    if isinstance(value, str):
        if value in _HTTP_METHODS or _HTTP_VERSION.fullmatch(value):
            return value
        if value.startswith("/") and not any(c.isspace() for c in value):
            return _api_path(value)  # urllib3 logs the path with its query string
        if _SAFE_ARG.fullmatch(value):
            return value
        request = _request_line(value)
        return "<text>" if request is None else request
    if isinstance(value, BaseException):
        return type(value).__name__
    if isinstance(value, type):
        return value.__name__
    return f"<{type(value).__name__}>"


class RedactingFilter(logging.Filter):
    """Rewrites a record so that it carries no personal data (see the module docstring)."""

    @override
    def filter(self, record: logging.LogRecord) -> bool:
        args: Any = record.args
        if isinstance(args, Mapping):
            args = {k: redact_value(v) for k, v in args.items()}
        elif isinstance(args, tuple):
            args = tuple(redact_value(v) for v in args)
        try:
            message = str(record.msg) % args if args else str(record.msg)
        except (TypeError, ValueError, KeyError):
            message = str(record.msg)
        record.msg = redact(message)
        record.args = None
        if record.exc_info and record.exc_info[1] is not None:
            exc = record.exc_info[1]
            frames = traceback.format_tb(exc.__traceback__)
            record.exc_text = redact("".join(frames) + type(exc).__name__)
            record.exc_info = None
        elif record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


def purge_old_logs(
    directory: Path, *, max_age_days: float = RETENTION_DAYS, now: float | None = None
) -> int:
    """Delete log files in ``directory`` last written more than ``max_age_days`` ago.

    Returns:
        Number of files deleted.
    """
    now = time.time() if now is None else now
    limit = now - max_age_days * _DAY_S
    count = 0
    if not directory.is_dir():
        return 0
    for path in directory.iterdir():
        if not path.is_file() or not path.name.startswith(LOG_FILE):
            continue
        try:
            if path.stat().st_mtime < limit:
                path.unlink()
                count += 1
        except OSError:
            continue
    return count


class _PrivateRotatingHandler(logging.handlers.TimedRotatingFileHandler):
    """Daily log files readable by their owner only (0600), also after each rotation."""

    @override
    def _open(self) -> Any:
        make_private(Path(self.baseFilename))
        return super()._open()


class LogSetup:
    """The installed file handler plus its daily clean-up timer.

    Args:
        directory: Log directory (created).
        level: Level of the root logger.
    """

    def __init__(self, directory: Path, level: int = logging.INFO) -> None:
        self.directory = Path(directory)
        self.directory.mkdir(parents=True, exist_ok=True)
        purge_old_logs(self.directory)
        for old in self.directory.glob(f"{LOG_FILE}*"):
            make_private(old)  # written 0644 by earlier versions
        self.handler = _PrivateRotatingHandler(
            self.directory / LOG_FILE,
            when="midnight",
            backupCount=RETENTION_DAYS - 1,
            encoding="utf-8",
            delay=True,
        )
        self.handler.addFilter(RedactingFilter())
        self.handler.setFormatter(
            logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
        )
        root = logging.getLogger()
        root.addHandler(self.handler)
        if root.level == logging.NOTSET or root.level > level:
            root.setLevel(level)
        self._timer: Any = None
        self.start_daily_purge()

    def start_daily_purge(self) -> None:
        """Start the daily clean-up timer once a Qt application exists (a no-op before, and
        when started already): the app sets logging up before it creates its QApplication."""
        from PySide6.QtCore import QCoreApplication, QTimer

        if QCoreApplication.instance() is None or self._timer is not None:
            return
        self._timer = QTimer()
        self._timer.setInterval(int(_DAY_S * 1000))
        self._timer.timeout.connect(self.purge)
        self._timer.start()

    def purge(self) -> int:
        """Delete old files now (also the active one if nothing was written for 7 days)."""
        active = self.directory / LOG_FILE
        try:
            stale = active.stat().st_mtime < time.time() - RETENTION_DAYS * _DAY_S
        except OSError:
            stale = False
        if stale:
            self.handler.close()  # reopened on the next record (delay=True)
        return purge_old_logs(self.directory)

    def close(self) -> None:
        """Stop the timer and remove the handler."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        logging.getLogger().removeHandler(self.handler)
        self.handler.close()


def install_qt_message_handler() -> None:
    """Route Qt's own warnings (``qWarning`` …) into logging (logger ``qt``, redacted too)."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    levels = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING,
        QtMsgType.QtCriticalMsg: logging.ERROR,
        QtMsgType.QtFatalMsg: logging.CRITICAL,
    }
    qt_log = logging.getLogger("qt")

    def handler(kind: QtMsgType, _context: object, message: str) -> None:
        # Qt's text is the message itself (not an argument), so pattern redaction applies.
        qt_log.log(levels.get(kind, logging.WARNING), message.replace("%", "%%"))

    qInstallMessageHandler(handler)


def setup_logging(directory: Path, level: int = logging.INFO) -> LogSetup:
    """Log to ``directory/glasvermittler.log`` (daily files, redacted, 7 days kept)."""
    return LogSetup(directory, level)
