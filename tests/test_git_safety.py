"""The analyzed repository must never make git run its code (DESIGN.md principle 2).

A hostile repository wires a canary program into every place git can run one from config:
fsmonitor, clean/smudge/process filters, textconv and external diff drivers, merge drivers, the
pager, gpg, hooks, trailer commands, remote upload-pack, the editor -- some through an
`include.path`ed file. Control tests prove each canary fires under plain git; then every
vibetriage entry point runs and the canary log must stay absent. The overrides are also checked on
their own, against the real work tree, so no layer hides a hole in another.
"""

from __future__ import annotations

import os
import pty
import select
import subprocess
from pathlib import Path

import pytest

from analyzers import churn, discovery, git
from tests.gitrepo import GitRepo, git_env

CANARY = """#!/bin/sh
echo "$*" >> "{log}"
case "$1" in
  filter|pager) exec cat ;;
  textconv) exec cat "$2" ;;
esac
exit 0
"""

HOOKS = ("post-checkout", "pre-commit", "post-commit", "post-index-change", "reference-transaction", "pre-auto-gc", "post-merge", "fsmonitor-watchman")


class Hostile:
    def __init__(self, tmp_path: Path) -> None:
        self.log = tmp_path / "canary.log"
        self.script = tmp_path / "canary.sh"
        self.script.write_text(CANARY.format(log=self.log))
        self.script.chmod(0o755)
        self.repo = GitRepo(tmp_path / "hostile")

    def fired(self) -> list[str]:
        return self.log.read_text().splitlines() if self.log.exists() else []

    def reset(self) -> None:
        self.log.unlink(missing_ok=True)


def cmd(h: Hostile, what: str) -> str:
    """A program path that logs `what` when run (some keys, like gpg.program, take no arguments)."""
    wrapper = h.script.parent / f"canary-{what.replace(' ', '-')}"
    if not wrapper.exists():
        wrapper.write_text(f'#!/bin/sh\nexec "{h.script}" {what} "$@"\n')
        wrapper.chmod(0o755)
    return str(wrapper)


@pytest.fixture
def hostile(tmp_path: Path) -> Hostile:
    h = Hostile(tmp_path)
    r = h.repo
    r.write(".gitattributes", "*.py filter=evil diff=evil merge=evil\n*.js filter=inc diff=inc\n")
    r.write("app.py", "def main():\n    return 1\n")
    r.write("web.js", "function f() { return 1 }\n")
    r.write("--output=x.py", "print('dash')\n")
    r.write("-rf.py", "print('rf')\n")
    r.write("new\nline.py", "print('newline')\n")
    r.write("tab\there.py", "print('tab')\n")
    r.write("ünïcödé.py", "print('u')\n")
    r.commit("one", date="2021-02-01T10:00:00", trailers=["Co-authored-by: Claude <noreply@anthropic.com>"])
    r.write("app.py", "def main():\n    return 2\n")
    r.write("web.js", "function f() { return 2 }\n")
    base = r.commit("two", date="2021-03-01T10:00:00")
    r.write("app.py", "def main():\n    return 3\n")
    r.write("notes.txt", "plain text\n")
    r.commit("three", date="2021-04-01T10:00:00")
    r.rename("web.js", "site.js")
    r.commit("four", date="2021-05-01T10:00:00")
    h.base = base  # type: ignore[attr-defined]

    # A signed commit (its signature is junk: verifying it is what would run gpg).
    raw = r.git("cat-file", "commit", "HEAD")
    header, body = raw.split("\n\n", 1)
    sig = "gpgsig -----BEGIN PGP SIGNATURE-----\n \n iQEzBAABCAAdFiEE\n -----END PGP SIGNATURE-----"
    signed = r.git("hash-object", "-t", "commit", "-w", "--stdin", input=f"{header}\n{sig}\n\n{body}".encode()).strip()
    r.git("update-ref", "refs/heads/main", signed)

    # Now arm everything (after the helper's own commits, so only later git runs can fire).
    settings = {
        "core.fsmonitor": cmd(h, "fsmonitor"),
        "core.pager": cmd(h, "pager"),
        "pager.log": cmd(h, "pager"),
        "core.editor": cmd(h, "editor"),
        "core.sshCommand": cmd(h, "ssh"),
        "core.alternateRefsCommand": cmd(h, "alternate-refs"),
        "credential.helper": "!" + cmd(h, "credential"),
        "filter.evil.clean": cmd(h, "filter"),
        "filter.evil.smudge": cmd(h, "filter"),
        "filter.evil.required": "true",
        "diff.evil.textconv": cmd(h, "textconv"),
        "diff.evil.command": cmd(h, "extdiff"),
        "merge.evil.driver": cmd(h, "merge"),
        "trailer.sign.command": cmd(h, "trailer"),
        "gpg.program": cmd(h, "gpg"),
        "log.showSignature": "true",
        "remote.origin.url": "file:///nonexistent",
        "remote.origin.uploadpack": cmd(h, "uploadpack"),
        "include.path": str(h.repo.path.parent / "included.config"),
    }
    for key, value in settings.items():
        r.config(key, value)
    # The included file defines a second set of drivers, under names only it knows.
    (h.repo.path.parent / "included.config").write_text(
        f'[filter "inc"]\n\tclean = {cmd(h, "filter")}\n\tsmudge = {cmd(h, "filter")}\n\trequired = true\n'
        f'[diff "inc"]\n\ttextconv = {cmd(h, "textconv")}\n'
        f"[core]\n\thooksPath = {r.path / '.git' / 'evil-hooks'}\n"
    )
    for hooks_dir in (r.path / ".git" / "hooks", r.path / ".git" / "evil-hooks"):
        hooks_dir.mkdir(exist_ok=True)
        for name in HOOKS:
            hook = hooks_dir / name
            hook.write_text(f"#!/bin/sh\n{cmd(h, 'hook ' + name)}\n")
            hook.chmod(0o755)
    # Make work-tree files stat-dirty, so commands that look at them want the clean filter.
    for name in ("app.py", "site.js"):
        os.utime(r.path / name, (1, 1))
    h.reset()
    return h


def plain_git(h: Hostile, *args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(["git", *args], cwd=h.repo.path, env=git_env(), capture_output=True, timeout=30, check=False)


def test_canaries_fire_under_plain_git(hostile: Hostile) -> None:
    """Control: without vibetriage's neutralisation the repository does run its programs."""
    h = hostile
    plain_git(h, "status")
    plain_git(h, "log", "-p", "-2")
    plain_git(h, "log", "-1")  # log.showSignature=true on a signed commit
    plain_git(h, "diff", "HEAD~2", "--", "app.py")
    (h.repo.path / "app.py").unlink()
    plain_git(h, "checkout", "--", "app.py")
    plain_git(h, "checkout", "-q", "HEAD~1")
    fired = " ".join(h.fired())
    for what in ("fsmonitor", "filter", "textconv", "extdiff", "gpg", "hook post-checkout"):
        assert what in fired, f"control failed: {what} did not fire under plain git"


def test_lazy_fetch_canary_fires_under_plain_git(tmp_path: Path) -> None:
    h, clone = _partial_clone(tmp_path)
    proc = subprocess.run(["git", "cat-file", "-p", clone.blob_id("a.py")], cwd=clone.path, env=git_env(), capture_output=True, timeout=30, check=False)
    assert proc.returncode != 0
    assert "uploadpack" in " ".join(h.fired())


def _partial_clone(tmp_path: Path) -> tuple[Hostile, GitRepo]:
    h = Hostile(tmp_path)
    src = h.repo
    src.write("a.py", "print(1)\n")
    src.commit("one")
    src.config("uploadpack.allowFilter", "true")
    clone = src.clone(tmp_path / "partial", args=["--filter=blob:none", "--no-checkout"])
    clone.git("read-tree", "HEAD")  # an index whose blobs are not in the object store
    clone.config("remote.origin.uploadpack", cmd(h, "uploadpack"))
    h.reset()
    return h, clone


def test_scan_runs_no_repository_code(hostile: Hostile) -> None:
    h = hostile
    root = h.repo.path
    inv = discovery.inventory(root)
    reader = discovery.read_blobs(inv.root, inv.candidates)
    blobs = {cand.path: data for cand, data in reader}
    commits = churn.read_commits(root)
    head = git.head(root)
    assert head is not None
    git.is_shallow(root)
    git.commit_time(root, head)
    assert git.is_ancestor(root, h.base, head)  # type: ignore[attr-defined]
    git.locate(root)
    assert h.fired() == []

    # ...and the results are the repository's real content, untouched by any filter.
    assert blobs["app.py"] == b"def main():\n    return 3\n"
    assert blobs["--output=x.py"] == b"print('dash')\n"
    assert blobs["new\nline.py"] == b"print('newline')\n"
    assert set(blobs) == {"app.py", "site.js", "--output=x.py", "-rf.py", "new\nline.py", "tab\there.py", "ünïcödé.py"}
    assert [c.files[0].old_path for c in commits if c.files and c.files[0].path == "site.js"] == ["web.js"]
    assert commits[-1].ai_assisted
    assert {f.path for f in commits[-1].files} >= {"--output=x.py", "-rf.py", "new\nline.py", "tab\there.py", "ünïcödé.py"}
    # Paths starting with "-" stayed paths: git wrote no file anywhere.
    assert not (root / "x.py").exists() and not (root / "x").exists()
    assert list(git._empty_worktree().iterdir()) == []


def test_overrides_hold_even_on_the_real_work_tree(hostile: Hostile) -> None:
    """The -c/GIT_CONFIG overrides alone (without the empty work tree) neutralise git's
    program-running commands, including drivers defined only in the included file."""
    h = hostile

    def ours(*args: str) -> subprocess.CompletedProcess[bytes]:
        argv, env, cwd = git.invocation(h.repo.path, list(args), real_work_tree=True)
        return subprocess.run(argv, cwd=cwd, env=env, capture_output=True, timeout=30, check=False)

    assert ours("status").returncode == 0
    # textconv and external diff drivers are overridden with "": git refuses to run an empty
    # command and stops (fails closed), which is the point.
    ours("log", "-p", "-2")
    ours("diff", "HEAD~2", "--", "app.py")
    ours("diff", "--ext-diff", "HEAD~2", "--", "app.py")
    assert ours("log", "-1", "--show-signature").returncode == 0
    (h.repo.path / "app.py").unlink()
    assert ours("checkout", "--", "app.py").returncode == 0
    assert ours("checkout", "-q", "HEAD~2").returncode == 0
    assert (h.repo.path / "app.py").read_bytes() == b"def main():\n    return 2\n"  # no smudge ran
    assert ours("merge", "--no-edit", "main").returncode == 0
    assert h.fired() == []


def test_pager_is_never_run_even_on_a_terminal(hostile: Hostile) -> None:
    h = hostile

    def on_tty(argv: list[str], env: dict[str, str], cwd: Path) -> None:
        master, slave = pty.openpty()
        proc = subprocess.Popen(argv, cwd=cwd, env=env, stdin=slave, stdout=slave, stderr=slave)
        os.close(slave)
        while True:  # drain the terminal until git (and any pager) has gone
            ready, _, _ = select.select([master], [], [], 10)
            if not ready:
                break
            try:
                if not os.read(master, 65536):
                    break
            except OSError:
                break
        proc.wait(timeout=30)
        os.close(master)

    on_tty(["git", "log", "-1", "--no-show-signature"], git_env(), h.repo.path)
    assert "pager" in " ".join(h.fired()), "control failed: the repository's pager did not run"
    h.reset()
    on_tty(*git.invocation(h.repo.path, ["log", "-1"], real_work_tree=True))
    assert h.fired() == []


def test_partial_clone_never_fetches(tmp_path: Path) -> None:
    h, clone = _partial_clone(tmp_path)
    inv = discovery.inventory(clone.path)
    assert inv.candidates == []
    assert [(d.path, d.reason) for d in inv.diagnostics] == [("a.py", "unreadable")]
    # A size the database knows (a cached database from a full clone) does not make the blob present.
    again = discovery.inventory(clone.path, sizes={clone.blob_id("a.py"): 9})
    assert again.candidates == [] and [(d.path, d.reason) for d in again.diagnostics] == [("a.py", "unreadable")]
    assert git.is_partial_clone(clone.path) and not git.is_partial_clone(h.repo.path)
    fake = discovery.Candidate("a.py", "python", clone.blob_id("a.py"), 10)
    reader = discovery.read_blobs(clone.path, [fake])
    assert list(reader) == []
    assert [d.reason for d in reader.diagnostics] == ["unreadable"]
    with pytest.raises(git.GitError):
        churn.read_commits(clone.path)  # diffing needs the missing blobs
    assert h.fired() == []


def test_a_blob_that_arrives_in_a_partial_clone_is_scanned_though_the_index_is_unchanged(tmp_path: Path) -> None:
    # An up-to-date check trusts the index listing, except in a partial clone: there a blob
    # missing at one scan can arrive (a fetch, a checkout elsewhere) with the listing unchanged.
    # (Here the history is unreadable too, git log needing the blobs, which also asks for a rescan.)
    from vibetriage.config import load
    from vibetriage.pipeline import scan
    from vibetriage.store import Store

    h, clone = _partial_clone(tmp_path)
    with Store.open(tmp_path / "t.db") as store:
        first = scan(clone.path, store, load(clone.path), jobs=1)
        assert first.info.files == 0 and store.count_diagnostics("unreadable") == 1
        clone.git("hash-object", "-w", "--stdin", input=h.repo.read("a.py"))  # the blob arrives
        again = scan(clone.path, store, load(clone.path), jobs=1)
        assert not again.up_to_date and again.info.files == 1
    assert h.fired() == []


@pytest.mark.parametrize("setting, partial", [
    ("promisor", True), ("promisor = true", True), ("promisor = 2", True), ("promisor = 1k", True),
    ("promisor = false", False), ("promisor = 0", False), ("url = x", False),
])
def test_a_promisor_remote_is_recognised_as_git_reads_booleans(tmp_path: Path, setting: str, partial: bool) -> None:
    repo = GitRepo(tmp_path / "r")
    config = repo.path / ".git" / "config"
    config.write_text(config.read_text(encoding="utf-8") + f'[remote "origin"]\n\t{setting}\n', encoding="utf-8")
    expected = repo.git("config", "--type=bool", "remote.origin.promisor", check=False).strip() == "true"
    assert git.is_partial_clone(repo.path) is partial is expected


def test_inherited_environment_and_user_config_are_ignored(hostile: Hostile, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    h = hostile
    other = GitRepo(tmp_path / "other")
    other.write("other.py", "x = 1\n")
    other.commit("other")
    home = tmp_path / "home"
    home.mkdir()
    (home / ".gitconfig").write_text(f"[core]\n\tpager = {cmd(h, 'pager')}\n[diff]\n\texternal = {cmd(h, 'extdiff')}\n")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("GIT_DIR", str(other.path / ".git"))
    monkeypatch.setenv("GIT_WORK_TREE", str(other.path))
    monkeypatch.setenv("GIT_EXTERNAL_DIFF", cmd(h, "extdiff"))
    monkeypatch.setenv("GIT_CONFIG_PARAMETERS", f"'diff.evil.textconv'='{cmd(h, 'textconv')}'")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(home / ".gitconfig"))
    git._base_env_items.cache_clear()
    try:
        inv = discovery.inventory(h.repo.path)
        churn.read_commits(h.repo.path)
        git.run(h.repo.path, ["diff", "HEAD~2", "HEAD", "--", "notes.txt"])
    finally:
        git._base_env_items.cache_clear()
    assert "app.py" in {c.path for c in inv.candidates}  # the hostile repo, not GIT_DIR's
    assert h.fired() == []


def test_old_git_fallback_passes_overrides_with_c(hostile: Hostile, monkeypatch: pytest.MonkeyPatch) -> None:
    """On git < 2.31 (no GIT_CONFIG_COUNT) the per-repository overrides travel as -c."""
    monkeypatch.setattr(git, "version", lambda: (2, 30, 0))
    argv, env, _ = git.invocation(hostile.repo.path, ["status"], real_work_tree=True)
    assert "GIT_CONFIG_COUNT" not in env
    assert "filter.inc.clean=" in argv and "diff.evil.textconv=" in argv and "pager.log=false" in argv
    subprocess.run(argv, cwd=hostile.repo.path, env=env, capture_output=True, timeout=30, check=False)
    discovery.inventory(hostile.repo.path)
    assert hostile.fired() == []


def test_repo_config_changes_are_picked_up(hostile: Hostile) -> None:
    h = hostile
    git.invocation(h.repo.path, ["status"])  # cache the context
    h.repo.config("filter.late.clean", cmd(h, "filter"))
    h.repo.write(".gitattributes", "*.py filter=late\n")
    os.utime(h.repo.path / "app.py", (2, 2))
    argv, env, cwd = git.invocation(h.repo.path, ["status"], real_work_tree=True)
    assert "filter.late.clean" in env.values()
    subprocess.run(argv, cwd=cwd, env=env, capture_output=True, timeout=30, check=False)
    assert h.fired() == []


def test_git_errors_carry_gits_message(tmp_path: Path) -> None:
    repo = GitRepo(tmp_path / "r")
    repo.write("a.py", "x = 1\n")
    repo.commit("one")
    with pytest.raises(git.GitError, match="fatal"):
        git.run(repo.path, ["cat-file", "-p", "0" * 40])
    with pytest.raises(git.GitError):
        git.commit_time(repo.path, "--output=/tmp/x")
    assert not git.is_git_repo(tmp_path / "nothing-here")
    assert not git.is_git_repo(tmp_path)
    assert git.is_git_repo(repo.path)


def test_user_identity_prefers_the_users_own_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = GitRepo(tmp_path / "r")
    repo.config("user.name", "Mallory")
    repo.config("user.email", "mallory@evil.example")
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    monkeypatch.delenv("GIT_CONFIG_GLOBAL", raising=False)
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    assert git.user_identity(repo.path) == "Mallory <mallory@evil.example>"  # nothing of the user's own
    (home / ".gitconfig").write_text("[user]\n\tname = Ann Reviewer\n\temail = ann@example.com\n")
    assert git.user_identity(repo.path) == "Ann Reviewer <ann@example.com>"
    assert git.user_identity(tmp_path / "not-a-repo") == "Ann Reviewer <ann@example.com>"
