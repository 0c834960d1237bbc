"""The gate behind `vibetriage check`: what should stop a commit or a build, read from an up-to-date
scan and the team's decisions.

Checks (which ones fail is set by `[check] fail_on` in the repository's settings, or --fail-on):
- `stale-load-bearing`: a load-bearing region whose code changed since its last review;
- `new-findings`: a finding of our rules at or above `min_severity` that the base revision did
  not have (compared by rule and the text of its line, so code that only moved is not new), in a
  region that is load-bearing, or not reviewed as it is now, or in no region at all;
- `unreviewed-load-bearing` (off by default): a load-bearing region nobody has reviewed.

Findings at the base are computed by analyzing the base revision's copy of each file whose blob
changed, with the same analyzer; files that did not change cannot have new findings.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from analyzers import discovery, git
from analyzers.security import TOOL
from vibetriage.model import SEVERITIES, Decision, Finding, RegionState
from vibetriage.store import Store
from vibetriage.text import when


@dataclass(frozen=True)
class Problem:
    check: str  # one of model.CHECKS
    where: str  # a region label, or PATH:LINE
    detail: str


@dataclass(frozen=True)
class Report:
    problems: tuple[Problem, ...]
    base: str | None  # the commit new findings were compared with (the merge base of the one asked)
    load_bearing: int  # load-bearing regions in the repository
    current: int  # of those, reviewed as the code is now
    lost: tuple[str, ...] = ()  # load-bearing decisions whose region is gone: shown, never dropped


def check(root: Path, store: Store, *, base: str | None, checks: tuple[str, ...], min_severity: str,
          decisions: tuple[Decision, ...] = (), timeout_s: float = 5.0) -> Report:
    """Run the checks on the store's snapshot of `root` (the caller scans first). `decisions`
    (the team's file) count as well as the store's, without being written to it: a branch's
    file must not change what the database holds. New findings are those since the merge base
    of `base` and HEAD: what the branch itself added."""
    states, orphans = store.region_states(extra=decisions)
    lost = sorted({d.key.label() for d in orphans if d.tag == "load-bearing" and not d.removed})
    problems: list[Problem] = []
    load_bearing = {key: s for key, s in states.items() if s.track == "load-bearing"}
    for key, state in sorted(load_bearing.items()):
        if state.review == "stale" and "stale-load-bearing" in checks:
            problems.append(Problem("stale-load-bearing", key.label(),
                                    f"changed since {state.reviewed_by} reviewed it on {when(state.reviewed_at or '')}"))
        elif state.review == "unreviewed" and "unreviewed-load-bearing" in checks:
            problems.append(Problem("unreviewed-load-bearing", key.label(), "load-bearing and never reviewed"))
    if base is not None:
        base = _merge_base(root, base)
    if "new-findings" in checks and base is not None:
        for finding in new_findings(root, store, base, min_severity, timeout_s):
            state = states.get(finding.region, RegionState()) if finding.region else None
            if state is None or state.track == "load-bearing" or state.review != "reviewed":
                problems.append(Problem("new-findings", _where(finding), f"{finding.severity} {finding.rule_id}: {finding.message}"
                                        + ("" if state is None else f" (in {_state_words(state)})")))
    current = sum(s.review == "reviewed" for s in load_bearing.values())
    return Report(tuple(problems), base, len(load_bearing), current, tuple(lost))


def _merge_base(root: Path, rev: str) -> str:
    head = git.head(root)
    commit = git.resolve_commit(root, rev)
    if head is None or commit == head:
        return commit
    found = git.run(root, ["merge-base", "--end-of-options", commit, head]).decode("ascii").split()
    if not found:
        raise git.GitError(f"{rev!r} shares no history with HEAD: nothing to compare with")
    return found[0]


def new_findings(root: Path, store: Store, base: str, min_severity: str, timeout_s: float = 5.0) -> list[Finding]:
    """Our findings in the snapshot, at or above `min_severity` and not suppressed, that `base`
    did not have."""
    limit = SEVERITIES.index(min_severity)
    wanted = [f for f in store.findings() if f.tool == TOOL and not f.suppressed and SEVERITIES.index(f.severity) <= limit]
    if not wanted:
        return []
    files = {f.file.path: f.file for f in store.ranked_files()}
    at_base = _tree(root, base)
    was = _renamed_since(root, base)  # path now -> path at the base, for files git saw renamed
    old = {path: at_base.get(was.get(path, path)) for path in files}
    changed = sorted({f.path for f in wanted if f.path in files and (old[f.path] or (None,))[0] != files[f.path].blob_id})
    now = _texts(root, [discovery.Candidate(p, files[p].language, files[p].blob_id, files[p].size) for p in changed])
    then = _texts(root, [discovery.Candidate(p, files[p].language, *old[p]) for p in changed if old[p]])
    old_keys = {path: Counter(_key(f, then[path]) for f in _analyze(path, files[path].language, then[path], timeout_s)
                              if not f.suppressed)  # a suppression removed since is a new finding
                for path in then}
    out = []
    for finding in wanted:
        if finding.path not in changed:
            continue
        seen = old_keys.get(finding.path, Counter())
        key = _key(finding, now.get(finding.path, b""))
        if seen[key] > 0:
            seen[key] -= 1  # one old finding answers for one new one
        else:
            out.append(finding)
    return out


def _tree(root: Path, rev: str) -> dict[str, tuple[str, int]]:
    """Path -> (blob id, size) of every file in a revision."""
    listing = git.run(root, ["ls-tree", "-r", "-z", "-l", "--full-tree", "--end-of-options", git.resolve_commit(root, rev)])
    out = {}
    for record in listing.split(b"\0"):
        meta, _, path = record.partition(b"\t")
        fields = meta.split()
        if len(fields) == 4 and fields[1] == b"blob" and fields[3].isdigit():
            out[path.decode("utf-8", "replace")] = (fields[2].decode("ascii"), int(fields[3]))
    return out


def _renamed_since(root: Path, base: str) -> dict[str, str]:
    """Files of the index (what the scan saw) that git finds renamed since `base`: new -> old."""
    out = git.run(root, ["diff", "--cached", "-M", "--name-status", "-z", "--no-ext-diff", "--no-textconv", "--end-of-options", base, "--"])
    fields = out.split(b"\0")
    renamed, i = {}, 0
    while i < len(fields) - 1:
        status = fields[i]
        if status[:1] in (b"R", b"C"):
            renamed[fields[i + 2].decode("utf-8", "replace")] = fields[i + 1].decode("utf-8", "replace")
            i += 3
        else:
            i += 2
    return renamed


def _texts(root: Path, candidates: list[discovery.Candidate]) -> dict[str, bytes]:
    return {c.path: data for c, data in discovery.read_blobs(root, candidates)}


def _analyze(path: str, language: str, data: bytes, timeout_s: float) -> tuple[Finding, ...]:
    from analyzers.facts import analyze  # loads grammars: only when a file changed
    from analyzers.testfacts import is_test_file

    return analyze(language, data, timeout_s, test_file=is_test_file(path)).findings


def _key(finding: Finding, source: bytes) -> tuple[str, bytes]:
    """What makes a finding the same one across revisions: its rule and its first line's text,
    whitespace aside (line numbers shift with every edit above it)."""
    lines = source.split(b"\n")
    line = lines[finding.start_line - 1] if 0 < finding.start_line <= len(lines) else b""
    return finding.rule_id, b" ".join(line.split())


def _where(finding: Finding) -> str:
    return finding.region.label() if finding.region else f"{finding.path}:{finding.start_line}"


def _state_words(state: RegionState) -> str:
    track = "a load-bearing region" if state.track == "load-bearing" else "a region"
    review = {"reviewed": "reviewed", "stale": "changed since its review", "unreviewed": "not reviewed"}[state.review]
    return f"{track}, {review}"
