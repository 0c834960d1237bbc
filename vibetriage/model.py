"""The shared vocabulary: frozen dataclasses that analyzers produce, the store keeps and returns,
and the CLI, TUI and exports read. Names follow the glossary in DESIGN.md."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

TAGS = ("load-bearing", "reviewed", "prototype-track")
CHECKS = ("stale-load-bearing", "new-findings", "unreviewed-load-bearing")  # what `vibetriage check` can fail on
MAX_NOTE_CHARS = 10_000  # a decision's note; what a decisions file may carry too
REGION_KINDS = ("function", "method", "class")


@dataclass(frozen=True, slots=True)
class Metrics:
    """Complexity of one region (or, summed, of a file). See docs/risk-model.md."""

    cyclomatic: int
    cognitive: int
    nesting: int
    length: int
    params: int


class RegionKey(NamedTuple):
    """Identity of a region: stable across line moves; the ordinal tells same-named siblings apart.
    A named tuple: keys are made and hashed by the ten thousand in a scan and in the UI."""

    path: str
    kind: str
    qualname: str
    ordinal: int = 0

    def label(self) -> str:
        suffix = f"#{self.ordinal}" if self.ordinal else ""
        return f"{self.path}::{self.qualname}{suffix}"


@dataclass(frozen=True, slots=True)
class Region:
    """A function, method or class of a file, with its metrics and its fingerprint."""

    path: str
    kind: str  # one of REGION_KINDS
    qualname: str
    ordinal: int
    start_line: int  # 1-based, inclusive
    end_line: int
    fingerprint: str
    metrics: Metrics

    @property
    def key(self) -> RegionKey:
        return RegionKey(self.path, self.kind, self.qualname, self.ordinal)

    def holds(self, line: int) -> bool:
        """Whether a line is the region's: its findings are those on its lines, so a class holds
        its methods' and a function those of the functions nested in it."""
        return self.start_line <= line <= self.end_line


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """A file the scan could not take whole: skipped (never read), partial (syntax errors) or failed."""

    path: str
    status: str  # skipped | partial | failed
    reason: str  # short code: binary, too-large, minified, generated, vendored, symlink, submodule,
    #              unsupported-encoding, syntax-error, parse-timeout, unreadable
    detail: str = ""




@dataclass(frozen=True, slots=True)
class SourceFile:
    """A scanned file: its blob, language, size and role (source or test)."""

    path: str
    language: str
    blob_id: str
    size: int
    loc: int
    role: str = "source"  # source | test (by the test-file conventions of data/tests.toml)


@dataclass(frozen=True, slots=True)
class FileChurn:
    """Change history of one file; the window ends at the HEAD commit's date, not today."""

    path: str
    commits: int = 0  # in the window
    lines_added: int = 0
    lines_deleted: int = 0
    authors: int = 0
    ai_commits: int = 0  # commits carrying an AI co-author trailer
    first_change: int | None = None  # epoch seconds, all time
    last_change: int | None = None
    commits_all: int = 0
    lines_all: int = 0
    authors_all: int = 0

    @property
    def lines_changed(self) -> int:
        return self.lines_added + self.lines_deleted


class ScorePart(NamedTuple):
    """One component of a risk score: raw value, value normalised within the repo (0..1), weight.
    A named tuple, not a dataclass: a scan makes seven per file and region, and a large ranking
    reads as many back (four times faster to build)."""

    name: str
    raw: float
    normalised: float
    weight: float
    measured: bool = True

    @property
    def contribution(self) -> float:
        return self.normalised * self.weight if self.measured else 0.0


@dataclass(frozen=True, slots=True)
class RiskScore:
    """A score and the parts it was made of (docs/risk-model.md)."""

    score: float  # 0..100
    parts: tuple[ScorePart, ...]


@dataclass(frozen=True, slots=True)
class Decision:
    """An append-only event. `tag` is one of TAGS; `removed` marks the removal of that tag."""

    id: int
    at: str  # ISO 8601, UTC
    actor: str
    key: RegionKey
    fingerprint: str
    tag: str
    removed: bool = False
    note: str = ""
    uid: str = ""  # unique across clones: what decisions.jsonl and its import know it by


@dataclass(frozen=True, slots=True)
class RegionState:
    """Current state derived from the decisions on one region."""

    track: str = "unclassified"  # load-bearing | prototype-track | unclassified
    review: str = "unreviewed"  # reviewed | stale | unreviewed
    reviewed_by: str | None = None
    reviewed_at: str | None = None
    decisions: tuple[Decision, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class ScanInfo:
    """One completed scan, as recorded in the store."""

    id: int
    finished_at: str
    head: str | None
    head_time: int | None  # the window ends here
    is_git: bool
    shallow: bool
    window_days: int
    files: int
    parsed: int  # parsed in this scan
    cached: int  # taken from the blob cache
    skipped: int
    other_files: int  # tracked files of no supported language
    duration_s: float


@dataclass(frozen=True, slots=True)
class RankedFile:
    """A file of the ranking, with what its score was made of."""

    rank: int
    file: SourceFile
    metrics: Metrics
    churn: FileChurn
    risk: RiskScore
    regions: int




@dataclass(frozen=True, slots=True)
class FileChange:
    """One file's change in one commit. Line counts are None for binary files."""

    path: str
    old_path: str | None = None  # set when the commit renamed the file
    added: int | None = None
    deleted: int | None = None


@dataclass(frozen=True, slots=True)
class Commit:
    """A non-merge commit from the history, with the files it changed."""

    sha: str
    author_time: int  # epoch seconds
    author_name: str
    author_email: str
    ai_assisted: bool = False  # carries an AI co-author / generated-by trailer
    files: tuple[FileChange, ...] = ()


SEVERITIES = ("critical", "high", "medium", "low", "info")
CONFIDENCES = ("high", "medium", "low")


@dataclass(frozen=True, slots=True)
class Finding:
    """One hit of a rule, ours or another scanner's (imported from SARIF)."""

    rule_id: str
    tool: str  # "vibetriage", or the SARIF tool's driver name
    severity: str  # one of SEVERITIES
    confidence: str  # one of CONFIDENCES
    cwe: str | None  # "CWE-89"
    path: str
    start_line: int
    end_line: int
    message: str
    suppressed: str | None = None  # the reason of an inline `vibetriage: ignore[rule-id] reason`
    region: RegionKey | None = None  # the innermost region holding start_line, once attached


@dataclass(frozen=True, slots=True)
class TestFunction:
    """A test inside a test file, with what it asserts and which names it uses."""

    name: str
    start_line: int
    end_line: int
    assertions: int  # assertion calls/statements of any kind
    strong_assertions: int  # those that check a value, not only None-ness, truthiness, type or shape
    references: tuple[str, ...]  # identifiers and attribute names used in its body

    @property
    def hollow(self) -> bool:
        """No assertion at all, or only trivial ones: it cannot catch a wrong result."""
        return self.strong_assertions == 0


@dataclass(frozen=True, slots=True)
class TestFileFacts:
    """What a test file imports and what each of its test functions checks."""

    imports: tuple[str, ...]  # module specifiers as written (`api.pricing`, `./pricing`, `example.com/x/jobs`)
    functions: tuple[TestFunction, ...]


@dataclass(frozen=True, slots=True)
class TestEvidence:
    """Why a region counts as tested, strongest first: coverage > reference > name-match > none."""

    kind: str  # coverage | reference | name-match | none
    detail: str = ""  # e.g. "tests/test_pricing.py::test_discount" or "12 of 15 lines covered"
    covered: float | None = None  # fraction of the region's lines covered, with a coverage report


@dataclass(frozen=True, slots=True)
class FileFacts:
    """What parsing one blob tells us; independent of its path so it can be cached by blob id."""

    language: str
    loc: int
    metrics: Metrics  # whole-file totals: cyclomatic/cognitive summed, nesting max
    regions: tuple[Region, ...]
    error: Diagnostic | None = None
    findings: tuple[Finding, ...] = ()
    tests: TestFileFacts | None = None  # set for test files only


@dataclass(frozen=True, slots=True)
class RankedRegion:
    """A region of the ranking, with its file's language and its test evidence."""

    rank: int
    region: Region
    risk: RiskScore
    language: str
    evidence: TestEvidence | None = None  # None: test code, where the question does not arise


@dataclass(frozen=True, slots=True)
class TourStop:
    """A stop of a tour: a region (key), or a line of a file (key None), and what to say there."""

    path: str
    key: RegionKey | None
    line: int | None  # where a file stop points; a region stop reads its lines from the scan
    note: str = ""


@dataclass(frozen=True, slots=True)
class Tour:
    """An onboarding walk-through: ordered stops, and the stop its reader is at."""

    name: str
    stops: tuple[TourStop, ...]
    position: int = 0


class StateTally(NamedTuple):
    """How many of a file's regions are in each decision state (a file is never tagged itself)."""

    regions: int = 0
    load_bearing: int = 0
    prototype_track: int = 0
    reviewed: int = 0
    stale: int = 0
    unreviewed_load_bearing: int = 0  # load-bearing with no current review (unreviewed or stale)


@dataclass(frozen=True, slots=True)
class RiskItem:
    """One entry of the risk register: a ranked file or region with its findings, its decisions and
    the action they suggest. Built from the store by `vibetriage.export.register`."""

    ranked: RankedFile | RankedRegion
    findings: tuple[Finding, ...]  # a file's: all of them; a region's: those on its lines. Suppressed included
    decisions: tuple[Decision, ...]  # a region's; a file's: those on its regions. Oldest first
    action: str  # id of the suggested action (vibetriage.export.actions.ACTIONS)
    state: RegionState | None = None  # a region's state; None for a file
    tally: StateTally | None = None  # a file's regions by state; None for a region

    @property
    def is_file(self) -> bool:
        return isinstance(self.ranked, RankedFile)

    @property
    def path(self) -> str:
        return self.ranked.file.path if self.is_file else self.ranked.region.path

    @property
    def label(self) -> str:
        """`path` for a file, `path::qualname` (with `#ordinal` when needed) for a region."""
        return self.path if self.is_file else self.ranked.region.key.label()

    @property
    def open_findings(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if not f.suppressed)


@dataclass(frozen=True, slots=True)
class NewDecision:
    """A decision about to be recorded (the store gives it an id, a time and its actor)."""

    region: Region
    tag: str  # one of TAGS
    removed: bool = False
    note: str = ""


@dataclass(frozen=True, slots=True)
class FileSummary:
    """A file's line in a list of every file: its signals without the score's parts (`Store.file`
    has those), so that tens of thousands load in a fraction of a second."""

    rank: int
    path: str
    language: str
    role: str
    score: float
    commits: int  # in the churn window
    lines_changed: int  # added + deleted in the window
    authors: int
    cyclomatic: int
    cognitive: int
    loc: int
    regions: int
    test_gap: float | None  # the score's test_gap part (0..1), None where it does not apply


@dataclass(frozen=True, slots=True)
class RegionSummary:
    """A region's line in a list of every region of the repository, without the score's parts."""

    rank: int
    region: Region
    language: str
    score: float
    evidence: str | None  # TestEvidence.kind; None for test code, where the question does not arise
    covered: float | None  # with a coverage report: the share of its lines that ran
