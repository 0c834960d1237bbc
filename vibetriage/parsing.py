"""The parse phase of a scan: which blobs to parse, the parser processes that parse them, and
the blob cache's encoding of their facts (keyed by blob id, language, role and analyzer version).

Only a scan that has something to parse imports this module: an up-to-date re-scan never pays
for it, nor for the grammars and rules that its parser processes load.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future
from contextlib import contextmanager
from dataclasses import replace

from analyzers import discovery, security, testfacts
from vibetriage.config import Config
from vibetriage.model import Diagnostic, FileFacts, Finding, Metrics, Region
from vibetriage.store import Store

Progress = Callable[[str, int, int], None]
# Below this much source a process pool costs more than it saves (DESIGN.md performance notes).
PARALLEL_MIN_BYTES = 2_000_000
_BATCH_BYTES = 256_000
_MAX_BATCHES_IN_FLIGHT = 8  # x 256 KB: a few MB of source waiting for the workers at most


@contextmanager
def parser_pool(todo, jobs: int | None) -> Iterator[Executor | None]:
    """Worker processes when there is enough source to pay for them, else None (parse inline)."""
    workers = jobs if jobs is not None else min(2, os.cpu_count() or 1)
    if workers < 2 or sum(c.size for c in todo) < PARALLEL_MIN_BYTES:
        yield None
        return
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing import get_context

    from analyzers import facts

    if threading.active_count() == 1:
        # Loading a language's grammar, rules and combined query costs ~0.1 s: done once here,
        # before the fork, every worker inherits them instead of repeating it.
        for language in sorted({c.language for c in todo}):
            facts.combined(language)
        context = get_context("fork")
    else:
        # Forking a process whose other threads hold locks (the workbench's) can deadlock the
        # child: workers then start from a clean server process instead (slower to start).
        context = get_context("forkserver")
    pool = ProcessPoolExecutor(workers, mp_context=context)
    # A fork-context pool starts every worker on its first task: start them now, thread-free.
    pool.submit(int).result()
    try:
        yield pool
    finally:
        pool.shutdown(cancel_futures=True)


def collect_facts(root, store: Store, inv, todo, analyzer: str, config: Config, report: Progress, pool):
    """FileFacts for every candidate that can be analyzed, from the cache or parsed now; the
    diagnostics; and the facts parsed now (by cache key, in the cache's form), which the caller
    stores (cacheable)."""
    diagnostics = list(inv.diagnostics)
    total = len(todo)
    fresh: dict[tuple[str, str, str], dict] = {}  # cache key -> facts in the cache form
    skipped: dict[str, Diagnostic] = {}
    report("parse", 0, total)
    parallel = pool is not None
    pending: list[tuple[list, Future | list[dict]]] = []
    batch, batch_bytes, done = [], 0, 0
    reader = discovery.read_blobs(root, _unique_blobs(todo), max_bytes=config.max_file_bytes)
    for candidate, data in reader:
        reason = discovery.content_skip_reason(candidate.path, data)
        if reason:
            skipped[candidate.path] = Diagnostic(candidate.path, "skipped", reason)
            continue
        batch.append((candidate, data))
        batch_bytes += len(data)
        if batch_bytes >= _BATCH_BYTES or not parallel:
            pending.append(_submit(pool, batch, config.parse_timeout_s))
            batch, batch_bytes = [], 0
            done = _drain(pending, fresh, report, done, total, block=False)
            # Reading blobs outruns the workers: cap what waits in memory (a huge repository's
            # whole source would otherwise be queued at once).
            done = _drain(pending, fresh, report, done, total, block=True, keep=_MAX_BATCHES_IN_FLIGHT)
    if batch:
        pending.append(_submit(pool, batch, config.parse_timeout_s))
    _drain(pending, fresh, report, done, total, block=True)
    stored = store.blob_facts(analyzer, {cache_key(c) for c in inv.candidates} - set(fresh))
    facts: dict[str, FileFacts] = {}
    for c in inv.candidates:
        if c.path in skipped:
            diagnostics.append(skipped[c.path])
            continue
        key = cache_key(c)
        data = fresh.get(key) or stored.get(key)
        if data is None:  # listed but unreadable (vanished from the object store, or a read error)
            read_error = next((d for d in reader.diagnostics if d.path == c.path), None)
            diagnostics.append(replace(read_error, path=c.path) if read_error else Diagnostic(c.path, "failed", "unreadable", "content could not be read"))
            continue
        f = from_json(c.language, data, c.path)
        if f.error is not None:
            diagnostics.append(f.error)
            if f.error.status == "failed":
                continue
        facts[c.path] = f
    return facts, diagnostics, fresh


def cacheable(fresh: dict) -> dict:
    """The freshly parsed facts the blob cache keeps: a failure (timeout, analyzer error) may be
    the machine's or the cap's, not the blob's."""
    return {k: f for k, f in fresh.items() if not (f["e"] and f["e"][0] == "failed")}


def _analyze_batch(items: list[tuple[str, bytes, bool]], timeout_s: float) -> list[dict]:
    # Facts travel back in the blob cache's form: plain lists pickle ten times faster than
    # dataclasses, and the cache stores them as they come.
    return [to_json(_analyze_one(language, data, timeout_s, tests)) for language, data, tests in items]


def _analyze_one(language: str, data: bytes, timeout_s: float, tests: bool) -> FileFacts:
    from analyzers.facts import analyze  # imported here: a warm re-scan never loads grammars

    try:
        return analyze(language, data, timeout_s, test_file=tests)
    except (Exception, RecursionError) as exc:  # one hostile file must not end the scan
        error = Diagnostic("", "failed", "analyzer-error", f"could not be analyzed: {type(exc).__name__}: {exc}"[:300])
        return FileFacts(language, 0, Metrics(0, 0, 0, 0, 0), (), error)


def _unique_blobs(todo):
    """One candidate per cache key: identical files are read and parsed once."""
    seen, out = set(), []
    for c in todo:
        if cache_key(c) not in seen:
            seen.add(cache_key(c))
            out.append(c)
    return out


def reads_tests(path: str, language: str) -> bool:
    """Test files, and every file of a language whose tests live beside the code (Rust)."""
    return testfacts.is_test_file(path) or testfacts.inline_tests(language)


def cache_key(c) -> tuple[str, str, str]:
    """The blob cache's key for a file (a Candidate or a SourceFile): blob, language and role;
    the same blob is analyzed differently where its tests are read too."""
    return (c.blob_id, c.language, "tests" if reads_tests(c.path, c.language) else "source")


def _submit(pool, batch, timeout_s):
    keys = [cache_key(c) for c, _ in batch]
    items = [(c.language, data, reads_tests(c.path, c.language)) for c, data in batch]
    if pool is None:
        return keys, _analyze_batch(items, timeout_s)
    return keys, pool.submit(_analyze_batch, items, timeout_s)


def _drain(pending, fresh, report, done, total, *, block: bool, keep: int = 0) -> int:
    """Collect finished batches in order; with `block`, wait until at most `keep` are pending."""
    while len(pending) > keep:
        keys, result = pending[0]
        if isinstance(result, Future):
            if not block and not result.done():
                break
            result = result.result()
        pending.pop(0)
        fresh.update(zip(keys, result))
        done += len(keys)
        report("parse", done, total)
    return done


def to_json(f: FileFacts) -> dict:
    return {
        "loc": f.loc,
        "m": list(_metrics_tuple(f.metrics)),
        "r": [[r.kind, r.qualname, r.ordinal, r.start_line, r.end_line, r.fingerprint, *_metrics_tuple(r.metrics)] for r in f.regions],
        "e": [f.error.status, f.error.reason, f.error.detail] if f.error else None,
        "f": [[x.rule_id, x.severity, x.confidence, x.cwe, x.start_line, x.end_line, x.message, x.suppressed] for x in f.findings],
        "t": testfacts.facts_to_dict(f.tests) if f.tests else None,
    }


def from_json(language: str, data: dict, path: str) -> FileFacts:
    """The facts of the file at `path` from the cache form of its blob's facts."""
    regions = tuple(Region(path, k, q, o, s, e, fp, Metrics(*m)) for k, q, o, s, e, fp, *m in data["r"])
    error = Diagnostic(path, *data["e"]) if data["e"] else None
    findings = tuple(Finding(rid, security.TOOL, sev, conf, cwe, path, a, b, msg, sup) for rid, sev, conf, cwe, a, b, msg, sup in data["f"])
    tests = testfacts.facts_from_dict(data["t"]) if data["t"] else None
    return FileFacts(language, data["loc"], Metrics(*data["m"]), regions, error, findings, tests)


def _metrics_tuple(m: Metrics) -> tuple[int, int, int, int, int]:
    return (m.cyclomatic, m.cognitive, m.nesting, m.length, m.params)
