"""Benchmark of the Textual workbench on a large scanned database (never a timed test).

    python bench/tui.py [--files N] [--pages P] [--rebuild]

It builds, once (kept under bench/out/), a git repository of N source files (default 20,000) in
seven languages, scans it for real (so the database and the repository agree and the app's
start-up check finds nothing to re-scan), then replaces the scan's snapshot through
`Store.write_snapshot` with synthetic facts of the kind a grown repository has: churn with a long
tail, scores with every part, findings on some regions, test evidence, and decisions on a few
percent of the regions. Then, headless through Textual's Pilot, it measures:

- start: from creating the app to the ranking table holding every file (the user sees it);
- page-down: the time of each `pagedown` key press through the ranking, until the page is drawn
  again (mean, 95th percentile, max), for P presses;
- filter: typing a fuzzy filter (`/` then 3 characters), per key press, until the table is redrawn;
- regions: switching to the ranking of every region of the repository (loaded in a worker).

Targets: start < 1 s; "no visible lag" = every page-down under 50 ms (three frames at 60 Hz), which
is what a person holding the key perceives as instant.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

OUT = ROOT / "bench" / "out"
EXT = {"python": ".py", "typescript": ".ts", "go": ".go", "java": ".java", "ruby": ".rb", "rust": ".rs", "c": ".c"}
SHARE = {"python": 5, "typescript": 4, "go": 3, "java": 3, "ruby": 2, "rust": 2, "c": 1}
AUTHORS = [("Ann Lee", "ann@example.com"), ("Bob Ray", "bob@example.com"), ("Cy Dube", "cy@example.com")]


def function(language: str, name: str, body: int) -> str:
    lines = [f"    x = x + {i}" for i in range(body)]
    if language == "python":
        return f"def {name}(x):\n" + "\n".join(lines) + "\n    return x\n\n"
    if language == "ruby":
        return f"def {name}(x)\n" + "\n".join(lines) + "\n  x\nend\n\n"
    if language == "go":
        return f"func {name}(x int) int {{\n" + "\n".join(lines) + "\n    return x\n}\n\n"
    if language == "rust":
        return f"fn {name}(mut x: i64) -> i64 {{\n" + "\n".join(f"    x += {i};" for i in range(body)) + "\n    x\n}\n\n"
    if language == "c":
        return f"int {name}(int x) {{\n" + "\n".join(f"    x += {i};" for i in range(body)) + "\n    return x;\n}\n\n"
    if language == "java":
        return f"    int {name}(int x) {{\n" + "\n".join(f"    x += {i};" for i in range(body)) + "\n        return x;\n    }\n\n"
    return f"export function {name}(x: number): number {{\n" + "\n".join(f"    x += {i};" for i in range(body)) + "\n    return x;\n}\n\n"


def source(language: str, stem: str, rnd: random.Random) -> bytes:
    text = "".join(function(language, f"{stem}_{k}", rnd.randint(1, 12)) for k in range(rnd.randint(1, 10)))
    if language == "go":
        text = "package main\n\n" + text
    if language == "java":
        text = f"class C{stem} {{\n{text}}}\n"
    return text.encode()


def build_repo(dest: Path, count: int) -> None:
    rnd = random.Random(20)
    languages = [lang for lang, n in SHARE.items() for _ in range(n)]
    out = bytearray(b"commit refs/heads/main\nmark :1\nauthor Ann Lee <ann@example.com> 1700000000 +0000\n"
                    b"committer Ann Lee <ann@example.com> 1700000000 +0000\ndata 7\nimport\n")
    for i in range(count):
        language = languages[i % len(languages)]
        path = f"src/{['core', 'api', 'web', 'jobs', 'lib', 'util'][i % 6]}/m{i // 600}/f{i}{EXT[language]}"
        data = source(language, f"f{i}", rnd)
        out += b"M 100644 inline %s\ndata %d\n%s\n" % (path.encode(), len(data), data)
    out += b"\n"
    subprocess.run(["git", "init", "-q", "-b", "main", str(dest)], check=True)
    subprocess.run(["git", "fast-import", "--quiet"], cwd=dest, input=bytes(out), check=True)
    subprocess.run(["git", "reset", "-q", "--hard"], cwd=dest, check=True)


def synthesize(db: Path) -> tuple[int, int, int]:
    """Replace the real scan's snapshot with synthetic signals, keeping what makes it current."""
    from vibetriage.model import FileChurn, Finding, Metrics, Region, RiskScore, ScorePart, TestEvidence
    from vibetriage.store import Store

    rnd = random.Random(4)
    parts = ("hotspot", "churn", "complexity", "cognitive", "size", "security", "test_gap")
    weights = (0.30, 0.10, 0.15, 0.15, 0.05, 0.15, 0.10)

    def risk() -> RiskScore:
        values = [round(rnd.random() ** 2, 4) for _ in parts]
        score = round(100 * sum(v * w for v, w in zip(values, weights)) / sum(weights), 2)
        return RiskScore(score, tuple(ScorePart(p, v * 40, v, w) for p, v, w in zip(parts, values, weights)))

    with Store.open(db, create=False) as store:
        info = store.last_scan()
        head, analyzer, config = store.last_scan_keys()
        inventory = store.meta("inventory")
        files, regions, findings, evidence = [], [], [], {}
        by_path: dict[str, list[Region]] = {}
        for rr in store.ranked_regions():
            by_path.setdefault(rr.region.path, []).append(rr.region)
        for ranked in store.ranked_files():
            own = by_path.get(ranked.file.path, [])
            commits = int(rnd.paretovariate(1.3))
            churn = FileChurn(ranked.file.path, commits, commits * 7, commits * 3, min(commits, 5), commits // 4,
                              1_690_000_000, 1_700_000_000, commits, commits * 10, min(commits, 5))
            m = ranked.metrics
            files.append((ranked.file, Metrics(m.cyclomatic * rnd.randint(1, 9), m.cognitive * rnd.randint(1, 12), m.nesting, m.length, 0),
                          len(own), churn, risk()))
            for region in own:
                regions.append((region, risk()))
                evidence[region.key] = TestEvidence(rnd.choice(("none", "none", "reference", "name-match")))
                if rnd.random() < 0.04:
                    findings.append(Finding("python.sql-injection", "vibetriage", rnd.choice(("high", "medium", "critical")), "high",
                                            "CWE-89", region.path, region.start_line + 1, region.start_line + 1,
                                            "SQL built from a string", None, region.key))
        scan = {"started_at": info.finished_at, "finished_at": info.finished_at, "head": head, "head_time": info.head_time,
                "is_git": 1, "shallow": 0, "window_days": info.window_days, "analyzer": analyzer, "config": config,
                "files": len(files), "parsed": 0, "cached": len(files), "skipped": 0, "other_files": 0, "duration_s": 1.0}
        store.write_snapshot(scan, files, regions, [], meta={"inventory": inventory}, findings=findings, evidence=evidence)
        tagged = [r for r, _ in regions if rnd.random() < 0.03]
        for region in tagged:
            store.add_decision(region, rnd.choice(("load-bearing", "reviewed", "prototype-track")), "Bench <bench@example.com>",
                               note="synthetic")
        return len(files), len(regions), len(tagged)


def build(count: int, rebuild: bool) -> tuple[Path, Path]:
    from vibetriage.config import load
    from vibetriage.pipeline import scan
    from vibetriage.store import Store

    repo, db = OUT / f"repo-{count}", OUT / f"tui-{count}.db"
    if rebuild or not db.exists():
        shutil.rmtree(repo, ignore_errors=True)
        for p in OUT.glob(f"tui-{count}.db*"):
            p.unlink()
        OUT.mkdir(parents=True, exist_ok=True)
        t0 = time.perf_counter()
        build_repo(repo, count)
        print(f"built {repo} in {time.perf_counter() - t0:.1f}s")
        t0 = time.perf_counter()
        with Store.open(db) as store:
            scan(repo, store, load(repo))
        print(f"scanned it in {time.perf_counter() - t0:.1f}s")
        t0 = time.perf_counter()
        nfiles, nregions, ndecisions = synthesize(db)
        print(f"synthetic snapshot: {nfiles} files, {nregions} regions, {ndecisions} decisions in {time.perf_counter() - t0:.1f}s")
    return repo, db


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--files", type=int, default=20_000)
    ap.add_argument("--pages", type=int, default=60)
    ap.add_argument("--rebuild", action="store_true")
    args = ap.parse_args()
    build(args.files, args.rebuild)
