"""Deriving current state from the append-only decision log, and following regions as code moves.

A decision names the region it was made on (path, kind, qualified name, ordinal) and that region's
fingerprint at the time. Code moves on, so every scan compares the regions it found with the
previous scan's and records a *move* for a region that decisions refer to when it reappears
under a new identity (`find_moves`):
- in the same file, a region that is new in this scan and has exactly the old region's code (a
  rename, or a changed ordinal because a same-named sibling appeared or went);
- in a file git says the old one was renamed to: the same identity there, else the one new region
  with the old code.
Only regions that did not exist before can receive a move: an unrelated function that happens to
have the same body never inherits decisions. At read time a decision replays the moves recorded
since it was made (`follow`) and attaches to the region with that identity; if there is none it
is an orphan, kept and shown, never dropped.

State has two axes: the track (load-bearing | prototype-track | unclassified; the latest track
decision wins, the two exclude each other) and the review (reviewed | stale | unreviewed; a review
whose fingerprint no longer matches the region's code is stale).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from vibetriage.model import Decision, RegionKey, RegionState

# A recorded move: (when the scan saw it, from, to), in the order scans recorded them.
Move = tuple[str, RegionKey, RegionKey]


@dataclass(frozen=True, slots=True)
class Attachment:
    """Decisions by the region they belong to now, and those whose region is gone."""

    attached: dict[RegionKey, list[Decision]]
    orphans: list[Decision]


def follow(d: Decision, moves: Iterable[Move]) -> RegionKey:
    """The identity the decision's region has now: the moves recorded since the decision was made,
    replayed in order. Older moves are not its region's (a new function may reuse a moved name)."""
    key = d.key
    for at, source, target in moves:
        if at >= d.at and key == source:
            key = target
    return key


def attach(decisions: Iterable[Decision], present: Collection[RegionKey], moves: Iterable[Move] = (),
           renamed: dict[str, str] | None = None) -> Attachment:
    """Map each decision to the current region (`present`: their identities) with the identity
    it has now: the region moves this database saw, else the file renames git knows (a clone that never scanned the old name has no
    recorded move, only the history)."""
    moves = list(moves)
    renamed = renamed or {}
    attached: dict[RegionKey, list[Decision]] = defaultdict(list)
    orphans: list[Decision] = []
    for d in sorted(decisions, key=lambda d: (d.at, d.uid)):  # the store's order, in every clone
        key = follow(d, moves)
        if key not in present and key.path in renamed:
            key = key._replace(path=renamed[key.path])
        if key in present:
            attached[key].append(d)
        else:
            orphans.append(d)
    return Attachment(dict(attached), orphans)


def find_moves(
    before: dict[RegionKey, str], after: dict[RegionKey, str], wanted: Iterable[RegionKey], renamed: dict[str, str]
) -> dict[RegionKey, RegionKey]:
    """Where the `wanted` regions of the previous scan (`before`: key -> fingerprint) went in this
    one (`after`), for those whose identity disappeared or whose code left for a new sibling.
    `renamed` maps old file paths to their current paths, from git's rename detection."""
    wanted = [k for k in wanted if k in before]
    if not wanted:  # e.g. a first scan, or no decisions yet: nothing to follow
        return {}
    new_keys = [k for k in after if k not in before]
    by_code: dict[tuple[str, str, str], list[RegionKey]] = defaultdict(list)
    for k in new_keys:
        by_code[(k.path, k.kind, after[k])].append(k)
    moves: dict[RegionKey, RegionKey] = {}
    for key in wanted:
        code = before.get(key)
        if code is None or after.get(key) == code:
            continue  # unknown to the last scan, or still there with the same code
        path = renamed.get(key.path, key.path) if key not in after else key.path
        moved_file = RegionKey(path, key.kind, key.qualname, key.ordinal)
        if path != key.path and moved_file in after:
            moves[key] = moved_file
            continue
        same_code = by_code.get((path, key.kind, code), [])
        if key in after:  # still present but edited: only a same-named new sibling took its code
            same_code = [k for k in same_code if k.qualname == key.qualname]
        if len(same_code) == 1:
            moves[key] = same_code[0]
    return moves


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
