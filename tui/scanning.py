"""A scan run from the workbench: `vibetriage.pipeline.scan` in a worker thread, with its progress
kept where the scan screen can read it and a flag that cancels it.

Cancelling raises from the scan's progress callback. The scan writes its snapshot in one
transaction at the very end, after the last progress report ("write"), so a cancelled scan leaves
the previous snapshot as it was; the caches it may have filled on the way (parsed blobs, git
history) are keyed by content and are reused by the next scan.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from vibetriage.pipeline import ScanOutcome, scan

from tui.data import Session

PHASES = ("discover", "parse", "history", "score", "write")


class ScanCancelled(Exception):
    """The user cancelled the scan."""


class ScanJob:
    def __init__(self, session: Session, on_work: Callable[[], None] = lambda: None) -> None:
        self.session = session
        self.on_work = on_work  # called (from the worker thread) once the scan finds work to do
        self.phase, self.done, self.total = "discover", 0, 0
        self.working = False
        self.started = time.monotonic()
        self._cancel = threading.Event()

    def elapsed(self) -> float:
        return time.monotonic() - self.started

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelling(self) -> bool:
        return self._cancel.is_set()

    def progress(self, phase: str, done: int, total: int) -> None:
        if self._cancel.is_set():
            raise ScanCancelled()
        self.phase, self.done, self.total = phase, done, total
        if phase != "discover" and not self.working:
            self.working = True
            self.on_work()

    def run(self) -> ScanOutcome:
        s = self.session
        with s.store() as store:
            outcome = scan(s.root, store, s.config, progress=self.progress)
        return outcome
