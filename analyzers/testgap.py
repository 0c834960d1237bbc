"""The test gap: for every source region, whether tests exercise it and on what evidence, and the
hollow tests that must not count as evidence. Pure functions over facts the scan already has.

Evidence, strongest first (TestEvidence.kind):
  coverage    the user's coverage report lists the region's file: `covered` is the fraction of the
              region's measured lines that ran (declaration lines of the region and of regions
              nested in it are left out: coverage.py marks a `def` line run when the module is
              imported, not when the function is called). Set even at 0%.
  reference   a test file linked to the region's module (below) has a non-hollow test function
              that uses the region's name: its last name component; for a constructor or operator
              method (`__init__`, `constructor`, `__eq__`, `operator+`, a method named like its
              class) the class name counts too, as such methods are called without their name.
  name-match  a test file is named after the region's file by the conventions in data/tests.toml
              (test_pricing.py, pricing_test.go, pricing.test.ts, PricingTest.java, pricing_spec.rb,
              ...) and holds at least one non-hollow test -- unless what uses the region's name in
              that file is hollow tests only: then we know the tests that touch it check nothing.
  none        otherwise; `detail` names a hollow test that uses the region, if there is one.
A class has the best evidence of itself and its methods; a function nested in a function that is
tested inherits its evidence (it runs only through it). Regions of test files get no entry, nor do
regions inside a test function of a file with inline tests (Rust's `#[cfg(test)] mod tests`).

What links a test file to a source file ("imports the region's module"), per language:
  python      `import api.pricing`, `from api import pricing`, `from api.pricing import x`: the
              module path or a prefix of it is a dotted tail of the source path (`src/api/pricing.py`
              is `api.pricing` and `pricing`); relative `from .pricing import x` / `from . import
              pricing` resolved against the test file's package; `api/__init__.py` is `api`.
  js/ts       relative specifiers (`./pricing`, `../src/pricing.js`, require, jest.mock, import())
              resolved against the test file's directory, extension-less, `dir` = `dir/index`;
              aliases (`@/lib/pricing`, `~/lib/pricing`, `src/pricing`) by their last two or more
              path components.
  go          the test file is in the source's directory (same package), or an import path's last
              element is the source directory's name.
  java        an import of the class (`com.acme.pricing.Calc`, static imports too) or of its package
              (`com.acme.pricing.*`), or the test's own package is the source's: matched against the
              source path's dotted tail.
  csharp      namespaces do not name files: the test file uses the type named like the source file.
  ruby        `require_relative` resolved against the test file; `require "acme/pricing"` by path
              tail; or (Rails autoloading) the test uses the constant named after the file.
  php         `use App\\Pricing\\Calculator` by its last two namespace parts against the path;
              require/include of the file; or the test uses the class named like the file.
  rust        the same file (inline tests), or `use crate::pricing::x` / `use mycrate::pricing::x`
              naming the source's module path (`src/pricing.rs`, `src/pricing/mod.rs`).
  c, cpp      `#include "pricing.h"` links pricing.c / pricing.cpp / pricing.h (same stem).
"""

from __future__ import annotations

import posixpath
import re
from collections import defaultdict

from analyzers.coverage import Coverage, FileCoverage
from analyzers.languages import language_for
from analyzers.testfacts import conventions, is_test_file, named_stems
from vibetriage.model import Finding, Region, RegionKey, TestEvidence, TestFileFacts, TestFunction

_RANK = {"coverage": 3, "reference": 2, "name-match": 1, "none": 0}
_NO_EVIDENCE = TestEvidence("none")
_JS_EXT = re.compile(r"\.(js|jsx|mjs|cjs|ts|tsx|mts|cts)$")
_SPECIAL_METHOD = re.compile(r"__\w+__|constructor|initialize|__construct|new|New|Default|operator\W.*|~\w+|\.ctor")
_FAMILY = {
    "python": "py", "javascript": "js", "typescript": "js", "tsx": "js", "go": "go", "java": "java",
    "csharp": "cs", "ruby": "rb", "php": "php", "rust": "rs", "c": "c", "cpp": "c",
}


def hollow_findings(test_files: dict[str, TestFileFacts]) -> list[Finding]:
    """One finding per hollow test function: no assertion, or only trivial ones."""
    out = []
    for path in sorted(test_files):
        for fn in test_files[path].functions:
            if not fn.hollow:
                continue
            if fn.assertions == 0:
                what = "no assertion"
            else:
                n = fn.assertions
                what = (
                    f"only trivial assertions: {n} check{'s' if n > 1 else ''} of None-ness, truthiness, "
                    "type or shape, none of a value"
                )
            out.append(
                Finding(
                    "tests.hollow-test", "vibetriage", "medium", "high", None, path, fn.start_line, fn.end_line,
                    f"hollow test `{fn.name}`: {what}; it cannot catch a wrong result and does not count as a test "
                    "of the code it calls",
                )
            )
    return out


def evidence(
    regions: list[Region], test_files: dict[str, TestFileFacts], coverage: Coverage | None
) -> dict[RegionKey, TestEvidence]:
    """The strongest evidence that tests exercise each source region (see the module docstring)."""
    by_path: dict[str, list[Region]] = defaultdict(list)
    for region in regions:
        by_path[region.path].append(region)
    sources = sorted(p for p in by_path if not is_test_file(p))
    links = _links(sources, test_files)
    named = _named(sources, test_files)
    indexes = {path: _TestIndex(path, facts) for path, facts in test_files.items()}

    out: dict[RegionKey, TestEvidence] = {}
    for path in sources:
        inline = test_files.get(path)
        regs = [r for r in by_path[path] if not (inline and _inside_tests(r, inline))]
        file_cov = coverage.get(path) if coverage else None
        linked = [indexes[t] for t in links.get(path, ())]
        by_name = [indexes[t] for t in named.get(path, ())]
        if file_cov is not None:
            out.update((region.key, _from_coverage(region, regs, file_cov)) for region in regs)
        elif linked or by_name:
            found = {region.key: _from_tests(region, linked, by_name) for region in regs}
            _propagate(regs, found)
            out.update(found)
        else:  # no test file is linked to this one: nothing to look up, nothing to propagate
            out.update(dict.fromkeys((region.key for region in regs), _NO_EVIDENCE))
    return out


# -- evidence from a coverage report -----------------------------------------------------------------


def _from_coverage(region: Region, regs: list[Region], cov: FileCoverage) -> TestEvidence:
    span = set(range(region.start_line, region.end_line + 1))
    headers = {r.start_line for r in regs if region.start_line <= r.start_line and r.end_line <= region.end_line}
    measured = (cov.measured & span) - headers or cov.measured & span
    if not measured:
        return TestEvidence("coverage", "no measured lines in the coverage report", None)
    covered = cov.covered & measured
    return TestEvidence("coverage", f"{len(covered)} of {len(measured)} lines covered", len(covered) / len(measured))


# -- evidence from test files ----------------------------------------------------------------------


class _TestIndex:
    """A test file's names: which tests use each name, split into non-hollow and hollow ones."""

    def __init__(self, path: str, facts: TestFileFacts) -> None:
        self.path = path
        self.strong: dict[str, TestFunction] = {}
        self.hollow: dict[str, TestFunction] = {}
        for fn in facts.functions:
            target = self.hollow if fn.hollow else self.strong
            for name in fn.references:
                target.setdefault(name, fn)
        self.has_strong = any(not fn.hollow for fn in facts.functions)

    def label(self, fn: TestFunction) -> str:
        return f"{self.path}::{fn.name}"


def _names(region: Region) -> list[str]:
    parts = region.qualname.split(".")
    names = [parts[-1]]
    if region.kind == "method" and len(parts) > 1:
        cls = parts[-2]
        if _SPECIAL_METHOD.fullmatch(parts[-1]) or parts[-1] == cls:
            names.append(cls)
    return names


def _from_tests(region: Region, linked: list[_TestIndex], named: list[_TestIndex]) -> TestEvidence:
    names = _names(region)
    hollow_use = None
    for index in linked:
        for name in names:
            if name in index.strong:
                return TestEvidence("reference", index.label(index.strong[name]))
            if hollow_use is None and name in index.hollow:
                hollow_use = index.label(index.hollow[name])
    for index in named:
        strong = next((index.strong[n] for n in names if n in index.strong), None)
        hollow = next((index.hollow[n] for n in names if n in index.hollow), None)
        if strong is not None:
            return TestEvidence("name-match", index.label(strong))
        if hollow is not None:
            hollow_use = hollow_use or index.label(hollow)
            continue
        if index.has_strong:
            return TestEvidence("name-match", index.path)
    if hollow_use:
        return TestEvidence("none", f"used only by hollow tests: {hollow_use}")
    return TestEvidence("none")


def _propagate(regs: list[Region], found: dict[RegionKey, TestEvidence]) -> None:
    """Classes take their best method's evidence; nested functions their enclosing function's."""
    by_qualname = {r.qualname: r for r in regs}
    for region in sorted(regs, key=lambda r: r.qualname.count(".")):  # outer functions first
        own = found[region.key]
        if region.kind == "function" and "." in region.qualname:
            parent = by_qualname.get(region.qualname.rsplit(".", 1)[0])
            if parent is not None and parent.kind == "function" and _RANK[found[parent.key].kind] > _RANK[own.kind]:
                found[region.key] = found[parent.key]
    members: dict[str, list[Region]] = defaultdict(list)  # qualname -> the regions directly inside
    for region in regs:
        if "." in region.qualname:
            members[region.qualname.rsplit(".", 1)[0]].append(region)
    for region in sorted(regs, key=lambda r: -r.qualname.count(".")):  # inner classes first
        if region.kind != "class":
            continue
        best = found[region.key]
        for member in members[region.qualname]:
            candidate = found[member.key]
            if _RANK[candidate.kind] > _RANK[best.kind]:
                best = candidate
        found[region.key] = best


def _inside_tests(region: Region, facts: TestFileFacts) -> bool:
    """A region of a file with inline tests that is test code itself: a test function, or inside a
    `tests`/`test` module."""
    if any(fn.start_line <= region.start_line and region.end_line <= fn.end_line for fn in facts.functions):
        return True
    return any(part in ("tests", "test") for part in region.qualname.split(".")[:-1]) or region.qualname in ("tests", "test")


# -- linking test files to source files ------------------------------------------------------------


def _links(sources: list[str], test_files: dict[str, TestFileFacts]) -> dict[str, list[str]]:
    """source path -> the test files linked to it by imports (sorted)."""
    index: dict[str, list[str]] = defaultdict(list)
    for source in sources:
        for key in _source_keys(source):
            index[key].append(source)
    out: dict[str, set[str]] = defaultdict(set)
    for test_path in sorted(test_files):
        for key in _test_keys(test_path, test_files[test_path]):
            for source in index.get(key, ()):
                out[source].add(test_path)
    return {s: sorted(t) for s, t in out.items()}


def _named(sources: list[str], test_files: dict[str, TestFileFacts]) -> dict[str, list[str]]:
    """source path -> the test files named after it."""
    index: dict[tuple[str, str], list[str]] = defaultdict(list)
    for source in sources:
        spec = language_for(source)
        if spec is not None:
            index[(spec.name, _stem(source))].append(source)
    out: dict[str, list[str]] = defaultdict(list)
    for test_path in sorted(test_files):
        spec = language_for(test_path)
        if spec is None or not is_test_file(test_path):
            continue
        for stem in named_stems(test_path):
            for language in conventions(spec.name).family:
                for source in index.get((language, stem), ()):
                    out[source].append(test_path)
    return out


def _stem(path: str) -> str:
    return posixpath.splitext(posixpath.basename(path))[0]


def _suffixes(parts: list[str], sep: str, minimum: int = 1) -> set[str]:
    return {sep.join(parts[i:]) for i in range(len(parts) - minimum + 1)} if len(parts) >= minimum else set()


def _prefixes(parts: list[str], sep: str) -> set[str]:
    return {sep.join(parts[: i + 1]) for i in range(len(parts))}


def _camel(stem: str) -> str:
    return "".join(p[:1].upper() + p[1:] for p in re.split(r"[_\-]", stem) if p)


def _source_keys(path: str) -> set[str]:
    spec = language_for(path)
    if spec is None:
        return set()
    family = _FAMILY[spec.name]
    base, _ext = posixpath.splitext(path)
    parts = base.split("/")
    dirs = parts[:-1]
    stem = parts[-1]
    keys = {f"file:{path}"}
    if family == "py":
        mod = dirs if stem == "__init__" else parts
        keys |= {f"py:{k}" for k in _suffixes(mod, ".")}
    elif family == "js":
        keys.add(f"js:{base}")
        keys |= {f"jsa:{k}" for k in _suffixes(parts, "/", 2)}
        if stem == "index" and dirs:
            keys.add(f"js:{'/'.join(dirs)}")
            keys |= {f"jsa:{k}" for k in _suffixes(dirs, "/", 2)}
    elif family == "go":
        keys.add(f"godir:{'/'.join(dirs)}")
        if dirs:
            keys.add(f"goimp:{dirs[-1]}")
    elif family == "java":
        keys |= {f"java:{k}" for k in _suffixes(parts, ".")}
        keys |= {f"java:{k}.*" for k in _suffixes(dirs, ".")}
    elif family == "cs":
        keys.add(f"cs:{stem}")
    elif family == "rb":
        keys |= {f"rb:{k}" for k in _suffixes(parts, "/")}
        keys.add(f"rbc:{_camel(stem)}")
    elif family == "php":
        keys |= {f"php:{k}" for k in _suffixes(parts, "\\", 2)}
        keys.add(f"phpc:{stem}")
        keys.add(f"phpf:{path}")
    elif family == "rs":
        mod = parts[len(parts) - 1 - parts[::-1].index("src") + 1 :] if "src" in parts else parts
        if mod and mod[-1] in ("mod", "lib", "main"):
            mod = mod[:-1]
        if mod:
            keys.add(f"rs:{'::'.join(mod)}")
    elif family == "c":
        keys.add(f"c:{stem}")
    return keys


def _test_keys(path: str, facts: TestFileFacts) -> set[str]:
    spec = language_for(path)
    if spec is None:
        return set()
    family = _FAMILY[spec.name]
    here = posixpath.dirname(path)
    keys = {f"file:{path}"}
    refs = {name for fn in facts.functions for name in fn.references}
    for imp in facts.imports:
        if family == "py":
            keys |= {f"py:{k}" for k in _python_import(here, imp)}
        elif family == "js":
            keys |= _js_import(here, imp)
        elif family == "go":
            keys.add(f"goimp:{imp.rstrip('/').rsplit('/', 1)[-1]}")
        elif family == "java":
            keys.add(f"java:{imp}")
            if imp.endswith(".*"):
                keys.add(f"java:{imp[:-2]}")
            elif "." in imp:
                keys.add(f"java:{imp.rsplit('.', 1)[0]}")  # static import of a member
        elif family == "rb":
            target = _relative(here, imp) if imp.startswith(".") else imp
            if target:
                keys.add(f"rb:{re.sub(r'[.]rb$', '', target)}")
        elif family == "php":
            if "\\" in imp:
                keys |= {f"php:{k}" for k in _suffixes(imp.split("\\"), "\\", 2)}
            elif imp.startswith("."):
                target = _relative(here, imp)
                if target:
                    keys.add(f"phpf:{target}")
        elif family == "rs":
            parts = [p for p in imp.split("::") if p and p != "*"]
            if parts and parts[0] not in ("super", "self"):
                keys |= {f"rs:{k}" for k in _prefixes(parts, "::")}
                keys |= {f"rs:{k}" for k in _prefixes(parts[1:], "::")}
        elif family == "c":
            keys.add(f"c:{_stem(imp)}")
    if family == "go":
        keys.add(f"godir:{here}")
    elif family == "cs":
        keys |= {f"cs:{r}" for r in refs}
    elif family == "rb":
        keys |= {f"rbc:{r}" for r in refs if r[:1].isupper()}
    elif family == "php":
        keys |= {f"phpc:{r}" for r in refs if r[:1].isupper()}
    return keys


def _relative(here: str, spec: str) -> str | None:
    target = posixpath.normpath(posixpath.join(here, spec))
    return None if target == ".." or target.startswith("../") else target


def _python_import(here: str, spec: str) -> set[str]:
    if spec.startswith("."):
        dots = len(spec) - len(spec.lstrip("."))
        package = here.split("/") if here else []
        if dots - 1 > len(package):
            return set()
        base = package[: len(package) - (dots - 1)]
        rest = [p for p in spec[dots:].split(".") if p]
        parts = base + rest
    else:
        parts = spec.split(".")
    return _prefixes(parts, ".") if parts else set()


def _js_import(here: str, spec: str) -> set[str]:
    if spec.startswith(("./", "../")) or spec in (".", ".."):
        target = _relative(here, spec)
        return {f"js:{_JS_EXT.sub('', target)}"} if target else set()
    parts = [p for p in _JS_EXT.sub("", spec).split("/") if p]
    if parts and parts[0][:1] in "@~#":
        parts = parts[1:]
    return {f"jsa:{'/'.join(parts)}"} if len(parts) >= 2 else set()
