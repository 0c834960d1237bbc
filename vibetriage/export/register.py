"""Gathering the risk register from the store: which items are in it (the selection), each with its
findings, decisions and suggested action, plus what every format also reports (the scan, the
diagnostics, decisions that match no current region). Reads only the store; the renderers read
only the Register this returns.

Order is fixed everywhere: files before regions, each by rank (score, then path; regions then by
start line, kind, qualified name and ordinal: the store's order), findings by path, line and rule,
decisions oldest first. The one value that changes between two exports of one database is
`generated_at`, taken from SOURCE_DATE_EPOCH when it is set (the reproducible-builds convention).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import UTC, datetime

from vibetriage import __version__
from vibetriage.export import DEFAULT_TOP, actions
from vibetriage.model import Decision, Diagnostic, Finding, RegionState, RiskItem, ScanInfo, StateTally
from vibetriage.store import Store


class ExportError(Exception):
    """The export cannot be made as asked; the message says why and what to do."""


@dataclass(frozen=True, slots=True)
class Options:
    """What goes into the register. `top` and `min_score` apply to files and regions separately:
    the items of a kind scoring at least `min_score`, the first `top` of them (None or 0: no limit)."""

    top: int | None = DEFAULT_TOP
    min_score: float | None = None
    files: bool = True
    regions: bool = True
    generated_at: str | None = None  # ISO 8601 UTC; default: SOURCE_DATE_EPOCH, else now
    omit_suppressed: bool = False  # SARIF: leave out suppressed findings and reviewed hotspots

    def kinds(self) -> list[str]:
        return [k for k, on in (("files", self.files), ("regions", self.regions)) if on]


@dataclass(frozen=True, slots=True)
class Register:
    generated_at: str
    tool_version: str
    scan: ScanInfo
    options: Options
    files: tuple[RiskItem, ...]
    regions: tuple[RiskItem, ...]
    findings: tuple[Finding, ...]  # every finding of the scan, suppressed included (SARIF reports them all)
    diagnostics: tuple[Diagnostic, ...]
    orphans: tuple[Decision, ...]  # decisions that match no current region: kept and shown

    @property
    def items(self) -> tuple[RiskItem, ...]:
        return self.files + self.regions

    def selected_findings(self) -> list[Finding]:
        """The findings of the selected items, each once, in path, line, rule order."""
        seen = {id(f): f for item in self.items for f in item.findings}
        return sorted(seen.values(), key=finding_order)


def finding_order(f: Finding) -> tuple:
    return (f.path, f.start_line, f.end_line, f.rule_id, f.tool, f.message)


def gather(store: Store, options: Options = Options()) -> Register:
    scan = store.last_scan()
    if scan is None:
        raise ExportError("the database holds no scan yet: run `vibetriage scan` first")
    if options.top is not None and options.top < 0:
        raise ExportError("--top must be 0 or more")
    if not options.files and not options.regions:
        raise ExportError("nothing to export: choose files, regions or both")
    generated_at = options.generated_at or generated_now()

    findings = store.findings()
    by_path: dict[str, list[Finding]] = {}
    for f in findings:
        by_path.setdefault(f.path, []).append(f)
    regions = store.ranked_regions()
    states, orphans = store.region_states()

    region_items: list[RiskItem] = []
    by_file: dict[str, list[RiskItem]] = {}
    for r in regions:
        state = states.get(r.region.key, RegionState())
        held = tuple(f for f in by_path.get(r.region.path, ()) if r.region.holds(f.start_line))
        item = RiskItem(r, held, state.decisions, actions.for_region(r, state, held), state=state)
        region_items.append(item)
        by_file.setdefault(r.region.path, []).append(item)

    file_items = [_file_item(f, by_path.get(f.file.path, ()), by_file.get(f.file.path, []))
                  for f in store.ranked_files()]
    return Register(
        generated_at=generated_at,
        tool_version=__version__,
        scan=scan,
        options=options,
        files=_select(file_items, options) if options.files else (),
        regions=_select(region_items, options) if options.regions else (),
        findings=tuple(sorted(findings, key=finding_order)),
        diagnostics=tuple(sorted(store.diagnostics(), key=lambda d: (d.path, d.status, d.reason, d.detail))),
        orphans=tuple(orphans),
    )


def _file_item(ranked, findings, regions: list[RiskItem]) -> RiskItem:
    held = {id(f) for item in regions for f in item.findings}
    outside = [f for f in findings if id(f) not in held]
    decisions = sorted((d for item in regions for d in item.decisions), key=lambda d: d.id)
    return RiskItem(ranked, tuple(findings), tuple(decisions), actions.for_file((i.action for i in regions), outside),
                    tally=_tally([i.state for i in regions]))


def _tally(states: list[RegionState]) -> StateTally:
    return StateTally(
        regions=len(states),
        load_bearing=sum(s.track == "load-bearing" for s in states),
        prototype_track=sum(s.track == "prototype-track" for s in states),
        reviewed=sum(s.review == "reviewed" for s in states),
        stale=sum(s.review == "stale" for s in states),
        unreviewed_load_bearing=sum(s.track == "load-bearing" and s.review != "reviewed" for s in states),
    )


def _select(items: list[RiskItem], options: Options) -> tuple[RiskItem, ...]:
    kept = [i for i in items if options.min_score is None or i.ranked.risk.score >= options.min_score]
    return tuple(kept if not options.top else kept[: options.top])


def generated_now() -> str:
    """Now in UTC, or SOURCE_DATE_EPOCH when set, so that builds and tests can fix it."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch is None or epoch == "":
        moment = datetime.now(UTC)
    else:
        try:
            moment = datetime.fromtimestamp(int(epoch), UTC)
        except (ValueError, OverflowError, OSError) as exc:
            raise ExportError(f"SOURCE_DATE_EPOCH must be whole seconds since 1970, not {epoch!r}") from exc
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")
