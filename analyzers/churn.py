"""Change history: commits read from whole-repository `git log` passes (never one git call per
file), and per-file churn aggregated from them with renames followed.

`start_commits` starts `git log --no-merges --topo-order -M -z` with `--numstat` (line counts) or
`--name-status` (names only); the PendingCommits it returns parses the NUL-separated output with
bytes.split as it arrives, so parsing overlaps git's own work (`read_commits` is both steps).
Output format, per commit:

    \\x01<sha>\\0<author epoch>\\0<author name>\\0<author email>\\0<trailers>\\0\\0
    then, with --numstat, one per changed file ([\\n] before the first):
    [\\n]<added>\\t<deleted>\\t<path>\\0
    [\\n]<added>\\t<deleted>\\t\\0<old path>\\0<new path>\\0   a rename (-M)
    or, with --name-status:
    [\\n]<status>\\0<path>\\0                             status A, M, D or T
    [\\n]R<score>\\0<old path>\\0<new path>\\0           a rename (-M); C<score> a copy

A token starting with \\x01 where an entry may begin starts the next commit (a numstat entry
starts with a digit or "-", a name-status entry with an upper-case letter; paths are taken by
position, so a path that starts with \\x01 is still just a path). "-" counts mean a binary file:
`added`/`deleted` are None, as they are for every file of a name-status read.

Line diffs are the dominant cost of a cold scan (DESIGN.md: 13.6 s of numstat over 18k commits
against ~1 s for a one-year window), so the pipeline reads the churn window with numstat
(`since=T`) and the older history with names only (`until=T`, numstat=False): `since` and
`until` at the same T split the history with no commit on both sides (see log_args).

AI assistance comes from the commit's trailers (`%(trailers:only,unfold)`, git's own trailer
block detection) and author name, matched against data/ai_trailers.toml.

A long history is read by two git processes in parallel (see start_commits): git's diffing is
single-threaded and the machines this runs on have two cores or more.

Order: commits come newest first in topological order (`--topo-order`: no parent before all its
children, whatever the clocks say). `aggregate` depends on that order to follow renames backwards;
it is documented there and `start_commits` guarantees it. A shallow clone's oldest commit shows its
whole tree as added: callers should check `git.is_shallow` and say so.
"""

from __future__ import annotations

import os
import re
import threading
import tomllib
from collections.abc import Iterable, Sequence
from contextlib import ExitStack
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from analyzers import git
from vibetriage.assets import data_path
from vibetriage.model import Commit, FileChange, FileChurn

DAY = 86_400
_FORMAT = "--format=%x01%H%x00%at%x00%an%x00%ae%x00%(trailers:only,unfold)%x00"
_HEADER_FIELDS = 5


# -- AI trailers -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AiRules:
    credit_keys: frozenset[str]
    ai_keys: frozenset[str]
    negative_values: frozenset[str]
    name_re: re.Pattern[str]
    email_re: re.Pattern[str]
    author_re: re.Pattern[str]
    non_ai_bots: frozenset[str]

    @classmethod
    def load(cls, path: Path) -> AiRules:
        spec = tomllib.loads(path.read_text(encoding="utf-8"))

        def alternation(patterns: Iterable[str]) -> re.Pattern[str]:
            items = [f"(?:{p})" for p in patterns] or ["(?!)"]
            return re.compile("|".join(items), re.IGNORECASE)

        lower = lambda key: frozenset(v.lower() for v in spec.get(key, ()))  # noqa: E731
        return cls(
            credit_keys=lower("credit_keys"),
            ai_keys=lower("ai_keys"),
            negative_values=lower("negative_values"),
            name_re=alternation(spec.get("name_patterns", ())),
            email_re=alternation(spec.get("email_patterns", ())),
            author_re=alternation(spec.get("author_patterns", ())),
            non_ai_bots=lower("non_ai_bots"),
        )

    def names_ai(self, value: str) -> bool:
        """Does a trailer value like 'Name <email>' name an AI agent?"""
        name, _, rest = value.partition("<")
        email = rest.partition(">")[0].strip().lower()
        name = name.strip()
        core = re.sub(r"\s*\([^()]*\)\s*$", "", name)  # "aider (gpt-4o)", "Claude Code (opus)"
        if email and self.email_re.search(email):
            return True
        if self.name_re.fullmatch(core) or self.name_re.fullmatch(name):
            return True
        for who in (name.lower(), email.split("@")[0]):
            if who.endswith("[bot]"):
                base = who[: -len("[bot]")]
                base = base.split("+", 1)[-1]  # 12345+copilot-swe-agent[bot]
                if base not in self.non_ai_bots:
                    return True
        return False

    def is_ai(self, trailers: str, author_name: str) -> bool:
        if author_name and self.author_re.fullmatch(author_name):
            return True
        for line in trailers.split("\n"):
            key, sep, value = line.partition(":")
            if not sep:
                continue
            key = key.strip().lower()
            value = value.strip()
            if key in self.ai_keys:
                if value.lower() not in self.negative_values:
                    return True
            elif key in self.credit_keys and value and self.names_ai(value):
                return True
        return False


@cache
def ai_rules() -> AiRules:
    return AiRules.load(data_path("ai_trailers.toml"))


# -- reading -----------------------------------------------------------------------------------


class _Parser:
    """Turns the NUL-separated tokens of `git log -z --numstat` or `git log -z --name-status`
    into Commits, across chunks. The two diff formats need no flag: a numstat entry starts with a
    digit or "-", a name-status entry with an upper-case status letter."""

    __slots__ = ("commits", "_header", "_files", "_pending", "_need", "_rules")

    def __init__(self) -> None:
        self.commits: list[Commit] = []
        self._header: list[bytes] | None = None
        self._files: list[FileChange] = []
        # An entry whose paths follow as separate tokens: [added, deleted] of a numstat rename,
        # or [status] of a name-status entry; complete at `_need` tokens.
        self._pending: list[bytes] | None = None
        self._need = 0
        self._rules = ai_rules()

    def feed(self, tokens: list[bytes]) -> None:
        files = self._files
        append = files.append
        for tok in tokens:
            pending = self._pending
            if pending is not None:
                pending.append(tok)
                if len(pending) == self._need:
                    append(_entry(pending))
                    self._pending = None
                continue
            header = self._header
            if header is not None and len(header) < _HEADER_FIELDS:
                header.append(tok)
                continue
            if not tok:
                continue
            first = tok[0]
            if first == 1:  # \x01: the next commit
                self._finish()
                files = self._files
                append = files.append
                self._header = [tok[1:]]
                continue
            if first == 10:  # the newline between a commit's header and its file list
                tok = tok[1:]
                if not tok:
                    continue
                first = tok[0]
            if header is None:
                continue  # no commit yet: ignore rather than guess
            if 65 <= first <= 90:  # A-Z: a name-status entry; its path(s) follow
                self._pending = [tok]
                self._need = 3 if first in _TWO_PATHS else 2
                continue
            parts = tok.split(b"\t", 2)
            if len(parts) != 3:
                continue  # neither format: ignore rather than guess
            added, deleted, path = parts
            if path:
                append(FileChange(path.decode("utf-8", "replace"), None, _count(added), _count(deleted)))
            else:  # a numstat rename: old and new path follow
                self._pending = [added, deleted]
                self._need = 4

    def _finish(self) -> None:
        header = self._header
        if header is not None and len(header) == _HEADER_FIELDS:
            sha, when, name, email, trailers = header
            try:
                author_time = int(when)
            except ValueError:
                author_time = 0
            author_name = name.decode("utf-8", "replace")
            self.commits.append(
                Commit(
                    sha=sha.decode("ascii", "replace"),
                    author_time=author_time,
                    author_name=author_name,
                    author_email=email.decode("utf-8", "replace"),
                    ai_assisted=self._rules.is_ai(trailers.decode("utf-8", "replace"), author_name),
                    files=tuple(self._files),
                )
            )
        self._header = None
        self._files = []
        self._pending = None

    def close(self) -> list[Commit]:
        self._finish()
        return self.commits


_TWO_PATHS = frozenset(b"RC")  # name-status entries followed by an old and a new path


def _entry(tokens: list[bytes]) -> FileChange:
    """A FileChange from a completed pending entry (see _Parser._pending)."""
    if len(tokens) == 4:  # numstat rename
        added, deleted, old, new = tokens
        return FileChange(new.decode("utf-8", "replace"), old.decode("utf-8", "replace"), _count(added), _count(deleted))
    if len(tokens) == 3:  # name-status R<score> or C<score>
        status, old, new = tokens
        if status[0] == 82:  # R: the file moved, and its history with it
            return FileChange(new.decode("utf-8", "replace"), old.decode("utf-8", "replace"))
        return FileChange(new.decode("utf-8", "replace"))  # C: a new file; the source keeps its history
    return FileChange(tokens[1].decode("utf-8", "replace"))  # A, M, D, T (and any other letter)


def _count(raw: bytes) -> int | None:
    return None if raw == b"-" else int(raw)


def _since_option() -> str:
    """Plain --since stops walking at the first commit older than the date, so a commit dated
    inside the window but reachable only through an older-dated one (clock skew, rebases) would be
    in neither the window pass nor the --until pass. --since-as-filter (git >= 2.37) only filters."""
    return "--since-as-filter" if git.version() >= (2, 37) else "--since"


def log_args(
    *,
    since: int | None = None,
    until: int | None = None,
    stop_at: str | None = None,
    head: str = "HEAD",
    numstat: bool = True,
    paths: Sequence[str] = (),
    exclude: Sequence[str] = (),
) -> list[str]:
    """The `git log` argv (after `git`) that read_commits runs: commits reachable from `head`,
    not from `stop_at` nor any of `exclude` (commit ids), committed after `since` and at or before
    `until`. git's own --since=@N and --until=@N are both inclusive (commit date >= N, <= N), so
    `since` is passed as N+1: the same N given as `until` to one read and `since` to another splits
    the history with no commit in both."""
    args = ["log", "--no-merges", "--topo-order", "-z", "--no-textconv", "--no-ext-diff", "--no-color", _FORMAT]
    args += ["-M", "--numstat" if numstat else "--name-status"]
    if since is not None:
        args.append(f"{_since_option()}=@{int(since) + 1}")
    if until is not None:
        args.append(f"--until=@{int(until)}")
    args += ["--end-of-options", head]
    for rev in (stop_at, *exclude):
        if rev:
            if not git.is_object_id(rev):
                raise git.GitError(f"not a commit id: {rev!r}")
            args.append(f"^{rev}")
    args.append("--")
    args += list(paths)
    return args


def parse_log(chunks: Iterable[bytes]) -> list[Commit]:
    """Parse the output of `git log` run with log_args(), given as chunks of any size."""
    parser = _Parser()
    rest = b""
    for chunk in chunks:
        tokens = (rest + chunk).split(b"\0") if rest else chunk.split(b"\0")
        rest = tokens.pop()
        parser.feed(tokens)
    if rest:
        parser.feed([rest])
    return parser.close()


# Below this many commits one git process is as fast as two (process start-up, thread hand-off).
SPLIT_MIN_COMMITS = 2000


def read_commits(repo: Path, **options) -> list[Commit]:
    """The commits start_commits(repo, **options) reads, once git is done."""
    return start_commits(repo, **options).result()


def start_commits(
    repo: Path,
    *,
    since: int | None = None,
    until: int | None = None,
    stop_at: str | None = None,
    numstat: bool = True,
    paths: Sequence[str] = (),
    jobs: int | None = None,
    head: str | None = None,
) -> PendingCommits:
    """Start git reading the non-merge commits reachable from HEAD; the PendingCommits returned
    gives them, once git is done, newest first (topological order), with the files each changed:
    with line counts when `numstat`, else names only (`--name-status -M`: renames are still
    followed, `added`/`deleted` are None), which costs a fraction of numstat on a long history
    because git diffs no file contents (see DESIGN.md).

    `since` keeps commits committed after it (commit date > since) and `until` those committed at
    or before it (commit date <= until), both epoch seconds, so `since=T` and `until=T` split a
    history with no overlap and, with git >= 2.37, no gap (see _since_option). Both filter on the
    committer date; aggregate's window uses the author date. `stop_at` (a commit id, normally
    the HEAD of the previous scan, which the caller has checked with git.is_ancestor) reads only
    `stop_at..HEAD`. `paths` limits the log to pathspecs relative to the repository toplevel,
    e.g. [inventory.prefix] when scanning a subdirectory. An empty repository has no commits.

    A long whole-repository history (no `since`, no `paths`) can be read by two git processes at
    once (`jobs`): with M a commit half-way down, `M..HEAD` and `M`'s own history are disjoint,
    cover the same commits, and concatenated still put every child before its parents; `until`
    filters both halves alike. The default is 2 with numstat on a machine with 2+ cores, and 1
    without numstat: a names-only read is cheap enough that two processes gain little alone
    and lose when the pipeline runs it beside the numstat window read on two cores (18k
    commits, 5 years, window 1 year: both reads 1.55 s with one names-only process, 1.65 s with
    two; the names-only read alone 0.40 s against 0.33 s).
    """
    # The caller passes the HEAD its inventory saw, so history and files describe the same commit.
    head = head or git.head(repo)
    if head is None or (stop_at and stop_at == head):
        return PendingCommits([])
    if jobs is None:
        jobs = 2 if numstat and (os.cpu_count() or 1) >= 2 else 1
    if jobs > 1 and since is None and not paths:
        middle = _middle_commit(repo, head, stop_at, until)
        if middle is not None:
            return _start(
                repo,
                [
                    log_args(until=until, stop_at=stop_at, head=head, numstat=numstat, exclude=[middle]),
                    log_args(until=until, stop_at=stop_at, head=middle, numstat=numstat),
                ],
            )
    return _start(repo, [log_args(since=since, until=until, stop_at=stop_at, head=head, numstat=numstat, paths=paths)])


class PendingCommits:
    """`git log` processes already running. result() reads and parses their output, a thread per
    process, and returns their commits in the order the processes were given; `a + b` is a and
    then b. A process writes up to a pipe's size (1 MiB where Linux grants it) before anyone
    reads it. result() and close() end every process; kill() only stops them."""

    def __init__(self, streams: list[git.Stream]) -> None:
        self._streams = streams

    def __add__(self, other: PendingCommits) -> PendingCommits:
        return PendingCommits(self._streams + other._streams)

    def result(self) -> list[Commit]:
        results: list[list[Commit] | BaseException | None] = [None] * len(self._streams)

        def work(i: int) -> None:
            try:
                results[i] = parse_log(self._streams[i])
            except BaseException as exc:  # re-raised below, in the caller's thread
                results[i] = exc

        threads = [threading.Thread(target=work, args=(i,), name=f"git-log-{i}") for i in range(1, len(self._streams))]
        try:
            for t in threads:
                t.start()
            if self._streams:
                work(0)
            for t in threads:
                t.join()
        finally:
            self.close()
        commits: list[Commit] = []
        for result in results:
            if isinstance(result, BaseException):
                raise result
            commits += result or []
        return commits

    def kill(self) -> None:
        """End the git processes; safe while another thread is in result()."""
        for stream in self._streams:
            stream.kill()

    def close(self) -> None:
        """End the processes and close their files; not while another thread is in result()."""
        with ExitStack() as every:  # each one, even if one fails
            for stream in self._streams:
                every.callback(stream.close)


def _start(repo: Path, arg_lists: list[list[str]]) -> PendingCommits:
    """A git process per argument list; if one cannot start, those started are ended."""
    streams: list[git.Stream] = []
    try:
        for args in arg_lists:
            streams.append(git.stream(repo, args))
    except BaseException:
        PendingCommits(streams).close()
        raise
    return PendingCommits(streams)


def _middle_commit(repo: Path, head: str, stop_at: str | None, until: int | None = None) -> str | None:
    revs = [*([f"--until=@{int(until)}"] if until is not None else []), "--end-of-options", head]
    revs += [f"^{stop_at}"] if stop_at else []
    count = int(git.run(repo, ["rev-list", "--count", "--no-merges", *revs]).strip() or 0)
    if count < SPLIT_MIN_COMMITS:
        return None
    middle = git.run(repo, ["rev-list", "--no-merges", f"--skip={count // 2}", "--max-count=1", *revs]).decode("ascii").strip()
    return middle or None


# -- aggregation -------------------------------------------------------------------------------


class _Acc:
    __slots__ = ("commits", "added", "deleted", "authors", "ai", "commits_all", "lines_all", "authors_all", "first", "last")

    def __init__(self) -> None:
        self.commits = self.added = self.deleted = self.ai = self.commits_all = self.lines_all = 0
        self.authors: set[str] = set()
        self.authors_all: set[str] = set()
        self.first: int | None = None
        self.last: int | None = None


def aggregate(commits: Iterable[Commit], current_paths: Iterable[str], *, window_end: int, window_days: int) -> dict[str, FileChurn]:
    """Churn per current path.

    Window figures (commits, lines_added/deleted, authors, ai_commits) count only the commits
    with `window_end - window_days*86400 < author_time <= window_end` (window_end is normally
    HEAD's commit time, so an old repository still has a window); all-time figures (commits_all,
    authors_all, first_change, last_change, lines_all) count every commit given. Authors are
    distinct lower-cased e-mails.

    Line counts that are None (a binary file, or every file of a history read with
    numstat=False) count as 0, so `lines_all` is the sum of the line counts known: when the
    history older than the window was read without numstat, as the pipeline does, `lines_all`
    covers the window's commits only (plus any older ones that had line counts), not all time.

    `commits` MUST be newest first in topological order (as read_commits returns them): renames
    are followed backwards, so a file now at c.py that was b.py and before that a.py collects the
    history of all three names, and a name reused after a rename keeps only its own history. A
    path deleted and later re-created inherits the older file's history, as `git log -- path`
    does. A commit touching a file under two historical names counts once. The window read
    (`since=T`) followed by the older read (`until=T`) is such an order unless a commit is dated
    after T while a descendant of it is dated at or before T (clock skew across T)."""
    current = list(current_paths)
    alias: dict[str, str] = {p: p for p in current}  # historical path -> current path
    accs = {p: _Acc() for p in current}
    start = window_end - window_days * DAY

    for commit in commits:
        when = commit.author_time
        in_window = start < when <= window_end
        email = commit.author_email.lower()
        touched: dict[str, list[int]] = {}
        renames: list[tuple[str, str, str | None]] = []
        for change in commit.files:
            target = alias.get(change.path)
            if change.old_path is not None:
                renames.append((change.old_path, change.path, target))
            if target is None:
                continue
            counts = touched.get(target)
            if counts is None:
                touched[target] = [change.added or 0, change.deleted or 0]
            else:
                counts[0] += change.added or 0
                counts[1] += change.deleted or 0
        for target, (added, deleted) in touched.items():
            acc = accs[target]
            acc.commits_all += 1
            acc.lines_all += added + deleted
            acc.authors_all.add(email)
            if acc.last is None or when > acc.last:
                acc.last = when
            if acc.first is None or when < acc.first:
                acc.first = when
            if in_window:
                acc.commits += 1
                acc.added += added
                acc.deleted += deleted
                acc.authors.add(email)
                if commit.ai_assisted:
                    acc.ai += 1
        if renames:
            # Before this commit, each renamed file lived at its old path. Apply all of a commit's
            # renames at once so swaps (a->b, b->a) resolve correctly.
            for _, new, _ in renames:
                alias.pop(new, None)
            for old, _, target in renames:
                if target is None:
                    alias.pop(old, None)
                else:
                    alias[old] = target

    return {
        path: FileChurn(
            path=path,
            commits=acc.commits,
            lines_added=acc.added,
            lines_deleted=acc.deleted,
            authors=len(acc.authors),
            ai_commits=acc.ai,
            first_change=acc.first,
            last_change=acc.last,
            commits_all=acc.commits_all,
            lines_all=acc.lines_all,
            authors_all=len(acc.authors_all),
        )
        for path, acc in accs.items()
    }

