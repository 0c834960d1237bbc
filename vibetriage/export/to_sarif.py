"""The register as a SARIF 2.1.0 log for GitHub code scanning and other SARIF viewers: one run of
the tool `vibetriage` whose results are
- every finding of vibetriage's own rules in the scan (not only those of the selected items: code
  scanning closes an alert that is missing from the next upload, and an alert must not close
  because its file left the top N). Findings imported from other scanners' SARIF are left out:
  their own log is where they belong, and sending them twice would open duplicate alerts;
- one `vibetriage.unreviewed-load-bearing-hotspot` result per selected region tagged load-bearing,
  at the region's lines. One with a current review is carried as a suppressed result (kind
  `external`, justification: who reviewed it when, and the review's note); a stale review does
  not suppress it.
A finding suppressed in the source (`vibetriage: ignore[rule] reason`) carries a suppression of
kind `inSource` with its reason. `omit_suppressed` leaves suppressed results out, for uploads to
code scanning, which lists suppressed results as open alerts unless told otherwise.

Identity across runs: `partialFingerprints["vibetriage/v1"]` is a SHA-256 of the rule, the path,
the region holding the result (kind, qualified name, ordinal) and, for findings, the message
(whitespace collapsed) and its occurrence among equal ones: no line number, so an edit elsewhere
in the file changes nothing. (GitHub computes its own `primaryLocationLineHash`; we leave it alone.)

Text: messages are plain text; SARIF reads `[text](target)` in them as a link (§3.11.6), so
brackets in repository text are backslash-escaped, and control characters are made visible.
URIs are relative to the repository root (`%SRCROOT%`), each path segment percent-encoded.
Rule metadata (title, references, CWE) comes from the rule pack shipped with vibetriage.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from urllib.parse import quote

from vibetriage.export import describe as d
from vibetriage.export.register import Register, finding_order
from vibetriage.model import Finding, RiskItem

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
HOTSPOT_RULE = "vibetriage.unreviewed-load-bearing-hotspot"
FINGERPRINT = "vibetriage/v1"
SRCROOT = "%SRCROOT%"
LEVEL = {"critical": "error", "high": "error", "medium": "warning", "low": "note", "info": "note"}
# GitHub's scale: 9.0+ critical, 7.0-8.9 high, 4.0-6.9 medium, 0.1-3.9 low.
SECURITY_SEVERITY = {"critical": "9.5", "high": "8.0", "medium": "5.5", "low": "2.0"}
# Rules of ours that are not in the security rule pack.
_OTHER_RULES = {
    "tests.hollow-test": ("Hollow test", "A test without real assertions: it cannot catch a wrong result.", ("tests", "maintainability")),
    HOTSPOT_RULE: ("Unreviewed load-bearing hotspot",
                   "A region the team tagged load-bearing ranks among the riskiest of the repository and has no current review.",
                   ("maintainability", "review")),
}
_LINK_BRACKET = re.compile(r"(\\*)([\[\]])")


def message(text: str) -> str:
    """Repository text for a SARIF message: one line, controls visible, brackets escaped (§3.11.6),
    backslashes doubled where they come before a bracket."""
    return _LINK_BRACKET.sub(lambda m: m[1] * 2 + "\\" + m[2], d.one_line(text))


def uri(path: str) -> str:
    # A path git gave as bytes that are not UTF-8 is held with surrogate escapes: encode it back.
    return quote(path.encode("utf-8", "surrogateescape"), safe="/")


def render(register: Register) -> bytes:
    omit = register.options.omit_suppressed
    own = [f for f in register.findings if f.tool == "vibetriage" and not (omit and f.suppressed)]
    hotspots = [i for i in register.regions if i.state.track == "load-bearing" and not (omit and i.state.review == "reviewed")]
    rule_ids = sorted({f.rule_id for f in own} | ({HOTSPOT_RULE} if hotspots else set()))
    index = {rid: i for i, rid in enumerate(rule_ids)}
    examples = {f.rule_id: f for f in own}

    results = [_finding(f, index, fp) for f, fp in zip(own, _finding_prints(own))]
    results += [_hotspot(i, index) for i in hotspots]
    results.sort(key=lambda r: (r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
                                r["locations"][0]["physicalLocation"]["region"]["startLine"], r["ruleId"],
                                r["partialFingerprints"][FINGERPRINT]))
    log = {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "vibetriage", "version": register.tool_version, "semanticVersion": register.tool_version,
                "rules": [_rule(rid, examples.get(rid)) for rid in rule_ids],
            }},
            "invocations": [{
                "executionSuccessful": True, "endTimeUtc": register.generated_at,
                "toolExecutionNotifications": _notifications(register),
            }],
            "columnKind": "unicodeCodePoints",
            "results": results,
            "properties": {"scan": {"head": register.scan.head, "finishedAt": register.scan.finished_at,
                                    "windowDays": register.scan.window_days}},
        }],
    }
    return (json.dumps(log, ensure_ascii=True, sort_keys=True, indent=2) + "\n").encode("ascii")


def _rule(rule_id: str, example: Finding | None) -> dict:
    from analyzers.security import rules

    pack = {r.id: r for r in rules()}.get(rule_id)
    if pack is not None:
        title, text, tags = pack.title, f"{pack.title} ({pack.cwe or 'no CWE'}).", ()
        refs, severity, confidence, cwe = pack.references, pack.severity, pack.confidence, pack.cwe
    else:
        title, text, tags = _OTHER_RULES.get(rule_id, (rule_id, rule_id, ()))
        refs = ()
        severity = example.severity if example else "medium"
        confidence = example.confidence if example else "medium"
        cwe = example.cwe if example else None
    properties = {"tags": sorted({*tags, *(("security", f"external/cwe/{cwe.lower()}") if cwe else ())}),
                  "precision": confidence, "problem.severity": {"error": "error", "warning": "warning"}.get(LEVEL[severity], "recommendation")}
    if cwe and severity in SECURITY_SEVERITY:
        properties["security-severity"] = SECURITY_SEVERITY[severity]
    out = {
        "id": rule_id, "name": _camel(rule_id), "shortDescription": {"text": title}, "fullDescription": {"text": text},
        "defaultConfiguration": {"level": LEVEL[severity]}, "properties": properties,
        "help": {"text": text + "".join(f"\n{r}" for r in refs)},
    }
    if refs:
        out["helpUri"] = refs[0]
    return out


def _camel(rule_id: str) -> str:
    return "".join(w[:1].upper() + w[1:] for w in re.split(r"[^0-9A-Za-z]+", rule_id) if w)


def _location(path: str, start: int, end: int, qualname: str | None = None, kind: str | None = None) -> dict:
    loc = {"physicalLocation": {"artifactLocation": {"uri": uri(path), "uriBaseId": SRCROOT},
                                "region": {"startLine": start, "endLine": max(end, start)}}}
    if qualname is not None:
        loc["logicalLocations"] = [{"fullyQualifiedName": d.one_line(qualname), "kind": {"class": "type", "method": "member"}.get(kind, "function")}]
    return loc


def _fingerprint(*parts: object) -> str:
    return hashlib.sha256("\0".join(str(p) for p in parts).encode("utf-8", "surrogatepass")).hexdigest()


def _finding_prints(findings: list[Finding]) -> list[str]:
    """Each finding's identity without its line numbers; equal ones are told apart by occurrence."""
    seen: Counter = Counter()
    out = []
    for f in sorted(findings, key=finding_order):
        r = f.region
        identity = (f.rule_id, f.path, r.kind if r else "", r.qualname if r else "", r.ordinal if r else "", " ".join(f.message.split()))
        out.append((id(f), _fingerprint(*identity, seen[identity])))
        seen[identity] += 1
    prints = dict(out)
    return [prints[id(f)] for f in findings]


def _finding(f: Finding, index: dict[str, int], fingerprint: str) -> dict:
    result = {
        "ruleId": f.rule_id, "ruleIndex": index[f.rule_id], "level": LEVEL[f.severity],
        "message": {"text": message(f.message)},
        "locations": [_location(f.path, f.start_line, f.end_line, *((f.region.qualname, f.region.kind) if f.region else ()))],
        "partialFingerprints": {FINGERPRINT: fingerprint},
        "properties": {"severity": f.severity, "confidence": f.confidence, **({"cwe": f.cwe} if f.cwe else {})},
    }
    if f.suppressed:
        result["suppressions"] = [{"kind": "inSource", "status": "accepted", "justification": d.one_line(f.suppressed)}]
    return result


def _hotspot(item: RiskItem, index: dict[str, int]) -> dict:
    r, s = item.ranked.region, item.state
    risk = item.ranked.risk
    what = {"stale": f"was reviewed by {s.reviewed_by} at {s.reviewed_at}, but its code changed since",
            "unreviewed": "has no review"}.get(s.review, f"was reviewed by {s.reviewed_by} at {s.reviewed_at}")
    text = (f"Load-bearing {r.kind} {r.qualname} ranks #{item.ranked.rank} by risk (score {d.score(risk.score)}: "
            f"{d.top_parts(risk)}) and {what}. Suggested action: {d.action_label(item)}.")
    result = {
        "ruleId": HOTSPOT_RULE, "ruleIndex": index[HOTSPOT_RULE], "level": "warning", "message": {"text": message(text)},
        "locations": [_location(r.path, r.start_line, r.end_line, r.qualname, r.kind)],
        "partialFingerprints": {FINGERPRINT: _fingerprint(HOTSPOT_RULE, r.path, r.kind, r.qualname, r.ordinal)},
        "properties": {"score": risk.score, "rank": item.ranked.rank, "review": s.review, "action": item.action},
    }
    if s.review == "reviewed":
        notes = " ".join(line for entry in d.note_entries([x for x in s.decisions if x.tag == "reviewed" and not x.removed][-1:])
                         for line in entry[1:])
        justification = f"reviewed by {d.one_line(s.reviewed_by)} at {d.one_line(s.reviewed_at)}" + (f": {notes}" if notes else "")
        result["suppressions"] = [{"kind": "external", "status": "accepted", "justification": justification}]
    return result


def _notifications(register: Register) -> list[dict]:
    """Files that failed or were only partly read, one each; skipped files counted by reason."""
    out = [{"level": "warning" if x.status == "failed" else "note", "descriptor": {"id": x.reason},
            "message": {"text": message(f"{x.path}: {x.status} ({x.reason}){' ' + x.detail if x.detail else ''}")}}
           for x in register.diagnostics if x.status != "skipped"]
    skipped = Counter(x.reason for x in register.diagnostics if x.status == "skipped")
    out += [{"level": "note", "descriptor": {"id": reason}, "message": {"text": message(f"{n} files skipped: {reason}")}}
            for reason, n in sorted(skipped.items())]
    return out
