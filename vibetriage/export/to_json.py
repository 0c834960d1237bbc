"""The register as JSON, described by data/schemas/risk-register.schema.json (JSON Schema 2020-12;
docs/risk-register.md explains the fields). Items carry the same fields as `top --json` and
`show --json` (vibetriage.render builds both), plus their finding list, decisions and suggested
action. Strings are the exact values, with every non-ASCII and control character \\u-escaped;
keys are sorted and numbers are the stored values, so one database always gives the same bytes
(apart from `generated_at`).
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

from vibetriage.export import actions
from vibetriage.export.register import Register
from vibetriage.model import RiskItem
from vibetriage.render import decision_json, file_json, finding_json, region_json

FORMAT = "vibetriage.risk-register"
FORMAT_VERSION = 1


def document(register: Register) -> dict:
    s = register.scan
    o = register.options
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "generated_at": register.generated_at,
        "tool": {"name": "vibetriage", "version": register.tool_version},
        "scan": {
            "finished_at": s.finished_at, "head": s.head,
            "head_time": datetime.fromtimestamp(s.head_time, UTC).isoformat() if s.head_time else None,
            "is_git": s.is_git, "shallow": s.shallow, "window_days": s.window_days, "files": s.files, "skipped": s.skipped,
        },
        "selection": {"top": o.top or None, "min_score": o.min_score, "kinds": o.kinds()},
        "files": [_item(i) for i in register.files],
        "regions": [_item(i) for i in register.regions],
        "diagnostics": [{"path": x.path, "status": x.status, "reason": x.reason, "detail": x.detail} for x in register.diagnostics],
        "orphaned_decisions": [decision_json(x) for x in register.orphans],
    }


def render(register: Register) -> bytes:
    return (json.dumps(document(register), ensure_ascii=True, sort_keys=True, indent=2) + "\n").encode("ascii")


def _item(item: RiskItem) -> dict:
    findings = list(item.findings)
    if item.is_file:
        out = file_json(item.ranked, findings)
        out["state_counts"] = item.tally._asdict()
    else:
        out = region_json(item.ranked, item.state, findings)
    action = actions.BY_ID[item.action]
    out["action"] = {"id": action.id, "label": action.label, "reason": action.reason}
    out["finding_list"] = [finding_json(f) for f in findings]
    out["decisions"] = [decision_json(x) for x in item.decisions]
    return out
