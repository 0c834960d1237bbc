"""Importing other scanners' findings from SARIF 2.1.0: real Semgrep, CodeQL, Bandit and ESLint
output shapes, inline suppressions, paths from other checkouts, and hostile or broken logs."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from analyzers import sarif
from analyzers.sarif import SarifError, read_sarif
from vibetriage.model import CONFIDENCES, SEVERITIES, Diagnostic, Finding

DATA = Path(__file__).parent / "data" / "sarif"
KNOWN = {
    "app/db.py",
    "app/views.py",
    "app/cache.py",
    "app/auth.py",
    "scripts/report builder.py",
    "web/app.js",
    "static/app.js",
}


def load(name: str, root: Path, known: set[str] | None = KNOWN) -> tuple[list[Finding], list[Diagnostic]]:
    return read_sarif(DATA / name, root, known)


def write_log(tmp_path: Path, results: list[Any], rules: list[Any] | None = None, **run: Any) -> Path:
    """A minimal SARIF 2.1.0 log with one run of a tool named "Probe"."""
    log = {
        "version": "2.1.0",
        "runs": [{"tool": {"driver": {"name": "Probe", "rules": rules or []}}, "results": results, **run}],
    }
    path = tmp_path / "probe.sarif"
    path.write_text(json.dumps(log), encoding="utf-8")
    return path


def at(uri: str, line: int | None = None, **location: Any) -> list[dict[str, Any]]:
    physical: dict[str, Any] = {"artifactLocation": {"uri": uri, **location}}
    if line is not None:
        physical["region"] = {"startLine": line}
    return [{"physicalLocation": physical}]


def probe(tmp_path: Path, result: dict[str, Any], rule: dict[str, Any] | None = None) -> Finding:
    """The one finding of a log holding `result` (at app/db.py:7 unless it says otherwise)."""
    result = {"ruleId": "R1", "message": {"text": "m"}, "locations": at("app/db.py", 7), **result}
    rules = [{"id": "R1", **(rule or {})}]
    findings, diagnostics = read_sarif(write_log(tmp_path, [result], rules), tmp_path, KNOWN)
    assert diagnostics == []
    (finding,) = findings
    assert finding.severity in SEVERITIES and finding.confidence in CONFIDENCES
    return finding


# --- real tool output -------------------------------------------------------------------------


def test_semgrep_oss_run(tmp_path: Path) -> None:
    findings, diagnostics = load("semgrep.sarif", tmp_path)
    assert diagnostics == []
    assert findings == [
        Finding(
            rule_id="python.lang.security.deserialization.pickle.avoid-pickle",
            tool="Semgrep OSS",
            severity="medium",
            confidence="low",
            cwe="CWE-502",
            path="app/cache.py",
            start_line=9,
            end_line=9,
            message=(
                "Avoid using `pickle`, which is known to lead to code execution vulnerabilities. When "
                "unpickling, the serialized data could be manipulated to run arbitrary code. Instead, "
                "consider serializing the relevant data as JSON or a similar text-based serialization format."
            ),
            suppressed="suppressed in source",  # a `# nosemgrep` comment: kept, shown as suppressed
        ),
        Finding(
            rule_id="python.lang.security.audit.formatted-sql-query.formatted-sql-query",
            tool="Semgrep OSS",
            severity="medium",
            confidence="low",
            cwe="CWE-89",
            path="app/db.py",
            start_line=14,
            end_line=14,
            message="Detected possible formatted SQL query. Use parameterized queries instead.",
        ),
        Finding(
            rule_id="python.flask.security.injection.subprocess-injection.subprocess-injection",
            tool="Semgrep OSS",
            severity="high",
            confidence="high",
            cwe="CWE-78",
            path="app/views.py",
            start_line=31,
            end_line=34,
            message=(
                "Detected user input entering a `subprocess` call unsafely. This could result in a command "
                "injection vulnerability. An attacker could use this vulnerability to execute arbitrary "
                "commands on the host, which allows them to download malware, scan sensitive data, or run any "
                "system commands they wish in the server. Do not allow user input into `subprocess` calls. "
                "Instead, use an allowlist of approved commands."
            ),
        ),
        Finding(
            # no confidence in the rule's metadata: Semgrep's blanket precision "very-high" is no evidence
            rule_id="python.lang.security.audit.eval-detected.eval-detected",
            tool="Semgrep OSS",
            severity="medium",
            confidence="medium",
            cwe="CWE-95",
            path="app/views.py",
            start_line=52,
            end_line=52,
            message=(
                "Detected the use of eval(). eval() can be dangerous if used to evaluate dynamic content. If "
                "this content can be input from outside the program, this may be a code injection "
                "vulnerability. Ensure evaluated content is not definable by external sources."
            ),
        ),
    ]


def test_codeql_run_on_ci(tmp_path: Path) -> None:
    # %SRCROOT% is the CI runner's workspace; the part below it is the path in this repository
    findings, diagnostics = load("codeql.sarif", tmp_path)
    assert diagnostics == []
    assert findings == [
        Finding(
            rule_id="py/sql-injection",
            tool="CodeQL",
            severity="high",  # security-severity 8.8
            confidence="high",
            cwe="CWE-89",  # external/cwe/cwe-089
            path="app/views.py",
            start_line=21,
            end_line=21,
            message="This SQL query depends on a [user-provided value](1).",
        ),
        Finding(
            rule_id="py/command-line-injection",
            tool="CodeQL",
            severity="critical",  # 9.8
            confidence="high",
            cwe="CWE-78",
            path="app/views.py",
            start_line=33,
            end_line=33,
            message="This command line depends on a [user-provided value](1).",
        ),
        Finding(
            rule_id="py/stack-trace-exposure",
            tool="CodeQL",
            severity="medium",  # 5.4
            confidence="high",
            cwe="CWE-209",
            path="app/views.py",
            start_line=60,
            end_line=60,
            message="[Stack trace information](1) flows to this location and may be exposed to an external user.",
        ),
        Finding(
            rule_id="py/clear-text-logging-sensitive-data",
            tool="CodeQL",
            severity="high",  # 7.5
            confidence="high",
            cwe="CWE-312",
            path="app/auth.py",
            start_line=12,
            end_line=13,
            message="This expression logs [sensitive data (password)](1) as clear text.",
        ),
        Finding(
            rule_id="py/unused-import",
            tool="CodeQL",
            severity="low",  # no security-severity: level "note"
            confidence="high",  # precision very-high
            cwe=None,
            path="app/db.py",
            start_line=3,
            end_line=3,
            message="Import of 'os' is not used.",
        ),
    ]


def test_codeql_paths_below_a_foreign_base_need_no_known_paths(tmp_path: Path) -> None:
    findings, diagnostics = load("codeql.sarif", tmp_path, known=None)
    assert diagnostics == []
    assert [(f.rule_id, f.path) for f in findings] == [
        ("py/sql-injection", "app/views.py"),
        ("py/command-line-injection", "app/views.py"),
        ("py/stack-trace-exposure", "app/views.py"),
        ("py/clear-text-logging-sensitive-data", "app/auth.py"),
        ("py/unused-import", "app/db.py"),
    ]


def test_bandit_run(tmp_path: Path) -> None:
    findings, diagnostics = load("bandit.sarif", tmp_path)
    assert diagnostics == []
    sql = "Possible SQL injection vector through string-based query construction."
    assert findings == [
        Finding("B608", "Bandit", "medium", "low", "CWE-89", "app/db.py", 22, 22, sql),
        # the result's issue_confidence wins over the rule's precision (Bandit takes that from the
        # first issue of the rule)
        Finding("B608", "Bandit", "medium", "medium", "CWE-89", "app/db.py", 40, 42, sql),
        Finding(
            "B602", "Bandit", "high", "high", "CWE-78", "app/views.py", 33, 33,
            "subprocess call with shell=True identified, security issue.",
        ),
        Finding(
            "B105", "Bandit", "low", "medium", "CWE-259", "scripts/report builder.py", 7, 7,
            "Possible hardcoded password: 'hunter2'",
        ),
    ]


def test_eslint_inline_suppression_and_absolute_uri_from_another_checkout(tmp_path: Path) -> None:
    # file:///home/dev/checkouts/shop/web/app.js: "web/app.js" is the longest known tail
    # (static/app.js shares only the file name)
    findings, diagnostics = load("eslint.sarif", tmp_path)
    assert diagnostics == []
    assert findings == [
        Finding(
            "no-eval", "ESLint", "high", "medium", None, "web/app.js", 12, 12, "`eval` can be harmful.",
            suppressed="rule editor is admin-only; input is parsed by jsep first",
        ),
        Finding(
            "no-implied-eval", "ESLint", "high", "medium", None, "web/app.js", 30, 30,
            "Implied eval. Consider passing a function instead of a string.",
        ),
    ]


def test_absolute_uri_elsewhere_without_known_paths_is_not_this_repository(tmp_path: Path) -> None:
    findings, diagnostics = load("eslint.sarif", tmp_path, known=None)
    assert findings == []
    source = str(DATA / "eslint.sarif")
    assert diagnostics == [
        Diagnostic(
            source, "skipped", "sarif-path-outside-repo",
            f"ESLint {rule}: file:///home/dev/checkouts/shop/web/app.js is outside the repository",
        )
        for rule in ("no-eval", "no-implied-eval")
    ]


# --- hostile and broken input -----------------------------------------------------------------


def test_hostile_log_gives_data_not_exceptions(tmp_path: Path) -> None:
    findings, diagnostics = load("hostile.sarif", tmp_path)
    tool = "[bold red]Totally Safe[/] Scanner\x1b[2J"  # kept as written; the renderer escapes it
    assert findings == [
        Finding(
            # message from the rule's messageStrings, argument filled, {{ }} unescaped, an unknown
            # placeholder left alone; startLine given as a string: the whole file
            "rce-1", tool, "high", "medium", None, "app/views.py", 1, 1,
            "Call to os.system reaches [shell](https://evil.example) {literal} {7}",
        ),
        # a uriBaseId that refers to itself is followed once: a/app/db.py, known as app/db.py
        Finding("rce-1", tool, "medium", "medium", None, "app/db.py", 5, 5, "a base that refers to itself"),
        # every field of the wrong type: defaults, and a line number beyond reason means the whole file
        Finding(
            "unknown", tool, "medium", "medium", None, "app/db.py", 1, 1, "malformed fields everywhere",
            suppressed="suppressed",
        ),
    ]
    source = str(DATA / "hostile.sarif")
    outside = "sarif-path-outside-repo"
    unplaced = "sarif-result-unplaced"
    assert diagnostics == [
        Diagnostic(source, "partial", "sarif-run-invalid", "run 1 is not an object"),
        Diagnostic(source, "skipped", outside, f"{tool} rce-1: ../../etc/passwd is outside the repository"),
        Diagnostic(source, "skipped", outside, f"{tool} rce-1: file:///etc/passwd is outside the repository"),
        Diagnostic(
            source, "skipped", outside,
            f"{tool} rce-1: app/%2e%2e/%2e%2e/%2e%2e/home/user/.ssh/id_rsa is outside the repository",
        ),
        Diagnostic(source, "partial", unplaced, f"{tool} rce-1: no file location"),
        Diagnostic(source, "partial", unplaced, f"{tool} rce-1: no file location"),  # logical location only
        Diagnostic(source, "partial", unplaced, f"{tool} rce-1: https://evil.example/app.py is not a file URI"),
        Diagnostic(source, "partial", unplaced, f"{tool}: a result that is not an object"),
    ]
    # kind "pass" and baselineState "absent" are not findings: neither kept nor reported


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("not-json.sarif", "not-json.sarif is not JSON (line 1, column 1: Expecting value); pass the .sarif file"),
        ("sarif-2.0.0.sarif", "sarif-2.0.0.sarif is SARIF version '2.0.0'; vibetriage reads SARIF 2.1.0 only"),
        ("semgrep.json", 'semgrep.json is JSON but not a SARIF log (no "runs"); export SARIF 2.1.0'),
        ("missing.sarif", "cannot read SARIF file"),
        (".", "is not a regular file; pass the SARIF file the scanner wrote"),
    ],
)
def test_unreadable_logs_raise_one_line_errors(tmp_path: Path, name: str, expected: str) -> None:
    with pytest.raises(SarifError) as raised:
        read_sarif(DATA / name, tmp_path, KNOWN)
    message = str(raised.value)
    assert expected in message
    assert "\n" not in message


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"[" * 100_000 + b"]" * 100_000, "is not usable JSON (nested too deeply)"),
        (b'{"version": "2.1.0", "runs": {}}', '"runs" is not a list'),
        (b'["version", "2.1.0"]', "is JSON but not a SARIF log"),
        (b'{"runs": []}', 'is JSON but not a SARIF log (no "version")'),
        (b'{"version": "2.1.0", "runs": [], "x": 1' + b"9" * 5000 + b"}", "is not usable JSON"),
        (b'{"version": "2.1.0", "runs": [], "x": "\xff"}', "is not usable JSON"),
    ],
)
def test_malformed_json_raises(tmp_path: Path, content: bytes, expected: str) -> None:
    path = tmp_path / "bad.sarif"
    path.write_bytes(content)
    with pytest.raises(SarifError, match=expected.replace("(", r"\(").replace(")", r"\)")):
        read_sarif(path, tmp_path, KNOWN)


def test_file_over_the_size_cap_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sarif, "MAX_BYTES", 1024)
    path = write_log(tmp_path, [{"message": {"text": "x" * 2000}, "locations": at("app/db.py")}])
    with pytest.raises(SarifError, match="larger than the 0 MB limit"):
        read_sarif(path, tmp_path, KNOWN)


def test_results_beyond_the_cap_are_counted_not_imported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sarif, "MAX_RESULTS", 2)
    results = [{"ruleId": f"R{i}", "message": {"text": "m"}, "locations": at("app/db.py", i)} for i in range(1, 6)]
    results.insert(1, {"ruleId": "P", "kind": "pass", "message": {"text": "ok"}, "locations": at("app/db.py")})
    path = write_log(tmp_path, results)
    findings, diagnostics = read_sarif(path, tmp_path, KNOWN)
    assert [(f.rule_id, f.start_line) for f in findings] == [("R1", 1), ("R2", 2)]
    assert diagnostics == [
        Diagnostic(str(path), "partial", "sarif-results-capped", "3 results beyond the first 2 were not imported")
    ]


def test_log_without_runs_and_with_a_byte_order_mark(tmp_path: Path) -> None:
    path = tmp_path / "empty.sarif"
    path.write_bytes(b'{"version": "2.1.0", "runs": null}')
    assert read_sarif(path, tmp_path, KNOWN) == ([], [])
    log = json.loads(write_log(tmp_path, [{"message": {"text": "m"}, "locations": at("app/db.py", 3)}]).read_text())
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(log).encode())
    findings, _ = read_sarif(path, tmp_path, KNOWN)
    assert [(f.rule_id, f.path, f.start_line) for f in findings] == [("unknown", "app/db.py", 3)]


# --- paths ------------------------------------------------------------------------------------


def test_uris_under_the_repository_root_become_relative(tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir()
    link = tmp_path / "shop"
    link.symlink_to(real)
    results = [
        # %SRCROOT% defined as the repository itself (a local CodeQL run)
        {"message": {"text": "a"}, "locations": at("app/db.py", 1, uriBaseId="%SRCROOT%")},
        # absolute, through the symlink and through its target, percent-encoded
        {"message": {"text": "b"}, "locations": at(link.as_uri() + "/scripts/report%20builder.py", 2)},
        {"message": {"text": "c"}, "locations": at(real.as_uri() + "/app/./../app/views.py", 3)},
        # a raw absolute OS path, as Bandit >= 1.8 writes it
        {"message": {"text": "d"}, "locations": at(str(real / "app" / "cache.py"), 4)},
        # the root itself is no file
        {"ruleId": "R", "message": {"text": "e"}, "locations": at(real.as_uri() + "/")},
    ]
    path = write_log(tmp_path, results, originalUriBaseIds={"%SRCROOT%": {"uri": link.as_uri() + "/"}})
    findings, diagnostics = read_sarif(path, link, KNOWN)
    assert [(f.message, f.path, f.start_line) for f in findings] == [
        ("a", "app/db.py", 1),
        ("b", "scripts/report builder.py", 2),
        ("c", "app/views.py", 3),
        ("d", "app/cache.py", 4),
    ]
    assert diagnostics == [
        Diagnostic(
            str(path), "partial", "sarif-result-unplaced",
            f"Probe R: {real.as_uri()}/ names the repository itself, not a file",
        )
    ]


@pytest.mark.parametrize(
    ("uri", "expected"),
    [
        ("app/db.py", "app/db.py"),  # known: as it is
        ("./app//db.py", "app/db.py"),
        ("shop/app/db.py", "app/db.py"),  # relative to the workspace above the checkout
        ("views.py", "app/views.py"),  # a unique tail: the tool ran in app/
        ("app.js", "app.js"),  # web/app.js or static/app.js: ambiguous, kept
        ("docs/guide.md", "docs/guide.md"),  # inside the repository, just not analysed: kept
        ("src\\app\\cache.py", "app/cache.py"),  # Windows separators
        ("C:\\ci\\shop\\web\\app.js", "web/app.js"),
        ("file:///C:/Users/ci/shop/static/app.js", "static/app.js"),
        ("file://buildhost/share/shop/app/auth.py", "app/auth.py"),
    ],
)
def test_paths_from_other_checkouts_match_the_longest_known_tail(tmp_path: Path, uri: str, expected: str) -> None:
    path = write_log(tmp_path, [{"message": {"text": "m"}, "locations": at(uri, 1)}])
    findings, diagnostics = read_sarif(path, tmp_path, KNOWN)
    assert diagnostics == []
    assert [f.path for f in findings] == [expected]


@pytest.mark.parametrize(
    "uri",
    [
        "../outside.py",
        "app/../../outside.py",
        "%2E%2E/outside.py",
        "..\\..\\outside.py",
        "file:///srv/other/project/thing.py",  # matches no known path
        "/etc/app.js.bak",
        "file:///views.py",  # only the file name of app/views.py: an absolute path must end with a whole one
    ],
)
def test_paths_leaving_the_repository_are_skipped(tmp_path: Path, uri: str) -> None:
    path = write_log(tmp_path, [{"ruleId": "R", "message": {"text": "m"}, "locations": at(uri, 1)}])
    findings, diagnostics = read_sarif(path, tmp_path / "repo", KNOWN)
    assert findings == []
    assert diagnostics == [
        Diagnostic(str(path), "skipped", "sarif-path-outside-repo", f"Probe R: {uri} is outside the repository")
    ]


@pytest.mark.parametrize("uri", ["app/%00db.py", "app/" + "d/" * 3000 + "db.py"])
def test_unusable_paths_are_unplaced(tmp_path: Path, uri: str) -> None:
    path = write_log(tmp_path, [{"ruleId": "R", "message": {"text": "m"}, "locations": at(uri, 1)}])
    findings, diagnostics = read_sarif(path, tmp_path, None)
    assert findings == []
    assert [(d.status, d.reason, d.detail.endswith(" is not a usable path")) for d in diagnostics] == [
        ("partial", "sarif-result-unplaced", True)
    ]


def test_artifact_index_extension_rules_and_message_strings(tmp_path: Path) -> None:
    rules_in_pack = [
        {"id": "other"},
        {
            "id": "cs/hardcoded-key",
            "messageStrings": {"default": {"text": "Key {0} is hard-coded in {1}."}},
            "defaultConfiguration": {"level": "warning"},
            "relationships": [{"target": {"id": "321", "toolComponent": {"name": "CWE"}}, "kinds": ["superset"]}],
        },
    ]
    result = {
        "rule": {"id": "cs/hardcoded-key", "index": 1, "toolComponent": {"index": 0}},
        "message": {"id": "default", "arguments": ["ApiKey", "Settings"]},
        "locations": [{"physicalLocation": {"artifactLocation": {"index": 1}, "region": {"startLine": 8, "endLine": 6}}}],
    }
    path = write_log(
        tmp_path,
        [result],
        artifacts=[{"location": {"uri": "a.cs"}}, {"location": {"uri": "app/db.py", "uriBaseId": "SRC"}}],
        originalUriBaseIds={"SRC": {"uri": "file:///build/agent/_work/3/s/"}},
    )
    log = json.loads(path.read_text())
    log["runs"][0]["tool"]["extensions"] = [{"name": "pack", "rules": rules_in_pack}]
    path.write_text(json.dumps(log))
    findings, diagnostics = read_sarif(path, tmp_path, KNOWN)
    assert diagnostics == []
    assert findings == [
        Finding(
            "cs/hardcoded-key", "Probe", "medium", "medium", "CWE-321", "app/db.py", 8, 8,
            "Key ApiKey is hard-coded in Settings.",
        )
    ]


# --- mappings ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("result", "rule", "severity"),
    [
        ({}, {"properties": {"security-severity": "9.0"}}, "critical"),
        ({}, {"properties": {"security-severity": 8.9}}, "high"),
        ({}, {"properties": {"security-severity": "7.0"}}, "high"),
        ({}, {"properties": {"security-severity": "4.0"}}, "medium"),
        ({}, {"properties": {"security-severity": "3.9"}}, "low"),
        ({}, {"properties": {"security-severity": "0.0"}}, "info"),
        ({"level": "note"}, {"properties": {"security-severity": "9.1"}}, "critical"),  # the score wins
        ({"properties": {"security-severity": "2.0"}}, {"properties": {"security-severity": "9.1"}}, "low"),
        ({}, {"properties": {"security-severity": "11"}, "defaultConfiguration": {"level": "note"}}, "low"),
        ({"properties": {"issue_severity": "HIGH"}}, {}, "high"),
        ({"properties": {"issue_severity": "UNDEFINED"}, "level": "note"}, {}, "low"),
        ({"properties": {"severity": "CRITICAL"}, "level": "note"}, {}, "critical"),
        ({"level": "error"}, {}, "high"),
        ({"level": "warning"}, {}, "medium"),
        ({"level": "note"}, {}, "low"),
        ({"level": "none"}, {}, "info"),
        ({"level": "error"}, {"defaultConfiguration": {"level": "note"}}, "high"),
        ({}, {"defaultConfiguration": {"level": "error"}}, "high"),
        ({}, {"properties": {"problem.severity": "recommendation"}, "defaultConfiguration": {"level": "error"}}, "low"),
        ({}, {}, "medium"),  # SARIF's default level is "warning"
        ({"kind": "review"}, {}, "info"),  # ... but "none" for results that are not failures
        ({"kind": "fail"}, {}, "medium"),
    ],
)
def test_severity_mapping(tmp_path: Path, result: dict[str, Any], rule: dict[str, Any], severity: str) -> None:
    assert probe(tmp_path, result, rule).severity == severity


@pytest.mark.parametrize(
    ("result", "rule", "confidence"),
    [
        ({}, {}, "medium"),
        ({"properties": {"issue_confidence": "LOW"}}, {"properties": {"precision": "very-high"}}, "low"),
        ({}, {"properties": {"confidence": "High"}}, "high"),
        ({}, {"properties": {"tags": ["security", "MEDIUM CONFIDENCE"], "precision": "very-high"}}, "medium"),
        ({}, {"properties": {"precision": "very-high"}}, "high"),
        ({}, {"properties": {"precision": "high"}}, "high"),
        ({}, {"properties": {"precision": "medium"}}, "medium"),
        ({}, {"properties": {"precision": "low"}}, "low"),
        ({}, {"properties": {"precision": "bogus"}}, "medium"),
    ],
)
def test_confidence_mapping(tmp_path: Path, result: dict[str, Any], rule: dict[str, Any], confidence: str) -> None:
    assert probe(tmp_path, result, rule).confidence == confidence


@pytest.mark.parametrize(
    ("result", "rule", "cwe"),
    [
        ({}, {"properties": {"tags": ["security", "external/cwe/cwe-089", "external/cwe/cwe-564"]}}, "CWE-89"),
        ({}, {"properties": {"tags": ["CWE-79: Improper Neutralization of Input During Web Page Generation"]}}, "CWE-79"),
        ({}, {"properties": {"cwe": ["CWE-22", "CWE-23"]}}, "CWE-22"),
        ({}, {"properties": {"cwe": "CWE-611"}}, "CWE-611"),
        ({}, {"properties": {"cwe": 94}}, "CWE-94"),
        ({"properties": {"tags": ["bandit", "B104", "CWE-605"]}}, {}, "CWE-605"),  # Bandit >= 1.8, result
        ({"properties": {"issue_cwe": {"id": 330, "link": "https://cwe.mitre.org/data/definitions/330.html"}}}, {}, "CWE-330"),
        ({"properties": {"cwe": "CWE-20"}}, {"properties": {"cwe": "CWE-89"}}, "CWE-20"),  # the result's first
        ({}, {"properties": {"tags": ["external/cwe/cwe-0"]}}, None),  # Bandit's "no CWE"
        ({}, {"properties": {"tags": ["security", "owasp-a03", "cwe-top-25"]}}, None),
    ],
)
def test_cwe_shapes(tmp_path: Path, result: dict[str, Any], rule: dict[str, Any], cwe: str | None) -> None:
    assert probe(tmp_path, result, rule).cwe == cwe


@pytest.mark.parametrize(
    ("suppressions", "suppressed"),
    [
        ([], None),
        ([{"kind": "inSource"}], "suppressed in source"),
        ([{"kind": "external", "status": "accepted"}], "suppressed externally"),
        ([{"kind": "inSource", "justification": "  test fixture  "}], "test fixture"),
        ([{"kind": "external"}, {"kind": "inSource", "justification": "why"}], "why"),
        ([{"kind": "inSource", "justification": "x", "status": "rejected"}], None),
        ([{"kind": "inSource"}, {"kind": "external", "status": "rejected"}], None),
        ([{"kind": "external", "justification": "x", "status": "underReview"}], None),  # not decided yet
    ],
)
def test_suppressions(tmp_path: Path, suppressions: list[dict[str, str]], suppressed: str | None) -> None:
    assert probe(tmp_path, {"suppressions": suppressions}).suppressed == suppressed


def test_messages_fall_back_and_are_clipped(tmp_path: Path) -> None:
    rule = {"shortDescription": {"text": "Short description"}}
    assert probe(tmp_path, {"message": {}}, rule).message == "Short description"
    assert probe(tmp_path, {"message": {"text": "  "}}).message == "R1"
    assert probe(tmp_path, {"message": {"markdown": "**bold** stays as written"}}).message == "**bold** stays as written"
    long = probe(tmp_path, {"message": {"text": "x" * 10_000}}).message
    assert len(long) == sarif.MAX_MESSAGE and long.endswith("…")


def test_regions(tmp_path: Path) -> None:
    def lines(region: dict[str, Any] | None) -> tuple[int, int]:
        physical: dict[str, Any] = {"artifactLocation": {"uri": "app/db.py"}}
        if region is not None:
            physical["region"] = region
        finding = probe(tmp_path, {"locations": [{"physicalLocation": physical}]})
        return finding.start_line, finding.end_line

    assert lines(None) == (1, 1)  # the whole file
    assert lines({"charOffset": 120, "charLength": 8}) == (1, 1)
    assert lines({"startLine": 4}) == (4, 4)
    assert lines({"startLine": 4, "endLine": 9}) == (4, 9)
    assert lines({"startLine": 4, "endLine": 2}) == (4, 4)
    assert lines({"startLine": 0}) == (1, 1)
    assert lines({"startLine": True}) == (1, 1)
