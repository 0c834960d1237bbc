"""Decisions that travel: the store's decision log as `.vibetriage/decisions.jsonl`, a line-oriented,
append-only text file that a team commits and merges like code.

One decision per line, a JSON object with sorted keys, known by its uid. `export` appends the
decisions the file lacks and never rewrites a line, so the additions of two clones merge line by
line (the `.gitattributes` it puts beside the file asks git for a union merge). `load` adds the
decisions the store lacks: run it twice, or on a file that holds the store's own decisions, and
nothing changes; no decision is ever duplicated or dropped.

The file comes with the repository, so nothing in it is trusted: the path must not be a link,
the file is read up to a size cap, and every line is checked (types, tag, kind, time, lengths);
a bad line is reported by its number and skipped, the good ones are still imported.
"""

from __future__ import annotations

import json
import os
import re
import stat
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from vibetriage.model import MAX_NOTE_CHARS, REGION_KINDS, TAGS, Decision, RegionKey
from vibetriage.store import Store

DEFAULT_FILE = Path(".vibetriage") / "decisions.jsonl"
FORMAT = 1  # the `v` of every line; a line of a newer format is reported, not guessed at
MAX_FILE_BYTES = 64 * 1024 * 1024
_MAX_TEXT = MAX_NOTE_CHARS  # characters in a note, path or name: what the store accepts
_UID = re.compile(r"[0-9a-f]{32}")


class ExchangeError(Exception):
    """The file cannot be read or written at all; the message says what to do."""


@dataclass(frozen=True)
class LoadResult:
    """What importing a decisions file did."""

    added: int
    known: int  # already in the store
    rejected: tuple[str, ...]  # "line N: why", for each line that was skipped


def to_line(d: Decision) -> str:
    record = {
        "v": FORMAT, "uid": d.uid, "at": d.at, "actor": d.actor, "path": d.key.path, "kind": d.key.kind,
        "qualname": d.key.qualname, "ordinal": d.key.ordinal, "fingerprint": d.fingerprint, "tag": d.tag,
        "removed": d.removed, "note": d.note,
    }
    return json.dumps(record, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def from_line(text: str) -> Decision:
    """One line of the file as a Decision (id 0: not in a store yet); ValueError says what is wrong."""
    try:
        record = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(f"not JSON ({exc.msg})") from None
    except (RecursionError, ValueError):  # nested too deep; a number too long
        raise ValueError("not a decision (nested too deep, or a number too long)") from None
    if not isinstance(record, dict):
        raise ValueError("not a JSON object")
    if record.get("v") != FORMAT:
        raise ValueError(f"format {record.get('v')!r} is not {FORMAT}: written by another version of vibetriage")
    fields = {name: record.get(name) for name in ("uid", "at", "actor", "path", "kind", "qualname", "fingerprint", "tag", "note")}
    for name, value in fields.items():
        if not isinstance(value, str) or len(value) > _MAX_TEXT:
            raise ValueError(f"{name} must be a string of at most {_MAX_TEXT} characters")
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate: JSON allows it, text cannot hold it
            raise ValueError(f"{name} is not valid text") from None
    if not _UID.fullmatch(fields["uid"]):
        raise ValueError("uid must be 32 hexadecimal digits")
    if fields["tag"] not in TAGS:
        raise ValueError(f"tag {fields['tag']!r} is not one of {', '.join(TAGS)}")
    if fields["kind"] not in REGION_KINDS:
        raise ValueError(f"kind {fields['kind']!r} is not one of {', '.join(REGION_KINDS)}")
    if not fields["path"] or not fields["qualname"] or not fields["actor"]:
        raise ValueError("path, qualname and actor must not be empty")
    ordinal, removed = record.get("ordinal"), record.get("removed")
    if isinstance(ordinal, bool) or not isinstance(ordinal, int) or not 0 <= ordinal < 1_000_000:
        raise ValueError("ordinal must be a whole number from 0")
    if not isinstance(removed, bool):
        raise ValueError("removed must be true or false")
    try:
        when = datetime.fromisoformat(fields["at"])
        at = when.astimezone(UTC).isoformat(timespec="microseconds") if when.tzinfo else None
    except (ValueError, OverflowError):
        raise ValueError(f"at {fields['at']!r} is not an ISO 8601 time") from None
    if at is None:
        raise ValueError("at must carry its UTC offset")
    return Decision(
        0, at, fields["actor"],
        RegionKey(fields["path"], fields["kind"], fields["qualname"], ordinal), fields["fingerprint"], fields["tag"],
        removed, fields["note"], fields["uid"],
    )


def read(path: Path, *, repository: Path | None = None) -> tuple[list[Decision], list[str]]:
    """The decisions of a file, and a message for each line that is not one."""
    decisions, rejected = [], []
    for number, raw in enumerate(read_untrusted(path, repository=repository).split(b"\n"), start=1):
        if not raw.strip():
            continue
        try:
            decisions.append(from_line(raw.decode("utf-8")))
        except UnicodeDecodeError:
            rejected.append(f"line {number}: not UTF-8")
        except ValueError as exc:
            rejected.append(f"line {number}: {exc}")
    return decisions, rejected


def load(store: Store, path: Path, *, repository: Path | None = None) -> LoadResult:
    """Import a decisions file into the store: idempotent, one transaction."""
    decisions, rejected = read(path, repository=repository)
    added = store.import_decisions(decisions)
    return LoadResult(added, len({d.uid for d in decisions}) - added, tuple(rejected))


def export(store: Store, path: Path, *, repository: Path | None = None) -> int:
    """Append to `path` every decision of the store it does not hold yet (oldest first); return
    how many. Lines already there stay as they are. Inside the `repository`, no directory on the
    way may be a symbolic link (a clone may plant `.vibetriage` as one)."""
    inside = repository is not None and _inside(path, repository)
    if inside:
        _no_links(path, repository)
    present: set[str] = set()
    existing = b""
    if os.path.lexists(path):
        existing = read_untrusted(path)
        present = _uids(existing)
    new = [d for d in store.decisions() if d.uid not in present]
    if not new:
        return 0
    text = "".join(to_line(d) + "\n" for d in new)  # the store's order: a tag and its removal in one second stay in order
    if existing and not existing.endswith(b"\n"):
        text = "\n" + text  # a hand edit left the last line open
    _append(path, text.encode("utf-8"))
    if inside:
        _union_merge(path)
    return len(new)


def _inside(path: Path, repository: Path) -> bool:
    return Path(os.path.abspath(path)).is_relative_to(Path(os.path.abspath(repository)))


def _no_links(path: Path, repository: Path) -> None:
    top = Path(os.path.abspath(repository))
    here = Path(os.path.abspath(path.parent))
    while here != top and here.is_relative_to(top):
        if here.is_symlink():
            raise ExchangeError(f"{here} is a symbolic link: not writing the decisions file through it")
        here = here.parent


def _uids(data: bytes) -> set[str]:
    """The uids of a file's lines, good or not: export must not append a uid twice."""
    out = set()
    for raw in data.split(b"\n"):
        try:
            uid = json.loads(raw).get("uid") if raw.strip() else None
        except (ValueError, AttributeError, RecursionError):
            continue
        if isinstance(uid, str):
            out.add(uid)
    return out


def read_untrusted(path: Path, *, repository: Path | None = None) -> bytes:
    """A file that may come with the repository (decisions, tours): never read through a symbolic
    link it may have planted (the file, or a directory on the way inside the `repository`),
    never a FIFO or device, never more than MAX_FILE_BYTES."""
    if repository is not None and _inside(path, repository):
        _no_links(path, repository)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise ExchangeError(f"{path}: no such file") from None
    except OSError as exc:
        raise ExchangeError(f"{path}: cannot be read ({_reason(exc)})") from None
    with os.fdopen(fd, "rb") as f:
        if not _is_regular(f.fileno()):  # a FIFO or device: O_NONBLOCK kept the open from hanging
            raise ExchangeError(f"{path}: not a regular file")
        data = f.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise ExchangeError(f"{path}: larger than {MAX_FILE_BYTES // 2**20} MB; not a decisions file")
    return data


def _is_regular(fd: int) -> bool:
    return stat.S_ISREG(os.fstat(fd).st_mode)


def _append(path: Path, data: bytes) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_NOFOLLOW, 0o644)
    except OSError as exc:
        raise ExchangeError(f"{path}: cannot be written ({_reason(exc)})") from None
    with os.fdopen(fd, "ab") as f:
        if not _is_regular(f.fileno()):
            raise ExchangeError(f"{path}: not a regular file")
        f.write(data)


def _union_merge(path: Path) -> None:
    """Ask git to merge the file by keeping both sides' lines, once: an existing .gitattributes
    beside it is the team's and is left alone."""
    try:
        fd = os.open(path.parent / ".gitattributes", os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o644)
    except OSError:
        return
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(f"{path.name} merge=union\n")


def _reason(exc: OSError) -> str:
    if getattr(exc, "errno", None) == getattr(os, "ELOOP", -1):
        return "it is a symbolic link"
    return exc.strerror or type(exc).__name__
