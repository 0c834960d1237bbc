"""The suggested action of a risk-register item: one table of rules, read top to bottom, the first
whose conditions all hold wins. docs/risk-register.md shows the same table (a test keeps the two
equal); change both together.

A region is judged on four facts:
- its track: load-bearing | prototype-track | unclassified (RegionState.track);
- its review: reviewed | stale | unreviewed (RegionState.review);
- whether it has a *security hit*: an open (not suppressed) finding of severity critical, high or
  medium on its lines;
- whether it is *untested*: its test-gap part is measured and at least UNTESTED_GAP (no test is
  known to call it, a file-name match at best, or under 40% of its lines ran).
A file takes the most urgent action (the earliest row) of its regions, and of its findings outside
any region judged as an unclassified region's; a file with neither takes the last row.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from vibetriage.model import Finding, RankedRegion, RegionState, RiskScore

HIT_SEVERITIES = frozenset({"critical", "high", "medium"})
UNTESTED_GAP = 0.6


@dataclass(frozen=True, slots=True)
class Action:
    id: str
    label: str  # a few words, the column value
    reason: str  # why, in one sentence
    # Conditions; None means "any".
    track: frozenset[str] | None = None
    review: frozenset[str] | None = None
    hit: bool | None = None
    untested: bool | None = None

    def applies(self, track: str, review: str, hit: bool, untested: bool) -> bool:
        return ((self.track is None or track in self.track) and (self.review is None or review in self.review)
                and (self.hit is None or hit == self.hit) and (self.untested is None or untested == self.untested))


_NOT_REVIEWED = frozenset({"unreviewed", "stale"})

ACTIONS: tuple[Action, ...] = (
    Action("review-first", "Review first",
           "load-bearing, no current review, and open security findings",
           track=frozenset({"load-bearing"}), review=_NOT_REVIEWED, hit=True),
    Action("fix-before-graduating", "Fix before it graduates",
           "prototype-track code with open security findings: keep production paths off it until fixed",
           track=frozenset({"prototype-track"}), hit=True),
    Action("fix-findings", "Fix or suppress findings",
           "open security findings: fix each, or suppress it in the source with a reason",
           hit=True),
    Action("re-review", "Re-review",
           "the code changed since it was reviewed: the review no longer covers it",
           review=frozenset({"stale"})),
    Action("review", "Review",
           "load-bearing and nobody has reviewed it",
           track=frozenset({"load-bearing"}), review=frozenset({"unreviewed"})),
    Action("add-tests", "Add tests",
           "load-bearing and no test is known to exercise it",
           track=frozenset({"load-bearing"}), untested=True),
    Action("classify", "Classify",
           "no track yet: tag it load-bearing or prototype-track",
           track=frozenset({"unclassified"})),
    Action("rewrite-or-graduate", "Rewrite or graduate",
           "prototype-track: rewrite it, or review it before production depends on it",
           track=frozenset({"prototype-track"})),
    Action("keep-watching", "Keep watching",
           "nothing open: re-review when it changes"),
)
BY_ID = {a.id: a for a in ACTIONS}
_ORDER = {a.id: i for i, a in enumerate(ACTIONS)}


def has_hit(findings: Iterable[Finding]) -> bool:
    return any(not f.suppressed and f.severity in HIT_SEVERITIES for f in findings)


def is_untested(risk: RiskScore) -> bool:
    gap = next((p for p in risk.parts if p.name == "test_gap"), None)
    return gap is not None and gap.measured and gap.raw >= UNTESTED_GAP


def for_region(region: RankedRegion, state: RegionState, findings: Iterable[Finding]) -> str:
    return _first(state.track, state.review, has_hit(findings), is_untested(region.risk))


def for_file(region_actions: Iterable[str], outside_findings: Iterable[Finding]) -> str:
    """The most urgent of its regions' actions and of its findings outside any region."""
    candidates = list(region_actions)
    if has_hit(outside_findings):
        candidates.append(_first("unclassified", "unreviewed", True, False))
    return min(candidates, key=_ORDER.__getitem__, default=ACTIONS[-1].id)


def _first(track: str, review: str, hit: bool, untested: bool) -> str:
    return next(a.id for a in ACTIONS if a.applies(track, review, hit, untested))
