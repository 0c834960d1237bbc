"""Risk scoring: turns measured signals into a RiskScore per file and per region, keeping every part
(raw value, value normalised within the repository, weight). docs/risk-model.md is the prose
version of this module; change both together.

score = 100 * sum(weight * normalised for measured parts) / sum(weight for measured parts)

Normalisation is within the repository: n(x) = log(1 + x) / log(1 + max x), so the most changed
or most complex item scores 1 and a long tail does not flatten everyone else to 0. The hotspot
part is n(churn) * n(complexity), divided by its own maximum. A part that does not apply to an
item (the test gap of test code) carries `measured=False` and counts in neither sum.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from vibetriage.model import FileChurn, Metrics, RiskScore, ScorePart

# How far an item is from being tested, by its strongest evidence (TestEvidence.kind); with a
# coverage report it is the share of its lines that did not run.
GAP_BY_EVIDENCE = {"none": 1.0, "name-match": 0.6, "reference": 0.3}
GAP_COVERAGE_UNKNOWN = 0.5  # in the report, but no executable line of it is listed


def test_gap(evidence) -> float:
    if evidence.kind == "coverage":
        return GAP_COVERAGE_UNKNOWN if evidence.covered is None else round(1.0 - evidence.covered, 4)
    return GAP_BY_EVIDENCE[evidence.kind]
# A finding's weight in the security part: its severity times how sure the rule is.
SEVERITY_WEIGHT = {"critical": 10.0, "high": 6.0, "medium": 3.0, "low": 1.0, "info": 0.0}
CONFIDENCE_WEIGHT = {"high": 1.0, "medium": 0.7, "low": 0.4}


def security_weight(findings) -> float:
    """Sum of severity x confidence over the findings that are not suppressed."""
    return sum(SEVERITY_WEIGHT[f.severity] * CONFIDENCE_WEIGHT[f.confidence] for f in findings if not f.suppressed)


@dataclass(frozen=True, slots=True)
class Signals:
    """The raw inputs of one item's score."""

    churn: float  # commits in the window (a region inherits its file's)
    complexity: float  # cyclomatic
    cognitive: float
    size: float  # lines of code (file) or lines (region)
    security: float = 0.0  # security_weight() of its findings
    test_gap: float | None = None  # 0 (fully tested) .. 1 (no evidence); None: not source code under test

    @classmethod
    def of_file(cls, metrics: Metrics, loc: int, churn: FileChurn, security: float = 0.0, gap: float | None = None) -> Signals:
        return cls(churn.commits, metrics.cyclomatic, metrics.cognitive, loc, security, gap)

    @classmethod
    def of_region(cls, metrics: Metrics, file_churn: FileChurn, security: float = 0.0, gap: float | None = None) -> Signals:
        return cls(file_churn.commits, metrics.cyclomatic, metrics.cognitive, metrics.length, security, gap)


_SCALED = ("churn", "complexity", "cognitive", "size", "security")


def _normalised(values: Sequence[float], reference: Sequence[float]) -> list[float]:
    """n(x) = log(1 + x) / log(1 + max of the reference), clamped to 0..1; worked out once per
    distinct value (complexities, sizes and a file's churn repeat across thousands of items)."""
    top = max(reference, default=0.0)
    if top <= 0:
        return [0.0] * len(values)
    denominator = math.log1p(top)
    scaled = {x: min(math.log1p(max(x, 0.0)) / denominator, 1.0) for x in set(values)}
    return [scaled[x] for x in values]


def score_all(items: Sequence[Signals], weights: dict[str, float], reference: Sequence[Signals] | None = None) -> list[RiskScore]:
    """Score items on the scale of `reference` (default: the items themselves). Files are scored
    among files; classes on the scale of functions and methods, clamped at 1, so a small class in
    a repository with few classes does not look like its worst function."""
    ref = items if reference is None else reference
    raw = {name: [getattr(s, name) for s in items] for name in _SCALED}
    ref_raw = raw if reference is None else {name: [getattr(s, name) for s in ref] for name in _SCALED}
    normal = {name: _normalised(raw[name], ref_raw[name]) for name in _SCALED}
    hot = [c * x for c, x in zip(normal["churn"], normal["complexity"])]
    ref_normal = normal if reference is None else {name: _normalised(ref_raw[name], ref_raw[name]) for name in ("churn", "complexity")}
    hot_max = max([c * x for c, x in zip(ref_normal["churn"], ref_normal["complexity"])] + [0.0])
    w_hot, w_gap = weights["hotspot"], weights["test_gap"]
    # Parts are made a column at a time (a scan scores ten thousand items). A total adds its
    # parts in their listed order, as the sum of the parts that apply.
    hot_parts = [
        ScorePart("hotspot", round(h, 4), round(min(h / hot_max, 1.0), 4) if hot_max else 0.0, w_hot) for h in hot
    ]
    rounded = {name: {n: round(n, 4) for n in set(normal[name])} for name in _SCALED}
    columns = [
        [ScorePart(name, value, rounded[name][scaled], weights[name]) for value, scaled in zip(raw[name], normal[name])]
        for name in _SCALED
    ]
    no_gap = ScorePart("test_gap", 0.0, 0.0, w_gap, False)  # test code, code with no functions: does not apply
    out = []
    for s, *parts in zip(items, hot_parts, *columns):
        if s.test_gap is not None:
            parts.append(ScorePart("test_gap", s.test_gap, s.test_gap, w_gap))
        total = sum([p.normalised * p.weight for p in parts])
        measured_weight = sum([p.weight for p in parts])
        if s.test_gap is None:
            parts.append(no_gap)
        out.append(RiskScore(round(100 * total / measured_weight, 2) if measured_weight else 0.0, tuple(parts)))
    return out
