"""Benchmark of `vibetriage scan` against its floors, measured in the same run (never a timed test).

    python bench/scan.py [REPO] [--commits N] [--window-days D]

Without REPO it builds one in a temporary directory: real source files from installed packages
(textual, rich, pygments, sqlite_utils: several hundred Python files) committed in dated batches
over two years by six authors, then edited by ~N small commits. It prints:

- floor 1: plain `git log --no-merges -M --numstat` over the scan's window, output read and dropped;
- floor 2: a tree-sitter parse of every file the scan analyzes, one process, as the scan must parse
  (with its parse-time cap, which py-tree-sitter honours only on input read through a callback);
  the uncapped parse from bytes is printed beside it, and the ratio against it;
- cold scan (fresh database) and warm re-scan (nothing changed), both through the real CLI in a
  child process, with its peak memory (max RSS of the scan and of its children);
- the targets: cold <= 1.5 x (floor 1 + floor 2), warm <= 5% of cold.

Each figure is the fastest of --repeat runs (default 3): other load on the machine only slows.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

AUTHORS = [("Ann Lee", "ann@example.com"), ("Bob Ray", "bob@example.com"), ("Cy Dube", "cy@example.com"),
           ("Di Moss", "di@example.com"), ("Ed Park", "ed@example.com"), ("Flo Nam", "flo@example.com")]
PACKAGES = ("textual", "rich", "pygments", "sqlite_utils")
START = 1_700_000_000  # 2023-11-14
DAY = 86_400


def package_sources() -> list[tuple[str, bytes]]:
    files = []
    for name in PACKAGES:
        spec = importlib.util.find_spec(name)
        if spec is None or not spec.submodule_search_locations:
            continue
        base = Path(next(iter(spec.submodule_search_locations)))
        for path in sorted(base.rglob("*.py")):
            files.append((f"src/{name}/{path.relative_to(base).as_posix()}", path.read_bytes()))
    return files


def build_repo(dest: Path, commits: int) -> Path:
    """A repository with real code and a generated history, through one git fast-import stream."""
    rnd = random.Random(7)
    files = package_sources()
    current = dict(files)
    subprocess.run(["git", "init", "-q", "-b", "main", str(dest)], check=True)
    out = bytearray()
    mark = 0
    t = START

    def commit(author, when, message, changes):
        nonlocal mark
        mark += 1
        name, email = author
        msg = message.encode()
        out.extend(b"commit refs/heads/main\nmark :%d\n" % mark)
        out.extend(f"author {name} <{email}> {when} +0000\ncommitter {name} <{email}> {when} +0000\n".encode())
        out.extend(b"data %d\n%s\n" % (len(msg), msg))
        if mark > 1:
            out.extend(b"from :%d\n" % (mark - 1))
        for path, data in changes:
            out.extend(b"M 100644 inline %s\ndata %d\n%s\n" % (path.encode(), len(data), data))

    # The code arrives in dated batches, a package directory at a time.
    batch = 60
    for i in range(0, len(files), batch):
        commit(AUTHORS[i // batch % len(AUTHORS)], t, f"import batch {i // batch}", files[i : i + batch])
        t += DAY
    # Then small edits, concentrated on a minority of files (as real churn is).
    hot = [p for p, _ in files if rnd.random() < 0.15]
    span = 2 * 365 * DAY
    for n in range(commits):
        when = t + int(span * n / commits)
        changed = []
        for _ in range(rnd.randint(1, 4)):
            path = rnd.choice(hot) if rnd.random() < 0.8 else rnd.choice(files)[0]
            current[path] = current[path] + f"# tweak {n}\n".encode()
            changed.append((path, current[path]))
        commit(rnd.choice(AUTHORS), when, f"change {n}", changed)
    subprocess.run(["git", "fast-import", "--quiet"], cwd=dest, input=bytes(out), check=True)
    subprocess.run(["git", "reset", "-q", "--hard"], cwd=dest, check=True)
    return dest


def timed(fn):
    t0 = time.perf_counter()
    result = fn()
    return time.perf_counter() - t0, result


def floor_git_log(repo: Path, window_days: int) -> float:
    head_time = int(subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=repo, capture_output=True, check=True).stdout)
    since = head_time - window_days * DAY
    args = ["git", "log", "--no-merges", "-M", "--numstat", f"--since=@{since}", "HEAD"]
    return timed(lambda: subprocess.run(args, cwd=repo, stdout=subprocess.PIPE, check=True))[0]


def floor_parse(repo: Path) -> tuple[float, float, int, int]:
    """Seconds to parse every file the scan analyzes, one process: as the scan must (through a
    read callback, the only input py-tree-sitter honours a time cap on, with the cap set), and
    plainly from bytes with no cap; then the number of files and their bytes."""
    import tree_sitter as ts

    from analyzers import discovery, treesitter

    inv = discovery.inventory(repo)
    blobs = [(c.language, data) for c, data in discovery.read_blobs(repo, inv.candidates)
             if not discovery.content_skip_reason(c.path, data)]
    parsers = {language: ts.Parser(treesitter.grammar(language)) for language, _ in blobs}  # loading is not parsing
    # Each tree is dropped as the next is made, as in the scan: holding them all would measure
    # the memory allocator too.
    capped, _ = timed(lambda: [treesitter.parse(lang, data, 60) and None for lang, data in blobs])
    plain, _ = timed(lambda: [parsers[lang].parse(data) and None for lang, data in blobs])
    return capped, plain, len(blobs), sum(len(d) for _, d in blobs)


def cli_scan(repo: Path, db: Path) -> tuple[float, float, float, float]:
    """Wall time of `vibetriage scan -q` as a user runs it, the time spent inside `main` (without
    the interpreter's start and imports), and peak memory in MB: the scan process's own high-water
    mark (VmHWM; ru_maxrss would carry over the parent's across exec) or a worker's, if larger;
    and the CPU seconds it and its children (parsers, git) used, which other load on the machine
    does not inflate the way it does wall time."""
    code = (
        "import gc, re, resource, sys, time\n"
        "from vibetriage.cli import main\n"
        "gc.freeze()  # as the `vibetriage` command (vibetriage.cli.run) does\n"
        "t1 = time.perf_counter(); rc = main(sys.argv[1:]); t1 = time.perf_counter() - t1\n"
        "own = int(re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read()).group(1))\n"
        "workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
        "print(t1, max(own, workers) / 1024)\nsys.exit(rc)\n"
    )
    before = _children_cpu()
    t0 = time.perf_counter()
    # As installed: with compiled bytecode cached (an environment that forbids writing it would
    # make every run compile vibetriage from source, which no user's run does).
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    proc = subprocess.run([sys.executable, "-c", code, "scan", "-q", "--db", str(db), str(repo)],
                          capture_output=True, text=True, check=True, env=env)
    wall = time.perf_counter() - t0
    inner, peak = map(float, proc.stdout.split())
    return wall, inner, peak, _children_cpu() - before


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("repo", nargs="?", type=Path)
    ap.add_argument("--commits", type=int, default=3000)
    ap.add_argument("--window-days", type=int, default=365)
    ap.add_argument("--repeat", type=int, default=3, help="runs of each measurement; the fastest is reported")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="vt-bench-") as tmp:
        repo = args.repo
        if repo is None:
            build_s, repo = timed(lambda: build_repo(Path(tmp) / "repo", args.commits))
            print(f"built {repo} in {build_s:.1f}s")
        count = subprocess.run(["git", "rev-list", "--count", "HEAD"], cwd=repo, capture_output=True, text=True, check=True).stdout.strip()
        db = Path(tmp) / "bench.db"
        # The scans run first, while this process is still small: a child's memory figures must
        # not start from a parent that has just parsed every file.
        colds, warms = [], []
        for run in range(args.repeat):
            colds.append(cli_scan(repo, db.with_name(f"cold-{run}.db")))
            warms.append(cli_scan(repo, db.with_name(f"cold-{run}.db")))
        cold_s, cold_in, cold_mb, cold_cpu = min(colds)
        warm_s, warm_in, warm_mb, _ = min(warms)
        git_s = min(floor_git_log(repo, args.window_days) for _ in range(args.repeat))
        parses = [floor_parse(repo) for _ in range(args.repeat)]
        parse_s, nfiles, nbytes = min(p[0] for p in parses), parses[0][2], parses[0][3]
        plain_s = min(p[1] for p in parses)
        floors = git_s + parse_s
        print(f"repository      {nfiles} files, {nbytes / 1e6:.1f} MB of source, {count} commits, window {args.window_days} days")
        print(f"floor git log   {git_s:6.2f} s   (--numstat -M over the window)")
        print(f"floor parse     {parse_s:6.2f} s   (tree-sitter with the parse-time cap, one process, {nbytes / 1e6 / parse_s:.1f} MB/s;"
              f" {plain_s:.2f} s from bytes without a cap)")
        print(f"cold scan       {cold_s:6.2f} s   = {cold_s / floors:.2f} x floors (target <= 1.5)   peak {cold_mb:.0f} MB"
              f"   [in main: {cold_in:.2f} s; CPU {cold_cpu:.2f} s = {cold_cpu / floors:.2f} x floors;"
              f" {cold_s / (git_s + plain_s):.2f} x floors with the uncapped parse]")
        print(f"warm re-scan    {warm_s:6.3f} s  = {100 * warm_s / cold_s:.2f}% of cold (target <= 5%)   peak {warm_mb:.0f} MB"
              f"   [in main: {warm_in:.3f} s = {100 * warm_in / cold_s:.1f}%; the rest is Python start and imports]")
        print(f"machine         {os.cpu_count()} cores, Python {sys.version.split()[0]}, load average {os.getloadavg()[0]:.2f};"
              f" fastest of {args.repeat} runs each")
    return 0


if __name__ == "__main__":
    sys.exit(main())
