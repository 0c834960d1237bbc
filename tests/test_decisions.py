"""Deriving state from the decision log: the two axes, staleness, re-attachment after a rename,
and orphans that are kept rather than dropped."""

from __future__ import annotations

from vibetriage.decisions import attach, derive
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
    attached, orphans = attach([dec(1, K, "fp", "reviewed")], [reg("g", "fp"), reg("h", "other")])
    assert orphans == []
    assert list(attached) == [RegionKey("a.py", "function", "g", 0)]


def test_identity_wins_over_fingerprint():
    # f was edited (new fingerprint) and an unrelated g now has f's old code: f keeps the decision.
    attached, _ = attach([dec(1, K, "old", "reviewed")], [reg("f", "new"), reg("g", "old")])
    assert list(attached) == [K]


def test_ambiguous_fingerprint_or_vanished_region_becomes_an_orphan_not_a_loss():
    d = dec(1, K, "same", "load-bearing")
    attached, orphans = attach([d], [reg("g", "same"), reg("h", "same")])
    assert attached == {} and orphans == [d]
    attached, orphans = attach([d], [])
    assert orphans == [d]


def test_fingerprint_match_stays_within_the_file():
    attached, orphans = attach([dec(1, K, "fp", "reviewed")], [reg("g", "fp", path="b.py")])
    assert attached == {} and len(orphans) == 1
