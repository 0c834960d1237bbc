"""The only module that runs git. Everything else asks it, and it runs git so that the analyzed
repository, which is hostile until proven otherwise (DESIGN.md principle 2), cannot make git run
code, read the user's configuration or touch the work tree.

How each git process is started (see `invocation`):

* argv lists only, never a shell. Revisions go after `--end-of-options`, paths after `--`, and
  `GIT_LITERAL_PATHSPECS=1` makes every pathspec a literal path (no `:(magic)`, no globs).
* Environment: every inherited `GIT_*` variable is dropped (GIT_DIR, GIT_WORK_TREE,
  GIT_EXTERNAL_DIFF, GIT_CONFIG_PARAMETERS, GIT_SSH_COMMAND, ...). `GIT_CONFIG_NOSYSTEM=1`; HOME
  and XDG_CONFIG_HOME point at a private temporary directory whose only file is a `.gitconfig`
  with `safe.directory=*`, and `GIT_CONFIG_GLOBAL` names that file (git >= 2.32; older gits find it
  through HOME), so no user or system configuration is read and repositories owned by another user
  can be scanned. `GIT_TERMINAL_PROMPT=0`, empty `GIT_ASKPASS`/`SSH_ASKPASS` (no program, no
  prompt), `GIT_PAGER=cat`/`PAGER=cat` (git treats `cat` as "no pager"), `GIT_OPTIONAL_LOCKS=0`,
  `GIT_NO_LAZY_FETCH=1` and `GIT_ALLOW_PROTOCOL=none` (a partial clone's missing object must not
  start a fetch that runs `remote.*.uploadpack`), `GIT_NO_REPLACE_OBJECTS=1` (blob ids mean
  their own content), `LC_ALL=C`.
* The repository is addressed as `--git-dir=<its git dir> --work-tree=<an empty private dir>`,
  run from that empty dir: git never sees the real work tree, so it cannot run a clean filter on
  a work-tree file it decides to reuse (diff does that for loose objects), follow a symlink in it,
  or honour a hostile `core.worktree`. Paths in git's output are therefore relative to the
  repository's toplevel.
* `-c` overrides (command-line config beats every config file, includes and `includeIf`
  included): `core.fsmonitor=` (off in both the boolean and the hook-path generations),
  `core.hooksPath=/dev/null`, `core.pager=cat`, empty `core.sshCommand`, `core.askPass`,
  `core.alternateRefsCommand`, `credential.helper`, `gpg*.program`;
  `log.showSignature=false`, `protocol.allow=never` (and per protocol), plus output-shaping keys
  pinned so a repository cannot change what we parse (`diff.relative`, `log.follow`,
  `color.ui`, `i18n.logOutputEncoding`, `diff.renameLimit`, `diff.algorithm`, `diff.orderFile`,
  `core.bigFileThreshold`, and `core.commentChar`/`trailer.separators`, which could hide trailers).
* Per repository: every key its configuration defines (read once with
  `git config --list -z --includes`; reading config executes nothing) whose variable can name a
  program -- `filter.<x>.clean|smudge|process`, `diff.<x>.textconv|command`, `merge.<x>.driver`,
  `trailer.<x>.command|cmd`, `remote.<x>.uploadpack|receivepack|vcs`, `pager.<cmd>`, any `*.cmd`,
  `*.command`, `*.program`, `*.helper`... -- is overridden with an empty value (`filter.<x>.required`
  with false). Those go through `GIT_CONFIG_COUNT`/`GIT_CONFIG_KEY_n` (git >= 2.31: any
  character in a driver name is safe) or `-c` on older gits.
* Callers that diff pass `--no-textconv --no-ext-diff` as well.

A path inside a repository (a subdirectory) is scanned as that part of the repository: `locate`
gives the toplevel and the subdirectory's prefix; paths are always relative to the toplevel (as
git, CODEOWNERS and SARIF see them) and callers restrict listings to the prefix.

Requires git >= 2.24 (`--end-of-options`); developed against 2.39, supported from 2.30.
"""

from __future__ import annotations

import atexit
import os
import re
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

MIN_VERSION = (2, 24)

_STATIC_OVERRIDES: tuple[tuple[str, str], ...] = (
    ("safe.directory", "*"),
    ("core.fsmonitor", ""),
    ("core.hooksPath", os.devnull),
    ("core.pager", "cat"),
    ("core.sshCommand", ""),
    ("core.askPass", ""),
    ("core.alternateRefsCommand", ""),
    ("credential.helper", ""),
    ("gpg.program", ""),
    ("gpg.openpgp.program", ""),
    ("gpg.x509.program", ""),
    ("gpg.ssh.program", ""),
    ("gpg.ssh.defaultKeyCommand", ""),
    ("log.showSignature", "false"),
    ("protocol.allow", "never"),
    *((f"protocol.{p}.allow", "never") for p in ("file", "git", "ssh", "http", "https", "ext", "fd")),
    ("diff.relative", "false"),
    ("diff.orderFile", os.devnull),
    ("diff.renameLimit", "1000"),
    ("diff.algorithm", "myers"),
    ("log.follow", "false"),
    ("log.showRoot", "true"),
    ("color.ui", "never"),
    ("i18n.logOutputEncoding", "UTF-8"),
    ("core.bigFileThreshold", "512m"),  # git's default: below it, diffs count lines
    ("core.commentChar", "#"),  # trailer parsing skips comment lines
    ("trailer.separators", ":"),
)
_STATIC_KEYS = {key.lower() for key, _ in _STATIC_OVERRIDES}

# Variables (the last part of a config key) that name a program somewhere in git.
_PROGRAM_VARIABLES = frozenset(
    {
        "clean", "smudge", "process", "textconv", "command", "cmd", "driver", "program", "helper",
        "uploadpack", "receivepack", "vcs", "sshcommand", "askpass", "hookspath",
        "fsmonitor", "alternaterefscommand", "defaultkeycommand", "packobjectshook", "proxy",
        "gitproxy", "external", "path",
    }
)
# Sections where a different value than "" is the neutral one, or where every variable matters.
_SECTION_VALUES = {"pager": "false"}
_VARIABLE_VALUES = {
    ("filter", "required"): "false",
    ("submodule", "update"): "none",  # "!command" runs a program
    ("core", "editor"): ":",  # git's own "no editor"
    ("sequence", "editor"): ":",
}
# Keys that look like program keys but only hold data; overriding them would change meaning.
_KEEP = frozenset({"include.path", "includeif.path", "submodule.path"})


class GitError(Exception):
    """git failed (or is missing); the message is the first line git wrote to stderr."""


@dataclass(frozen=True, slots=True)
class Location:
    """Where a scanned path sits in its repository."""

    git_dir: Path
    toplevel: Path  # the work tree root (a label only: git is never run on the work tree)
    prefix: str  # "" or "sub/dir/": the scanned path relative to toplevel, with a trailing slash


# -- the private, empty environment ------------------------------------------------------------

_lock = threading.Lock()
_private: Path | None = None


def _private_dir() -> Path:
    """A per-process directory: home/.gitconfig (safe.directory=*) and an empty worktree/.
    Re-created if a temp cleaner removed it; removed at exit by the process that made it."""
    global _private
    with _lock:
        if _private is None or not (_private / "worktree").is_dir() or not (_private / "home" / ".gitconfig").is_file():
            base = Path(tempfile.mkdtemp(prefix="vibetriage-git-"))
            (base / "home").mkdir()
            (base / "home" / ".gitconfig").write_text("[safe]\n\tdirectory = *\n", encoding="ascii")
            (base / "worktree").mkdir()
            owner = os.getpid()
            atexit.register(lambda: os.getpid() == owner and shutil.rmtree(base, True))
            _private = base
            _base_env_items.cache_clear()
        return _private


def _empty_worktree() -> Path:
    return _private_dir() / "worktree"


@cache
def _base_env_items() -> tuple[tuple[str, str], ...]:
    home = _private_dir() / "home"
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home),
        GIT_CONFIG_NOSYSTEM="1",
        GIT_CONFIG_GLOBAL=str(home / ".gitconfig"),
        GIT_TERMINAL_PROMPT="0",
        GIT_ASKPASS="",
        SSH_ASKPASS="",
        SSH_ASKPASS_REQUIRE="never",
        GIT_PAGER="cat",
        PAGER="cat",
        GIT_OPTIONAL_LOCKS="0",
        GIT_NO_LAZY_FETCH="1",
        GIT_ALLOW_PROTOCOL="none",
        GIT_PROTOCOL_FROM_USER="0",
        GIT_NO_REPLACE_OBJECTS="1",
        GIT_LITERAL_PATHSPECS="1",
        GIT_ATTR_NOSYSTEM="1",
        LC_ALL="C",
        LANGUAGE="C",
    )
    return tuple(env.items())


def _static_args() -> list[str]:
    args: list[str] = []
    for key, value in _STATIC_OVERRIDES:
        args += ["-c", f"{key}={value}"]
    return args


def _spawn_simple(args: list[str], cwd: Path | str) -> subprocess.CompletedProcess[bytes]:
    """Run git with the neutral environment and static overrides but no repository context."""
    if not os.path.isdir(cwd):
        raise GitError(f"not a directory: {cwd}")
    try:
        return subprocess.run(
            ["git", *_static_args(), *args],
            cwd=cwd,
            env=dict(_base_env_items()),
            stdin=subprocess.DEVNULL,
            capture_output=True,
            check=False,
        )
    except FileNotFoundError as exc:
        raise GitError("git is not installed or not on PATH") from exc


@cache
def version() -> tuple[int, ...]:
    """The installed git's version, e.g. (2, 39, 5)."""
    proc = _spawn_simple(["version"], _empty_worktree())
    match = re.search(rb"(\d+)\.(\d+)(?:\.(\d+))?", proc.stdout)
    if proc.returncode or not match:
        raise GitError("cannot determine the git version")
    found = tuple(int(part or 0) for part in match.groups())
    if found < MIN_VERSION:
        raise GitError(f"git {'.'.join(map(str, found))} is too old; vibetriage needs git >= 2.24")
    return found


def _first_line(stderr: bytes) -> str:
    """git's first fatal/error line (warnings come first sometimes), else its first line."""
    lines = [line.strip() for line in stderr.decode("utf-8", "replace").splitlines() if line.strip()]
    for line in lines:
        if line.startswith(("fatal:", "error:")):
            return line
    return lines[0] if lines else "git failed"


# -- the per-repository context ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Context:
    """Where a repository is and the settings its git commands run with, valid while its config
    files keep the recorded signature."""

    location: Location
    dynamic: tuple[tuple[str, str], ...]  # per-repository program-key overrides
    signature: tuple[tuple[str, int, int], ...]  # config files' (path, mtime_ns, size)
    partial: bool  # a partial clone: its object store may lack blobs its index and trees name


_contexts: dict[str, _Context] = {}


def _stat_signature(paths: Sequence[str]) -> tuple[tuple[str, int, int], ...]:
    out = []
    for p in sorted(set(paths)):
        try:
            st = os.stat(p)
            out.append((p, st.st_mtime_ns, st.st_size))
        except OSError:
            out.append((p, -1, -1))
    return tuple(out)


def _config_files(git_dir: Path, origins: Sequence[str]) -> list[str]:
    files = [str(git_dir / "config"), str(git_dir / "config.worktree"), str(git_dir / "HEAD"), *origins]
    if (common := common_dir(git_dir)) != git_dir:
        files.append(str(common / "config"))
    return files


def _neutral_value(key: str) -> str | None:
    """The override for one config key the repository defines, or None to leave it alone."""
    section, _, rest = key.partition(".")
    variable = rest.rsplit(".", 1)[-1]
    section = section.lower()
    variable = variable.lower()
    if f"{section}.{variable}" in _KEEP or not rest:
        return None
    if section in _SECTION_VALUES:
        return _SECTION_VALUES[section]
    if (section, variable) in _VARIABLE_VALUES:
        return _VARIABLE_VALUES[(section, variable)]
    if variable in _PROGRAM_VARIABLES:
        return ""
    return None


def _config_true(value: bytes | None) -> bool:
    """A boolean config value as git reads it: a key without a value is true; true/yes/on, or an
    integer other than 0 (with an optional k/m/g), are true; anything else is false."""
    if value is None:
        return True
    text = value.strip().lower()
    if text in (b"true", b"yes", b"on"):
        return True
    number = re.fullmatch(rb"-?\d+[kmg]?", text)
    return bool(number) and int(text.rstrip(b"kmg")) != 0


def common_dir(git_dir: Path) -> Path:
    """Where a repository keeps what its worktrees share (objects, refs, `shallow`): the git dir
    itself, or for a linked worktree the main one's, named in its `commondir` file."""
    try:
        common = (git_dir / "commondir").read_text(encoding="utf-8", errors="replace").strip()
    except OSError:  # vibetriage: ignore[python.swallowed-exception] no commondir file: not a linked worktree
        return git_dir
    return (git_dir / common).resolve()


def _dynamic_overrides(git_dir: Path) -> tuple[tuple[tuple[str, str], ...], list[str], bool]:
    """Read the repository's own config (with its includes) and neutralise every program key;
    also say whether it is a partial clone (a promisor remote)."""
    proc = _spawn_simple(
        [f"--git-dir={git_dir}", f"--work-tree={_empty_worktree()}", "config", "--list", "-z", "--includes", "--show-origin"],
        _empty_worktree(),
    )
    if proc.returncode not in (0, 1):  # 1: no config at all
        raise GitError(_first_line(proc.stderr))
    tokens = proc.stdout.split(b"\0")
    origins: list[str] = []
    overrides: dict[str, str] = {}
    partial = False
    for origin, entry in zip(tokens[0::2], tokens[1::2]):
        if origin.startswith(b"file:"):
            origins.append(os.fsdecode(origin[5:]))
        raw_key, has_value, setting = entry.partition(b"\n")
        key = os.fsdecode(raw_key)
        lowered = key.lower()
        partial = partial or lowered == "extensions.partialclone" or (
            lowered.startswith("remote.") and lowered.endswith(".promisor") and _config_true(setting if has_value else None))
        if lowered in _STATIC_KEYS:
            continue
        value = _neutral_value(key)
        if value is not None:
            overrides[key] = value
    return tuple(sorted(overrides.items())), origins, partial


def _resolve(path: str) -> _Context:
    proc = _spawn_simple(["rev-parse", "--absolute-git-dir", "--show-toplevel", "--show-prefix"], path)
    if proc.returncode:
        raise GitError(_first_line(proc.stderr))
    lines = proc.stdout.split(b"\n")
    if len(lines) != 4 or lines[3]:
        # A path with a newline in it: ask one question per call.
        def one(flag: str) -> bytes:
            p = _spawn_simple(["rev-parse", flag], path)
            if p.returncode:
                raise GitError(_first_line(p.stderr))
            return p.stdout[:-1] if p.stdout.endswith(b"\n") else p.stdout

        lines = [one("--absolute-git-dir"), one("--show-toplevel"), one("--show-prefix")]
    git_dir = Path(os.fsdecode(lines[0]))
    toplevel = Path(os.fsdecode(lines[1]))
    prefix = os.fsdecode(lines[2])
    real = os.path.realpath(path)
    top_real = os.path.realpath(toplevel)
    if not (real == top_real or real.startswith(top_real.rstrip("/") + "/")):
        # core.worktree points elsewhere: the scanned path is the label, the whole index the scope.
        toplevel, prefix = Path(real), ""
    dynamic, origins, partial = _dynamic_overrides(git_dir)
    return _Context(
        Location(git_dir, toplevel, prefix), dynamic, _stat_signature(_config_files(git_dir, origins)), partial
    )


def _context(repo: Path | str) -> _Context:
    key = os.path.abspath(os.fspath(repo))
    with _lock:
        ctx = _contexts.get(key)
    if ctx is not None and _stat_signature([p for p, _, _ in ctx.signature]) == ctx.signature:
        return ctx
    ctx = _resolve(key)
    with _lock:
        _contexts[key] = ctx
    return ctx


def locate(repo: Path | str) -> Location:
    """The git dir, toplevel and prefix of a path in a repository; GitError if it is not in one."""
    return _context(repo).location


def is_partial_clone(repo: Path | str) -> bool:
    """Whether the repository has a promisor remote: objects it names may be missing locally."""
    return _context(repo).partial


def invocation(repo: Path | str, args: Sequence[str], *, real_work_tree: bool = False) -> tuple[list[str], dict[str, str], Path]:
    """argv, environment and cwd for running `git <args>` on `repo` the safe way.

    `real_work_tree=True` points git at the real work tree instead of the empty one; nothing in
    vibetriage does that: it exists so tests can prove the config overrides hold on their own."""
    ctx = _context(repo)
    _private_dir()  # first: re-creating it refreshes the environment below
    env = dict(_base_env_items())
    argv = ["git", f"--git-dir={ctx.location.git_dir}"]
    cwd = ctx.location.toplevel if real_work_tree else _empty_worktree()
    argv.append(f"--work-tree={cwd}")
    argv += _static_args()
    if version() >= (2, 31):
        env["GIT_CONFIG_COUNT"] = str(len(ctx.dynamic))
        for i, (key, value) in enumerate(ctx.dynamic):
            env[f"GIT_CONFIG_KEY_{i}"] = key
            env[f"GIT_CONFIG_VALUE_{i}"] = value
    else:
        for key, value in ctx.dynamic:
            if "=" not in key:  # cannot be said with -c; the empty work tree still covers it
                argv += ["-c", f"{key}={value}"]
    argv += list(args)
    return argv, env, cwd


# -- running -----------------------------------------------------------------------------------


def _run_status(repo: Path | str, args: Sequence[str], stdin: bytes | None = None, timeout: float | None = None) -> tuple[int, bytes, bytes]:
    argv, env, cwd = invocation(repo, args)
    try:
        proc = subprocess.run(
            argv,
            cwd=cwd,
            env=env,
            input=stdin,
            stdin=None if stdin is not None else subprocess.DEVNULL,
            capture_output=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise GitError(f"git {args[0] if args else ''} timed out after {timeout} s") from exc
    return proc.returncode, proc.stdout, proc.stderr


def run(repo: Path | str, args: list[str], *, stdin: bytes | None = None, timeout: float | None = None) -> bytes:
    """Run `git <args>` on the repository containing `repo`; its stdout, or GitError."""
    code, out, err = _run_status(repo, args, stdin, timeout)
    if code:
        raise GitError(_first_line(err))
    return out


class Stream:
    """A git process whose stdout is read in chunks as it is produced (for `git log` on long
    histories). Iterate it for the chunks; a non-zero exit raises GitError after the last chunk.
    Closing it early (or leaving the `with` block) kills the process."""

    def __init__(self, repo: Path | str, args: Sequence[str], *, chunk_size: int = 1 << 20) -> None:
        argv, env, cwd = invocation(repo, args)
        self._stderr = tempfile.TemporaryFile()
        self._chunk = chunk_size
        self._proc = subprocess.Popen(argv, cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=self._stderr)
        _grow_pipe(self._proc.stdout)

    def __iter__(self) -> Iterator[bytes]:
        assert self._proc.stdout is not None
        read = self._proc.stdout.read1
        try:
            while chunk := read(self._chunk):
                yield chunk
            code = self._proc.wait()
            if code:
                self._stderr.seek(0)
                raise GitError(_first_line(self._stderr.read(4096)))
        finally:
            self.close()

    def kill(self) -> None:
        """End the git process and nothing else, so another thread may call it while one reads:
        the reader sees the output end and closes the files itself."""
        if self._proc.poll() is None:
            self._proc.kill()

    def close(self) -> None:
        """Kill the process if it runs, reap it and close its files (the reading thread's job)."""
        self.kill()
        self._proc.wait()
        if self._proc.stdout:
            self._proc.stdout.close()
        self._stderr.close()

    def __enter__(self) -> Stream:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def stream(repo: Path | str, args: Sequence[str]) -> Stream:
    return Stream(repo, args)


def _grow_pipe(pipe: object) -> None:
    """Ask Linux for a 1 MiB pipe: fewer wake-ups when git writes faster than we read."""
    try:
        import fcntl

        fcntl.fcntl(pipe.fileno(), getattr(fcntl, "F_SETPIPE_SZ", 1031), 1 << 20)  # type: ignore[attr-defined]
    except (OSError, ImportError, AttributeError, ValueError):  # vibetriage: ignore[python.swallowed-exception] a bigger pipe is only a speed hint; the default works
        pass


def popen(repo: Path | str, args: Sequence[str]) -> subprocess.Popen[bytes]:
    """A git process with stdin and stdout pipes and stderr to a temporary file, for the
    `cat-file --batch` protocol. The caller owns it (and must wait for it)."""
    argv, env, cwd = invocation(repo, args)
    return subprocess.Popen(argv, cwd=cwd, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)


# -- questions ---------------------------------------------------------------------------------

_HEX = re.compile(r"[0-9a-f]{7,64}")


def _check_rev(rev: str) -> str:
    if not rev or rev.startswith("-") or "\0" in rev or "\n" in rev:
        raise GitError(f"not a revision: {rev!r}")
    return rev


def resolve_commit(repo: Path | str, rev: str) -> str:
    """The commit id a revision names (a branch, tag, `origin/main`, `HEAD~3`...)."""
    code, out, _ = _run_status(repo, ["rev-parse", "--verify", "-q", "--end-of-options", f"{_check_rev(rev)}^{{commit}}"])
    if code != 0 or not out.strip():
        raise GitError(f"{rev!r} is not a commit of this repository (fetch it first in a shallow CI clone?)")
    return out.decode("ascii").strip()


def is_git_repo(path: Path | str) -> bool:
    """True when `path` is in the work tree of a git repository (bare repositories are not)."""
    if not os.path.isdir(path):
        return False
    try:
        _context(path)  # resolving needs --show-toplevel, which fails outside a work tree
    except GitError:
        return False
    return True


def head(repo: Path | str) -> str | None:
    """The commit id HEAD points at; None in a repository without commits."""
    code, out, _ = _run_status(repo, ["rev-parse", "--verify", "-q", "HEAD^{commit}"])
    return out.decode("ascii").strip() if code == 0 and out.strip() else None


def is_shallow(repo: Path | str) -> bool:
    return run(repo, ["rev-parse", "--is-shallow-repository"]).strip() == b"true"


def commit_time(repo: Path | str, rev: str) -> int:
    """Committer date (epoch seconds) of a commit: the end of the churn window for HEAD."""
    out = run(repo, ["log", "-1", "--no-walk", "--format=%ct", "--end-of-options", _check_rev(rev), "--"])
    try:
        return int(out.strip())
    except ValueError:
        raise GitError(f"no commit time for {rev!r}") from None


def is_ancestor(repo: Path | str, old: str, new: str) -> bool:
    """True when commit `old` is reachable from `new` (or equal). False when either is unknown."""
    code, _, err = _run_status(repo, ["merge-base", "--is-ancestor", "--end-of-options", _check_rev(old), _check_rev(new)])
    if code in (0, 1):
        return code == 0
    if b"Not a valid" in err or b"not a valid" in err or b"unknown" in err.lower():
        return False
    raise GitError(_first_line(err))


def is_object_id(text: str) -> bool:
    return bool(_HEX.fullmatch(text))


_IDENTITY_ENV_KEEP = ("GIT_CONFIG_GLOBAL", "GIT_CONFIG_SYSTEM", "GIT_CONFIG_NOSYSTEM")


def user_identity(repo: Path | str | None = None) -> str:
    """"Name <email>" of the person running vibetriage, for the decisions they record: git's
    user.name and user.email from their own global/system configuration (includeIf rules see
    the repository), the repository's own values only where the user has none, else the login
    name. Unlike every other call here this reads the user's configuration -- reading config
    runs nothing -- and it still runs no command of the repository's."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_") or k in _IDENTITY_ENV_KEEP}
    env.update(LC_ALL="C", GIT_TERMINAL_PROMPT="0")
    argv = ["git", "-c", "safe.directory=*"]
    try:
        if repo is not None and is_git_repo(repo):
            argv.append(f"--git-dir={locate(repo).git_dir}")
    except GitError:  # vibetriage: ignore[python.swallowed-exception] not a repository: identity comes from the user's own config
        pass
    values: dict[str, str] = {}
    for key in ("user.name", "user.email"):
        try:
            proc = subprocess.run(
                [*argv, "config", "--show-scope", "--get-all", key],
                cwd=_empty_worktree(), env=env, stdin=subprocess.DEVNULL, capture_output=True, timeout=30, check=False,
            )
        except (OSError, subprocess.TimeoutExpired):  # vibetriage: ignore[python.swallowed-exception] git unavailable: the login name is the fallback identity
            continue
        own, local = None, None
        for line in proc.stdout.decode("utf-8", "replace").splitlines():
            scope, _, value = line.partition("\t")
            if not value.strip():
                continue
            if scope in ("local", "worktree"):
                local = value.strip()
            else:
                own = value.strip()
        if own or local:
            values[key] = own or local  # type: ignore[assignment]
    name, email = values.get("user.name"), values.get("user.email")
    if name and email:
        return f"{name} <{email}>"
    if name or email:
        return name or email  # type: ignore[return-value]
    import getpass

    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"
