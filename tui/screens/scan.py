"""The start / scan screen: shown while a scan does real work (no scan yet, or the repository
changed since the last one). It shows the phase, files done of total and the time taken, and
cancels the scan on escape. The scan itself runs in the app's worker (`VibeTriageApp.start_scan`);
this screen only reads its progress, so closing it never stops the work by accident."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, ProgressBar, Static

from tui.scanning import PHASES, ScanJob
from vibetriage.text import visible

PHASE_LABEL = {"discover": "listing files", "parse": "parsing", "history": "reading git history",
               "score": "scoring", "write": "saving"}


class ScanScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape", "cancel", "cancel scan", id="scan.cancel"),
        Binding("ctrl+c", "cancel", "cancel scan", show=False, id="scan.cancel-ctrl-c", priority=True),
    ]

    def __init__(self, job: ScanJob) -> None:
        super().__init__()
        self.job = job

    def compose(self) -> ComposeResult:
        with Vertical(id="scan-box"):
            yield Static(Text.assemble(("Scanning ", "bold"), (visible(self.job.session.name), "bold")), id="scan-title")
            yield Static(id="scan-phases")
            yield ProgressBar(id="scan-bar", show_eta=False)
            yield Static(id="scan-note")
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_progress()
        self.set_interval(0.1, self.refresh_progress)

    def refresh_progress(self) -> None:
        job = self.job
        current = PHASES.index(job.phase) if job.phase in PHASES else 0
        lines = Text()
        for i, phase in enumerate(PHASES):
            mark, style = ("✓", "green") if i < current else ("▸", "bold") if i == current else ("·", "dim")
            lines.append(f" {mark} {PHASE_LABEL[phase]}", style=style)
            if i == current and job.total > 1:
                lines.append(f"  {job.done} / {job.total} files", style="bold")
            lines.append("\n")
        self.query_one("#scan-phases", Static).update(lines)
        bar = self.query_one("#scan-bar", ProgressBar)
        if job.phase == "parse" and job.total:
            bar.update(total=job.total, progress=job.done)
        else:
            bar.update(total=len(PHASES), progress=current)
        elapsed = job.elapsed()
        note = "cancelling… (waiting for the step under way to finish)" if job.cancelling else f"{elapsed:.0f} s · escape cancels; the last scan stays as it was"
        self.query_one("#scan-note", Static).update(Text(note, style="dim"))

    def action_cancel(self) -> None:
        self.job.cancel()
        self.refresh_progress()
