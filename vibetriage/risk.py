"""Risk scoring: turns measured signals into a RiskScore per file and per region, keeping every part
(raw value, value normalised within the repository, weight). docs/risk-model.md is the prose
version of this module; change both together.

score = 100 * sum(weight * normalised for measured parts) / sum(weight for measured parts)

Normalisation is within the repository: n(x) = log(1 + x) / log(1 + max x), so the most changed
or most complex item scores 1 and a long tail does not flatten everyone else to 0. The hotspot
part is n(churn) * n(complexity), divided by its own maximum. Parts whose signal is not measured
yet (security, test gap until their analyzers run) carry `measured=False` and do not count.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from vibetriage.model import FileChurn, Metrics, RiskScore, ScorePart

PARTS = ("hotspot", "churn", "complexity", "cognitive", "size", "security", "test_gap")
UNMEASURED = frozenset({"security", "test_gap"})


@dataclass(frozen=True, slots=True)
class Signals:
    """The raw inputs of one item's score."""

    churn: float  # commits in the window (a region inherits its file's)
    complexity: float  # cyclomatic
    cognitive: float
    size: float  # lines of code (file) or lines (region)

    @classmethod
    def of_file(cls, metrics: Metrics, loc: int, churn: FileChurn) -> Signals:
        return cls(churn.commits, metrics.cyclomatic, metrics.cognitive, loc)

    @classmethod
    def of_region(cls, metrics: Metrics, file_churn: FileChurn) -> Signals:
        return cls(file_churn.commits, metrics.cyclomatic, metrics.cognitive, metrics.length)


def _scaler(values: Sequence[float]):
    top = max(values, default=0.0)
    if top <= 0:
        return lambda _x: 0.0
    denominator = math.log1p(top)
    return lambda x: math.log1p(max(x, 0.0)) / denominator


def score_all(items: Sequence[Signals], weights: dict[str, float], reference: Sequence[Signals] | None = None) -> list[RiskScore]:
    """Score items on the scale of `reference` (default: the items themselves). Files are scored
    among files; classes on the scale of functions and methods, clamped at 1, so a small class in
    a repository with few classes does not look like its worst function."""
    ref = items if reference is None else reference
    scale = {name: _scaler([getattr(s, name) for s in ref]) for name in ("churn", "complexity", "cognitive", "size")}
    hot_raw = [min(scale["churn"](s.churn), 1.0) * min(scale["complexity"](s.complexity), 1.0) for s in items]
    hot_max = max([scale["churn"](s.churn) * scale["complexity"](s.complexity) for s in ref] + [0.0])
    measured_weight = sum(w for name, w in weights.items() if name not in UNMEASURED)
    out = []
    for s, hot in zip(items, hot_raw):
        parts = [ScorePart("hotspot", round(hot, 4), round(min(hot / hot_max, 1.0) if hot_max else 0.0, 4), weights["hotspot"])]
        for name in ("churn", "complexity", "cognitive", "size"):
            raw = getattr(s, name)
            parts.append(ScorePart(name, raw, round(min(scale[name](raw), 1.0), 4), weights[name]))
        parts += [ScorePart(name, 0.0, 0.0, weights[name], measured=False) for name in ("security", "test_gap")]
        total = sum(p.contribution for p in parts)
        out.append(RiskScore(round(100 * total / measured_weight, 2) if measured_weight else 0.0, tuple(parts)))
    return out
