"""Shared helper for the per-language tests: run the real parser and queries on a snippet and index
the regions by qualified name."""

from __future__ import annotations

import textwrap

from analyzers.facts import analyze
from vibetriage.model import FileFacts, Region


def measure(language: str, code: str) -> tuple[FileFacts, dict[str, Region]]:
    facts = analyze(language, textwrap.dedent(code).lstrip("\n").encode())
    return facts, {r.qualname if not r.ordinal else f"{r.qualname}#{r.ordinal}": r for r in facts.regions}
