"""The workbench application: holds the session (repository, database, reviewer), runs the scan
and the decision writes in worker threads, keeps the undo stack, and tells the open screens when
shared data changed. What is shown and what the keys do belongs to the screens (`tui/screens/`).

Every write goes through `tui.data.record`, in order (a ticket queue), each in its own thread with
its own database connection; a decision is in the database before the screen shows it.
"""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from functools import partial

from textual import on
from textual.app import App
from textual.binding import Binding
from textual.message import Message
from textual.worker import Worker, WorkerState

from tui.commands import TriageCommands
from tui.data import Fifo, ScanIsStale, Session, ShownIsOld, Written, record
from tui.messages import DecisionsRecorded, ScanStateChanged, SnapshotChanged
from tui.scanning import ScanCancelled, ScanJob
from tui.widgets.cells import Palette, palette
from vibetriage.model import NewDecision
from vibetriage.text import visible


class _ScanWorking(Message):
    """The scan found work to do (posted from its thread)."""


class VibeTriageApp(App[None]):
    CSS_PATH = "vibetriage.tcss"
    TITLE = "vibetriage"
    COMMANDS = App.COMMANDS | {TriageCommands}
    BINDINGS = [
        Binding("question_mark,f1", "help", "help", id="app.help"),
        Binding("u", "undo", "undo", id="app.undo"),
        Binding("ctrl+r", "rescan", "rescan", show=False, id="app.rescan"),
        Binding("ctrl+t", "toggle_dark", "light/dark", show=False, id="app.toggle-dark"),
        Binding("q", "quit", "quit", id="app.quit"),
    ]

    def __init__(self, session: Session, *, scan_on_start: bool = True) -> None:
        super().__init__()
        self.session = session
        self.scan_on_start = scan_on_start
        self.fifo = Fifo()
        self.undo_stack: list[Written] = []
        self.scan_job: ScanJob | None = None
        self.scan_state = "checking" if scan_on_start else "current"
        self.palette: Palette = palette({}, True)
        self._writes: dict[Worker, tuple[str, Callable[[object], None] | None]] = {}
        self._scan_started = False

    def on_mount(self) -> None:
        # Thread workers run on the loop's default executor (min(32, cores + 4) threads). Writes
        # wait for their turn there, for as long as another process holds the database: with a
        # small pool a few of them would leave no thread for the reads that open a file.
        asyncio.get_running_loop().set_default_executor(ThreadPoolExecutor(max_workers=64, thread_name_prefix="vibetriage"))
        from tui.screens.ranking import RankingScreen

        self.theme_changed_signal.subscribe(self, lambda _theme: self._restyle())
        self._restyle()
        self.push_screen(RankingScreen())

    def ranking_loaded(self) -> None:
        """The ranking is on screen: now check the repository for changes. (Checking first would
        make the ranking wait: both want the CPU at start.)"""
        if self.scan_on_start and not self._scan_started:
            self._scan_started = True
            self.start_scan()

    def say(self, message: str, *, severity: str = "information", timeout: float | None = None) -> None:
        """A notice; its text may hold repository text, so it is never read as markup."""
        self.notify(visible(message), severity=severity, timeout=timeout, markup=False)

    def _restyle(self) -> None:
        from tui.widgets.source import SourceView
        from tui.widgets.table import RankTable

        self.palette = palette(self.theme_variables, self.current_theme.dark)
        for screen in self.screen_stack:
            for widget in screen.query(RankTable):
                widget.invalidate()
            for widget in screen.query(SourceView):
                widget.restyle(self.current_theme.dark)
            restyle = getattr(screen, "restyle", None)
            if restyle is not None:
                restyle()  # text drawn with the old theme's colours

    def broadcast(self, message_type: type[Message], *args) -> None:
        for screen in self.screen_stack:
            screen.post_message(message_type(*args))

    # -- scanning --------------------------------------------------------------------------

    def _set_scan_state(self, state: str) -> None:
        self.scan_state = state
        self.broadcast(ScanStateChanged, state)

    def start_scan(self, *, show: bool = False) -> None:
        """Scan in a worker. The scan screen shows once the scan finds work (or at once, with
        `show`); an up-to-date repository costs a glance at git and nothing else."""
        if self.scan_job is None:
            self.scan_job = ScanJob(self.session, on_work=lambda: self.post_message(_ScanWorking()))
            self._set_scan_state("checking")
            self.run_worker(self.scan_job.run, name="scan", group="scan", thread=True, exit_on_error=False)
        if show:
            self._show_scan()

    def _show_scan(self) -> None:
        from tui.screens.scan import ScanScreen

        if self.scan_job is not None and not any(isinstance(s, ScanScreen) for s in self.screen_stack):
            self.push_screen(ScanScreen(self.scan_job))

    @on(_ScanWorking)
    def _scan_working(self) -> None:
        self._set_scan_state("scanning")
        self._show_scan()

    def _close_scan_screen(self) -> None:
        from tui.screens.scan import ScanScreen

        if isinstance(self.screen, ScanScreen):
            self.pop_screen()

    def action_rescan(self) -> None:
        self.start_scan(show=True)

    def _scan_finished(self, worker: Worker) -> None:
        job, self.scan_job = self.scan_job, None
        self._close_scan_screen()
        if worker.state == WorkerState.SUCCESS:
            outcome = worker.result
            self._set_scan_state("current")
            if not outcome.up_to_date:
                self.broadcast(SnapshotChanged)
                info = outcome.info
                self.say(f"scan done: {info.files} files ({info.parsed} parsed, {info.cached} from cache), "
                         f"{outcome.diagnostics} diagnostics, {info.duration_s:.1f} s")
            elif job is not None and job.working:
                self.broadcast(SnapshotChanged)
            return
        error = worker.error
        self._set_scan_state("stale")
        if isinstance(error, ScanCancelled):
            self.say("scan cancelled: the ranking shows the last scan; decisions wait for a scan (ctrl+r)", severity="warning")
        else:
            self.say(f"scan failed: {describe(error)}", severity="error", timeout=15)

    # -- decisions -------------------------------------------------------------------------

    def record(self, changes: list[NewDecision], label: str, *, undo_of: Written | None = None) -> bool:
        """Write `changes` (one transaction) unless the scan is not current; False if refused."""
        if not changes:
            self.say(f"{label}: nothing to change")
            return False
        if self.scan_state in ("checking", "scanning"):
            self.say("a scan is under way: decide once it is done, so the decision covers the code you see", severity="warning")
            return False
        if self.scan_state != "current":
            self.say("the code changed since the last scan: scanning first, so decisions cover the code you see", severity="warning")
            self.start_scan(show=True)
            return False
        ticket = self.fifo.ticket()
        self.run_worker(partial(self._record_job, ticket, changes, label, undo_of), name="record", group="record",
                        thread=True, exit_on_error=False)
        return True

    def _record_job(self, ticket: int, changes: list[NewDecision], label: str, undo_of: Written | None):
        with self.fifo.turn(ticket):
            try:
                return record(self.session, changes, label), undo_of
            except Exception as exc:
                exc.undo_of = undo_of  # type: ignore[attr-defined]  -- put back on the stack on failure
                raise

    def _record_finished(self, worker: Worker) -> None:
        if worker.state == WorkerState.SUCCESS:
            written, undo_of = worker.result
            if undo_of is None:
                self.undo_stack.append(written)
            self.broadcast(DecisionsRecorded, written)
            self.say(written.label)
            return
        error = worker.error
        undo_of = getattr(error, "undo_of", None)
        if undo_of is not None:
            self.undo_stack.append(undo_of)
        if isinstance(error, ShownIsOld):
            self.say("nothing recorded: the code it names changed since it was shown (a new scan); "
                     "look again and decide" if undo_of is None else
                     f"cannot undo “{undo_of.label}”: the code changed since", severity="warning", timeout=10)
            if undo_of is not None:
                self.undo_stack.pop()  # it can never apply now
        elif isinstance(error, ScanIsStale):
            self.say("the code changed since the last scan: nothing was recorded; scanning first, so decisions "
                     "cover the code you see", severity="warning")
            self._set_scan_state("stale")
            self.start_scan(show=True)
        else:
            self.say(f"not recorded: {describe(error)}", severity="error", timeout=15)

    def action_undo(self) -> None:
        if not self.undo_stack:
            self.say("nothing to undo in this session")
            return
        written = self.undo_stack.pop()
        if not written.undo:
            self.say(f"nothing to undo: “{written.label}” changed no state")
            return
        if not self.record(written.undo, f"undone: {written.label}", undo_of=written):
            self.undo_stack.append(written)

    # -- other writes --------------------------------------------------------------------------

    def write(self, job: Callable[[], object], failed: str, done: Callable[[object], None] | None = None) -> None:
        """Run `job` -- a write other than a decision: a tour's change, an export -- in a worker,
        in order with every other write; `done(result)` after it, a notice saying `failed` and why
        if it fails. An app worker, not a screen's: leaving the screen does not cancel the write."""
        ticket = self.fifo.ticket()
        worker = self.run_worker(partial(self._write_job, ticket, job), name="write", group="write", thread=True,
                                 exit_on_error=False)
        self._writes[worker] = (failed, done)

    def _write_job(self, ticket: int, job: Callable[[], object]) -> object:
        with self.fifo.turn(ticket):
            return job()

    def _write_finished(self, worker: Worker) -> None:
        failed, done = self._writes.pop(worker, ("not saved", None))
        if worker.state == WorkerState.SUCCESS:
            if done is not None:
                done(worker.result)
        elif worker.state == WorkerState.ERROR:
            self.say(f"{failed}: {describe(worker.error)}", severity="error", timeout=15)

    def export(self, fmt: str) -> None:
        """Write the risk register as `fmt` to .vibetriage/ at the repository's top level (the
        palette's `export: risk register as ...`), with `vibetriage export`'s default options."""
        from tui.data import export_register

        if self.scan_state in ("checking", "scanning"):
            self.say("a scan is under way: export once it is done, so the register describes the code you see", severity="warning")
            return
        stale = "; the code changed since the last scan, which it describes (ctrl+r scans)" if self.scan_state == "stale" else ""

        def done(result) -> None:
            path, files, regions = result
            self.say(f"risk register written to {path} ({fmt}: {files} files, {regions} regions){stale}",
                     severity="warning" if stale else "information")

        self.write(partial(export_register, self.session, fmt), f"risk register not written ({fmt})", done)

    # -- the rest ----------------------------------------------------------------------------

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state not in (WorkerState.SUCCESS, WorkerState.ERROR, WorkerState.CANCELLED):
            return
        if event.worker.name == "scan":
            self._scan_finished(event.worker)
        elif event.worker.name == "record":
            self._record_finished(event.worker)
        elif event.worker.name == "write":
            self._write_finished(event.worker)

    def action_help(self) -> None:
        from tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_toggle_dark(self) -> None:
        self.theme = "textual-light" if self.current_theme.dark else "textual-dark"

    def _fatal_error(self) -> None:
        """Textual's last resort for an unhandled exception (a bug of ours): one line on the
        terminal and the traceback in a file, not a screenful of traceback."""
        import sys
        import tempfile
        import traceback

        from rich.text import Text

        error = sys.exc_info()[1]
        try:
            with tempfile.NamedTemporaryFile("w", prefix="vibetriage-crash-", suffix=".log", delete=False, encoding="utf-8") as log:
                log.write(traceback.format_exc())
            where = f"; the details are in {log.name}"
        except OSError:
            where = ""
        self.bell()
        self.panic(Text(f"vibetriage: error: internal error ({visible(type(error).__name__)}: {visible(error)}){where}"))

    def on_unmount(self) -> None:
        if self.scan_job is not None:
            self.scan_job.cancel()  # the worker thread stops at its next progress report


def describe(error: BaseException | None) -> str:
    """One line for a notice: our errors say what to do; others name their type."""
    from analyzers.git import GitError
    from vibetriage.config import ConfigError
    from vibetriage.export.register import ExportError
    from vibetriage.pipeline import ScanError
    from vibetriage.store import StoreError

    if error is None:
        return "unknown error"
    if isinstance(error, (ScanError, StoreError, ConfigError, GitError, ExportError)):
        return str(error)
    if isinstance(error, sqlite3.OperationalError) and "locked" in str(error):
        return "the database is busy (another vibetriage is writing to it); try again"
    return f"{type(error).__name__}: {error}"
