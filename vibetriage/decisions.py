"""Deriving current state from the append-only decision log.

A decision names the region it was made on (path, kind, qualified name, ordinal) and that region's
fingerprint at the time. Code moves on, so each decision is attached to a current region by, in
order: the same identity; else, in the same file, the one region with the same kind and
fingerprint (a rename or a sibling's removal changed the name or ordinal, not the code); else it
is an orphan, which is kept and shown, never dropped.

State has two axes: the track (load-bearing | prototype-track | unclassified; the latest track
decision wins, the two exclude each other) and the review (reviewed | stale | unreviewed; a review
whose fingerprint no longer matches the region's code is stale).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from vibetriage.model import Decision, Region, RegionKey, RegionState


def attach(decisions: Iterable[Decision], regions: Iterable[Region]) -> tuple[dict[RegionKey, list[Decision]], list[Decision]]:
    """Map each decision to the current region it belongs to; return (attached, orphans)."""
    by_key = {r.key: r for r in regions}
    by_print: dict[tuple[str, str, str], list[Region]] = defaultdict(list)
    for r in by_key.values():
        by_print[(r.path, r.kind, r.fingerprint)].append(r)
    attached: dict[RegionKey, list[Decision]] = defaultdict(list)
    orphans: list[Decision] = []
    for d in sorted(decisions, key=lambda d: d.id):
        target = d.key if d.key in by_key else None
        if target is None:
            same_code = by_print.get((d.key.path, d.key.kind, d.fingerprint), [])
            if len(same_code) == 1:
                target = same_code[0].key
        if target is None:
            orphans.append(d)
        else:
            attached[target].append(d)
    return attached, orphans


def derive(decisions: list[Decision], fingerprint: str | None) -> RegionState:
    """The state of one region from its decisions (oldest first) and its current fingerprint."""
    track, review, reviewed_by, reviewed_at = "unclassified", "unreviewed", None, None
    for d in decisions:
        if d.tag == "reviewed":
            if d.removed:
                review, reviewed_by, reviewed_at = "unreviewed", None, None
            else:
                review = "reviewed" if d.fingerprint == fingerprint else "stale"
                reviewed_by, reviewed_at = d.actor, d.at
        elif not d.removed:
            track = d.tag
        elif track == d.tag:
            track = "unclassified"
    return RegionState(track, review, reviewed_by, reviewed_at, tuple(decisions))
