"""Deriving state from the decision log: the two axes, staleness, re-attachment after a rename,
and orphans that are kept rather than dropped."""

from __future__ import annotations

from vibetriage.decisions import attach, derive, find_moves, follow
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


def test_a_decision_attaches_by_the_identity_it_has_after_recorded_moves():
    g = RegionKey("a.py", "function", "g", 0)
    result = attach([dec(1, K, "fp", "reviewed")], {reg("g", "edited").key}, [("2026-02-01T00:00:00+00:00", K, g)])
    assert list(result.attached) == [g]
    assert derive(result.attached[g], "edited").review == "stale"


def test_without_a_recorded_move_same_code_elsewhere_does_not_take_a_decision():
    # setup was deleted; teardown has the same body and existed all along (review finding 1)
    result = attach([dec(1, K, "same", "load-bearing")], {reg("teardown", "same").key})
    assert result.attached == {} and len(result.orphans) == 1


def test_moves_replay_in_order_and_only_those_after_the_decision():
    g = RegionKey("a.py", "function", "g", 0)
    there_and_back = [("2026-02-01T00:00:00+00:00", K, g), ("2026-03-01T00:00:00+00:00", g, K)]
    assert follow(dec(1, K, "x", "reviewed"), there_and_back) == K
    assert follow(dec(1, K, "x", "reviewed"), there_and_back[:1]) == g
    # a decision on a new `f`, made after the old f moved to g, stays on the new f
    late = Decision(9, "2026-02-15T00:00:00+00:00", "ann", K, "y", "reviewed")
    assert follow(late, there_and_back[:1]) == K


def key(qualname, path="a.py", ordinal=0, kind="function"):
    return RegionKey(path, kind, qualname, ordinal)


def test_a_rename_is_a_move_to_the_new_region_with_the_same_code():
    before = {key("f"): "X", key("h"): "H"}
    after = {key("g"): "X", key("h"): "H"}
    assert find_moves(before, after, [key("f")], {}) == {key("f"): key("g")}


def test_only_a_region_new_in_this_scan_can_receive_a_move():
    before = {key("setup"): "X", key("teardown"): "X"}
    after = {key("teardown"): "X"}
    assert find_moves(before, after, [key("setup")], {}) == {}


def test_an_edited_region_stays_unless_a_new_same_named_sibling_took_its_code():
    # an overload added above shifts ordinals: pay#0 is now the new one, the old code is pay#1
    before = {key("A.pay", kind="method"): "X"}
    after = {key("A.pay", kind="method"): "NEW", key("A.pay", ordinal=1, kind="method"): "X"}
    assert find_moves(before, after, [key("A.pay", kind="method")], {}) == {
        key("A.pay", kind="method"): key("A.pay", ordinal=1, kind="method")
    }
    # a plain edit: no sibling has the old code, the decision stays (and its review goes stale)
    assert find_moves({key("f"): "X"}, {key("f"): "Y"}, [key("f")], {}) == {}


def test_ambiguous_code_is_not_guessed():
    before = {key("f"): "X"}
    after = {key("g"): "X", key("h"): "X"}
    assert find_moves(before, after, [key("f")], {}) == {}


def test_a_renamed_file_carries_its_regions_by_identity_even_when_edited():
    before = {key("login", path="api/auth.py"): "X"}
    after = {key("login", path="api/authn.py"): "EDITED"}
    assert find_moves(before, after, [key("login", path="api/auth.py")], {"api/auth.py": "api/authn.py"}) == {
        key("login", path="api/auth.py"): key("login", path="api/authn.py")
    }
