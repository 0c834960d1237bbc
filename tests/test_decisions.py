"""Deriving state from the decision log: the two axes, staleness, re-attachment after a rename,
and orphans that are kept rather than dropped."""

from __future__ import annotations

from vibetriage.decisions import attach, derive, follow
from vibetriage.model import Decision, Metrics, Region, RegionKey


def reg(qualname, fingerprint, path="a.py", ordinal=0, kind="function"):
    return Region(path, kind, qualname, ordinal, 1, 5, fingerprint, Metrics(1, 0, 0, 5, 0))


def dec(i, key, fingerprint, tag, removed=False):
    return Decision(i, f"2026-01-0{i}T00:00:00+00:00", "ann", key, fingerprint, tag, removed, "")


K = RegionKey("a.py", "function", "f", 0)


def test_latest_track_wins_and_tracks_exclude_each_other():
    state = derive([dec(1, K, "x", "load-bearing"), dec(2, K, "x", "prototype-track")], "x")
    assert state.track == "prototype-track"
    state = derive([dec(1, K, "x", "prototype-track"), dec(2, K, "x", "load-bearing")], "x")
    assert state.track == "load-bearing"


def test_removing_a_track_only_clears_that_track():
    assert derive([dec(1, K, "x", "load-bearing"), dec(2, K, "x", "load-bearing", True)], "x").track == "unclassified"
    assert derive([dec(1, K, "x", "load-bearing"), dec(2, K, "x", "prototype-track", True)], "x").track == "load-bearing"


def test_review_is_independent_of_track_and_goes_stale_when_code_changes():
    log = [dec(1, K, "x", "load-bearing"), dec(2, K, "x", "reviewed")]
    fresh = derive(log, "x")
    assert (fresh.track, fresh.review, fresh.reviewed_by) == ("load-bearing", "reviewed", "ann")
    changed = derive(log, "y")
    assert (changed.track, changed.review) == ("load-bearing", "stale")
    assert derive([*log, dec(3, K, "x", "reviewed", True)], "x").review == "unreviewed"


def test_a_new_review_of_changed_code_is_fresh_again():
    assert derive([dec(1, K, "old", "reviewed"), dec(2, K, "new", "reviewed")], "new").review == "reviewed"


def test_renamed_region_keeps_its_decisions_through_its_fingerprint():
    result = attach([dec(1, K, "fp", "reviewed")], [reg("g", "fp"), reg("h", "other")])
    g = RegionKey("a.py", "function", "g", 0)
    assert result.orphans == []
    assert list(result.attached) == [g]
    assert result.moves == {K: g}  # the scan records this, so a later edit of g keeps the decision


def test_recorded_moves_carry_decisions_through_a_rename_then_an_edit():
    g = RegionKey("a.py", "function", "g", 0)
    result = attach([dec(1, K, "fp", "reviewed")], [reg("g", "edited")], [("2026-02-01T00:00:00+00:00", K, g)])
    assert list(result.attached) == [g] and result.moves == {}
    assert derive(result.attached[g], "edited").review == "stale"


def test_moves_replay_in_order_and_only_those_after_the_decision():
    g = RegionKey("a.py", "function", "g", 0)
    there_and_back = [("2026-02-01T00:00:00+00:00", K, g), ("2026-03-01T00:00:00+00:00", g, K)]
    assert follow(dec(1, K, "x", "reviewed"), there_and_back) == K
    assert follow(dec(1, K, "x", "reviewed"), there_and_back[:1]) == g
    # a decision on a new `f`, made after the old f moved to g, stays on the new f
    late = Decision(9, "2026-02-15T00:00:00+00:00", "ann", K, "y", "reviewed")
    assert follow(late, there_and_back[:1]) == K


def test_identity_wins_over_fingerprint():
    # f was edited (new fingerprint) and an unrelated g now has f's old code: f keeps the decision.
    assert list(attach([dec(1, K, "old", "reviewed")], [reg("f", "new"), reg("g", "old")]).attached) == [K]


def test_ambiguous_fingerprint_or_vanished_region_becomes_an_orphan_not_a_loss():
    d = dec(1, K, "same", "load-bearing")
    result = attach([d], [reg("g", "same"), reg("h", "same")])
    assert result.attached == {} and result.orphans == [d]
    assert attach([d], []).orphans == [d]


def test_fingerprint_match_stays_within_the_file():
    result = attach([dec(1, K, "fp", "reviewed")], [reg("g", "fp", path="b.py")])
    assert result.attached == {} and len(result.orphans) == 1
