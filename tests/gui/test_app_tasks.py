"""TaskRunner lifetime rules: references die on the GUI thread, deletion waits for the pools."""

from __future__ import annotations

import gc
import subprocess
import sys
import textwrap
import threading
import time
import weakref
from typing import Any, ClassVar

from pytestqt.qtbot import QtBot

from PySide6.QtCore import QObject

from desktop.tasks import POOLS, Task, TaskRunner


class Probe(QObject):
    """Records the thread on which its Python wrapper dies."""

    died_on: ClassVar[list[int]] = []

    def work(self, value: int) -> int:
        time.sleep(0.05)
        return value * 2

    def done(self, value: int) -> None:
        self.result = value

    def __del__(self) -> None:
        Probe.died_on.append(threading.get_ident())


def test_last_reference_to_a_receiver_dies_on_the_gui_thread(qtbot: QtBot) -> None:
    runner = TaskRunner()
    results: list[Any] = []
    try:
        for _ in range(20):
            probe = Probe()
            alive = weakref.ref(probe)
            # the task holds the only references to the probe (fn and on_done)
            task = runner.run(probe.work, 21, on_done=probe.done, pool="db")
            del probe

            def delivered(t: Task = task) -> bool:
                return t.done

            qtbot.waitUntil(delivered, timeout=5000)
            results.append(task.outcome)
            gc.collect()
            assert alive() is None
        assert results == [None] * 20  # the outcome was released after delivery
        assert Probe.died_on
        assert set(Probe.died_on) == {threading.get_ident()}
    finally:
        runner.shutdown()


def test_pools_are_children_before_the_dispatcher(qapp: Any) -> None:
    runner = TaskRunner()
    try:
        children = runner.children()
        assert children.index(runner.dispatcher) > max(
            children.index(runner.pool(name)) for name in POOLS
        )
    finally:
        runner.shutdown()


def test_deleting_a_runner_with_a_running_task_waits_and_does_not_crash() -> None:
    script = textwrap.dedent(
        """
        import sys, threading, time
        from PySide6.QtCore import QCoreApplication
        import shiboken6
        from desktop.tasks import TaskRunner

        app = QCoreApplication(sys.argv)
        started = threading.Event()
        finished = []

        def slow():
            started.set()
            time.sleep(0.3)
            finished.append(True)
            return 1

        for _ in range(5):
            runner = TaskRunner()
            runner.run(slow, on_done=print)
            started.wait(5)
            shiboken6.delete(runner)  # C++ side gone while the task still runs
            started.clear()
        app.processEvents()
        print("finished", len(finished))
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "finished 5" in done.stdout
    # the old order (dispatcher deleted first) printed "Signal source has been deleted"
    assert "Error" not in done.stderr, done.stderr[-2000:]


def test_pyside_import_check_reads_the_file_and_never_probes_module_attributes(
    tmp_path: Any,
) -> None:
    import types

    from desktop import workarounds

    feature = sys.modules["shibokensupport.feature"]
    assert feature._mod_uses_pyside is workarounds.mod_uses_pyside

    def lazy_getattr(name: str) -> Any:  # like pydantic's module __getattr__
        raise AssertionError(f"probed {name}")

    for text, expected in (("from PySide6.QtCore import QObject\n", True), ("x = 1\n", False)):
        path = tmp_path / f"mod_{expected}.py"
        path.write_text(text, encoding="utf-8")
        module = types.ModuleType(f"lazy_{expected}")
        module.__file__ = str(path)
        module.__getattr__ = lazy_getattr  # type: ignore[method-assign]
        assert workarounds.mod_uses_pyside(module) is expected
    assert workarounds.mod_uses_pyside(sys) is False  # builtin
