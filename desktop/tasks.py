"""Background work: named thread pools whose results arrive on the GUI thread.

Every slow call (network, disk-heavy database work, image processing) goes through one
:class:`TaskRunner`::

    services.tasks.run(client.get_config, on_done=self._on_config, on_error=self._on_error)

``fn`` runs on a pool thread and must not touch widgets. ``on_done(result)`` or
``on_error(exc)`` is called on the GUI thread: the runner's dispatcher QObject lives on the
GUI thread and worker threads only emit its signal, which Qt queues to the GUI thread
(STYLE.md §5.3). Bound methods of deleted QObjects are skipped instead of crashing.

Pools: ``"sync"`` (1 thread, network calls never overlap), ``"db"`` (1 thread, one writer),
``"media"`` (image work, up to 2 threads), ``"live"`` (1 thread: privacy checks of long texts
while typing, never queued behind a photo).

Live checks use :class:`Generation` (latest result wins).
"""

from __future__ import annotations

import itertools
import logging
import threading
import weakref
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

__all__ = ["POOLS", "Generation", "Task", "TaskRunner", "live_runners"]

log = logging.getLogger(__name__)

POOLS: dict[str, int] = {"sync": 1, "db": 1, "media": 2, "live": 1}
"""Pool name → maximum number of threads."""

_ids = itertools.count(1)


_runners: weakref.WeakSet[TaskRunner] = weakref.WeakSet()


def _released(*_args: Any, **_kwargs: Any) -> None:
    """Stands in for a delivered task's function."""


def live_runners() -> list[TaskRunner]:
    """Every TaskRunner not yet garbage-collected (used by the tests' leak check)."""
    return list(_runners)


class Task(QRunnable):
    """One call of ``fn(*args)`` on a pool thread.

    Attributes:
        id: Increasing number, unique in the process.
        pool: Name of the pool it runs on.
        cancel_event: Set by :meth:`cancel` and by :meth:`TaskRunner.shutdown`; long-running
            functions started with ``with_cancel=True`` receive it as ``cancel=`` and should
            return early when it is set.
    """

    def __init__(
        self,
        runner: TaskRunner,
        fn: Callable[..., Any],
        args: tuple[Any, ...],
        *,
        pool: str,
        on_done: Callable[[Any], Any] | None,
        on_error: Callable[[BaseException], Any] | None,
        with_cancel: bool,
    ) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the runner keeps the Python reference until delivery
        self.id = next(_ids)
        self.pool = pool
        self.cancel_event = threading.Event()
        self._runner = runner
        self._fn = fn
        self._args = args
        self._with_cancel = with_cancel
        self.on_done = on_done
        self.on_error = on_error
        self.outcome: tuple[bool, Any] | None = None
        self.done = False

    def cancel(self) -> None:
        """Ask the task to stop (cooperative) and drop its result when it arrives."""
        self.cancel_event.set()

    def release(self) -> None:
        """Drop ``fn`` and its arguments (called on the GUI thread after delivery)."""
        self._fn = _released
        self._args = ()

    @property
    def cancelled(self) -> bool:
        """True once :meth:`cancel` was called."""
        return self.cancel_event.is_set()

    def run(self) -> None:
        """Worker side: call ``fn`` and hand the outcome to the GUI thread.

        The outcome travels on the task itself, and every reference the task holds (``fn``,
        its arguments, the callbacks, the outcome) is dropped on the GUI thread in
        :meth:`TaskRunner._finish`. So the pool thread never drops the last reference to a
        QObject (a bound method's owner, a result), which would destroy it on the wrong
        thread — a crash under load.
        """
        try:
            if self._with_cancel:
                self.outcome = (True, self._fn(*self._args, cancel=self.cancel_event))
            else:
                self.outcome = (True, self._fn(*self._args))
        except BaseException as exc:  # noqa: BLE001 - delivered to on_error on the GUI thread
            self.outcome = (False, exc)
        self._runner.dispatcher.deliver.emit(self)


class _Dispatcher(QObject):
    """Lives on the GUI thread; worker threads emit :attr:`deliver`, Qt queues the call."""

    deliver = Signal(object)  # the finished task (outcome on it)

    def __init__(self, runner: TaskRunner) -> None:
        super().__init__(runner)
        self._runner = runner
        self.deliver.connect(self._on_deliver)

    @Slot(object)
    def _on_deliver(self, task: Task) -> None:
        self._runner._finish(task)


def _receiver_alive(callback: Callable[..., Any]) -> bool:
    """False for a bound method of a QObject whose C++ side is already deleted."""
    owner = getattr(callback, "__self__", None)
    if isinstance(owner, QObject):
        import shiboken6

        return bool(shiboken6.isValid(owner))
    return True


class TaskRunner(QObject):
    """Named thread pools with results delivered on the GUI thread.

    Create it on the GUI thread. Keep it alive for the app's lifetime and call
    :meth:`shutdown` on quit.

    Signals:
        task_finished(int task_id): after a task's callback ran (or was skipped).
        idle(): when the last running task finished.
    """

    task_finished = Signal(int)
    idle = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # Pools first: Qt deletes children in creation order, and a QThreadPool's destructor
        # waits for its running tasks — so they can still deliver to a live dispatcher.
        self._pools: dict[str, QThreadPool] = {}
        for name, threads in POOLS.items():
            pool = QThreadPool(self)
            pool.setMaxThreadCount(threads)
            pool.setObjectName(f"tasks-{name}")
            self._pools[name] = pool
        self.dispatcher = _Dispatcher(self)
        self._active: dict[int, Task] = {}  # strong refs until delivered
        self._closed = False
        _runners.add(self)

    def run(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Callable[[Any], Any] | None = None,
        on_error: Callable[[BaseException], Any] | None = None,
        pool: str = "sync",
        with_cancel: bool = False,
    ) -> Task:
        """Run ``fn(*args)`` on ``pool``; callbacks are called on the GUI thread.

        Args:
            fn: Plain callable over immutable inputs; never touches widgets.
            *args: Positional arguments for ``fn``.
            on_done: Called with the return value.
            on_error: Called with the exception; without it the error is logged (type only).
            pool: ``"sync"``, ``"db"``, ``"media"`` or ``"live"``.
            with_cancel: Pass the task's ``threading.Event`` as keyword ``cancel``.

        Returns:
            The started task (``task.cancel()`` drops its result).

        Raises:
            KeyError: Unknown pool name.
            RuntimeError: The runner was shut down.
        """
        if self._closed:
            raise RuntimeError("TaskRunner is shut down")
        thread_pool = self._pools[pool]
        task = Task(
            self,
            fn,
            args,
            pool=pool,
            on_done=on_done,
            on_error=on_error,
            with_cancel=with_cancel,
        )
        self._active[task.id] = task
        thread_pool.start(task)
        return task

    def pool(self, name: str) -> QThreadPool:
        """The QThreadPool behind ``name`` (for tests and diagnostics)."""
        return self._pools[name]

    def wait_for_done(self, timeout_ms: int = 5000) -> bool:
        """Block until every pool is empty (does not deliver callbacks); True if drained."""
        return all(pool.waitForDone(timeout_ms) for pool in self._pools.values())

    def shutdown(self, timeout_ms: int = 5000) -> bool:
        """Refuse new tasks, set every cancel flag and wait for the pools.

        Results that arrive afterwards are dropped. Returns True if every pool drained.
        """
        self._closed = True
        for task in list(self._active.values()):
            task.cancel()
        drained = self.wait_for_done(timeout_ms)
        if not drained:
            log.warning("task pools did not drain within %d ms", timeout_ms)
        return drained

    @property
    def closed(self) -> bool:
        """True after :meth:`shutdown`."""
        return self._closed

    def _finish(self, task: Task) -> None:
        self._active.pop(task.id, None)
        task.done = True
        ok, value = task.outcome if task.outcome is not None else (False, None)
        callback: Callable[[Any], Any] | None = task.on_done if ok else task.on_error
        # Drop the task's references here, on the GUI thread (see Task.run).
        task.on_done = task.on_error = None
        task.outcome = None
        task.release()
        try:
            if task.cancelled:
                return
            if callback is None:
                if not ok:
                    log.error("background task failed: %s", type(value).__name__, exc_info=value)
                return
            if _receiver_alive(callback):
                callback(value)
        finally:
            self.task_finished.emit(task.id)
            if not self._active:
                self.idle.emit()


class Generation:
    """Latest-wins helper: only the result of the most recent request is applied.

    Example::

        self._gen = Generation()
        tasks.run(scrub, data, on_done=self._gen.wrap(self._show_preview), pool="media")
    """

    def __init__(self) -> None:
        self._current = 0

    @property
    def current(self) -> int:
        """Number of the newest request."""
        return self._current

    def next(self) -> int:
        """Start a new request; earlier ones become stale."""
        self._current += 1
        return self._current

    def is_current(self, token: int) -> bool:
        """True if ``token`` belongs to the newest request."""
        return token == self._current

    def invalidate(self) -> None:
        """Make every outstanding request stale."""
        self._current += 1

    def wrap(self, callback: Callable[[Any], Any]) -> Callable[[Any], None]:
        """Start a new request and return a callback that drops stale results."""
        token = self.next()

        def deliver(value: Any) -> None:
            if self.is_current(token):
                callback(value)

        return deliver
