"""Owns the demo repository: reads the spec in `data/demo/` (authors, and an ordered list of dated
commits that write, edit, rename and delete files) and builds from it a small multi-language git
repository whose history looks like a fast-grown product, risky spots included. The format is
described in `data/demo/README.md`.

Same spec -> same commit ids: every identity and date comes from the spec, the history goes in
through one `git fast-import` stream, and git runs with user and system config shut out."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tomllib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from types import MappingProxyType
from typing import Any, Mapping

from vibetriage.assets import data_path

BRANCH = "main"
_REF = f"refs/heads/{BRANCH}".encode()

# Config that must not leak in from the machine building the demo: signing, hooks, line-ending
# conversion and fsmonitor would change the result or run foreign code; auto-gc only costs time.
_GIT_CONFIG = (
    "-c", f"init.defaultBranch={BRANCH}",
    "-c", "commit.gpgsign=false",
    "-c", f"core.hooksPath={os.devnull}",
    "-c", "core.autocrlf=false",
    "-c", "core.fsmonitor=false",
    "-c", "gc.auto=0",
)  # fmt: skip
_BUILDER = ("vibetriage demo", "demo@vibetriage.invalid")  # reflog entries only, never in a commit
_GIT_TIMEOUT = 60


class DemoSpecError(ValueError):
    """The spec is inconsistent: unknown author, missing version file, an edit that does not apply."""


class DemoBuildError(RuntimeError):
    """git failed while building the demo repository."""


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    email: str


@dataclass(frozen=True, slots=True)
class DemoCommit:
    author: Person  # also the committer
    date: datetime  # timezone-aware
    message: str  # full message, co-author trailers included
    changes: tuple[tuple[str, bytes | None], ...]  # (path, new content | None if deleted), sorted by path


@dataclass(frozen=True, slots=True)
class DemoSpec:
    commits: tuple[DemoCommit, ...]
    files: Mapping[str, bytes]  # the tree at the last commit

    @property
    def last_date(self) -> datetime:
        return self.commits[-1].date


def default_spec_path() -> Path:
    return data_path("demo", "spec.toml")


def build_demo(dest: str | os.PathLike[str], spec: str | os.PathLike[str] | None = None) -> Path:
    """Build the demo repository into `dest` (created if missing, refused if not empty) and return
    its absolute path. `spec` defaults to the shipped `data/demo/spec.toml`."""
    dest = Path(dest)
    if dest.exists() or dest.is_symlink():
        if not dest.is_dir():
            raise FileExistsError(f"cannot build the demo into {dest}: it exists and is not a directory")
        if any(dest.iterdir()):
            raise FileExistsError(f"refusing to build the demo into {dest}: the directory is not empty")
    # Everything that can fail on a bad spec fails here, before anything is written.
    loaded = load_spec(spec)
    stream = _fast_import_stream(loaded)

    created = not dest.exists()
    dest.mkdir(parents=True, exist_ok=True)
    try:
        env = _git_env(loaded)
        _git(dest, env, "init", "--quiet")
        _git(dest, env, "fast-import", "--quiet", stdin=stream)
        _git(dest, env, "reset", "--quiet", "--hard")
    except BaseException:
        # dest was empty (or absent) when we started, so everything in it is ours to remove.
        if created:
            shutil.rmtree(dest, ignore_errors=True)
        else:
            for child in dest.iterdir():
                if child.is_dir() and not child.is_symlink():
                    shutil.rmtree(child, ignore_errors=True)
                else:
                    child.unlink(missing_ok=True)
        raise
    return dest.resolve()


def load_spec(path: str | os.PathLike[str] | None = None) -> DemoSpec:
    """Read and check a spec (`.toml` or `.json`), replaying its commits in memory."""
    path = Path(path) if path is not None else default_spec_path()
    try:
        if path.suffix == ".json":
            raw = json.loads(path.read_text(encoding="utf-8"))
        else:
            with path.open("rb") as fh:
                raw = tomllib.load(fh)
    except (OSError, ValueError) as exc:  # TOMLDecodeError and JSONDecodeError are ValueErrors
        raise DemoSpecError(f"cannot read demo spec {path}: {exc}") from exc
    return _Replay(raw, path.parent / "files").run()


class _Replay:
    """Turns the raw spec into concrete commits by applying each one to an in-memory tree."""

    def __init__(self, raw: Any, files_root: Path):
        if not isinstance(raw, dict):
            raise DemoSpecError("the spec must be a table")
        _only_keys(raw, {"authors", "co_authors", "commit"}, "the spec")
        self.files_root = files_root
        self.authors = {key: self._person(key, value) for key, value in _table(raw, "authors").items()}
        self.co_authors = {key: _trailer_ident(key, value) for key, value in _table(raw, "co_authors").items()}
        self.commits = raw.get("commit")
        if not isinstance(self.commits, list) or not self.commits:
            raise DemoSpecError("the spec has no [[commit]] entries")
        self.tree: dict[str, bytes] = {}

    def run(self) -> DemoSpec:
        commits = []
        previous: datetime | None = None
        for number, entry in enumerate(self.commits, 1):
            commit = self._commit(number, entry)
            if previous is not None and commit.date <= previous:
                raise DemoSpecError(f"commit {number}: its date {commit.date} is not after the previous commit's")
            previous = commit.date
            commits.append(commit)
        return DemoSpec(tuple(commits), MappingProxyType(dict(self.tree)))

    @staticmethod
    def _person(key: str, value: Any) -> Person:
        if not isinstance(value, dict):
            raise DemoSpecError(f"author {key!r} must be a table with name and email")
        _only_keys(value, {"name", "email"}, f"author {key!r}")
        name, email = value.get("name"), value.get("email")
        for field, text in (("name", name), ("email", email)):
            if not isinstance(text, str) or not text.strip() or any(c in text for c in "<>\n\r\0"):
                raise DemoSpecError(f"author {key!r}: {field} must be a non-empty string without <, > or newlines")
        return Person(name, email)

    def _commit(self, number: int, entry: Any) -> DemoCommit:
        if not isinstance(entry, dict):
            raise DemoSpecError(f"commit {number} must be a table")
        allowed = {"date", "author", "co_authors", "message", "rename", "delete", "write", "edit"}
        _only_keys(entry, allowed, f"commit {number}")
        message = entry.get("message")
        if not isinstance(message, str) or not message.strip():
            raise DemoSpecError(f"commit {number} has no message")
        where = f"commit {number} ({message.strip().splitlines()[0]!r})"
        author = self.authors.get(entry.get("author"))
        if author is None:
            raise DemoSpecError(f"{where}: unknown author {entry.get('author')!r}")
        trailers = []
        for key in _list(entry, "co_authors", where):
            if key not in self.co_authors:
                raise DemoSpecError(f"{where}: unknown co-author {key!r}")
            trailers.append(f"Co-authored-by: {self.co_authors[key]}")
        full_message = message.strip("\n") + "\n"
        if trailers:
            full_message += "\n" + "\n".join(trailers) + "\n"

        before = dict(self.tree)
        self._apply(entry, where)
        changed = sorted(p for p in before.keys() | self.tree.keys() if before.get(p) != self.tree.get(p))
        if not changed:
            raise DemoSpecError(f"{where}: changes nothing")
        return DemoCommit(
            author=author,
            date=_date(entry.get("date"), where),
            message=full_message,
            changes=tuple((p, self.tree.get(p)) for p in changed),
        )

    def _apply(self, entry: dict, where: str) -> None:
        # Order within a commit: renames, deletes, writes, edits (an edit may touch a file just written).
        for op in _list(entry, "rename", where):
            if not isinstance(op, dict):
                raise DemoSpecError(f"{where}: each rename is a table with from and to")
            _only_keys(op, {"from", "to"}, f"{where}: rename")
            old, new = _check_path(op.get("from"), where), _check_path(op.get("to"), where)
            if old not in self.tree:
                raise DemoSpecError(f"{where}: cannot rename {old}: no such file")
            if new in self.tree:
                raise DemoSpecError(f"{where}: cannot rename {old} to {new}: {new} exists")
            self.tree[new] = self.tree.pop(old)
        for raw_path in _list(entry, "delete", where):
            path = _check_path(raw_path, where)
            if self.tree.pop(path, None) is None:
                raise DemoSpecError(f"{where}: cannot delete {path}: no such file")
        for op in _list(entry, "write", where):
            if not isinstance(op, dict):
                raise DemoSpecError(f"{where}: each write is a table with path and version or content")
            _only_keys(op, {"path", "version", "content"}, f"{where}: write")
            path = _check_path(op.get("path"), where)
            self.tree[path] = self._write_content(op, path, where)
        for op in _list(entry, "edit", where):
            if not isinstance(op, dict):
                raise DemoSpecError(f"{where}: each edit is a table with path, old and new")
            _only_keys(op, {"path", "old", "new", "count"}, f"{where}: edit")
            path = _check_path(op.get("path"), where)
            old, new, count = op.get("old"), op.get("new"), op.get("count", 1)
            if not isinstance(old, str) or not old or not isinstance(new, str):
                raise DemoSpecError(f"{where}: edit of {path} needs a non-empty old and a new string")
            if not isinstance(count, int) or isinstance(count, bool) or count < 1:
                raise DemoSpecError(f"{where}: edit of {path}: count must be a positive integer")
            if path not in self.tree:
                raise DemoSpecError(f"{where}: cannot edit {path}: no such file")
            found = self.tree[path].count(old.encode())
            if found != count:
                raise DemoSpecError(
                    f"{where}: edit of {path}: the old text occurs {found} times, expected {count}: {old[:80]!r}"
                )
            self.tree[path] = self.tree[path].replace(old.encode(), new.encode())

    def _write_content(self, op: dict, path: str, where: str) -> bytes:
        if ("version" in op) == ("content" in op):
            raise DemoSpecError(f"{where}: write of {path} needs exactly one of version and content")
        if "content" in op:
            if not isinstance(op["content"], str):
                raise DemoSpecError(f"{where}: content of {path} must be a string")
            return op["content"].encode()
        version = op["version"]
        if not isinstance(version, str) or not version or version in (".", "..") or "/" in version or "\\" in version:
            raise DemoSpecError(f"{where}: write of {path}: bad version {version!r}")
        source = self.files_root / version / path
        try:
            return source.read_bytes()
        except OSError as exc:
            raise DemoSpecError(f"{where}: write of {path}: cannot read {source}: {exc.strerror}") from exc


def _only_keys(table: dict, allowed: set[str], where: str) -> None:
    unknown = sorted(set(table) - allowed)
    if unknown:
        raise DemoSpecError(f"{where}: unknown keys {', '.join(map(repr, unknown))}")


def _table(raw: dict, key: str) -> dict:
    value = raw.get(key, {})
    if not isinstance(value, dict):
        raise DemoSpecError(f"[{key}] must be a table")
    return value


def _list(entry: dict, key: str, where: str) -> list:
    value = entry.get(key, [])
    if not isinstance(value, list):
        raise DemoSpecError(f"{where}: {key} must be a list")
    return value


def _trailer_ident(key: str, value: Any) -> str:
    if not isinstance(value, str) or "\n" in value or not value.rstrip().endswith(">") or "<" not in value:
        raise DemoSpecError(f"co-author {key!r} must read 'Name <email>'")
    return value.strip()


def _check_path(path: Any, where: str) -> str:
    """A repository path the stream can carry unquoted and git will accept: relative, POSIX, no
    `.`/`..`/empty parts, no control characters, nothing inside `.git`."""
    if not isinstance(path, str) or not path:
        raise DemoSpecError(f"{where}: a path must be a non-empty string, got {path!r}")
    parts = path.split("/")
    if (
        any(part in ("", ".", "..") for part in parts)
        or parts[0].lower() == ".git"
        or path.startswith('"')
        or any(ord(c) < 32 or c in '\\\x7f' for c in path)
    ):
        raise DemoSpecError(f"{where}: unsafe or malformed path {path!r}")
    return path


def _date(value: Any, where: str) -> datetime:
    if isinstance(value, str):  # JSON has no date type
        try:
            value = datetime.fromisoformat(value)
        except ValueError as exc:
            raise DemoSpecError(f"{where}: bad date {value!r}") from exc
    if not isinstance(value, datetime):
        raise DemoSpecError(f"{where}: date must be a date-time with a UTC offset, got {value!r}")
    if value.utcoffset() is None:
        raise DemoSpecError(f"{where}: date {value} has no UTC offset")
    return value


def _git_date(value: datetime) -> str:
    """git's raw date: seconds since the epoch and the author's own offset, e.g. `1767773520 +0100`."""
    offset = value.utcoffset()
    assert offset is not None
    minutes = int(offset.total_seconds()) // 60
    sign = "-" if minutes < 0 else "+"
    return f"{int(value.timestamp())} {sign}{abs(minutes) // 60:02d}{abs(minutes) % 60:02d}"


def _fast_import_stream(spec: DemoSpec) -> bytes:
    out = bytearray(b"feature done\n")

    def data(payload: bytes) -> None:
        out.extend(b"data %d\n" % len(payload))
        out.extend(payload)
        out.extend(b"\n")

    for mark, commit in enumerate(spec.commits, 1):
        ident = f"{commit.author.name} <{commit.author.email}> {_git_date(commit.date)}".encode()
        out.extend(b"commit %s\nmark :%d\n" % (_REF, mark))
        out.extend(b"author %s\ncommitter %s\n" % (ident, ident))
        data(commit.message.encode())
        for path, content in commit.changes:
            if content is None:
                out.extend(b"D %s\n" % path.encode())
            else:
                out.extend(b"M 100644 inline %s\n" % path.encode())
                data(content)
        out.extend(b"\n")
    out.extend(b"done\n")
    return bytes(out)


def _git_env(spec: DemoSpec) -> dict[str, str]:
    # Drop GIT_DIR, GIT_INDEX_FILE and friends: inside a hook or another repo's tooling they would
    # point git at somebody else's repository.
    env = {key: value for key, value in os.environ.items() if not key.startswith("GIT_")}
    name, email = _BUILDER
    date = _git_date(spec.last_date)
    env.update(
        GIT_CONFIG_NOSYSTEM="1",
        GIT_CONFIG_GLOBAL=os.devnull,
        GIT_TERMINAL_PROMPT="0",
        GIT_AUTHOR_NAME=name,
        GIT_AUTHOR_EMAIL=email,
        GIT_AUTHOR_DATE=date,
        GIT_COMMITTER_NAME=name,
        GIT_COMMITTER_EMAIL=email,
        GIT_COMMITTER_DATE=date,
        LC_ALL="C",
    )
    return env


def _git(repo: Path, env: dict[str, str], *args: str, stdin: bytes | None = None) -> None:
    argv = ["git", *_GIT_CONFIG, "-C", str(repo), *args]
    try:
        result = subprocess.run(argv, input=stdin, env=env, capture_output=True, timeout=_GIT_TIMEOUT, check=False)
    except FileNotFoundError as exc:
        raise DemoBuildError("git is not installed or not on PATH") from exc
    except subprocess.TimeoutExpired as exc:
        raise DemoBuildError(f"git {args[0]} did not finish within {_GIT_TIMEOUT} s") from exc
    if result.returncode != 0:
        detail = result.stderr.decode(errors="replace").strip() or f"exit status {result.returncode}"
        raise DemoBuildError(f"git {args[0]} failed while building the demo: {detail}")
