"""Qt drivers for the pure store/sync code: outbox worker, draft autosave, retention timer.

They run blocking work through the app's ``desktop.tasks.TaskRunner`` (``run(fn, *args,
on_done=, on_error=, pool=)``). :class:`FallbackRunner` is a private TaskRunner for when none
is handed in (scripts, the kill test, tests of a single worker).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from desktop.tasks import TaskRunner

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


class FallbackRunner(TaskRunner):
    """A private :class:`~desktop.tasks.TaskRunner` (same pools, same delivery rules).

    It used to be a separate minimal runner whose pool threads could drop the last reference
    to a worker QObject (a bound ``on_done``) or emit into an already deleted bridge object;
    the TaskRunner releases every reference on the GUI thread instead.
    """

    def shutdown(self, timeout_ms: int = 5000) -> bool:
        """Wait for the queued jobs; unlike the app's runner it keeps accepting and delivering.

        Its owners (a single worker or view in scripts and tests) may still get a timer or an
        autosave after their test's teardown; they must not fail on a closed runner.
        """
        return self.wait_for_done(timeout_ms)
