"""Deriving current state from the append-only decision log.

A decision names the region it was made on (path, kind, qualified name, ordinal) and that region's
fingerprint at the time. Code moves on, so each decision is attached to a current region by, in
order: the identity it has now (its own, followed through the moves recorded by earlier scans);
else, in the same file, the one region with the same kind and fingerprint (a rename or a sibling's
removal changed the name or ordinal, not the code), which is a new move for the scan to record;
else it is an orphan, which is kept and shown, never dropped. Recording moves is what lets a
decision survive a rename followed, in a later commit, by an edit.

State has two axes: the track (load-bearing | prototype-track | unclassified; the latest track
decision wins, the two exclude each other) and the review (reviewed | stale | unreviewed; a review
whose fingerprint no longer matches the region's code is stale).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from vibetriage.model import Decision, Region, RegionKey, RegionState


@dataclass(frozen=True, slots=True)
class Attachment:
    attached: dict[RegionKey, list[Decision]]
    orphans: list[Decision]
    moves: dict[RegionKey, RegionKey]  # found by fingerprint now: where each identity went


# A recorded move: (when the scan saw it, from, to), in the order scans recorded them.
Move = tuple[str, RegionKey, RegionKey]


def follow(d: Decision, moves: Iterable[Move]) -> RegionKey:
    """The identity the decision's region has now: the moves recorded since the decision was made,
    replayed in order. Older moves are not its region's (a new function may reuse a moved name)."""
    key = d.key
    for at, source, target in moves:
        if at >= d.at and key == source:
            key = target
    return key


def attach(decisions: Iterable[Decision], regions: Iterable[Region], moves: Iterable[Move] = ()) -> Attachment:
    """Map each decision to the current region it belongs to."""
    moves = list(moves)
    by_key = {r.key: r for r in regions}
    by_print: dict[tuple[str, str, str], list[Region]] = defaultdict(list)
    for r in by_key.values():
        by_print[(r.path, r.kind, r.fingerprint)].append(r)
    attached: dict[RegionKey, list[Decision]] = defaultdict(list)
    orphans: list[Decision] = []
    found: dict[RegionKey, RegionKey] = {}
    for d in sorted(decisions, key=lambda d: d.id):
        current = follow(d, moves)
        target = current if current in by_key else None
        if target is None:
            same_code = by_print.get((current.path, current.kind, d.fingerprint), [])
            if len(same_code) == 1:
                target = found[current] = same_code[0].key
        if target is None:
            orphans.append(d)
        else:
            attached[target].append(d)
    return Attachment(dict(attached), orphans, found)


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
