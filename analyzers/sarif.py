"""Findings of other scanners, imported from SARIF 2.1.0 logs (Semgrep, CodeQL, Bandit, ESLint, ...).

`read_sarif(path, repo_root, known_paths)` returns `(findings, diagnostics)`: one `Finding` per
result, carrying the scanner's own tool name (`run.tool.driver.name`, as written) and rule id, so
the pipeline can attach it to a region like one of ours. Plain `json` and careful look-ups, no
SARIF library: the one data model on PyPI (`sarif-om`) only writes logs, and schema-validating
models reject a whole log for one odd field, where we want every usable result.

The log is hostile input. Only what cannot be read as a SARIF 2.1.0 log at all raises
`SarifError` (missing, not a regular file, over `MAX_BYTES`, not JSON, no `"version": "2.1.0"`),
with one line saying what is wrong and what to do. Everything else is data:

- a result with no usable file location -> Diagnostic `partial` / `sarif-result-unplaced`;
- a path that leaves the repository (`../../etc/passwd`, an absolute path elsewhere that matches
  no known file) -> Diagnostic `skipped` / `sarif-path-outside-repo`; it is no finding of this repo;
- results beyond `MAX_RESULTS` -> one Diagnostic `partial` / `sarif-results-capped` with the count;
- a run that is not an object -> Diagnostic `partial` / `sarif-run-invalid`.
Diagnostics name the SARIF file as their path. Strings (messages, tool and rule names) are kept
verbatim, markup-looking text included, clipped in length; the renderer escapes them.

Results of kind `pass` / `notApplicable` and results whose `baselineState` is `absent` are not
findings and are skipped silently. Suppressed results are kept, with `suppressed` set to the
reason: the suppression's `justification`, else "suppressed in source" / "suppressed externally".
As SARIF 2.1.0 §3.27.23 defines it, a result counts as suppressed when it has suppressions and
none is `rejected` or `underReview` (a missing status means accepted).

Paths. `artifactLocation.uri` (or `run.artifacts[index].location` when only an index is given)
is joined onto its `uriBaseId` chain through `run.originalUriBaseIds`, then percent-decoded.
A base that the log leaves undefined (Semgrep's `%SRCROOT%`) is the repository root. An absolute
result under `repo_root` becomes relative to it; an absolute result under a base defined as
another machine's directory (CodeQL on CI: `file:///home/runner/work/x/x/`) keeps its part
relative to that base. When `known_paths` is given and a path is not in it, the known path that
shares the longest trailing run of components with it is taken, if exactly one does and one of the
two paths ends with the whole of the other: that maps reports made in another checkout or CI
workspace, or by a tool run in a subdirectory; with no such match the path is kept as it is. An
absolute path elsewhere must end with a whole known path, or it is outside the repository. The work tree is never touched: all of this is string work.

Lines: `region.startLine` / `endLine` (endLine defaults to startLine). No region, or one given
only by character offsets, means the whole file: line 1.

Severity, first that applies (one of model.SEVERITIES):
  1. numeric `security-severity` in the result's, then the rule's properties (CodeQL, and Semgrep
     rules that carry it): >= 9 critical, >= 7 high, >= 4 medium, > 0 low, 0 info;
  2. a severity word in the result's properties (`issue_severity`: Bandit; `severity`):
     CRITICAL critical; HIGH/ERROR high; MEDIUM/MODERATE/WARNING medium; LOW/NOTE/RECOMMENDATION
     low; INFO/INFORMATIONAL/NONE info (Bandit's UNDEFINED is ignored);
  3. `result.level`: error high, warning medium, note low, none info;
  4. the same severity words in the rule's properties (`issue_severity`, `severity`,
     CodeQL's `problem.severity`);
  5. `rule.defaultConfiguration.level`, mapped as `level`;
  6. SARIF's default level: `warning` (medium) for failures, `none` (info) for results of kind
     informational / review / open.
Confidence (one of model.CONFIDENCES), first that applies:
  1. `issue_confidence` (Bandit) or `confidence` in the result's, then the rule's properties;
  2. a tag `HIGH CONFIDENCE` / `MEDIUM CONFIDENCE` / `LOW CONFIDENCE` (how Semgrep exports its
     rule metadata `confidence`);
  3. `precision` (CodeQL, Bandit): very-high/high high, medium medium, low low. Ignored for
     Semgrep, which writes `very-high` on every rule whatever its confidence;
  4. otherwise "medium".
CWE, the first found, looking in the result's properties then the rule's: `cwe` (a string such as
"CWE-89", a number, a list, or Bandit's `{"id": 89}`), then `tags` ("external/cwe/cwe-089"
(CodeQL, Bandit), "CWE-89: Improper Neutralization ..." (Semgrep), "CWE-89"), then rule
relationships into a taxonomy named CWE. Leading zeros go ("CWE-89"); CWE-0 (Bandit's "not set")
is no CWE.

Messages: `message.text`, else the rule's (or the driver's global) `messageStrings[message.id]`,
with `{0}`-style arguments filled and `{{`/`}}` unescaped; else the rule's short/full description;
else the rule id. SARIF's embedded links (`[user-provided value](1)`) stay as written.
"""

from __future__ import annotations

import json
import math
import os
import posixpath
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from vibetriage.model import Diagnostic, Finding

SARIF_VERSION = "2.1.0"
MAX_BYTES = 200 * 1024 * 1024
MAX_RESULTS = 200_000
MAX_MESSAGE = 4000  # characters kept of a message
MAX_NAME = 300  # characters kept of a tool name, rule id, path or justification
MAX_PATH = 4096  # characters; longer is no path of a real file (PATH_MAX)
MAX_LINE = 2**31 - 1  # beyond this a line number is nonsense (and would not fit a SQLite INTEGER)
MAX_BASE_CHAIN = 16  # uriBaseId indirections followed before giving up (cycles)
MAX_RULE_LEVELS = 8  # levels of a hierarchical rule id ("CA2101/1") tried against the rules

LEVEL_SEVERITY = {"error": "high", "warning": "medium", "note": "low", "none": "info"}
WORD_SEVERITY = {
    "critical": "critical",
    "high": "high",
    "error": "high",
    "medium": "medium",
    "moderate": "medium",
    "warning": "medium",
    "low": "low",
    "note": "low",
    "recommendation": "low",
    "info": "info",
    "informational": "info",
    "none": "info",
}
WORD_CONFIDENCE = {"high": "high", "medium": "medium", "low": "low"}
PRECISION_CONFIDENCE = {"very-high": "high", "high": "high", "medium": "medium", "low": "low"}
SKIPPED_KINDS = frozenset({"pass", "notApplicable"})
FAILURE_KINDS = frozenset({"fail"})
SUPPRESSION_TEXT = {"inSource": "suppressed in source", "external": "suppressed externally"}

_CWE = re.compile(r"(?:external/cwe/)?cwe[-_:/ ]?0*(\d{1,7})(?!\d)", re.IGNORECASE | re.ASCII)
_CONFIDENCE_TAG = re.compile(r"(high|medium|low)\s+confidence", re.IGNORECASE)
_PLACEHOLDER = re.compile(r"\{\{|\}\}|\{(\d{1,4})\}", re.ASCII)
_WINDOWS_PATH = re.compile(r"[A-Za-z]:[\\/]")


class SarifError(Exception):
    """The file cannot be read as a SARIF 2.1.0 log at all; the message is one line for the user."""


def read_sarif(
    path: Path, repo_root: Path, known_paths: set[str] | None = None
) -> tuple[list[Finding], list[Diagnostic]]:
    """Findings of every run and result in the SARIF log at `path`, with paths relative to
    `repo_root`, and diagnostics for what could not be placed. Raises SarifError only when the
    file is not a readable SARIF 2.1.0 log."""
    log = _load(Path(path))
    source = str(path)
    runs = log.get("runs")
    if runs is None:  # allowed: the tool failed before it started a run
        runs = []
    if not isinstance(runs, list):
        raise SarifError(f'{path}: "runs" is not a list, so this is no SARIF 2.1.0 log; pass the file the scanner wrote')
    places = _Places(repo_root, known_paths)
    findings: list[Finding] = []
    diagnostics: list[Diagnostic] = []
    taken = dropped = 0
    for number, run in enumerate(runs, 1):
        if not isinstance(run, dict):
            diagnostics.append(Diagnostic(source, "partial", "sarif-run-invalid", f"run {number} is not an object"))
            continue
        context = _Run(run)
        for result in _arr(run.get("results")):
            if isinstance(result, dict) and (
                _str(result.get("kind")) in SKIPPED_KINDS or result.get("baselineState") == "absent"
            ):
                continue
            if taken >= MAX_RESULTS:
                dropped += 1
                continue
            taken += 1
            item = _convert(result, context, places, source)
            (findings if isinstance(item, Finding) else diagnostics).append(item)
    if dropped:
        diagnostics.append(
            Diagnostic(
                source, "partial", "sarif-results-capped",
                f"{dropped} results beyond the first {MAX_RESULTS} were not imported",
            )
        )
    return findings, diagnostics


# ---------------------------------------------------------------------------------------------
# Reading the file


def _load(path: Path) -> dict[str, Any]:
    try:
        info = os.stat(path)
    except OSError as exc:
        raise SarifError(f"cannot read SARIF file {path}: {exc.strerror or exc}; check the path") from None
    if not stat.S_ISREG(info.st_mode):
        raise SarifError(f"{path} is not a regular file; pass the SARIF file the scanner wrote")
    too_big = SarifError(
        f"{path} is larger than the {MAX_BYTES // (1024 * 1024)} MB limit for SARIF input; "
        "split the report or narrow the scan"
    )
    if info.st_size > MAX_BYTES:
        raise too_big
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise SarifError(f"cannot read SARIF file {path}: {exc.strerror or exc}; check its permissions") from None
    if len(data) > MAX_BYTES:  # it grew after the stat
        raise too_big
    try:
        # bytes: json detects UTF-8/16/32 and a byte-order mark itself
        log = json.loads(data)
    except json.JSONDecodeError as exc:
        raise SarifError(
            f"{path} is not JSON (line {exc.lineno}, column {exc.colno}: {exc.msg}); "
            "pass the .sarif file the scanner wrote, not its console output"
        ) from None
    except (ValueError, RecursionError) as exc:  # bad encoding, absurd numbers, absurd nesting
        reason = "nested too deeply" if isinstance(exc, RecursionError) else _clip(str(exc), 80)
        raise SarifError(f"{path} is not usable JSON ({reason}); pass the .sarif file the scanner wrote") from None
    if not isinstance(log, dict):
        raise SarifError(f"{path} is JSON but not a SARIF log; pass the .sarif file the scanner wrote")
    version = log.get("version")
    if version != SARIF_VERSION:
        if version is None or "runs" not in log:  # e.g. Semgrep's --json output has a "version" too
            missing = "version" if version is None else "runs"
            raise SarifError(
                f'{path} is JSON but not a SARIF log (no "{missing}"); export SARIF 2.1.0 from the scanner '
                "(semgrep --sarif, bandit -f sarif, codeql database analyze --format=sarif-latest)"
            )
        shown = _clip(version, 40) if isinstance(version, str) else type(version).__name__
        raise SarifError(
            f"{path} is SARIF version {shown!r}; vibetriage reads SARIF {SARIF_VERSION} only: "
            "re-export with a current version of the scanner"
        )
    return log


# ---------------------------------------------------------------------------------------------
# One run's look-up tables


class _Run:
    """What results of one run refer to: its tool, rules, artifacts, base URIs, message strings."""

    def __init__(self, run: dict[str, Any]) -> None:
        tool = _obj(run.get("tool"))
        driver = _obj(tool.get("driver"))
        self.tool = _clip(_str(driver.get("name")) or "unknown", MAX_NAME)
        # Semgrep writes precision "very-high" on every rule, whatever the rule's confidence
        self.fixed_precision = self.tool.lower().startswith("semgrep")
        self.components = [_Rules(driver)] + [_Rules(_obj(ext)) for ext in _arr(tool.get("extensions"))]
        self.global_messages = _obj(driver.get("globalMessageStrings"))
        self.artifacts = _arr(run.get("artifacts"))
        self.base_ids = _obj(run.get("originalUriBaseIds"))
        self._facts: dict[int, tuple[dict[str, Any], _Facts]] = {}

    def facts_of(self, rule: dict[str, Any]) -> _Facts:
        """The rule's facts, worked out once per rule (the log holds the rule, so its id is stable)."""
        if not rule:
            return NO_FACTS
        cached = self._facts.get(id(rule))
        if cached is None or cached[0] is not rule:
            cached = self._facts[id(rule)] = (rule, _facts(_obj(rule.get("properties")), rule))
        return cached[1]

    def rule_of(self, result: dict[str, Any]) -> tuple[str | None, dict[str, Any]]:
        """The result's rule id and its reportingDescriptor (empty when the log has none)."""
        ref = _obj(result.get("rule"))
        rule_id = _str(result.get("ruleId")) or _str(ref.get("id"))
        component = self.components[0]
        index = _int(_obj(ref.get("toolComponent")).get("index"))
        if index is not None:
            component = self.components[index + 1] if 0 <= index < len(self.components) - 1 else _Rules({})
        rule = component.find(rule_id, _int(result.get("ruleIndex")), _int(ref.get("index")))
        if rule_id is None:
            rule_id = _str(rule.get("id"))
        return rule_id, rule


class _Rules:
    def __init__(self, component: dict[str, Any]) -> None:
        self.rules = _arr(component.get("rules"))
        self._by_id: dict[str, dict[str, Any]] | None = None

    def find(self, rule_id: str | None, *indexes: int | None) -> dict[str, Any]:
        for index in indexes:
            if index is not None and 0 <= index < len(self.rules):
                rule = _obj(self.rules[index])
                if rule_id is None or rule.get("id") == rule_id:
                    return rule
        if rule_id is None:
            return {}
        if self._by_id is None:
            self._by_id = {}
            for rule in self.rules:
                if isinstance(rule, dict) and isinstance(rule.get("id"), str):
                    self._by_id.setdefault(rule["id"], rule)
        # a hierarchical result id ("CA2101/1") names a sub-rule of the descriptor "CA2101";
        # a few levels are plenty (and a hostile id full of slashes must not cost quadratic time)
        for _ in range(MAX_RULE_LEVELS):
            if rule_id in self._by_id:
                return self._by_id[rule_id]
            if "/" not in rule_id:
                break
            rule_id = rule_id.rsplit("/", 1)[0]
        return {}


# ---------------------------------------------------------------------------------------------
# One result


def _convert(result: Any, run: _Run, places: _Places, source: str) -> Finding | Diagnostic:
    if not isinstance(result, dict):
        return Diagnostic(source, "partial", "sarif-result-unplaced", f"{run.tool}: a result that is not an object")
    rule_id, rule = run.rule_of(result)
    rule_id = _clip(rule_id or "unknown", MAX_NAME)
    label = f"{run.tool} {rule_id}"

    physical = _physical_location(result)
    if physical is None:
        return Diagnostic(source, "partial", "sarif-result-unplaced", f"{label}: no file location")
    uri, base_id = _artifact_uri(_obj(physical.get("artifactLocation")), run.artifacts)
    if not uri:
        return Diagnostic(source, "partial", "sarif-result-unplaced", f"{label}: location without a file URI")
    placed = places.place(uri, base_id, run.base_ids)
    if isinstance(placed, _Unplaced):
        status, reason = ("skipped", "sarif-path-outside-repo") if placed.outside else ("partial", "sarif-result-unplaced")
        return Diagnostic(source, status, reason, f"{label}: {_clip(uri, MAX_NAME)} {placed.why}")
    start, end = _lines(_obj(physical.get("region")))

    own = _facts(_obj(result.get("properties")))
    facts = run.facts_of(rule)
    return Finding(
        rule_id=rule_id,
        tool=run.tool,
        severity=_severity(result, own, facts),
        confidence=_confidence(own, facts, run.fixed_precision),
        cwe=own.cwe or facts.cwe,
        path=placed,
        start_line=start,
        end_line=end,
        message=_message(result, rule, run, rule_id),
        suppressed=_suppressed(result),
    )


def _physical_location(result: dict[str, Any]) -> dict[str, Any] | None:
    # The first location that names a file; a location may be logical only (a function name).
    for location in _arr(result.get("locations")):
        physical = _obj(_obj(location).get("physicalLocation"))
        if physical.get("artifactLocation") is not None:
            return physical
    return None


def _artifact_uri(location: dict[str, Any], artifacts: list[Any]) -> tuple[str | None, str | None]:
    uri = _str(location.get("uri"))
    base_id = _str(location.get("uriBaseId"))
    index = _int(location.get("index"))
    if uri is None and index is not None and 0 <= index < len(artifacts):
        listed = _obj(_obj(artifacts[index]).get("location"))
        uri = _str(listed.get("uri"))
        base_id = base_id or _str(listed.get("uriBaseId"))
    return uri, base_id


def _lines(region: dict[str, Any]) -> tuple[int, int]:
    start = _int(region.get("startLine"))
    if start is None or not 1 <= start <= MAX_LINE:
        return 1, 1  # no region, or one given in character offsets: the whole file
    end = _int(region.get("endLine"))
    if end is None or not start <= end <= MAX_LINE:
        end = start
    return start, end


@dataclass(frozen=True, slots=True)
class _Facts:
    """What one property bag (a result's or a rule's) says about severity, confidence and CWE."""

    score: str | None = None  # from a numeric security-severity
    severity: str | None = None  # from a severity word
    level: str | None = None  # from the rule's defaultConfiguration.level (rules only)
    confidence: str | None = None  # from issue_confidence / confidence
    confidence_tag: str | None = None  # from a "HIGH CONFIDENCE" tag
    precision: str | None = None
    cwe: str | None = None


NO_FACTS = _Facts()


def _facts(bag: dict[str, Any], rule: dict[str, Any] | None = None) -> _Facts:
    if not bag and not rule:
        return NO_FACTS
    score = _number(bag.get("security-severity"))
    if score is None:
        bucket = None
    elif score >= 9:
        bucket = "critical"
    elif score >= 7:
        bucket = "high"
    elif score >= 4:
        bucket = "medium"
    else:
        bucket = "low" if score > 0 else "info"
    tags = [t.strip() for t in _arr(bag.get("tags")) if isinstance(t, str)]
    tag_match = next((m for m in map(_CONFIDENCE_TAG.fullmatch, tags) if m), None)
    cwe = _first_cwe(bag.get("cwe")) or _first_cwe(bag.get("issue_cwe")) or _first_cwe(tags)
    level = None
    if rule is not None:
        level = LEVEL_SEVERITY.get(_str(_obj(rule.get("defaultConfiguration")).get("level")) or "")
        for relation in _arr(rule.get("relationships")):
            if cwe:
                break
            target = _obj(_obj(relation).get("target"))
            if (_str(_obj(target.get("toolComponent")).get("name")) or "").upper() == "CWE":
                cwe = _first_cwe(target.get("id"))
    return _Facts(
        score=bucket,
        severity=_word(bag, ("issue_severity", "severity", "problem.severity"), WORD_SEVERITY),
        level=level,
        confidence=_word(bag, ("issue_confidence", "confidence"), WORD_CONFIDENCE),
        confidence_tag=tag_match.group(1).lower() if tag_match else None,
        precision=_word(bag, ("precision",), PRECISION_CONFIDENCE),
        cwe=cwe,
    )


def _word(bag: dict[str, Any], keys: tuple[str, ...], table: dict[str, str]) -> str | None:
    for key in keys:
        value = _str(bag.get(key))
        if value is not None:
            found = table.get(value.strip().lower())
            if found:
                return found
    return None


def _severity(result: dict[str, Any], own: _Facts, rule: _Facts) -> str:
    kind = _str(result.get("kind"))
    return (
        own.score
        or rule.score
        or own.severity
        or LEVEL_SEVERITY.get(_str(result.get("level")) or "")
        or rule.severity
        or rule.level
        or ("medium" if kind is None or kind in FAILURE_KINDS else "info")
    )


def _confidence(own: _Facts, rule: _Facts, fixed_precision: bool) -> str:
    found = own.confidence or rule.confidence or own.confidence_tag or rule.confidence_tag
    if not found and not fixed_precision:
        found = own.precision or rule.precision
    return found or "medium"


def _first_cwe(value: Any) -> str | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return f"CWE-{value}" if 0 < value < 10_000_000 else None
    if isinstance(value, str):
        text = value.strip()
        if text.isascii() and text.isdigit():
            return _first_cwe(int(text[:8]))
        match = _CWE.match(text)
        return _first_cwe(int(match.group(1))) if match else None
    if isinstance(value, dict):  # Bandit's issue_cwe: {"id": 89, "link": "..."}
        cwe_id = value.get("id")
        return _first_cwe(cwe_id) if isinstance(cwe_id, (int, str)) else None
    if isinstance(value, list):
        for item in value:
            found = _first_cwe(item) if not isinstance(item, (list, dict)) else None
            if found:
                return found
    return None


def _message(result: dict[str, Any], rule: dict[str, Any], run: _Run, rule_id: str) -> str:
    message = _obj(result.get("message"))
    arguments = _arr(message.get("arguments"))
    text = _str(message.get("text"))
    template = False
    if text is None and _str(message.get("id")):
        strings = _obj(_obj(rule.get("messageStrings")).get(message["id"])) or _obj(
            run.global_messages.get(message["id"])
        )
        text = _str(strings.get("text")) or _str(strings.get("markdown"))
        template = text is not None
    if text is None:
        text = _str(message.get("markdown"))
    if text and (arguments or template):
        text = _fill(_clip(text, MAX_MESSAGE), arguments)
    if not text or not text.strip():
        text = (
            _str(_obj(rule.get("shortDescription")).get("text"))
            or _str(_obj(rule.get("fullDescription")).get("text"))
            or rule_id
        )
    return _clip(text, MAX_MESSAGE)


def _fill(template: str, arguments: list[Any]) -> str:
    def replace(match: re.Match[str]) -> str:
        token = match.group(0)
        if token in ("{{", "}}"):
            return token[0]
        index = int(match.group(1))
        if index < len(arguments):
            value = arguments[index]
            if isinstance(value, str):
                return _clip(value, MAX_MESSAGE)
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                return str(value)
        return token

    return _PLACEHOLDER.sub(replace, template)


def _suppressed(result: dict[str, Any]) -> str | None:
    suppressions = [s for s in _arr(result.get("suppressions")) if isinstance(s, dict)]
    if not suppressions:
        return None
    statuses = {_str(s.get("status")) for s in suppressions}
    if "rejected" in statuses or "underReview" in statuses:
        return None
    for suppression in suppressions:
        justification = _str(suppression.get("justification"))
        if justification and justification.strip():
            return _clip(justification.strip(), MAX_NAME)
    return SUPPRESSION_TEXT.get(_str(suppressions[0].get("kind")) or "", "suppressed")


# ---------------------------------------------------------------------------------------------
# Paths


@dataclass(frozen=True, slots=True)
class _Unplaced:
    why: str
    outside: bool = False


class _Places:
    """Turns artifact URIs into repository-relative paths (see the module docstring)."""

    def __init__(self, repo_root: Path, known_paths: set[str] | None) -> None:
        root = Path(repo_root)
        candidates = {root.absolute().as_posix()}
        try:
            candidates.add(root.resolve().as_posix())
        except OSError:  # vibetriage: ignore[python.swallowed-exception] optional: an unresolvable root just means no second spelling to match
            pass
        self.roots = tuple(r.rstrip("/") for r in candidates)
        self.known = known_paths
        self._by_name: dict[str, list[str]] | None = None
        self._matches: dict[str, str | None] = {}

    def place(self, uri: str, base_id: str | None, base_ids: dict[str, Any]) -> str | _Unplaced:
        reference, relative = _expand(uri, base_id, base_ids)
        path = _decode(reference)
        if path is None:
            return _Unplaced("is not a file URI")
        if "\x00" in path or len(path) > MAX_PATH:
            return _Unplaced("is not a usable path")
        if not path.startswith("/"):
            return self._inside(path)
        path = posixpath.normpath(path)
        for root in self.roots:
            if path == root:
                return _Unplaced("names the repository itself, not a file")
            if path.startswith(root + "/"):
                return self._inside(path[len(root) + 1 :])
        if relative is not None:
            # Joined onto a base the log defines as a directory of the machine that ran the
            # tool: the part below that base is the path in this repository.
            decoded = _decode(relative)
            if decoded is not None and "\x00" not in decoded and not decoded.startswith("/"):
                return self._inside(decoded)
        match = self._match(path, whole_known=True)
        return match if match else _Unplaced("is outside the repository", outside=True)

    def _inside(self, path: str) -> str | _Unplaced:
        path = posixpath.normpath(path)
        if path == ".." or path.startswith("../"):
            return _Unplaced("is outside the repository", outside=True)
        if path == ".":
            return _Unplaced("names the repository itself, not a file")
        if self.known is not None and path not in self.known:
            return self._match(path, whole_known=False) or path
        return path

    def _match(self, path: str, whole_known: bool) -> str | None:
        """The known path sharing the longest tail of components with `path`, if exactly one
        does and one of the two ends with the whole other. With `whole_known`, only known paths
        that are a whole tail of `path` (an absolute path in another checkout) qualify."""
        if not self.known:
            return None
        key = f"{whole_known}\x00{path}"
        if key in self._matches:
            return self._matches[key]
        if self._by_name is None:
            self._by_name = {}
            for known in self.known:
                self._by_name.setdefault(known.rsplit("/", 1)[-1], []).append(known)
        parts = [p for p in path.split("/") if p]
        best: str | None = None
        best_length = 0
        tied = False
        for known in self._by_name.get(parts[-1] if parts else "", ()):
            known_parts = known.split("/")
            length = min(len(parts), len(known_parts))
            if parts[-length:] != known_parts[-length:]:
                continue
            if whole_known and length < len(known_parts):
                continue
            if length > best_length:
                best, best_length, tied = known, length, False
            elif length == best_length:
                tied = True
        found = None if tied else best
        self._matches[key] = found
        return found


def _expand(uri: str, base_id: str | None, base_ids: dict[str, Any]) -> tuple[str, str | None]:
    """`uri` joined onto its chain of uriBaseIds, and its part below the first absolute base.
    A base the log does not define is left to the consumer: the repository root."""
    reference, relative = uri, None
    seen: set[str] = set()
    while base_id is not None and not _is_absolute(reference) and base_id not in seen and len(seen) < MAX_BASE_CHAIN:
        seen.add(base_id)
        base = _obj(base_ids.get(base_id))
        base_uri = _str(base.get("uri"))
        if not base_uri:
            break
        below = reference
        reference = (base_uri if base_uri.endswith("/") else base_uri + "/") + reference
        if _is_absolute(reference):
            relative = below
        base_id = _str(base.get("uriBaseId"))
    return reference, relative


def _is_absolute(reference: str) -> bool:
    if reference.startswith(("/", "\\")) or _WINDOWS_PATH.match(reference):
        return True
    return len(_scheme(reference)) > 1


def _scheme(reference: str) -> str:
    """The URI scheme, "" for a relative reference (a one-letter scheme is a Windows drive)."""
    if ":" not in reference:
        return ""
    try:
        return urlsplit(reference).scheme.lower()
    except ValueError:  # e.g. a malformed IPv6 host
        return "invalid"


def _decode(reference: str) -> str | None:
    """A path from a URI reference: `file:` URIs and relative references are percent-decoded;
    raw OS paths (Bandit >= 1.8 writes them) are taken as they are; `\\` is read as `/`.
    None for URIs of another scheme (https:, git:, ...) or malformed ones."""
    if _WINDOWS_PATH.match(reference):  # C:\work\app.py: absolute, somebody else's machine
        return "/" + reference.replace("\\", "/")
    scheme = _scheme(reference)
    if scheme == "file":
        path = unquote(urlsplit(reference).path)
    elif len(scheme) > 1:
        return None
    else:
        path = unquote(reference)
    return path.replace("\\", "/")


# ---------------------------------------------------------------------------------------------
# Tolerant access to untrusted JSON


def _obj(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _arr(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, str):
        try:
            value = float(value.strip()[:32])
        except ValueError:
            return None
    if isinstance(value, (int, float)) and math.isfinite(value) and 0 <= value <= 10:
        return float(value)
    return None


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


__all__ = ["SarifError", "read_sarif"]
