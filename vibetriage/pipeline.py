"""The scan: repository -> analyzers -> scores -> store, in one call.

Order of work, chosen for speed (DESIGN.md principle 6):
1. inventory from `git ls-files -s` (blob ids); if HEAD, the inventory, the analyzer version and the
   settings are all what the last scan saw, stop there: nothing is parsed, no grammar is loaded;
2. git starts reading the history (only commits added since the cached history head) before the
   parser processes start; a background thread stores what it reads in the history cache;
3. meanwhile, blobs not in the cache (by blob id, language and analyzer version) are read with one
   `git cat-file --batch` and parsed, across processes when there is enough source to pay for them;
4. churn is aggregated, every file and region is scored, and the snapshot is written in one
   transaction.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import time
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

import analyzers
from analyzers import discovery, git
from analyzers.languages import LANGUAGES
from vibetriage import __version__
from vibetriage.assets import data_dir
from vibetriage.config import Config
from vibetriage.model import Diagnostic, FileChurn, FileFacts, Finding, ScanInfo, SourceFile
from vibetriage.risk import Signals, score_all, security_weight, test_gap
from vibetriage.store import Store, now_iso

Progress = Callable[[str, int, int], None]


class ScanError(Exception):
    """The scan cannot start; the message says what and what to do."""


@dataclass(frozen=True)
class ScanOutcome:
    info: ScanInfo
    up_to_date: bool  # nothing changed since the last scan; nothing was re-read
    diagnostics: int


# The modules whose output is cached by blob id: a change to any of them changes the cache key.
_FACT_MODULES = ("facts", "regions", "languages", "treesitter", "security", "testfacts")


@cache
def analyzer_version() -> str:
    """Changes whenever the code or the queries that produce cached facts change, so the blob
    cache can never serve facts an older analyzer made."""
    digest = hashlib.sha1(__version__.encode())
    data = os.fspath(data_dir())
    sources = [*_files_under(os.path.join(data, "queries"), ".scm"), *_files_under(os.path.join(data, "rules"), ".toml")]
    sources.append(os.path.join(data, "tests.toml"))
    sources += [os.path.join(os.path.dirname(analyzers.__file__), f"{name}.py") for name in _FACT_MODULES]
    # Which files a scan analyzes follows from the index listing and these rules: an up-to-date
    # check trusts the listing (pipeline._fingerprint), so a change of the rules must count.
    sources.append(os.path.join(os.path.dirname(analyzers.__file__), "discovery.py"))
    sources.append(os.path.join(os.path.dirname(__file__), "parsing.py"))  # the cache's form of facts
    for path in sources:
        digest.update(os.path.basename(path).encode())
        with open(path, "rb") as f:
            digest.update(f.read())
    # A new grammar wheel parses differently, and the literal search decides which rules a file
    # is checked against: their facts must not come from the old ones' cache. A compiled binding
    # identifies its wheel (a stat, where reading the package metadata would cost an up-to-date
    # re-scan a tenth of its time).
    for module in sorted({"tree_sitter", "ahocorasick_rs", *(spec.module for spec in LANGUAGES.values())}):
        spec = importlib.util.find_spec(module)
        for entry in sorted(os.scandir(next(iter(spec.submodule_search_locations))), key=lambda e: e.name):
            if entry.name.endswith((".so", ".pyd", ".dylib")):
                digest.update(f"{module}/{entry.name}:{entry.stat().st_size}:{entry.stat().st_mtime_ns}".encode())
    return digest.hexdigest()[:16]


def _files_under(directory: str, suffix: str) -> list[str]:
    """Files ending in `suffix` below `directory`, sorted by path (os.walk: pathlib's rglob and
    sorting cost an up-to-date re-scan a few milliseconds more)."""
    found = [os.path.join(d, name) for d, _, names in os.walk(directory) for name in names if name.endswith(suffix)]
    return sorted(found)


def resolve_root(path: Path) -> Path:
    if not path.exists():
        raise ScanError(f"{path}: no such directory")
    if not path.is_dir():
        raise ScanError(f"{path}: not a directory")
    return path.resolve()


def scan(
    root: Path,
    store: Store,
    config: Config,
    *,
    progress: Progress | None = None,
    jobs: int | None = None,
    sarif: tuple[Path, ...] = (),
    coverage: tuple[Path, ...] = (),
) -> ScanOutcome:
    """Scan `root` into `store`. SARIF reports given here are imported first (replacing earlier
    imports of the same tool), coverage reports likewise (together they replace the earlier
    coverage import); both are kept for later scans."""
    started, t0 = now_iso(), time.perf_counter()
    report = progress or (lambda _phase, _done, _total: None)
    report("discover", 0, 1)
    # Reports to import need the inventory before the up-to-date check.
    listing, decides, inv = _repository_state(root, store, config, inventory=bool(sarif or coverage))
    import_diagnostics = _import_sarif(store, inv, sarif)
    _import_coverage(store, inv, coverage)
    analyzer = analyzer_version()
    fingerprint = _fingerprint(listing, inv, store, decides)
    last = store.last_scan()
    if last is not None and _up_to_date(listing.head if listing else None, store, config, fingerprint):
        now = replace(last, parsed=0, cached=last.files, duration_s=round(time.perf_counter() - t0, 3))
        return ScanOutcome(now, True, store.count_diagnostics())
    head_time, shallow, commits = None, False, []
    history, history_error, cached = None, None, {}
    with ExitStack() as stack:
        if listing is not None and listing.head:
            cached = {k: store.meta(k) for k in _HISTORY_KEYS}
            # Scanning a subdirectory: its history only.
            paths = [listing.location.prefix] if listing.location.prefix else []
            try:  # git starts reading the history now, while the rest gets ready for parsing
                history = _start_history(root, listing.head, paths, config.window_days, cached)
                stack.callback(history.pending.close)
            except git.GitError as exc:
                history_error = exc
        inv = inv or _inventory(root, store, config, listing)
        # Imported only now: an up-to-date re-scan (above) does not pay for what parsing, history
        # and scoring need.
        from concurrent.futures import ThreadPoolExecutor

        from analyzers import churn, testgap
        from vibetriage.parsing import cache_key, cacheable, collect_facts, parser_pool

        cached_keys = store.cached_blobs(analyzer)
        todo = [c for c in inv.candidates if cache_key(c) not in cached_keys]
        # The parser processes are forked before any thread starts (forking a threaded process
        # can copy a lock some thread holds); git processes are no threads.
        pool = stack.enter_context(parser_pool(todo, jobs))
        background = stack.enter_context(ThreadPoolExecutor(max_workers=2))
        background.submit(Store.preload)
        stored = None
        if history is not None:
            stored = background.submit(_store_history, store.path, history, cached)
            # On the way out git is stopped first, so the thread reading it ends and can be waited
            # for; the files are closed after that (the callback above).
            stack.callback(history.pending.kill)
        facts, diagnostics, fresh = collect_facts(root, store, inv, todo, analyzer, config, report, pool)
        diagnostics += import_diagnostics
        report("history", 0, 1)
        try:
            commits = stored.result() if stored is not None else []
            head_time, shallow = (history.head_time, history.shallow) if stored is not None else (None, False)
        except git.GitError as exc:  # e.g. a partial clone missing the blobs a diff needs
            history_error = exc
        # Stored once the history thread is done writing: two writers would wait on each other's
        # lock, and writing a long history could outlast the busy timeout.
        if to_cache := cacheable(fresh):
            store.put_blob_facts(analyzer, to_cache)
    if history_error is not None:
        diagnostics.append(Diagnostic("", "partial", "history-unreadable", f"no churn: git log failed ({history_error})"))

    report("score", 0, 1)
    paths = [c.path for c in inv.candidates if c.path in facts]
    churn_by_path = (
        churn.aggregate(commits, paths, window_end=head_time, window_days=config.window_days) if head_time else {}
    )
    test_files = {path: f.tests for path, f in facts.items() if f.tests and f.tests.functions}
    evidence = testgap.evidence([r for f in facts.values() for r in f.regions], test_files, _coverage(store))
    findings = _attach_findings(facts, [*store.imported_findings(), *testgap.hollow_findings(test_files)])
    files, regions = _score(inv.candidates, facts, churn_by_path, findings, evidence, config)
    if shallow:
        diagnostics.append(Diagnostic("", "partial", "shallow-clone", "history is truncated: churn counts only the commits present"))
    if not inv.is_git:
        diagnostics.append(Diagnostic("", "partial", "not-git", "not a git repository: no churn, all files scanned from disk"))

    report("write", 0, 1)
    scan_row = {
        "started_at": started, "finished_at": now_iso(), "head": inv.head, "head_time": head_time,
        "is_git": int(inv.is_git), "shallow": int(shallow), "window_days": config.window_days,
        "analyzer": analyzer, "config": config.digest(), "files": len(files),
        "parsed": sum(cache_key(f) in fresh for f, *_ in files),
        "cached": sum(cache_key(f) not in fresh for f, *_ in files),
        "skipped": sum(d.status == "skipped" for d in diagnostics),
        "other_files": inv.other_files, "duration_s": round(time.perf_counter() - t0, 3),
    }
    # The next scan checks against this one's fingerprint, in the form this scan's outcome calls for.
    decides = _listing_decides(root, listing, not any(d.reason == "unreadable" for d in diagnostics))
    fingerprint = _fingerprint(listing, inv, store, decides)
    store.write_snapshot(scan_row, files, regions, diagnostics, meta={"inventory": fingerprint}, findings=findings, evidence=evidence)
    store.prune_blob_facts(analyzer)
    return ScanOutcome(store.last_scan(), False, len(diagnostics))


def read_source(root: Path, file: SourceFile, max_bytes: int) -> bytes | None:
    """A scanned file's content as the scan read it: its blob from git's object store (outside
    git, the file, never through a link); None when it cannot be read (gone, or over `max_bytes`)."""
    reader = discovery.read_blobs(root, [discovery.Candidate(file.path, file.language, file.blob_id, file.size)], max_bytes=max_bytes)
    return next((data for _, data in reader), None)


def _apply_excludes(inv, config: Config):
    """Drop the candidates the settings exclude; each one becomes a `skipped: excluded` row."""
    if not config.exclude:
        return inv
    kept = [c for c in inv.candidates if not config.excluded(c.path)]
    dropped = [Diagnostic(c.path, "skipped", "excluded", "matches an exclude pattern") for c in inv.candidates if config.excluded(c.path)]
    return replace(inv, candidates=kept, diagnostics=[*inv.diagnostics, *dropped])


def _inventory(root: Path, store: Store, config: Config, listing):
    inv = discovery.inventory(root, max_bytes=config.max_file_bytes, sizes=store.blob_sizes(), listing=listing)
    return _apply_excludes(inv, config)


def is_current(root: Path, store: Store, config: Config) -> bool:
    """Whether the stored snapshot describes the repository as it is now (what a decision about
    to be recorded should be checked against)."""
    listing, decides, inv = _repository_state(root, store, config, inventory=False)
    head = listing.head if listing else None
    return store.last_scan() is not None and _up_to_date(head, store, config, _fingerprint(listing, inv, store, decides))


def _repository_state(root: Path, store: Store, config: Config, *, inventory: bool):
    """The index listing (None outside git), whether it decides the up-to-date check against the
    last scan (_listing_decides), and the inventory where that needs it, or `inventory` asks."""
    listing = discovery.list_index(root) if git.is_git_repo(root) else None
    decides = _listing_decides(root, listing, store.count_diagnostics("unreadable") == 0)
    inv = _inventory(root, store, config, listing) if inventory or not decides else None
    return listing, decides, inv


def _up_to_date(head: str | None, store: Store, config: Config, fingerprint: str) -> bool:
    if store.last_scan_keys() != (head, analyzer_version(), config.digest()) or store.meta("inventory") != fingerprint:
        return False
    # A history git could not read last time (a fetch away, say) is worth another try.
    return store.count_diagnostics("history-unreadable") == 0


def _listing_decides(root: Path, listing, all_readable: bool) -> bool:
    """Whether the index listing alone tells what a scan would find. With the settings and the
    analyzer it determines every file's fate (a blob's size follows from its id), so an up-to-date
    check need classify nothing. But whether a blob is in the object store is not in the listing:
    after a scan that could not read some file (`all_readable` false), and in a partial clone,
    whose blobs arrive and go under an unchanged listing, the inventory decides. A directory
    outside git has no listing."""
    return listing is not None and all_readable and not git.is_partial_clone(root)


def _fingerprint(listing, inv, store: Store, by_listing: bool) -> str:
    """What the snapshot was taken of: the index listing where it decides (`by_listing`, see
    _listing_decides), else the inventory `inv`; the imported reports; how deep the clone is."""
    content = listing.digest() if by_listing else _inventory_digest(inv)
    return content + "|" + store.imports_digest() + "|" + _shallow_marker(listing)


def _shallow_marker(listing) -> str:
    """A clone deepened (or made shallow) since the last scan has other history: not up to date.
    git keeps a shallow clone's boundary in `shallow` of the repository's common git dir (a linked
    worktree's own git dir has none); a stat is all it takes."""
    if listing is None:
        return ""
    shallow = git.common_dir(listing.location.git_dir) / "shallow"
    return str(shallow.stat().st_mtime_ns) if shallow.exists() else "full"


def _inventory_digest(inv) -> str:
    digest = hashlib.sha1()
    for c in sorted(inv.candidates, key=lambda c: c.path):
        digest.update(f"{c.path}\0{c.blob_id}\0{c.language}\n".encode())
    for d in sorted(inv.diagnostics, key=lambda d: d.path):
        digest.update(f"{d.path}\0{d.reason}\n".encode())
    return digest.hexdigest()


# -- history -----------------------------------------------------------------------------------


_HISTORY_KEYS = ("history_head", "history_since", "history_paths", "history_shallow")


@dataclass(frozen=True)
class _History:
    head: str  # the commit the history is read from
    head_time: int
    shallow: bool
    since: int
    pending: object  # churn.PendingCommits: git reading the commits not cached yet
    replace: bool  # the cached history cannot be extended: start again
    paths: list[str]


def _start_history(root: Path, head: str, paths: list[str], window_days: int, cached: dict[str, str | None]) -> _History:
    """Start git reading the commits the history cache lacks: those added since the cached history
    head when that head is still an ancestor of HEAD and the cached history reaches back far
    enough, else all of it. A first read takes line counts for the window only; the older history
    (for all-time figures) is read without line diffs, which are what make `git log` slow, by a
    second git process at the same time."""
    from analyzers import churn

    head_time = git.commit_time(root, head)
    since = head_time - window_days * 86400
    shallow = git.is_shallow(root)
    cached_head, cached_since = cached["history_head"], cached["history_since"]
    # The cache can be extended only if it covers the window, was read for the same paths from a
    # clone as deep as this one (a deepened clone has older history to read), and HEAD descends from it.
    extend = cached_head is not None and cached_since is not None and int(cached_since) <= since
    extend = extend and cached["history_paths"] == ",".join(paths) and cached["history_shallow"] == str(shallow)
    extend = extend and (cached_head == head or git.is_ancestor(root, cached_head, head))
    if extend:
        pending = churn.start_commits(root, stop_at=cached_head, paths=paths, head=head)
        return _History(head, head_time, shallow, int(cached_since), pending, False, paths)
    window = churn.start_commits(root, since=since, paths=paths, head=head)
    try:
        older = churn.start_commits(root, until=since, numstat=False, paths=paths, head=head)
    except BaseException:
        window.close()
        raise
    return _History(head, head_time, shallow, since, window + older, True, paths)


def _store_history(db: Path, history: _History, cached: dict[str, str | None]) -> list:
    """Runs in a background thread while the files are parsed: reads git's output into the history
    cache and returns the whole cached history, newest first. It writes through a connection of
    its own (the main thread's is busy with the scan)."""
    new = history.pending.result()
    state = {"history_head": history.head, "history_since": str(history.since),
             "history_paths": ",".join(history.paths), "history_shallow": str(history.shallow)}
    with Store.open(db, create=False) as own:
        own.add_commits(new, replace=history.replace, state=state, expect_head=cached["history_head"])
        return own.commits()


# -- scoring -----------------------------------------------------------------------------------


def _file_gap(f: FileFacts, gaps: dict) -> float | None:
    """A file's test gap: its functions' gaps weighted by their cyclomatic complexity, so an
    untested complicated function counts for more than an untested getter."""
    weighted = [(gap, r.metrics.cyclomatic) for r in f.regions if r.kind != "class" and (gap := gaps.get(r.key)) is not None]
    total = sum(w for _, w in weighted)
    return round(sum(g * w for g, w in weighted) / total, 4) if total else None


def _attach_findings(facts: dict[str, FileFacts], imported: list[Finding]) -> list[Finding]:
    """Our findings and the imported ones, each with the innermost region holding its first line
    (None: file level, or a file we do not analyze, which keeps the finding but scores nothing)."""
    by_path: dict[str, list[Finding]] = {}
    for finding in [*(x for f in facts.values() for x in f.findings), *imported]:
        by_path.setdefault(finding.path, []).append(finding)
    out = []
    for path, found in by_path.items():
        spans = facts[path].regions if path in facts else ()
        for finding in found:
            holders = [r for r in spans if r.start_line <= finding.start_line <= r.end_line]
            inner = min(holders, key=lambda r: r.end_line - r.start_line, default=None)
            out.append(replace(finding, region=inner.key if inner else None))
    return out


def _import_coverage(store: Store, inv, reports: tuple[Path, ...]) -> None:
    """Read coverage reports (all before storing any: CoverageError changes nothing) and store
    their union as the one coverage import, replacing the previous one."""
    if not reports:
        return
    from analyzers.coverage import read_coverage

    known = {c.path for c in inv.candidates}
    merged: dict[str, tuple[set[int], set[int]]] = {}
    for report in [read_coverage(path, inv.root, known) for path in reports]:
        for path, (covered, measured) in report.items():
            c, m = merged.setdefault(path, (set(), set()))
            c.update(covered)
            m.update(measured)
    store.replace_import("coverage", "coverage", ", ".join(map(str, reports)), coverage=merged)


def _coverage(store: Store):
    from analyzers.coverage import FileCoverage

    imported = store.imported_coverage()
    return None if imported is None else {path: FileCoverage(c, m) for path, (c, m) in imported.items()}


def _import_sarif(store: Store, inv, reports: tuple[Path, ...]) -> list[Diagnostic]:
    """Read SARIF reports and store their findings per tool; SarifError stops the scan before it
    writes anything, so a bad report never half-replaces a good one."""
    if not reports:
        return []
    from analyzers import sarif

    known = {c.path for c in inv.candidates}
    read = [(path, *sarif.read_sarif(path, inv.root, known)) for path in reports]
    diagnostics = []
    for path, found, diags in read:
        diagnostics += diags
        by_tool: dict[str, list[Finding]] = {}
        for f in found:
            by_tool.setdefault(f.tool, []).append(f)
        for tool, tool_findings in by_tool.items():
            store.replace_import("sarif", tool, str(path), tool_findings)
    return diagnostics


def _score(candidates, facts: dict[str, FileFacts], churn_by_path: dict[str, FileChurn], findings: list[Finding],
           evidence: dict, config: Config):
    from analyzers.testfacts import is_test_file

    sources = [
        (SourceFile(c.path, c.language, c.blob_id, c.size, facts[c.path].loc,
                    "test" if is_test_file(c.path) else "source"), facts[c.path])
        for c in candidates
        if c.path in facts
    ]
    churns = {src.path: churn_by_path.get(src.path) or FileChurn(src.path) for src, _ in sources}
    by_file: dict[str, list[Finding]] = {}
    for x in findings:
        by_file.setdefault(x.path, []).append(x)
    gaps = {key: test_gap(e) for key, e in evidence.items()}
    file_scores = score_all(
        [Signals.of_file(f.metrics, src.loc, churns[src.path], security_weight(by_file.get(src.path, [])), _file_gap(f, gaps))
         for src, f in sources],
        config.weights,
    )
    files = [(src, f.metrics, len(f.regions), churns[src.path], risk) for (src, f), risk in zip(sources, file_scores)]
    # Classes sum their members: they are measured on the functions' scale, not against each other.
    callables = [r for _, f in sources for r in f.regions if r.kind != "class"]
    classes = [r for _, f in sources for r in f.regions if r.kind == "class"]
    def held(r) -> float:
        found = by_file.get(r.path)
        return security_weight(x for x in found if r.holds(x.start_line)) if found else 0  # as of no findings

    callable_signals = [Signals.of_region(r.metrics, churns[r.path], held(r), gaps.get(r.key)) for r in callables]
    regions = list(zip(callables, score_all(callable_signals, config.weights)))
    class_signals = [Signals.of_region(r.metrics, churns[r.path], held(r), gaps.get(r.key)) for r in classes]
    regions += zip(classes, score_all(class_signals, config.weights, reference=callable_signals))
    return files, regions
