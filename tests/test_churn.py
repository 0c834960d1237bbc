"""Change history from whole-repository `git log` passes: exact line counts, renames followed, the
window anchored at HEAD's date, AI trailers, shallow clones, incremental reads, and the split into
a numstat window read and a names-only read of the older history."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from analyzers import churn, git
from analyzers.churn import Commit, FileChange, aggregate, read_commits
from tests.gitrepo import GitRepo, epoch

ANN = ("Ann", "ann@example.com")
BOB = ("Bob", "bob@example.com")
BOB_CAPS = ("Bob Builder", "Bob@Example.COM")  # the same person by e-mail
CAT = ("Cat", "cat@example.com")
CLAUDE = "Co-authored-by: Claude <noreply@anthropic.com>"

A_LINES = [f"line_{i} = {i}\n" for i in range(6)]
CORE = [f"core_{i} = {i}\n" for i in range(10)]


def text(lines: list[str]) -> str:
    return "".join(lines)


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> tuple[GitRepo, dict[str, str]]:
    """Fourteen months, three authors, a rename chain a.py -> b.py -> c.py, a reused name, a
    binary file; the last commit is in December 2021."""
    repo = GitRepo(tmp_path_factory.mktemp("churn") / "repo")
    shas: dict[str, str] = {}
    core = list(CORE)
    a = list(A_LINES)

    repo.write("core.py", text(core))
    repo.write("a.py", text(a))
    repo.write("blob.py", b"\x00\x01\x02")
    shas["c1"] = repo.commit("start", author=ANN, date="2020-11-01T09:00:00")  # core +10, a +6

    core[0:1] = ["core_0 = 'zero'\n", "core_0b = 0\n"]
    repo.write("core.py", text(core))
    shas["c2"] = repo.commit("bob edits", author=BOB, date="2021-01-10T09:00:00")  # core +2 -1

    repo.rename("a.py", "b.py")
    shas["c3"] = repo.commit("rename a->b", author=ANN, date="2021-03-05T09:00:00")  # 0 0

    a.append("line_6 = 6\n")
    repo.write("b.py", text(a))
    shas["c4"] = repo.commit("cat edits b", author=CAT, date="2021-05-20T09:00:00")  # b +1

    repo.rename("b.py", "c.py")
    a.append("line_7 = 7\n")
    repo.write("c.py", text(a))
    shas["c5"] = repo.commit("rename b->c with an edit", author=BOB, date="2021-07-01T09:00:00")  # c +1

    repo.write("a.py", "new_a = 1\nnew_a2 = 2\n")
    shas["c6"] = repo.commit("a new a.py", author=ANN, date="2021-08-01T09:00:00")  # a +2

    core[3:5] = ["core_3 = 'three'\n", "core_4 = 'four'\n", "core_4b = 44\n"]
    repo.write("core.py", text(core))
    a[0] = "line_0 = 'zero'\n"
    repo.write("c.py", text(a))
    shas["c7"] = repo.commit("with an assistant", author=BOB_CAPS, date="2021-10-01T12:00:00", trailers=[CLAUDE])  # core +3 -2, c +1 -1

    repo.write("blob.py", b"\x00\x01\x02\x03")
    core.append("core_end = 1\n")
    repo.write("core.py", text(core))
    shas["c8"] = repo.commit("cat: binary + core", author=CAT, date="2021-11-11T09:00:00")  # core +1

    del core[1]
    repo.write("core.py", text(core))
    repo.write("a.py", "new_a = 1\nnew_a2 = 2\nnew_a3 = 3\n")
    shas["c9"] = repo.commit("ann tidies", author=ANN, date="2021-12-15T12:00:00")  # core -1, a +1
    return repo, shas


def churn_of(repo: GitRepo, paths: list[str], days: int = 90) -> dict[str, churn.FileChurn]:
    head = git.head(repo.path)
    assert head is not None
    commits = read_commits(repo.path)
    return aggregate(commits, paths, window_end=git.commit_time(repo.path, head), window_days=days)


def test_commits_are_read_newest_first_with_exact_numstat(history: tuple[GitRepo, dict[str, str]]) -> None:
    repo, shas = history
    commits = read_commits(repo.path)
    assert [c.sha for c in commits] == [shas[f"c{i}"] for i in range(9, 0, -1)]
    by_sha = {c.sha: c for c in commits}
    c7 = by_sha[shas["c7"]]
    assert c7.author_name == "Bob Builder" and c7.author_email == "Bob@Example.COM"
    assert c7.author_time == epoch("2021-10-01T12:00:00")
    assert sorted(c7.files, key=lambda f: f.path) == [FileChange("c.py", None, 1, 1), FileChange("core.py", None, 3, 2)]
    assert by_sha[shas["c3"]].files == (FileChange("b.py", "a.py", 0, 0),)
    assert by_sha[shas["c5"]].files == (FileChange("c.py", "b.py", 1, 0),)
    assert FileChange("blob.py", None, None, None) in by_sha[shas["c8"]].files
    assert [c.ai_assisted for c in commits] == [c.sha == shas["c7"] for c in commits]


def test_window_is_anchored_at_head_not_today(history: tuple[GitRepo, dict[str, str]]) -> None:
    repo, _ = history
    got = churn_of(repo, ["core.py", "c.py", "a.py", "blob.py"])
    core = got["core.py"]
    # Window: the 90 days before 2021-12-15 holds c7, c8, c9.
    assert (core.commits, core.lines_added, core.lines_deleted, core.authors, core.ai_commits) == (3, 4, 3, 3, 1)
    assert (core.commits_all, core.lines_all, core.authors_all) == (5, 20, 3)
    assert core.first_change == epoch("2020-11-01T09:00:00")
    assert core.last_change == epoch("2021-12-15T12:00:00")
    blob = got["blob.py"]
    assert (blob.commits, blob.lines_changed, blob.commits_all, blob.lines_all) == (1, 0, 2, 0)


def test_window_boundaries(history: tuple[GitRepo, dict[str, str]]) -> None:
    repo, _ = history
    end = epoch("2021-12-15T12:00:00")
    commits = read_commits(repo.path)
    # A window ending exactly at c8 includes c8 (<= end) but not c9.
    got = aggregate(commits, ["core.py"], window_end=epoch("2021-11-11T09:00:00"), window_days=1)["core.py"]
    assert (got.commits, got.lines_added) == (1, 1)
    # A window starting exactly at c7 excludes it (start < author_time).
    days = (end - epoch("2021-10-01T12:00:00")) / 86400
    assert days == int(days)
    got = aggregate(commits, ["core.py"], window_end=end, window_days=int(days))["core.py"]
    assert got.commits == 2
    assert aggregate(commits, ["core.py"], window_end=end, window_days=10_000)["core.py"].commits == 5


def test_renames_carry_history_onto_the_current_path(history: tuple[GitRepo, dict[str, str]]) -> None:
    repo, _ = history
    got = churn_of(repo, ["core.py", "c.py", "a.py"])
    c = got["c.py"]  # born as a.py, renamed to b.py, then c.py
    assert (c.commits_all, c.lines_all, c.authors_all) == (5, 6 + 0 + 1 + 1 + 2, 3)
    assert c.first_change == epoch("2020-11-01T09:00:00")
    assert (c.commits, c.lines_added, c.lines_deleted, c.ai_commits) == (1, 1, 1, 1)
    a = got["a.py"]  # a new file that reused the name: its own history only
    assert (a.commits_all, a.lines_all, a.authors_all, a.commits, a.lines_added) == (2, 3, 1, 1, 1)
    assert a.first_change == epoch("2021-08-01T09:00:00")


def test_untouched_and_unknown_paths(history: tuple[GitRepo, dict[str, str]]) -> None:
    repo, _ = history
    got = churn_of(repo, ["never.py"])
    assert got == {"never.py": churn.FileChurn(path="never.py")}


def test_stop_at_reads_only_newer_commits(history: tuple[GitRepo, dict[str, str]]) -> None:
    repo, shas = history
    assert [c.sha for c in read_commits(repo.path, stop_at=shas["c7"])] == [shas["c9"], shas["c8"]]
    assert read_commits(repo.path, stop_at=shas["c9"]) == []
    assert git.is_ancestor(repo.path, shas["c7"], shas["c9"])
    assert not git.is_ancestor(repo.path, shas["c9"], shas["c7"])
    assert not git.is_ancestor(repo.path, "0" * 40, shas["c9"])
    with pytest.raises(git.GitError):
        read_commits(repo.path, stop_at="HEAD~2")


def test_since_numstat_and_paths_options(history: tuple[GitRepo, dict[str, str]]) -> None:
    repo, shas = history
    assert [c.sha for c in read_commits(repo.path, since=epoch("2021-10-15T00:00:00"))] == [shas["c9"], shas["c8"]]
    # numstat=False: the same commits and files (renames included), no line counts.
    full, bare = read_commits(repo.path), read_commits(repo.path, numstat=False)
    assert [c.sha for c in bare] == [c.sha for c in full] and bare[2].ai_assisted
    for named, counted in zip(bare, full, strict=True):
        assert sorted((f.path, f.old_path) for f in named.files) == sorted((f.path, f.old_path) for f in counted.files)
        assert all(f.added is None and f.deleted is None for f in named.files)
    only_core = read_commits(repo.path, paths=["core.py"])
    assert [c.sha for c in only_core] == [shas[k] for k in ("c9", "c8", "c7", "c2", "c1")]


def test_parsing_is_independent_of_chunk_boundaries(history: tuple[GitRepo, dict[str, str]]) -> None:
    repo, _ = history
    raw = git.run(repo.path, churn.log_args())
    whole = churn.parse_log([raw])
    assert whole == read_commits(repo.path)
    for size in (1, 3, 7, 64):
        assert churn.parse_log(raw[i : i + size] for i in range(0, len(raw), size)) == whole


def test_topological_order_even_when_clocks_disagree(tmp_path: Path) -> None:
    """A child dated before its parent (clock skew, rebases) must still come first, or the
    rename would be seen before the edit made under the old name."""
    repo = GitRepo(tmp_path / "skew")
    repo.write("f.py", text(A_LINES))
    repo.write("other.py", "o = 1\n")
    repo.commit("base", date="2021-01-01T00:00:00")
    repo.write("f.py", text(A_LINES) + "edit = 1\n")
    repo.commit("P: edit f (clock says June)", date="2021-06-01T00:00:00")
    repo.git("branch", "side")
    repo.rename("f.py", "g.py")
    repo.commit("Ch: rename f->g (clock says February)", date="2021-02-01T00:00:00")
    repo.git("checkout", "-q", "side")
    repo.write("other.py", "o = 2\n")
    repo.commit("Q: side work", date="2021-05-01T00:00:00")
    repo.git("checkout", "-q", "main")
    repo.git("merge", "-q", "--no-ff", "--no-edit", "side", env={"GIT_AUTHOR_DATE": "1625097600 +0000", "GIT_COMMITTER_DATE": "1625097600 +0000"})
    got = churn_of(repo, ["g.py"], days=3650)["g.py"]
    assert got.commits_all == 3  # base (as f.py), P (as f.py), the rename
    assert got.lines_all == 6 + 1 + 0


def test_shallow_clone_is_detected(history: tuple[GitRepo, dict[str, str]], tmp_path: Path) -> None:
    repo, shas = history
    assert not git.is_shallow(repo.path)
    shallow = repo.clone(tmp_path / "shallow", depth=2)
    assert git.is_shallow(shallow.path)
    assert [c.sha for c in read_commits(shallow.path)] == [shas["c9"], shas["c8"]]


def test_empty_repository_has_no_history(tmp_path: Path) -> None:
    repo = GitRepo(tmp_path / "empty")
    assert git.head(repo.path) is None
    assert read_commits(repo.path) == []


def test_ai_trailers_in_history(tmp_path: Path) -> None:
    repo = GitRepo(tmp_path / "ai")
    cases = [
        (["Co-authored-by: Claude <noreply@anthropic.com>"], True),
        (["Co-Authored-By: GitHub Copilot <175728472+Copilot@users.noreply.github.com>"], True),
        (["Co-authored-by: copilot-swe-agent[bot] <198982749+Copilot@users.noreply.github.com>"], True),
        (["Signed-off-by: Ann <ann@example.com>", "Generated-by: Claude Code (claude-opus-4)"], True),
        (["AI-Assisted: yes"], True),
        (["AI-Assisted: no"], False),
        (["Co-authored-by: Claude Dupont <claude@dupont.fr>"], False),
        (["Co-authored-by: dependabot[bot] <support@github.com>"], False),
        (["Reviewed-by: ChatGPT <noreply@openai.com>"], False),  # a review is not authorship
        ([], False),
    ]
    for i, (trailers, _) in enumerate(cases):
        repo.write("a.py", f"x = {i}\n")
        repo.commit(f"change {i}", trailers=trailers, date=epoch("2021-01-01T00:00:00") + i)
    repo.write("a.py", "x = 'aider'\n")
    repo.commit("aider: change", author=("Ann (aider)", "ann@example.com"), date="2021-02-01T00:00:00")
    got = [c.ai_assisted for c in reversed(read_commits(repo.path))]
    assert got == [expected for _, expected in cases] + [True]
    # A trailer in the subject line or in the middle of the body is not a trailer.
    repo.write("a.py", "x = 'body'\n")
    repo.commit("Co-authored-by: Claude <noreply@anthropic.com>\n\nbody\n\nmore body", date="2021-03-01T00:00:00")
    assert read_commits(repo.path)[0].ai_assisted is False


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Claude <noreply@anthropic.com>", True),
        ("Claude Sonnet 4.5 <noreply@anthropic.com>", True),
        ("claude opus 4", True),
        ("Cursor Agent <cursoragent@cursor.com>", True),
        ("aider (gpt-4o) <noreply@aider.chat>", True),
        ("devin-ai-integration[bot] <158243242+devin-ai-integration[bot]@users.noreply.github.com>", True),
        ("gemini-code-assist[bot] <176961590+gemini-code-assist[bot]@users.noreply.github.com>", True),
        ("Jules Verne <jules@verne.fr>", False),
        ("Ann Smith <ann@anthropic.com>", False),  # staff of an AI company are people
        ("renovate[bot] <29139614+renovate[bot]@users.noreply.github.com>", False),
        ("Bob <bob@example.com>", False),
    ],
)
def test_ai_names(value: str, expected: bool) -> None:
    assert churn.ai_rules().names_ai(value) is expected


def test_aggregate_handles_swaps_and_chains_in_one_commit() -> None:
    """Renames applied all at once per commit: a swap a<->b, then a chain x->y->z across commits."""
    commits = [
        Commit("4", 400, "A", "a@x", files=(FileChange("a.py", "b.py", 1, 0), FileChange("b.py", "a.py", 2, 0))),
        Commit("3", 300, "A", "a@x", files=(FileChange("a.py", None, 10, 0), FileChange("b.py", None, 20, 0))),
        Commit("2", 200, "A", "a@x", files=(FileChange("z.py", "y.py", 0, 0),)),
        Commit("1b", 150, "A", "a@x", files=(FileChange("y.py", "x.py", 1, 0),)),
        Commit("1", 100, "A", "a@x", files=(FileChange("x.py", None, 5, 0),)),
    ]
    got = aggregate(commits, ["a.py", "b.py", "z.py"], window_end=400, window_days=1)
    # Before commit 4, today's a.py lived at b.py (which got 20 lines in commit 3).
    assert got["a.py"].lines_all == 1 + 20
    assert got["b.py"].lines_all == 2 + 10
    # z.py was y.py (commit 2), which was x.py (commit 1b).
    assert (got["z.py"].commits_all, got["z.py"].lines_all, got["z.py"].first_change) == (3, 6, 100)


def test_two_process_read_equals_one_process_read(history: tuple[GitRepo, dict[str, str]], monkeypatch: pytest.MonkeyPatch) -> None:
    repo, shas = history
    single = read_commits(repo.path, jobs=1)
    monkeypatch.setattr(churn, "SPLIT_MIN_COMMITS", 2)
    split = read_commits(repo.path, jobs=2)
    assert {c.sha for c in split} == {c.sha for c in single} and len(split) == len(single)
    assert sorted(split, key=lambda c: c.sha) == sorted(single, key=lambda c: c.sha)
    position = {c.sha: i for i, c in enumerate(split)}
    for i in range(1, 9):  # linear history: every child before its parent
        assert position[shas[f"c{i + 1}"]] < position[shas[f"c{i}"]]
    assert [c.sha for c in read_commits(repo.path, jobs=2, stop_at=shas["c5"])] == [shas[f"c{i}"] for i in (9, 8, 7, 6)]
    current = ["core.py", "c.py", "a.py", "blob.py"]
    end = epoch("2021-12-15T12:00:00")
    assert aggregate(split, current, window_end=end, window_days=90) == aggregate(single, current, window_end=end, window_days=90)


def test_repository_config_cannot_hide_trailers_or_reshape_output(tmp_path: Path) -> None:
    repo = GitRepo(tmp_path / "r")
    repo.write("sub/a.py", "".join(f"x{i} = {i}\n" for i in range(8)))
    repo.commit("one", trailers=[CLAUDE])
    repo.write("sub/a.py", "".join(f"x{i} = {i}\n" for i in range(9)))
    repo.commit("two")
    for key, value in {
        "trailer.separators": "=",  # would make "Co-authored-by: ..." no trailer at all
        "diff.relative": "true",
        "core.bigFileThreshold": "1",  # would make every diff binary: no line counts
        "log.showSignature": "true",
        "color.ui": "always",
        "i18n.logOutputEncoding": "UTF-16",
    }.items():
        repo.config(key, value)
    commits = read_commits(repo.path)
    assert [c.ai_assisted for c in commits] == [False, True]
    assert commits[0].files == (FileChange("sub/a.py", None, 1, 0),)


# -- the names-only read of older history, and the split at a date -------------------------------


def test_name_status_read_before_until_follows_a_rename_chain(history: tuple[GitRepo, dict[str, str]]) -> None:
    repo, shas = history
    older = read_commits(repo.path, until=epoch("2021-07-01T09:00:00"), numstat=False)  # c5 is exactly on it
    assert [c.sha for c in older] == [shas[f"c{i}"] for i in range(5, 0, -1)]
    by_sha = {c.sha: c for c in older}
    assert by_sha[shas["c5"]].files == (FileChange("c.py", "b.py"),)  # a rename with an edit (R0xx)
    assert by_sha[shas["c4"]].files == (FileChange("b.py"),)
    assert by_sha[shas["c3"]].files == (FileChange("b.py", "a.py"),)  # R100
    assert by_sha[shas["c2"]].files == (FileChange("core.py"),)
    assert sorted(by_sha[shas["c1"]].files, key=lambda f: f.path) == [FileChange("a.py"), FileChange("blob.py"), FileChange("core.py")]
    got = aggregate(older, ["c.py"], window_end=epoch("2021-07-01T09:00:00"), window_days=3650)["c.py"]
    assert (got.commits_all, got.authors_all, got.first_change, got.lines_all) == (4, 3, epoch("2020-11-01T09:00:00"), 0)


def test_name_status_statuses_and_awkward_paths(tmp_path: Path) -> None:
    """A, M, D, T and R entries, and paths that look like status letters, numstat entries or a
    commit start: paths are taken by position, never by their look."""
    repo = GitRepo(tmp_path / "ns")
    odd = ["R100", "M", "1\t2\tx.py", "\x01start.py", "spa ce/é.py", "new\nline.py"]
    for name in ["keep.py", "gone.py", "link", *odd]:
        repo.write(name, f"{name!r} = 1\n" * 5)
    repo.commit("add", date="2021-01-01T00:00:00")
    repo.write("keep.py", "changed = 1\n")
    repo.delete("gone.py")
    (repo.path / "link").unlink()
    repo.symlink("link", "keep.py")
    repo.rename("R100", "M2")
    repo.rename("\x01start.py", "A")
    repo.commit("everything", date="2021-01-02T00:00:00")
    last, first = read_commits(repo.path, numstat=False)
    assert set(first.files) == {FileChange(p) for p in ["keep.py", "gone.py", "link", *odd]} and len(first.files) == 9
    assert set(last.files) == {FileChange("keep.py"), FileChange("gone.py"), FileChange("link"), FileChange("M2", "R100"), FileChange("A", "\x01start.py")}
    assert len(last.files) == 5
    raw = git.run(repo.path, churn.log_args(numstat=False))
    assert b"\0T\0link\0" in raw.replace(b"\n", b"") and b"\0D\0gone.py\0" in raw.replace(b"\n", b"")  # the statuses named above
    for size in (1, 2, 5):
        assert churn.parse_log(raw[i : i + size] for i in range(0, len(raw), size)) == [last, first]


def test_window_read_plus_names_only_read_give_all_time_figures(history: tuple[GitRepo, dict[str, str]]) -> None:
    """The split the pipeline uses: numstat for the window, names only before it. Every all-time
    figure but lines_all matches one full numstat read, through renames made before the window."""
    repo, shas = history
    head_time = git.commit_time(repo.path, shas["c9"])
    boundary = head_time - 90 * 86400  # between c6 (August) and c7 (October)
    window = read_commits(repo.path, since=boundary)
    older = read_commits(repo.path, until=boundary, numstat=False)
    assert [c.sha for c in window] == [shas[k] for k in ("c9", "c8", "c7")]
    assert [c.sha for c in older] == [shas[f"c{i}"] for i in range(6, 0, -1)]
    current = ["core.py", "c.py", "a.py", "blob.py"]
    split = aggregate(window + older, current, window_end=head_time, window_days=90)
    full = aggregate(read_commits(repo.path), current, window_end=head_time, window_days=90)
    window_lines = {"core.py": 5 + 1 + 1, "c.py": 2, "a.py": 1, "blob.py": 0}
    for path in current:
        assert split[path] == dataclasses.replace(full[path], lines_all=window_lines[path]), path
    c = split["c.py"]  # a.py -> b.py (March) -> c.py (July), all before the window
    assert (c.commits_all, c.authors_all, c.first_change, c.last_change) == (5, 3, epoch("2020-11-01T09:00:00"), epoch("2021-10-01T12:00:00"))
    assert (c.commits, c.lines_added, c.lines_deleted, c.ai_commits) == (1, 1, 1, 1)
    a = split["a.py"]  # the reused name keeps only its own history
    assert (a.commits_all, a.first_change) == (2, epoch("2021-08-01T09:00:00"))


def _log_times(repo: GitRepo, *args: str) -> list[int]:
    return [int(t) for t in repo.git("log", "--format=%ct", *args).split()]


def test_since_and_until_split_at_one_second_with_no_overlap_and_no_gap(tmp_path: Path) -> None:
    """git's own --since=@T and --until=@T are BOTH inclusive (a commit dated exactly T matches
    both); read_commits makes `since` exclusive, so a commit on the boundary is on the older side."""
    repo = GitRepo(tmp_path / "edge")
    t = epoch("2022-06-01T00:00:00")
    for i, when in enumerate((t - 1, t, t + 1)):
        repo.write("f.py", f"x = {i}\n")
        repo.commit(f"at {when - t:+d}", date=when)
    assert _log_times(repo, f"--since=@{t}") == [t + 1, t]  # what git does
    assert _log_times(repo, f"--until=@{t}") == [t, t - 1]
    newer = read_commits(repo.path, since=t)
    older = read_commits(repo.path, until=t, numstat=False)
    assert [c.author_time for c in newer] == [t + 1]
    assert [c.author_time for c in older] == [t, t - 1]
    # aggregate agrees: a window starting at t leaves the commit dated t out.
    got = aggregate(newer + older, ["f.py"], window_end=t + 86400, window_days=1)["f.py"]
    assert (got.commits, got.commits_all) == (1, 3)
    got = aggregate(newer + older, ["f.py"], window_end=t - 1 + 86400, window_days=1)["f.py"]
    assert (got.commits, got.commits_all) == (2, 3)


@pytest.mark.skipif(git.version() < (2, 37), reason="--since-as-filter needs git 2.37")
def test_split_has_no_gap_when_clocks_go_backwards(tmp_path: Path) -> None:
    """Plain --since stops at the first commit older than the date, so W (dated after T, but the
    parent of X dated before T) would be in neither read. The window read must only filter."""
    repo = GitRepo(tmp_path / "skew")
    t = epoch("2022-06-01T00:00:00")
    shas = {}
    for name, when in (("base", t - 9000), ("W", t + 100), ("X", t - 100), ("Y", t + 200)):
        repo.write("f.py", f"{name} = 1\n")
        shas[name] = repo.commit(name, date=when)
    assert _log_times(repo, f"--since=@{t + 1}") == [t + 200]  # git's plain --since loses W
    newer = read_commits(repo.path, since=t)
    older = read_commits(repo.path, until=t, numstat=False)
    assert [c.sha for c in newer] == [shas["Y"], shas["W"]]
    assert [c.sha for c in older] == [shas["X"], shas["base"]]


def test_since_is_passed_to_git_one_second_later() -> None:
    args = churn.log_args(since=1000, until=2000, numstat=False)
    assert any(a.endswith("=@1001") and a.startswith("--since") for a in args) and "--until=@2000" in args
    assert "--name-status" in args and "-M" in args and "--numstat" not in args


def test_two_process_names_only_read_equals_one_process_read(history: tuple[GitRepo, dict[str, str]], monkeypatch: pytest.MonkeyPatch) -> None:
    repo, shas = history
    until = epoch("2021-08-01T09:00:00")  # c6
    single = read_commits(repo.path, until=until, numstat=False, jobs=1)
    monkeypatch.setattr(churn, "SPLIT_MIN_COMMITS", 2)
    calls: list[list[str]] = []
    original = churn.git.stream
    monkeypatch.setattr(churn.git, "stream", lambda r, args: calls.append(args) or original(r, args))
    split = read_commits(repo.path, until=until, numstat=False, jobs=2)
    assert len(calls) == 2  # it did split
    assert [c.sha for c in split] == [c.sha for c in single] == [shas[f"c{i}"] for i in range(6, 0, -1)]
    assert split == single
