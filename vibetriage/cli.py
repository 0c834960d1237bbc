"""The `vibetriage` command line: argument parsing and dispatch. Each command is a small function;
rendering is in `vibetriage.render`, work in `pipeline` and `store`. Bad input ends in one line on
stderr (`vibetriage: error: ...`) and a non-zero exit code, never a traceback."""

from __future__ import annotations

import argparse
import difflib
import posixpath
import re
import sqlite3
import sys
import tempfile
from pathlib import Path

from vibetriage import __version__
from vibetriage.config import ConfigError
from vibetriage.config import load as load_config
from vibetriage.model import TAGS, Region
from vibetriage.store import DEFAULT_DB, Store, StoreError
from vibetriage.text import visible

# rich (and with it `render`) is imported where output is drawn, not here: a quiet, up-to-date
# `scan -q` in a pre-commit hook should cost little more than the interpreter's start.

EXIT_ERROR = 1


class CliError(Exception):
    pass


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        if not _interactive():
            parser.print_help()  # a script that runs bare `vibetriage` must not hang in a full-screen app
            return 0
        args = parser.parse_args(["tui"])
    from analyzers.coverage import CoverageError
    from analyzers.git import GitError
    from analyzers.sarif import SarifError
    from vibetriage.pipeline import ScanError

    try:
        return args.run(args) or 0
    except (CliError, ScanError, StoreError, ConfigError, GitError, SarifError, CoverageError) as exc:
        print(f"vibetriage: error: {visible(exc)}", file=sys.stderr)
        return EXIT_ERROR
    except sqlite3.OperationalError as exc:
        hint = "another vibetriage is writing to it; try again when it is done" if "locked" in str(exc) else "check the file and its permissions"
        print(f"vibetriage: error: database: {visible(exc)}; {hint}", file=sys.stderr)
        return EXIT_ERROR
    except sqlite3.DatabaseError as exc:
        print(f"vibetriage: error: database: {visible(exc)}; move the file aside (your decisions are in it) and scan again", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="vibetriage", description="Rank a git repository's code by risk and record triage decisions.")
    p.add_argument("--version", action="version", version=f"vibetriage {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    s = sub.add_parser("scan", help="analyze a repository into its database")
    _repo_args(s)
    s.add_argument("-q", "--quiet", action="store_true", help="no progress bar or summary")
    s.add_argument("--window-days", type=int, help="churn window in days, ending at HEAD's date (default 365)")
    s.add_argument("--max-file-bytes", type=int, help="skip files larger than this (default 1000000)")
    s.add_argument("--jobs", type=int, help="parser processes (default: 2 on large repositories)")
    s.add_argument("--sarif", type=Path, action="append", default=[], metavar="FILE",
                   help="import another scanner's findings (SARIF 2.1.0: Semgrep, CodeQL, Bandit...); kept until the same tool is imported again")
    s.add_argument("--coverage", type=Path, action="append", default=[], metavar="FILE",
                   help="import a coverage report (Cobertura XML or lcov); replaces the previous coverage import")
    s.set_defaults(run=cmd_scan)

    t = sub.add_parser("top", help="print the risk ranking with its reasons")
    _repo_args(t)
    t.add_argument("-n", type=int, default=20, help="how many rows (default 20; 0 for all)")
    t.add_argument("--regions", action="store_true", help="rank functions, methods and classes instead of files")
    t.add_argument("--json", action="store_true", help="machine-readable output with every signal")
    t.set_defaults(run=cmd_top)

    g = sub.add_parser("tag", help="record a decision on a region (or on every region of a file)")
    g.add_argument("target", help="PATH::QUALNAME (e.g. api/auth.py::Auth.login), or PATH for all its regions")
    g.add_argument("tag", choices=TAGS)
    g.add_argument("--note", default="", help="why")
    g.add_argument("--remove", action="store_true", help="record the removal of the tag")
    g.add_argument("--as", dest="actor", help="who decides (default: git user.name <user.email> of the repository)")
    _repo_args(g, positional=False)
    g.set_defaults(run=cmd_tag)

    w = sub.add_parser("show", help="signals, regions and decision history of a file or region")
    w.add_argument("target", help="PATH or PATH::QUALNAME")
    w.add_argument("--json", action="store_true")
    _repo_args(w, positional=False)
    w.set_defaults(run=cmd_show)

    u = sub.add_parser("tui", help="the workbench: triage the repository from the keyboard (the default command)")
    _repo_args(u)
    u.add_argument("--reviewer", help="who decides (default: reviewer in ~/.config/vibetriage/config.toml, "
                                      "else git user.name <user.email> of the repository, else the login name)")
    u.set_defaults(run=cmd_tui)

    d = sub.add_parser("demo", help="build the demo repository, scan it and open the workbench on it (print the ranking when piped)")
    d.add_argument("dest", nargs="?", type=Path, help="an empty or new directory (default: a new temporary one)")
    d.set_defaults(run=cmd_demo)
    return p


def _repo_args(p: argparse.ArgumentParser, *, positional: bool = True) -> None:
    if positional:
        p.add_argument("path", nargs="?", type=Path, default=Path("."), help="repository (default: .)")
    else:
        p.add_argument("--repo", dest="path", type=Path, default=Path("."), help="repository (default: .)")
    p.add_argument("--db", type=Path, help=f"database file (default: REPO/{DEFAULT_DB.as_posix()})")


def _root(args) -> Path:
    from vibetriage.pipeline import resolve_root

    return resolve_root(args.path)


def _open_store(args, root: Path, *, create: bool = False) -> Store:
    """The database given by --db, else the one of the repository (its toplevel, wherever in it the
    command runs). A database that is committed in the repository came with a clone: its
    decisions and cached facts cannot be trusted, so it is refused."""
    from analyzers import git

    top = git.locate(root).toplevel if git.is_git_repo(root) else root
    db = args.db or top / DEFAULT_DB
    if git.is_git_repo(root) and db.resolve().is_relative_to(top.resolve()):
        relative = db.resolve().relative_to(top.resolve()).as_posix()
        if git.run(top, ["ls-files", "-z", "--", relative]):
            raise CliError(f"{relative} is committed in the repository: a database from a clone cannot be trusted; "
                           "remove it from git (decisions travel as .vibetriage/decisions.jsonl) or pass --db")
    return Store.open(db, create=create)


def _scanned_store(args, root: Path) -> Store:
    store = _open_store(args, root)
    if store.last_scan() is None:
        store.close()
        raise CliError(f"no scan of {root} yet: run `vibetriage scan {args.path}` first")
    return store


# -- commands ----------------------------------------------------------------------------------


def cmd_scan(args) -> int:
    from vibetriage.pipeline import scan

    root = _root(args)
    config = load_config(root, window_days=args.window_days, max_file_bytes=args.max_file_bytes)
    with _open_store(args, root, create=True) as store:
        if args.quiet:
            scan(root, store, config, jobs=args.jobs, sarif=tuple(args.sarif), coverage=tuple(args.coverage))
            return 0
        from vibetriage import render

        err = render.console(stderr=True)
        with _progress(err, err.is_terminal) as report:
            outcome = scan(root, store, config, progress=report, jobs=args.jobs, sarif=tuple(args.sarif), coverage=tuple(args.coverage))
        render.console().print(render.scan_summary(outcome.info, outcome.up_to_date, outcome.diagnostics))
    return 0


def cmd_top(args) -> int:
    from vibetriage import render

    root = _root(args)
    limit = None if args.n <= 0 else args.n
    with _scanned_store(args, root) as store:
        out = render.console()
        states, orphans = store.region_states()
        by_path = _group_findings(store.findings())
        if orphans and not args.json:
            render.console(stderr=True).print(render.orphans_note(orphans))
        if args.regions:
            rows = store.ranked_regions(limit)
            by_region = _held([r.region for r in rows], by_path)
            if args.json:
                out.print_json(ensure_ascii=True, data=[render.region_json(r, states.get(r.region.key), by_region.get(r.region.key, [])) for r in rows])
            else:
                out.print(render.regions_table(rows, states, by_region))
            return 0
        rows = store.ranked_files(limit)
        if args.json:
            out.print_json(ensure_ascii=True, data=[render.file_json(f, by_path.get(f.file.path, [])) for f in rows])
        else:
            out.print(render.files_table(rows, _state_counts(states), by_path))
            _warn_if_stale(store, root)
    return 0


def cmd_tag(args) -> int:
    from vibetriage import render
    from vibetriage.pipeline import is_current

    root = _root(args)
    with _scanned_store(args, root) as store:
        # A decision records the code it was made on: that must be the code as it is now.
        if not is_current(root, store, load_config(root)):
            raise CliError(f"the code changed since the last scan: run `vibetriage scan {args.path}` first, "
                           "so the decision covers the code you are looking at")
        regions = _resolve_target(store, root, args.target, whole_file_ok=True)
        actor = args.actor or _identity(root)
        for region in regions:
            store.add_decision(region, args.tag, actor, note=args.note, removed=args.remove)
        verb = "removed" if args.remove else "tagged"
        what = regions[0].key.label() if len(regions) == 1 else f"{len(regions)} regions of {regions[0].path}"
        render.console().print(render.plain(f"{verb} {args.tag}: {what} (as {actor})"))
    return 0


def cmd_show(args) -> int:
    from vibetriage import render

    root = _root(args)
    with _scanned_store(args, root) as store:
        out = render.console()
        path, qualname = _split_target(root, args.target)
        ranked = store.file(path)
        if ranked is None:
            raise CliError(f"{path} is not among the scanned files{_near(path, store.paths())}")
        states, _ = store.region_states(path)
        findings = store.findings(path)
        ranked_regions = store.ranked_regions(path=path)
        by_region = _held([r.region for r in ranked_regions], {path: findings})
        if qualname is None:
            regions = ranked_regions
            decisions = store.decisions(path)
            if args.json:
                out.print_json(ensure_ascii=True, data={
                    **render.file_json(ranked, findings),
                    "regions": [render.region_json(r, states.get(r.region.key), by_region.get(r.region.key, [])) for r in regions],
                    "finding_list": [render.finding_json(f) for f in findings],
                    "decisions": [render.decision_json(d) for d in decisions],
                })
            else:
                out.print(render.file_detail(ranked, regions, states, decisions, findings, by_region))
            return 0
        region = _resolve_target(store, root, args.target, whole_file_ok=False)[0]
        rr = next(r for r in ranked_regions if r.region.key == region.key)
        state = store.region_state(region)
        mine = by_region.get(region.key, [])
        if args.json:
            out.print_json(ensure_ascii=True, data={**render.region_json(rr, state, mine), "finding_list": [render.finding_json(f) for f in mine],
                                 "decisions": [render.decision_json(d) for d in state.decisions]})
        else:
            out.print(render.region_detail(rr, state, mine))
    return 0


def cmd_tui(args) -> int:
    if not _interactive():
        raise CliError("the workbench needs a terminal; in scripts use `vibetriage top` or `vibetriage show`")
    root = _root(args)
    config = load_config(root)
    with _open_store(args, root, create=True) as store:  # a bad database is refused here, in one line
        db = store.path
    return _workbench(root, db, _reviewer(args, root), config)


def _workbench(root: Path, db: Path, reviewer: str, config) -> int:
    from tui.app import VibeTriageApp
    from tui.data import Session

    app = VibeTriageApp(Session(root, db, reviewer, config))
    app.run()
    return app.return_code or 0


def _reviewer(args, root: Path) -> str:
    from vibetriage.config import check_reviewer, user_reviewer

    if getattr(args, "reviewer", None) is not None:
        return check_reviewer(args.reviewer, "--reviewer")
    return user_reviewer() or _identity(root)


def _interactive() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty()


def cmd_demo(args) -> int:
    from vibetriage import render
    from vibetriage.demo import build_demo
    from vibetriage.pipeline import scan

    dest = args.dest or Path(tempfile.mkdtemp(prefix="vibetriage-demo-"))
    if _interactive():
        print(f"building the demo repository in {visible(dest)}")
        root = build_demo(dest)
        return _workbench(root, root / DEFAULT_DB, _reviewer(args, root), load_config(root))
    out = render.console()
    out.print(render.plain(f"building the demo repository in {dest}"))
    root = build_demo(dest)
    with Store.open(root / DEFAULT_DB) as store:
        err = render.console(stderr=True)
        with _progress(err, err.is_terminal) as report:
            outcome = scan(root, store, load_config(root), progress=report)
        out.print(render.scan_summary(outcome.info, outcome.up_to_date, outcome.diagnostics))
        states, _ = store.region_states()
        by_path = _group_findings(store.findings())
        top_regions = store.ranked_regions(10)
        out.print(render.files_table(store.ranked_files(10), _state_counts(states), by_path))
        out.print()
        out.print(render.regions_table(top_regions, states, _held([r.region for r in top_regions], by_path)))
    out.print()
    out.print(render.plain(f"explore it: vibetriage top {root} --regions ; vibetriage show --repo {root} api/pricing.py"))
    return 0


# -- helpers -----------------------------------------------------------------------------------


class _progress:
    """A rich progress bar on a terminal; a no-op callback otherwise."""

    def __init__(self, console, show: bool):
        self.bar = None
        if show:
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            self.bar = Progress(TextColumn("{task.description:<8}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                                console=console, transient=True)
        self.tasks: dict[str, int] = {}

    def __enter__(self):
        if self.bar is None:
            return lambda *_: None
        self.bar.__enter__()
        return self.report

    def report(self, phase: str, done: int, total: int) -> None:
        if phase not in self.tasks:
            for task in self.tasks.values():  # a new phase means the earlier ones are done
                self.bar.update(task, completed=self.bar.tasks[task].total)
            self.tasks[phase] = self.bar.add_task(phase, total=total or 1)
        self.bar.update(self.tasks[phase], completed=done if total else 1, total=total or 1)

    def __exit__(self, *exc):
        if self.bar is not None:
            self.bar.__exit__(*exc)


def _group_findings(findings):
    by_path: dict[str, list] = {}
    for f in findings:
        by_path.setdefault(f.path, []).append(f)
    return by_path


def _held(regions, by_path) -> dict:
    """Each region's findings: those on its lines (Region.holds), as its security score counts them."""
    return {r.key: [f for f in by_path.get(r.path, []) if r.holds(f.start_line)] for r in regions}


def _state_counts(states) -> dict[str, dict[str, int]]:
    counts: dict[str, dict[str, int]] = {}
    for key, state in states.items():
        c = counts.setdefault(key.path, {})
        for label in (state.track, state.review):
            if label not in ("unclassified", "unreviewed"):
                c[label] = c.get(label, 0) + 1
    return counts


def _split_target(root: Path, target: str) -> tuple[str, str | None]:
    """(repository path, qualified name or None). Paths are relative to the repository's toplevel;
    one that names an existing file from the current directory is converted to that."""
    from analyzers import git

    path, sep, qualname = target.partition("::")
    if not path:
        raise CliError("name a file: PATH or PATH::QUALNAME")
    top = (git.locate(root).toplevel if git.is_git_repo(root) else root).resolve()
    candidate = (Path.cwd() / path).resolve()
    if candidate.is_relative_to(top) and candidate.is_file():
        path = candidate.relative_to(top).as_posix()
    else:
        path = posixpath.normpath(path.replace("\\", "/")).lstrip("/")
    return path, (qualname if sep else None)


def _resolve_target(store: Store, root: Path, target: str, *, whole_file_ok: bool) -> list[Region]:
    path, qualname = _split_target(root, target)
    regions = store.regions(path)
    if store.file(path) is None:
        raise CliError(f"{path} is not among the scanned files{_near(path, store.paths())}")
    if qualname is None:
        if not whole_file_ok:
            raise CliError(f"name a region: {path}::QUALNAME")
        if not regions:
            raise CliError(f"{path} has no functions, methods or classes to tag")
        return sorted(regions, key=lambda r: r.start_line)
    # Only a trailing #N is an ordinal: `#` also starts JS private names and Rust raw identifiers.
    name, ordinal = re.fullmatch(r"(.*?)(?:#(\d+))?", qualname).groups()
    found = [r for r in regions if r.qualname == name and (ordinal is None or str(r.ordinal) == ordinal)]
    if not found:
        raise CliError(f"no region {path}::{qualname}{_near(name, [r.qualname for r in regions])}")
    if len(found) > 1:
        options = ", ".join(f"{r.qualname}#{r.ordinal} (line {r.start_line})" for r in found)
        raise CliError(f"{path}::{qualname} names {len(found)} regions: {options}; add #N")
    return found


def _near(word: str, options: list[str]) -> str:
    close = difflib.get_close_matches(word, list(dict.fromkeys(options)), n=3)
    return f"; did you mean {', '.join(close)}?" if close else ""


def _identity(root: Path) -> str:
    from analyzers.git import user_identity

    return user_identity(root)


def _warn_if_stale(store: Store, root: Path) -> None:
    from analyzers import git
    from vibetriage import render

    info = store.last_scan()
    if info and info.is_git and git.is_git_repo(root) and git.head(root) != info.head:
        render.console(stderr=True).print("note: HEAD moved since the last scan; run `vibetriage scan` to update", markup=False)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
