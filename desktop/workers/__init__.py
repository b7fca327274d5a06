"""Qt drivers for the pure store/sync code: outbox worker, draft autosave, retention timer.

They run blocking work through engineer E's ``desktop.tasks.TaskRunner`` (``run(fn, *args,
on_done=, on_error=, pool=)``). :class:`FallbackRunner` implements the same call on a private
``QThreadPool`` for when no TaskRunner is handed in (scripts, the kill test).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

__all__ = ["FallbackRunner", "Runner"]


class Runner(Protocol):
    """The part of ``desktop.tasks.TaskRunner`` the workers use."""

    def run(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        pool: str = "sync",
    ) -> Any:
        """Run ``fn(*args)`` off the GUI thread; callbacks arrive on the GUI thread."""


class _Bridge(QObject):
    done = Signal(object, object)  # (callback, value)


class _Job(QRunnable):
    def __init__(
        self,
        bridge: _Bridge,
        fn: Callable[..., Any],
        args: tuple[Any, ...],
        on_done: Callable[[Any], None] | None,
        on_error: Callable[[BaseException], None] | None,
    ) -> None:
        super().__init__()
        self._bridge, self._fn, self._args = bridge, fn, args
        self._on_done, self._on_error = on_done, on_error

    def run(self) -> None:
        try:
            value = self._fn(*self._args)
        except BaseException as exc:  # noqa: BLE001 - delivered to on_error
            if self._on_error is not None:
                self._bridge.done.emit(self._on_error, exc)
            return
        if self._on_done is not None:
            self._bridge.done.emit(self._on_done, value)


class FallbackRunner(QObject):
    """Minimal TaskRunner stand-in: one thread per pool name, results on the GUI thread."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pools: dict[str, QThreadPool] = {}
        self._bridge = _Bridge(self)
        self._bridge.done.connect(lambda callback, value: callback(value))

    def run(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        pool: str = "sync",
    ) -> None:
        """Queue ``fn(*args)`` on the named single-thread pool."""
        if pool not in self._pools:
            thread_pool = QThreadPool(self)
            thread_pool.setMaxThreadCount(1)
            self._pools[pool] = thread_pool
        self._pools[pool].start(_Job(self._bridge, fn, args, on_done, on_error))

    def shutdown(self, timeout_ms: int = 5000) -> None:
        """Wait for every pool to finish its queued jobs."""
        for thread_pool in self._pools.values():
            thread_pool.waitForDone(timeout_ms)
