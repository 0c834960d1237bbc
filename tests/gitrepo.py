"""Builds real git repositories for tests: files, dated commits by given authors, trailers,
renames, deletions, symlinks, submodules and clones, all through the real `git` binary.

    repo = GitRepo(tmp_path / "r")
    repo.write("a.py", "x = 1\\n")
    sha = repo.commit("add a", author=("Ann", "ann@x"), date="2021-03-01T10:00:00",
                      trailers=["Co-authored-by: Claude <noreply@anthropic.com>"])
    repo.rename("a.py", "b.py"); repo.commit("move")

Dates are ISO 8601 strings (naive ones are UTC), datetimes or epoch seconds; the committer date
equals the author date unless `committer_date` is given. The helper runs git with no system or
user configuration, so a developer's own settings (signing, hooks, default branch) never leak in.
"""

from __future__ import annotations

import atexit
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterable, Mapping
from datetime import datetime, timezone
from functools import cache
from pathlib import Path

DEFAULT_AUTHOR = ("Ann Author", "ann@example.com")
DEFAULT_DATE = "2025-01-02T10:00:00"

DateLike = str | int | float | datetime


def epoch(date: DateLike) -> int:
    """Epoch seconds of an ISO string (naive = UTC), a datetime or a number."""
    if isinstance(date, (int, float)):
        return int(date)
    if isinstance(date, str):
        date = datetime.fromisoformat(date.replace("Z", "+00:00"))
    if date.tzinfo is None:
        date = date.replace(tzinfo=timezone.utc)
    return int(date.timestamp())


@cache
def _home() -> str:
    home = tempfile.mkdtemp(prefix="gitrepo-home-")
    atexit.register(shutil.rmtree, home, True)
    return home


def git_env(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """A clean environment for the test's own git calls (not vibetriage's neutralised one)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(
        HOME=_home(),
        XDG_CONFIG_HOME=_home(),
        GIT_CONFIG_NOSYSTEM="1",
        GIT_CONFIG_GLOBAL=os.devnull,
        GIT_TERMINAL_PROMPT="0",
        LC_ALL="C",
        GIT_AUTHOR_NAME=DEFAULT_AUTHOR[0],
        GIT_AUTHOR_EMAIL=DEFAULT_AUTHOR[1],
        GIT_COMMITTER_NAME=DEFAULT_AUTHOR[0],
        GIT_COMMITTER_EMAIL=DEFAULT_AUTHOR[1],
    )
    if extra:
        env.update(extra)
    return env


def git(cwd: Path, *args: str, env: Mapping[str, str] | None = None, input: bytes | None = None, check: bool = True) -> str:
    """Run the real git in `cwd` with the test environment; stdout as text."""
    proc = subprocess.run(
        ["git", "-c", "commit.gpgsign=false", "-c", "core.autocrlf=false", "-c", "init.defaultBranch=main", *args],
        cwd=cwd,
        env=git_env(env),
        input=input,
        capture_output=True,
        check=False,
    )
    if check and proc.returncode:
        raise RuntimeError(f"git {' '.join(args)} failed ({proc.returncode}): {proc.stderr.decode(errors='replace')}")
    return proc.stdout.decode("utf-8", "surrogateescape")


class GitRepo:
    """A real repository in a test directory."""

    def __init__(self, path: Path, *, init: bool = True) -> None:
        self.path = Path(path)
        if init:
            self.path.mkdir(parents=True, exist_ok=True)
            git(self.path, "init", "-q")

    def git(self, *args: str, env: Mapping[str, str] | None = None, input: bytes | None = None, check: bool = True) -> str:
        return git(self.path, *args, env=env, input=input, check=check)

    # -- the work tree --------------------------------------------------------------------------

    def write(self, rel: str, content: str | bytes, *, executable: bool = False) -> Path:
        target = self.path / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            target.write_bytes(content.encode("utf-8"))
        else:
            target.write_bytes(content)
        if executable:
            target.chmod(0o755)
        return target

    def read(self, rel: str) -> bytes:
        return (self.path / rel).read_bytes()

    def symlink(self, rel: str, target: str) -> Path:
        link = self.path / rel
        link.parent.mkdir(parents=True, exist_ok=True)
        os.symlink(target, link)
        return link

    def rename(self, old: str, new: str) -> None:
        (self.path / new).parent.mkdir(parents=True, exist_ok=True)
        self.git("mv", "--", old, new)

    def delete(self, rel: str) -> None:
        self.git("rm", "-q", "--", rel)

    # -- history --------------------------------------------------------------------------------

    def commit(
        self,
        message: str = "change",
        *,
        author: tuple[str, str] = DEFAULT_AUTHOR,
        date: DateLike = DEFAULT_DATE,
        committer: tuple[str, str] | None = None,
        committer_date: DateLike | None = None,
        trailers: Iterable[str] = (),
        allow_empty: bool = False,
        add_all: bool = True,
    ) -> str:
        """Commit the work tree (all changes unless add_all=False); returns the commit id."""
        if add_all:
            self.git("add", "-A")
        trailers = list(trailers)
        if trailers:
            message = message.rstrip("\n") + "\n\n" + "\n".join(trailers) + "\n"
        committer = committer or author
        env = {
            "GIT_AUTHOR_NAME": author[0],
            "GIT_AUTHOR_EMAIL": author[1],
            "GIT_AUTHOR_DATE": f"{epoch(date)} +0000",
            "GIT_COMMITTER_NAME": committer[0],
            "GIT_COMMITTER_EMAIL": committer[1],
            "GIT_COMMITTER_DATE": f"{epoch(committer_date if committer_date is not None else date)} +0000",
        }
        args = ["commit", "-q", "--no-verify", "--cleanup=verbatim", "-F", "-"]
        if allow_empty:
            args.append("--allow-empty")
        self.git(*args, env=env, input=message.encode("utf-8"))
        return self.head()

    def head(self) -> str:
        return self.git("rev-parse", "HEAD").strip()

    def blob_id(self, rel: str) -> str:
        """The blob id the index holds for a path."""
        return self.git("rev-parse", f":{rel}").strip()

    def config(self, key: str, value: str) -> None:
        self.git("config", key, value)

    # -- other repositories ---------------------------------------------------------------------

    def add_submodule(self, other: GitRepo, rel: str) -> None:
        self.git("-c", "protocol.file.allow=always", "submodule", "add", "-q", str(other.path), rel)

    def clone(self, dest: Path, *, depth: int | None = None, args: Iterable[str] = ()) -> GitRepo:
        extra = [f"--depth={depth}"] if depth else []
        git(dest.parent, "-c", "protocol.file.allow=always", "clone", "-q", *extra, *args, self.path.resolve().as_uri(), str(dest))
        return GitRepo(dest, init=False)
