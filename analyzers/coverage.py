"""Coverage reports the user passes (`vibetriage scan --coverage FILE`): Cobertura XML (written by
coverage.py's `coverage xml`, Jest/istanbul's `cobertura` reporter, JaCoCo converters, gcovr,
and others) and lcov tracefiles (`SF:` / `DA:` records). The format is told by content, not name.

A report names files as the tool saw them: relative to a `<source>` root, relative to the working
directory, or absolute, often from another checkout (CI runners). Each name is resolved to a
repo-relative posix path: first lexically against the repository root, then, when the caller
passes the repository's files (`known_paths`), by the longest common path suffix among files of
that name. Names that resolve nowhere (site-packages, system headers) are left out.

The report is untrusted input: XML goes through defusedxml (no entity expansion, no external
resources), both formats are streamed with a size cap, and files named in a report are never
opened. Bad input raises CoverageError with one line saying what is wrong and what to do.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse

MAX_BYTES = 256 << 20  # a large Java monorepo's Cobertura report stays well under this
MAX_LINE_NUMBER = 10_000_000
_WINDOWS_ABS = re.compile(r"^[A-Za-z]:/")


class CoverageError(Exception):
    """A coverage report that cannot be used; the message is one line: what, and what to do."""


class FileCoverage(NamedTuple):
    covered: frozenset[int]  # lines executed at least once
    measured: frozenset[int]  # lines the tool could execute (statements), covered or not


Coverage = dict[str, FileCoverage]  # repo-relative posix path -> its lines


def read_coverage(
    path: Path, repo_root: Path, known_paths: Iterable[str] | None = None, *, max_bytes: int = MAX_BYTES
) -> Coverage:
    """Read a Cobertura XML or lcov report into covered/measured lines per repository file."""
    path = Path(path)
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            head = fh.read(4096)
    except OSError as exc:
        raise CoverageError(f"cannot read coverage report {path}: {exc.strerror or exc}; check the path") from None
    if size > max_bytes:
        raise CoverageError(
            f"coverage report {path} is {size} bytes, over the {max_bytes}-byte limit; report only this project's files"
        )
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if start.startswith(b"<"):
        raw, roots = _cobertura(path)
    elif re.search(rb"^(TN|SF):", start, re.M):
        raw, roots = _lcov(path), [""]
    else:
        raise CoverageError(
            f"coverage report {path} is neither Cobertura XML nor lcov; pass the file `coverage xml`, "
            "a `cobertura` reporter or an lcov tracefile wrote"
        )
    return _resolve_all(path, raw, roots, Path(repo_root), known_paths)


# -- formats ---------------------------------------------------------------------------------------


def _cobertura(path: Path) -> tuple[dict[str, tuple[set[int], set[int]]], list[str]]:
    raw: dict[str, tuple[set[int], set[int]]] = {}
    sources: list[str] = []
    current: tuple[set[int], set[int]] | None = None
    root = None
    seen_packages = False
    try:
        for event, elem in iterparse(str(path), events=("start", "end")):
            tag = elem.tag.rpartition("}")[2]
            if event == "start":
                if root is None:
                    root = tag
                    if tag == "report":
                        raise CoverageError(
                            f"coverage report {path} is JaCoCo's own XML; convert it to Cobertura (cover2cover) or lcov first"
                        )
                    if tag != "coverage":
                        raise CoverageError(f"coverage report {path}: XML root <{tag}> is not Cobertura's <coverage>; pass a Cobertura XML or lcov file")
                elif tag == "packages":
                    seen_packages = True
                elif tag == "class":
                    name = elem.get("filename")
                    current = raw.setdefault(name.replace("\\", "/"), (set(), set())) if name else None
                continue
            if tag == "line" and current is not None:
                number, hits = _line(elem.get("number"), elem.get("hits", "0"))
                if number is None:
                    raise CoverageError(
                        f"coverage report {path}: <line number={elem.get('number')!r} hits={elem.get('hits')!r}> is not a line record; regenerate the report"
                    )
                current[1].add(number)
                if hits:
                    current[0].add(number)
            elif tag == "source":
                sources.append((elem.text or "").strip().replace("\\", "/"))
            elif tag == "class":
                current = None
                elem.clear()
            elif tag == "package":
                elem.clear()
    except DefusedXmlException as exc:
        raise CoverageError(f"coverage report {path} uses XML entities or external references ({type(exc).__name__}), refused as unsafe; regenerate it with your coverage tool") from None
    except ParseError as exc:
        raise CoverageError(f"coverage report {path} is not well-formed XML ({exc}); regenerate it, it may be truncated") from None
    if root == "coverage" and not seen_packages and not raw:
        raise CoverageError(f"coverage report {path} has a <coverage> root but no Cobertura <packages> (Clover?); pass a Cobertura XML or lcov file")
    return raw, [s for s in sources if s] or [""]


def _lcov(path: Path) -> dict[str, tuple[set[int], set[int]]]:
    raw: dict[str, tuple[set[int], set[int]]] = {}
    current: tuple[set[int], set[int]] | None = None
    with path.open("r", encoding="utf-8", errors="replace", newline=None) as fh:
        for lineno, line in enumerate(fh, 1):
            line = line.strip()
            if line.startswith("SF:"):
                name = line[3:].strip().replace("\\", "/")
                current = raw.setdefault(name, (set(), set())) if name else None
            elif line.startswith("DA:"):
                if current is None:
                    raise CoverageError(f"lcov report {path}, line {lineno}: DA record outside an SF: record; regenerate the report")
                fields = line[3:].split(",")
                number, hits = _line(fields[0], fields[1] if len(fields) > 1 else None)
                if number is None:
                    raise CoverageError(f"lcov report {path}, line {lineno}: bad DA record {line[:60]!r}; regenerate the report")
                current[1].add(number)
                if hits:
                    current[0].add(number)
            elif line == "end_of_record":
                current = None
    if not raw:
        raise CoverageError(f"lcov report {path} has no SF: record; pass the tracefile your coverage tool wrote")
    return raw


def _line(number: str | None, hits: str | None) -> tuple[int | None, int]:
    """(line number, hit count) of a record, or (None, 0) when it is not one."""
    try:
        n = int(number or "")
        h = int(float(hits)) if hits is not None else None
    except (ValueError, OverflowError):
        return None, 0
    if h is None or not 0 < n <= MAX_LINE_NUMBER:
        return None, 0
    return n, h


# -- resolving names to repository paths ----------------------------------------------------------


def _resolve_all(path: Path, raw, roots: list[str], repo_root: Path, known_paths: Iterable[str] | None) -> Coverage:
    known = set(known_paths) if known_paths is not None else None
    by_name: dict[str, list[str]] = {}
    for p in known or ():
        by_name.setdefault(posixpath.basename(p), []).append(p)
    bases = {repo_root.as_posix().rstrip("/")}
    try:
        bases.add(repo_root.resolve().as_posix().rstrip("/"))
    except OSError:  # vibetriage: ignore[python.swallowed-exception] optional: an unresolvable root just means no second spelling to match
        pass
    merged: dict[str, tuple[set[int], set[int]]] = {}
    for name, (covered, measured) in raw.items():
        target = _resolve(name, roots, bases, known, by_name)
        if target is None:
            continue
        c, m = merged.setdefault(target, (set(), set()))
        c |= covered
        m |= measured
    if raw and not merged:
        first = next(iter(raw))
        raise CoverageError(
            f"coverage report {path} lists {len(raw)} files, none in this repository (first: {first[:80]}); "
            "produce the report from this project"
        )
    return {p: FileCoverage(frozenset(c), frozenset(m)) for p, (c, m) in sorted(merged.items())}


def _resolve(name: str, roots: list[str], bases: set[str], known: set[str] | None, by_name) -> str | None:
    fulls = list(dict.fromkeys(name if _absolute(name) or not root else posixpath.join(root, name) for root in roots))
    candidates = [rel for rel in (_relative(full, bases) for full in fulls) if rel is not None]
    if known is None:
        return candidates[0] if candidates else None
    for rel in candidates:
        if rel in known:
            return rel
    return _longest_suffix(fulls, by_name)


def _absolute(name: str) -> bool:
    return name.startswith("/") or _WINDOWS_ABS.match(name) is not None


def _relative(full: str, bases: set[str]) -> str | None:
    """`full` as a path relative to the repository root, or None when it lies outside."""
    if _absolute(full):
        norm = posixpath.normpath(full)
        for base in bases:
            if norm.startswith(base + "/"):
                return norm[len(base) + 1 :]
        return None
    norm = posixpath.normpath(full)
    if norm == "." or norm.startswith("../") or norm == "..":
        return None
    return norm


def _longest_suffix(names: list[str], by_name: dict[str, list[str]]) -> str | None:
    """The known path that is a tail of a reported name (a report from another checkout root) or
    of which the name is a tail (a report relative to a subdirectory), sharing the most path
    components with it; None when two paths share as many."""
    best, best_len, tie = None, 0, False
    for name in names:
        parts = [p for p in posixpath.normpath(name).split("/") if p not in ("", ".")]
        for candidate in by_name.get(parts[-1], ()) if parts else ():
            cparts = candidate.split("/")
            n = 0
            while n < min(len(parts), len(cparts)) and parts[-1 - n] == cparts[-1 - n]:
                n += 1
            if n not in (len(parts), len(cparts)):
                continue  # only the file name or a few directories in common: another file
            if n > best_len:
                best, best_len, tie = candidate, n, False
            elif n == best_len and candidate != best:
                tie = True
    return None if tie else best
