"""What the screens show, read from the store, and what they write to it: decisions, tours, and
the risk register's file.

Plain Python, no Textual: every function here runs in a worker thread and opens its own `Store`
(SQLite connections belong to the thread that opened them), so the screens never wait on the
database. The results are plain objects the screens render.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

from vibetriage.config import Config
from vibetriage.model import (
    Decision,
    FileSummary,
    Finding,
    NewDecision,
    RankedFile,
    RankedRegion,
    Region,
    RegionKey,
    RegionState,
    RegionSummary,
    ScanInfo,
    SourceFile,
    Tour,
    TourStop,
)
from vibetriage.store import Store
from vibetriage.text import visible

from tui.widgets.cells import Summary, Tally


@dataclass(frozen=True)
class Session:
    """The repository being triaged, its database, who is deciding, and the scan settings."""

    root: Path
    db: Path
    reviewer: str
    config: Config

    def store(self) -> Store:
        """A connection for the calling thread."""
        return Store.open(self.db)

    @property
    def name(self) -> str:
        return self.root.name or str(self.root)


# -- the ranking ---------------------------------------------------------------------------------


class FileRow:
    """A file's line in the ranking. A plain class: twenty thousand of them are made at start."""

    __slots__ = ("summary", "tally", "label")

    def __init__(self, summary: FileSummary, tally: Tally, label: str) -> None:
        self.summary = summary
        self.tally = tally
        self.label = label  # the path as shown (control characters made visible): what the filter matches

    @property
    def key(self) -> str:
        return self.summary.path


class RegionRow:
    """A region's line in the ranking of every region of the repository."""

    __slots__ = ("summary", "tally", "label")

    def __init__(self, summary: RegionSummary, tally: Tally, label: str) -> None:
        self.summary = summary
        self.tally = tally
        self.label = label  # `path::qualname` as shown

    @property
    def key(self) -> RegionKey:
        return self.summary.region.key


NO_FINDINGS = Tally()


@dataclass
class Triage:
    """Every file's line, the state of every region that has decisions, and the last scan."""

    scan: ScanInfo | None
    files: list[FileRow]
    states: dict[RegionKey, RegionState]
    orphans: list[Decision]
    findings: dict[str, list[Finding]]
    regions: list[RegionRow] | None = None  # loaded when first asked for
    summaries: dict[str, Summary] = field(default_factory=dict)  # files whose regions have decisions

    def __post_init__(self) -> None:
        self._regions_of = {row.key: row.summary.regions for row in self.files}
        self.region_count = sum(self._regions_of.values())
        self.summarise()

    def summary(self, path: str) -> Summary:
        """How the file's regions stand (a file without decisions: all untriaged)."""
        found = self.summaries.get(path)
        return found if found is not None else Summary(untriaged=self._regions_of.get(path, 0))

    def summarise(self, path: str | None = None) -> None:
        by_path: dict[str, list[RegionState]] = {}
        for key, state in self.states.items():
            if path is None or key.path == path:
                by_path.setdefault(key.path, []).append(state)
        if path is not None:
            self.summaries.pop(path, None)
        for p, states in by_path.items():
            if p in self._regions_of:
                self.summaries[p] = Summary.of(states, self._regions_of[p])

    def update_states(self, path: str, states: dict[RegionKey, RegionState]) -> None:
        """Replace the states of one file's regions (after a decision on it)."""
        for key in [k for k in self.states if k.path == path]:
            del self.states[key]
        self.states.update(states)
        self.summarise(path)

    @property
    def languages(self) -> list[str]:
        return sorted({row.summary.language for row in self.files})


def load_triage(session: Session) -> Triage:
    with session.store() as store:
        scan = store.last_scan()
        files = store.file_summaries()
        findings: dict[str, list[Finding]] = {}
        for f in store.findings():
            findings.setdefault(f.path, []).append(f)
        states, orphans = store.region_states()
    rows = [FileRow(s, tally(findings[s.path]) if s.path in findings else NO_FINDINGS, visible(s.path)) for s in files]
    return Triage(scan, rows, states, orphans, findings)


def load_regions(session: Session, findings: dict[str, list[Finding]]) -> list[RegionRow]:
    with session.store() as store:
        summaries = store.region_summaries()
    rows = []
    for s in summaries:
        r = s.region
        held = [f for f in findings.get(r.path, ()) if r.holds(f.start_line)]
        rows.append(RegionRow(s, tally(held), f"{visible(r.path)}::{visible(r.qualname)}"))
    return rows


def tally(findings: Iterable[Finding]) -> Tally:
    """Findings by severity, suppressed ones apart: the `sec` cell of a row."""
    t = Tally()
    for f in findings:
        t = t.add(f.severity, bool(f.suppressed))
    return t


# -- one file ------------------------------------------------------------------------------------


@dataclass
class FileDetail:
    ranked: RankedFile
    files_total: int
    regions: list[RankedRegion]
    region_rank: dict[RegionKey, int]  # rank among every region of the repository
    regions_total: int
    states: dict[RegionKey, RegionState]
    findings: list[Finding]
    lines: list[list[tuple[object, str]]] | None  # the source as (pygments token type, text) per line
    source_error: str | None

    def findings_of(self, region: Region) -> list[Finding]:
        return [f for f in self.findings if region.holds(f.start_line)]


def load_file(session: Session, path: str) -> FileDetail | None:
    with session.store() as store:
        ranked = store.file(path)
        if ranked is None:
            return None
        files_total = store.last_scan().files
        regions = store.ranked_regions(path=path)
        ranks, regions_total = store.region_ranks(path)
        states, _ = store.region_states(path)
        findings = store.findings(path)
    lines, error = read_lines(session, ranked.file)
    return FileDetail(ranked, files_total, regions, ranks, regions_total, states, findings, lines, error)


Lines = list[list[tuple[object, str]]]


def read_lines(session: Session, file: SourceFile) -> tuple[Lines | None, str | None]:
    """A scanned file's source, highlighted, as (lines, None); or (None, why it cannot be shown)."""
    from vibetriage.pipeline import read_source

    try:
        data = read_source(session.root, file, session.config.max_file_bytes)
    except Exception as exc:  # noqa: BLE001 -- git or the disk failed: the source pane says why
        return None, f"cannot read the source: {type(exc).__name__}: {exc}"
    if data is None:
        return None, "the source could not be read (it is no longer in git's object store, or too large)"
    return tokenize(file.path, data), None


MAX_HIGHLIGHT_BYTES = 2_000_000


def tokenize(path: str, data: bytes) -> list[list[tuple[object, str]]]:
    """The file's lines as (token type, text) pairs, highlighted by pygments from the file name;
    tabs expanded, other control characters made visible (they must not reach the terminal)."""
    from pygments.lexers import get_lexer_for_filename
    from pygments.token import Text as PlainToken
    from pygments.util import ClassNotFound

    text = data.decode("utf-8", errors="replace")
    if len(data) > MAX_HIGHLIGHT_BYTES:
        tokens: Iterable[tuple[object, str]] = [(PlainToken, text)]
    else:
        try:
            lexer = get_lexer_for_filename(path, stripnl=False, ensurenl=False)
        except ClassNotFound:
            tokens = [(PlainToken, text)]
        else:
            tokens = lexer.get_tokens(text)
    lines: list[list[tuple[object, str]]] = [[]]
    for kind, value in tokens:
        parts = value.split("\n")
        for i, part in enumerate(parts):
            if i:
                lines.append([])
            if part:
                lines[-1].append((kind, _clean(part)))
    if lines and not lines[-1] and text.endswith("\n"):
        lines.pop()
    return lines


def _clean(part: str) -> str:
    return visible(part.replace("\r", "").replace("\t", "    "))


# -- tours ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TourDetail:
    """A tour, and where its stops are in the last scan."""

    tour: Tour
    regions: dict[RegionKey, Region]  # the regions of the stops' files, as the last scan has them
    scanned: frozenset[str]  # the stops' files that the last scan has

    def place(self, stop: TourStop) -> tuple[int, int] | None:
        """The lines to show for a stop: its region's, else its stored line; None: the top."""
        region = self.regions.get(stop.key) if stop.key else None
        if region is not None:
            return region.start_line, region.end_line
        return (stop.line, stop.line) if stop.line else None


def load_tour(session: Session, name: str) -> TourDetail | None:
    with session.store() as store:
        tour = store.tour(name)
        if tour is None:
            return None
        paths = {s.path for s in tour.stops}
        regions = {r.key: r for path in sorted(paths) for r in store.regions(path)}
        scanned = frozenset(paths.intersection(store.paths()))
    return TourDetail(tour, regions, scanned)


def load_source(session: Session, path: str) -> tuple[Lines | None, str | None]:
    """A file's source as the last scan has it (for a tour's stop)."""
    with session.store() as store:
        ranked = store.file(path)
    if ranked is None:
        return None, "this file is not in the last scan"
    return read_lines(session, ranked.file)


def tour_names(session: Session) -> list[str]:
    with session.store() as store:
        return [t.name for t in store.tours()]


def add_stop(session: Session, name: str, stop: TourStop) -> tuple[int, int, bool]:
    """Append `stop` to the tour `name` (made if there is none): (its number, the number of stops,
    True). A region that is a stop of the tour already stays where it is: (its number, total, False)."""
    with session.store() as store:
        tour = store.tour(name) or Tour(name, ())
        for number, there in enumerate(tour.stops, start=1):
            if stop.key is not None and there.key == stop.key:
                return number, len(tour.stops), False
        store.save_tour(replace(tour, stops=(*tour.stops, stop)), replace=True)
    return len(tour.stops) + 1, len(tour.stops) + 1, True


def new_automatic_tour(session: Session, name: str) -> Tour:
    """An automatic tour (`vibetriage tour new NAME --auto`); a tour of that name is never replaced."""
    from vibetriage.tours import auto

    with session.store() as store:
        tour = auto(store, name)
        store.save_tour(tour)
    return tour


def save_tour(session: Session, tour: Tour) -> None:
    with session.store() as store:
        store.save_tour(tour, replace=True)


def set_tour_position(session: Session, name: str, position: int) -> None:
    with session.store() as store:
        store.set_tour_position(name, position)


def delete_tour(session: Session, name: str) -> bool:
    with session.store() as store:
        return store.delete_tour(name)


# -- the risk register ---------------------------------------------------------------------------


def export_register(session: Session, fmt: str) -> tuple[Path, int, int]:
    """Write the register (the options `vibetriage export` has by default) to
    `.vibetriage/risk-register.<fmt>` at the repository's top level; (the file, files, regions)."""
    from analyzers import git
    from vibetriage.export import ExportError, Options, gather, render_register, write_file

    top = git.locate(session.root).toplevel if git.is_git_repo(session.root) else session.root
    directory = top / ".vibetriage"
    if directory.is_symlink() or (directory.exists() and not directory.is_dir()):
        raise ExportError(f"{directory} is not a directory (or is a link): use `vibetriage export -o FILE`")
    with session.store() as store:
        register = gather(store, Options())
    data = render_register(register, fmt)
    directory.mkdir(exist_ok=True)
    target = directory / f"risk-register.{fmt}"
    write_file(target, data)
    return target, len(register.files), len(register.regions)


# -- decisions -----------------------------------------------------------------------------------


class Fifo:
    """Lets write jobs run one at a time in the order they were asked for, whichever worker
    thread each lands on: a decision made after another is recorded after it."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._issued = 0
        self._serving = 0

    def ticket(self) -> int:
        with self._cond:
            self._issued += 1
            return self._issued - 1

    @contextmanager
    def turn(self, ticket: int):
        with self._cond:
            self._cond.wait_for(lambda: self._serving == ticket)
        try:
            yield
        finally:
            with self._cond:
                self._serving += 1
                self._cond.notify_all()


class ScanIsStale(Exception):
    """The code changed since the last scan: a decision now would describe other code."""


class ShownIsOld(Exception):
    """A region the decision names is not the scan's any more (the screen still showed the
    previous scan, or an undo names code that has changed since): nothing was recorded."""


@dataclass(frozen=True)
class Written:
    """A recorded change: what it was, the new states of the touched files' regions, and the
    decisions that would put every touched region back as it was (the undo)."""

    label: str
    decisions: list[Decision]
    states: dict[str, dict[RegionKey, RegionState]]  # path -> states of that file's regions
    undo: list[NewDecision]


def file_regions(session: Session, path: str) -> list[Region]:
    """A file's regions in the order of the source (what a whole-file tag acts on)."""
    with session.store() as store:
        return sorted(store.regions(path), key=lambda r: r.start_line)


def record(session: Session, changes: list[NewDecision], label: str, *, check_current: bool = True) -> Written:
    """Record `changes` in one transaction, after checking (as `vibetriage tag` does) that the
    scan still describes the code."""
    from vibetriage.pipeline import is_current

    with session.store() as store:
        if check_current and not is_current(session.root, store, session.config):
            raise ScanIsStale(label)
        paths = sorted({c.region.path for c in changes})
        # The decision records the code the person saw: that must be the code the scan has now.
        now = {r.key: r.fingerprint for p in paths for r in store.regions(p)}
        if any(now.get(c.region.key) != c.region.fingerprint for c in changes):
            raise ShownIsOld(label)
        before = {p: store.region_states(p)[0] for p in paths}
        decisions = store.add_decisions(changes, session.reviewer) if changes else []
        after = {p: store.region_states(p)[0] for p in paths}
    undo = []
    for change in _unique_regions(changes):
        key = change.region.key
        undo += restore(change.region, before[key.path].get(key, RegionState()), after[key.path].get(key, RegionState()))
    return Written(label, decisions, after, undo)


def _unique_regions(changes: list[NewDecision]) -> list[NewDecision]:
    seen, out = set(), []
    for c in changes:
        if c.region.key not in seen:
            seen.add(c.region.key)
            out.append(c)
    return out


def restore(region: Region, before: RegionState, after: RegionState) -> list[NewDecision]:
    """Decisions that take a region from state `after` back to state `before` (decisions are
    append-only, so an undo is one more decision, never a deletion)."""
    out = []
    if before.track != after.track:
        if before.track == "unclassified":
            out.append(NewDecision(region, after.track, removed=True, note="undo"))
        else:
            out.append(NewDecision(region, before.track, note="undo"))
    if before.review != after.review:
        if before.review == "unreviewed":
            out.append(NewDecision(region, "reviewed", removed=True, note="undo"))
        else:
            # A stale review is restored as a review of the code it covered then.
            old = next((d for d in reversed(before.decisions) if d.tag == "reviewed" and not d.removed), None)
            fingerprint = old.fingerprint if old is not None and before.review == "stale" else region.fingerprint
            out.append(NewDecision(replace(region, fingerprint=fingerprint), "reviewed", note="undo"))
    return out


def clear(region: Region, state: RegionState) -> list[NewDecision]:
    """Decisions that remove every tag a region has."""
    out = []
    if state.track != "unclassified":
        out.append(NewDecision(region, state.track, removed=True))
    if state.review != "unreviewed":
        out.append(NewDecision(region, "reviewed", removed=True))
    return out
