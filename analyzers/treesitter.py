"""The one tree-sitter adapter: loads grammars from their wheels, compiles each language's queries
once per process, and parses with a time cap. Nothing else imports `tree_sitter`.

Query files live in data/queries/<lang>/<concern>.scm. The py-tree-sitter bindings evaluate
`#eq?`, `#not-eq?`, `#match?` and `#not-match?` (in Python, per match: keep them off patterns that
match often) but silently ignore `#any-of?`/`#not-any-of?`; query files must not use the latter.
"""

from __future__ import annotations

import importlib
import time
from functools import cache

import tree_sitter as ts

from analyzers.languages import LANGUAGES

_READ_CHUNK = 1 << 16


class ParseTimeout(Exception):
    """Parsing (or querying) took longer than the cap; the file becomes a diagnostic."""


@cache
def grammar(language: str) -> ts.Language:
    spec = LANGUAGES[language]
    module = importlib.import_module(spec.module)
    return ts.Language(getattr(module, spec.function)())


QueryError = ts.QueryError


def compile_query(language: str, text: str) -> ts.Query:
    """Compile query text for a language; callers cache what they compile (analyzers/facts.py)."""
    return ts.Query(grammar(language), text)


@cache
def _parser(language: str) -> ts.Parser:
    return ts.Parser(grammar(language))


def _deadline_callback(timeout_s: float):
    deadline = time.monotonic() + timeout_s
    return lambda *_state: time.monotonic() > deadline


def parse(language: str, source: bytes, timeout_s: float) -> ts.Tree:
    """Parse `source`; raise ParseTimeout past `timeout_s`. The progress callback that makes the cap
    work is only honoured when the source is fed through a read callback, hence the reader."""
    parser = _parser(language)
    view = memoryview(source)
    try:
        return parser.parse(
            lambda offset, _point: bytes(view[offset : offset + _READ_CHUNK]),
            progress_callback=_deadline_callback(timeout_s),
        )
    except ValueError as exc:  # the binding's way of saying the callback halted the parse
        parser.reset()
        raise ParseTimeout(f"parse exceeded {timeout_s:g}s") from exc


# Query matching slows down super-linearly on very deep trees (a generated 20,000-term string
# concatenation took two minutes); no pattern starts deeper than this, which bounds it (0.3 s on
# that file). Hand-written code stays far shallower; deeper constructs are not measured.
MAX_START_DEPTH = 512


def matches(q: ts.Query, node: ts.Node) -> list[tuple[int, dict[str, list[ts.Node]]]]:
    # No progress callback here: py-tree-sitter 0.26 segfaults when `matches` gets one. The parse
    # before it is capped, and the depth cap bounds the query.
    cursor = ts.QueryCursor(q)
    cursor.set_max_start_depth(MAX_START_DEPTH)
    return cursor.matches(node)
