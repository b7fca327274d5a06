"""Qt drivers for the pure store/sync code: outbox worker, Postkorb worker, draft autosave,
retention timer.

They run blocking work through the app's :class:`desktop.tasks.TaskRunner` (``run(fn, *args,
on_done=, on_error=, pool=)``), which :class:`desktop.services.Services` hands in.
"""
