"""What each security rule costs the query pass of a scan (a benchmark, never a timed test).

    python bench/rules.py REPO LANGUAGE [--repeat N]

Parses every file of LANGUAGE that a scan of REPO would analyze, then times, one process, fastest
of --repeat runs: the query cursor's walk alone, the structure patterns (regions and complexity),
the combined query a scan runs (structure and every rule), and that query without each rule in
turn. Rule patterns cost more together than apart (the cursor carries more states per node), so
"without" is the figure to act on: what rewriting or dropping that rule would save (run to run,
differences of a few hundredths of a second are noise).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def fastest(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> int:
    from analyzers import discovery, facts, security, treesitter
    from analyzers.languages import LANGUAGES

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("repo", type=Path)
    ap.add_argument("language", choices=sorted(LANGUAGES))
    ap.add_argument("--repeat", type=int, default=5, help="runs of each measurement; the fastest counts")
    args = ap.parse_args()
    inv = discovery.inventory(args.repo)
    blobs = [data for c, data in discovery.read_blobs(args.repo, inv.candidates)
             if c.language == args.language and not discovery.content_skip_reason(c.path, data)]
    trees = [treesitter.parse(args.language, data, 60) for data in blobs]
    rules = security.query_rules(args.language)
    structure = facts._structure_text(args.language)

    def cost(text: str) -> float:
        query = treesitter.compile_query(args.language, text)
        return fastest(lambda: [treesitter.matches(query, t.root_node) for t in trees], args.repeat)

    walk = cost("(ERROR) @e")  # a pattern that matches (almost) nothing: the walk of every node
    combined = cost("\n".join([structure, *(r.query for r in rules)]))
    print(f"{len(blobs)} {args.language} files, {sum(map(len, blobs)) / 1e6:.1f} MB, {len(rules)} query rules")
    print(f"walk alone        {walk:6.3f} s")
    print(f"structure         {cost(structure) - walk:6.3f} s  over the walk")
    print(f"combined          {combined - walk:6.3f} s  over the walk (what a scan runs)")
    saved = [(combined - cost("\n".join([structure, *(o.query for o in rules if o is not r)])), r.id) for r in rules]
    for seconds, rule in sorted(saved, reverse=True):
        print(f"  without {rule:45s} {seconds:+6.3f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
