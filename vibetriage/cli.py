"""The `vibetriage` command line: argument parsing and dispatch. Each command is a small function;
rendering is in `vibetriage.render`, work in `pipeline` and `store`. Bad input ends in one line on
stderr (`vibetriage: error: ...`) and a non-zero exit code, never a traceback."""

from __future__ import annotations

import argparse
import posixpath
import re
import sqlite3
import sys
from pathlib import Path

from vibetriage import __version__
from vibetriage.config import ConfigError
from vibetriage.config import load as load_config
from vibetriage.export import DEFAULT_TOP
from vibetriage.export import FORMATS as EXPORT_FORMATS
from vibetriage.model import CHECKS, TAGS, Region
from vibetriage.store import DEFAULT_DB, Store, StoreError
from vibetriage.text import visible

# rich (and with it `render`) is imported where output is drawn, not here: a quiet, up-to-date
# `scan -q` in a pre-commit hook should cost little more than the interpreter's start.

EXIT_ERROR = 1
EXIT_CHECK_FAILED = 3  # `check` found problems: distinct from 1 (could not run) for CI


class CliError(Exception):
    pass


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = _parser(argv[0] if argv and argv[0] in _COMMANDS else None)
    args = parser.parse_args(argv)
    if args.command is None:
        if not _interactive():
            parser.print_help()  # a script that runs bare `vibetriage` must not hang in a full-screen app
            return 0
        args = parser.parse_args(["tui"])
    try:
        return args.run(args) or 0
    except (CliError, StoreError, ConfigError) as exc:
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
    except Exception as exc:  # last: the clauses above are more specific
        if not isinstance(exc, _input_errors()):
            raise
        print(f"vibetriage: error: {visible(exc)}", file=sys.stderr)
        return EXIT_ERROR


def _input_errors() -> tuple[type[Exception], ...]:
    """The other modules' errors that mean bad input, reported like ours. Imported once one is
    raised: an up-to-date `scan` must not load the SARIF and coverage readers to catch theirs."""
    from analyzers.coverage import CoverageError
    from analyzers.git import GitError
    from analyzers.sarif import SarifError
    from vibetriage.exchange import ExchangeError
    from vibetriage.export import ExportError
    from vibetriage.pipeline import ScanError

    return (ScanError, GitError, SarifError, CoverageError, ExchangeError, ExportError)


def _parser(command: str | None = None) -> argparse.ArgumentParser:
    """The argument parser; with `command`, only that command's part of it (building every
    command's options costs each run a few milliseconds, a tenth of an up-to-date `scan`)."""
    p = argparse.ArgumentParser(prog="vibetriage", description="Rank a git repository's code by risk and record triage decisions.")
    p.add_argument("--version", action="version", version=f"vibetriage {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    for name, add in _COMMANDS.items():
        if command in (None, name):
            add(sub)
    return p


def _scan_command(sub) -> None:
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


def _top_command(sub) -> None:
    t = sub.add_parser("top", help="print the risk ranking with its reasons")
    _repo_args(t)
    t.add_argument("-n", type=int, default=20, help="how many rows (default 20; 0 for all)")
    t.add_argument("--regions", action="store_true", help="rank functions, methods and classes instead of files")
    t.add_argument("--json", action="store_true", help="machine-readable output with every signal")
    t.set_defaults(run=cmd_top)


def _tag_command(sub) -> None:
    g = sub.add_parser("tag", help="record a decision on a region (or on every region of a file)")
    g.add_argument("target", help="PATH::QUALNAME (e.g. api/auth.py::Auth.login), or PATH for all its regions")
    g.add_argument("tag", choices=TAGS)
    g.add_argument("--note", default="", help="why")
    g.add_argument("--remove", action="store_true", help="record the removal of the tag")
    g.add_argument("--as", dest="actor", help="who decides (default: git user.name <user.email> of the repository)")
    _repo_args(g, positional=False)
    g.set_defaults(run=cmd_tag)


def _show_command(sub) -> None:
    w = sub.add_parser("show", help="signals, regions and decision history of a file or region")
    w.add_argument("target", help="PATH or PATH::QUALNAME")
    w.add_argument("--json", action="store_true")
    _repo_args(w, positional=False)
    w.set_defaults(run=cmd_show)


def _decisions_command(sub) -> None:
    from vibetriage.exchange import DEFAULT_FILE as EXCHANGE_FILE

    x = sub.add_parser("decisions", help="share decisions through a committed file, .vibetriage/decisions.jsonl")
    actions = x.add_subparsers(dest="action", metavar="ACTION", required=True)
    e = actions.add_parser("export", help="append the database's decisions that the file lacks (commit the file; it merges like code)")
    _repo_args(e)
    e.add_argument("--file", type=Path, help=f"decisions file (default: REPO/{EXCHANGE_FILE})")
    e.set_defaults(run=cmd_decisions_export)
    i = actions.add_parser("import", help="add the file's decisions that the database lacks (safe to repeat)")
    _repo_args(i)
    i.add_argument("--file", type=Path, help=f"decisions file (default: REPO/{EXCHANGE_FILE})")
    i.set_defaults(run=cmd_decisions_import)


def _check_command(sub) -> None:
    from vibetriage.exchange import DEFAULT_FILE as EXCHANGE_FILE

    c = sub.add_parser("check", help="exit 3 when load-bearing code changed since its review or a new serious finding "
                       "appeared (for pre-commit and CI)")
    _repo_args(c)
    c.add_argument("--base", metavar="REF", help="revision to compare findings with (default: HEAD; in CI the target branch, "
                   "e.g. origin/main)")
    c.add_argument("--fail-on", action="append", metavar="CHECK",
                   help="stale-load-bearing, new-findings or unreviewed-load-bearing; repeat for several "
                   "(default: [check] fail_on of the repository's settings, else the first two)")
    c.add_argument("--min-severity", metavar="SEVERITY", help="least severity of a new finding that fails (default: high)")
    c.add_argument("--decisions", type=Path, metavar="FILE",
                   help=f"decisions file imported first (default: REPO/{EXCHANGE_FILE} when it exists)")
    c.set_defaults(run=cmd_check)


def _tour_command(sub) -> None:
    o = sub.add_parser("tour", help="onboarding tours: ordered stops through the code that matters, with notes")
    tour_actions = o.add_subparsers(dest="action", metavar="ACTION", required=True)
    n = _command(tour_actions, "new", "create a tour (--auto: load-bearing regions, then the riskiest, by directory)", cmd_tour_new)
    n.add_argument("name")
    n.add_argument("--auto", action="store_true", help="fill it from the ranking and the decisions, with a note at each stop")
    n.add_argument("--hotspots", type=int, default=10, help="riskiest regions after the load-bearing ones (default 10)")
    n.add_argument("--replace", action="store_true", help="replace a tour of that name")
    _command(tour_actions, "list", "the tours and their lengths", cmd_tour_list, positional_repo=True)
    _command(tour_actions, "show", "a tour's stops and notes", cmd_tour_show).add_argument("name")
    ex = _command(tour_actions, "export", "as a VS Code CodeTour file (default REPO/.tours/NAME.tour) or Markdown", cmd_tour_export)
    ex.add_argument("name")
    ex.add_argument("--format", choices=("codetour", "md"), default="codetour")
    ex.add_argument("-o", "--output", type=Path, help="file to write (default: .tours/NAME.tour; Markdown to the terminal)")
    im = _command(tour_actions, "import", "a CodeTour file as a tour", cmd_tour_import)
    im.add_argument("file", type=Path)
    im.add_argument("--name", help="tour name (default: the file's title)")
    im.add_argument("--replace", action="store_true", help="replace a tour of that name")
    _command(tour_actions, "delete", "delete a tour", cmd_tour_delete).add_argument("name")


def _export_command(sub) -> None:
    x = sub.add_parser("export", help="write the risk register as CSV, JSON, Markdown, SARIF or HTML")
    _repo_args(x)
    x.add_argument("-f", "--format", choices=EXPORT_FORMATS, help="default: from the suffix of the -o file")
    x.add_argument("-o", "--output", type=Path, metavar="FILE",
                   help="write to FILE, replacing it atomically (default: standard output)")
    x.add_argument("--top", type=int, default=DEFAULT_TOP, metavar="N",
                   help=f"at most N files and N regions (default {DEFAULT_TOP}; 0 for all)")
    x.add_argument("--min-score", type=float, metavar="X", help="only items scoring at least X")
    x.add_argument("--files", action="store_true", help="files only (default: files and regions)")
    x.add_argument("--regions", action="store_true", help="regions only (default: files and regions)")
    x.add_argument("--omit-suppressed", action="store_true",
                   help="SARIF: leave out suppressed findings and reviewed hotspots (code scanning lists them as open)")
    x.add_argument("--allow-stale", action="store_true", help="export the last scan even if HEAD moved since")
    x.set_defaults(run=cmd_export)


def _tui_command(sub) -> None:
    u = sub.add_parser("tui", help="the workbench: triage the repository from the keyboard (the default command)")
    _repo_args(u)
    u.add_argument("--reviewer", help="who decides (default: reviewer in ~/.config/vibetriage/config.toml, "
                                      "else git user.name <user.email> of the repository, else the login name)")
    u.set_defaults(run=cmd_tui)


def _demo_command(sub) -> None:
    d = sub.add_parser("demo", help="build the demo repository, scan it and open the workbench on it (print the ranking when piped)")
    d.add_argument("dest", nargs="?", type=Path, help="an empty or new directory (default: a new temporary one)")
    d.set_defaults(run=cmd_demo)


_COMMANDS = {
    "scan": _scan_command, "top": _top_command, "tag": _tag_command, "show": _show_command,
    "decisions": _decisions_command, "check": _check_command, "tour": _tour_command,
    "export": _export_command, "tui": _tui_command, "demo": _demo_command,
}


def _command(group, name: str, help: str, run, *, positional_repo: bool = False) -> argparse.ArgumentParser:
    """A subcommand taking the repository (--repo, or as its positional argument) and --db."""
    p = group.add_parser(name, help=help)
    _repo_args(p, positional=positional_repo)
    p.set_defaults(run=run)
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


def cmd_decisions_export(args) -> int:
    from vibetriage import exchange, render

    root = _root(args)
    target = args.file or _toplevel(root) / exchange.DEFAULT_FILE
    with _open_store(args, root) as store:
        added = exchange.export(store, target, repository=_toplevel(root))
    render.console().print(render.plain(f"{added} decision(s) appended to {target}" if added else f"{target} already holds every decision"))
    return 0


def cmd_decisions_import(args) -> int:
    from vibetriage import exchange, render

    root = _root(args)
    source = args.file or _toplevel(root) / exchange.DEFAULT_FILE
    with _open_store(args, root, create=True) as store:
        result = exchange.load(store, source, repository=_toplevel(root))
    render.console().print(render.plain(f"{result.added} decision(s) imported from {source}, {result.known} already here"))
    if result.rejected:
        raise CliError(f"{source}: {len(result.rejected)} line(s) skipped: " + "; ".join(result.rejected[:5])
                       + ("; ..." if len(result.rejected) > 5 else "") + " (fix or remove them; the others were imported)")
    return 0


def cmd_check(args) -> int:
    from analyzers import git
    from vibetriage import exchange, gate, render
    from vibetriage.model import SEVERITIES
    from vibetriage.pipeline import scan

    root = _root(args)
    config = load_config(root)
    checks = tuple(args.fail_on) if args.fail_on else config.check_fail_on
    unknown = [c for c in checks if c not in CHECKS]
    if unknown:
        raise CliError(f"unknown check {unknown[0]!r}; use one of {', '.join(CHECKS)}")
    severity = args.min_severity or config.check_min_severity
    if severity not in SEVERITIES:
        raise CliError(f"unknown severity {severity!r}; use one of {', '.join(SEVERITIES)}")
    is_git = git.is_git_repo(root)
    if args.base and not is_git:
        raise CliError(f"--base needs a git repository; {root} is not one")
    base = args.base or ("HEAD" if is_git and git.head(root) else None)
    out = render.console()
    # The team's decisions count, but are read, not imported: a branch's file must not change
    # what this database holds (`vibetriage decisions import` does that, on purpose).
    team: list = []
    source = args.decisions or _toplevel(root) / exchange.DEFAULT_FILE
    if args.decisions or source.is_file():
        team, rejected = exchange.read(source, repository=_toplevel(root))
        for line in rejected:
            render.console(stderr=True).print(render.plain(f"warning: {source}: {line} (skipped)"))
    with _open_store(args, root, create=True) as store:
        scan(root, store, config)
        report = gate.check(root, store, base=base, checks=checks, min_severity=severity, decisions=tuple(team),
                            timeout_s=config.parse_timeout_s)
    out.print(render.check_report(report))
    return EXIT_CHECK_FAILED if report.problems else 0


def cmd_tour_new(args) -> int:
    from vibetriage import render, tours
    from vibetriage.model import Tour

    root = _root(args)
    with _scanned_store(args, root) as store:
        tour = tours.auto(store, args.name, hotspots=max(args.hotspots, 0)) if args.auto else Tour(args.name, ())
        store.save_tour(tour, replace=args.replace)
        render.console().print(render.plain(f"tour {args.name!r}: {len(tour.stops)} stop(s); `vibetriage tour show {args.name}` to read it"))
        _warn_if_stale(store, root)
    return 0


def cmd_tour_list(args) -> int:
    from vibetriage import render

    with _scanned_store(args, _root(args)) as store:
        found = store.tours()
    out = render.console()
    if not found:
        out.print("no tours yet: `vibetriage tour new NAME --auto` makes one")
    for tour in found:
        out.print(render.plain(f"{tour.name}  ({len(tour.stops)} stops, reader at stop {tour.position + 1})"))
    return 0


def cmd_tour_show(args) -> int:
    from vibetriage import render

    with _scanned_store(args, _root(args)) as store:
        tour = _tour(store, args.name)
        regions = {r.key: r for r in store.regions()}
    render.console().print(render.tour_text(tour, regions))
    return 0


def cmd_tour_export(args) -> int:
    from vibetriage import render, tours

    root = _root(args)
    with _scanned_store(args, root) as store:
        tour = _tour(store, args.name)
        regions = store.regions()
    if args.format == "md":
        text = tours.to_markdown(tour, regions)
        if args.output is None:
            sys.stdout.write(text)
            return 0
    else:
        text = tours.to_codetour(tour, regions)
    from vibetriage.export import write_file

    target = args.output or _toplevel(root) / ".tours" / f"{_slug(tour.name)}.tour"
    if target.parent.is_symlink() or (target.parent.exists() and not target.parent.is_dir()):
        raise CliError(f"{target.parent} is not a directory (or is a link): pass -o FILE")
    target.parent.mkdir(parents=True, exist_ok=True)
    write_file(target, text.encode("utf-8"))
    render.console().print(render.plain(f"tour {tour.name!r} written to {target}"))
    return 0


def cmd_tour_import(args) -> int:
    from vibetriage import exchange, render, tours

    root = _root(args)
    with _scanned_store(args, root) as store:
        try:
            tour = tours.from_codetour(exchange.read_untrusted(args.file, repository=_toplevel(root)), store.regions(), name=args.name)
        except tours.TourError as exc:
            raise CliError(f"{args.file}: {exc}") from None
        store.save_tour(tour, replace=args.replace)
    render.console().print(render.plain(f"tour {tour.name!r} imported: {len(tour.stops)} stop(s)"))
    return 0


def cmd_tour_delete(args) -> int:
    from vibetriage import render

    with _scanned_store(args, _root(args)) as store:
        if not store.delete_tour(args.name):
            raise CliError(f"no tour named {args.name!r}{_near(args.name, [t.name for t in store.tours()])}")
    render.console().print(render.plain(f"tour {args.name!r} deleted"))
    return 0


def _tour(store: Store, name: str):
    tour = store.tour(name)
    if tour is None:
        raise CliError(f"no tour named {name!r}{_near(name, [t.name for t in store.tours()])}")
    return tour


def _slug(name: str) -> str:
    slug = re.sub(r"[^A-Za-z0-9._-]+", "-", name).strip("-.")
    return slug or "tour"


def _toplevel(root: Path) -> Path:
    from analyzers import git

    return git.locate(root).toplevel if git.is_git_repo(root) else root


def cmd_export(args) -> int:
    from vibetriage.export import Options, format_for, gather, render_register, write_file

    fmt = args.format or (format_for(args.output) if args.output else None)
    if fmt is None:
        raise CliError(f"name a format: --format {'|'.join(EXPORT_FORMATS)} (or an -o file ending in one of them)")
    root = _root(args)
    with _scanned_store(args, root) as store:
        if args.output is not None and _is_database(args.output, store):
            raise CliError(f"{args.output} is the database itself: name another file")
        if _head_moved(store, root) and not args.allow_stale:
            raise CliError(f"HEAD moved since the last scan: run `vibetriage scan {args.path}` first, "
                           "or pass --allow-stale to export the last scan as it is")
        both = args.files == args.regions
        options = Options(top=args.top or None, min_score=args.min_score, files=both or args.files,
                          regions=both or args.regions, omit_suppressed=args.omit_suppressed)
        register = gather(store, options)
    data = render_register(register, fmt)
    if args.output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return 0
    write_file(args.output, data)
    print(visible(f"wrote {args.output} ({fmt}): {len(register.files)} files, {len(register.regions)} regions"))
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
    import tempfile

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
    import difflib  # only for a mistyped name

    close = difflib.get_close_matches(word, list(dict.fromkeys(options)), n=3)
    return f"; did you mean {', '.join(close)}?" if close else ""


def _identity(root: Path) -> str:
    from analyzers.git import user_identity

    return user_identity(root)


def _head_moved(store: Store, root: Path) -> bool:
    from analyzers import git

    info = store.last_scan()
    return bool(info and info.is_git and git.is_git_repo(root) and git.head(root) != info.head)


def _warn_if_stale(store: Store, root: Path) -> None:
    from vibetriage import render

    if _head_moved(store, root):
        render.console(stderr=True).print("note: HEAD moved since the last scan; run `vibetriage scan` to update", markup=False)


def _is_database(path: Path, store: Store) -> bool:
    """Whether `path` is the database or one of its WAL files: an export must never replace them."""
    db = store.path.resolve()
    return path.resolve() in {db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")}


def run() -> None:
    """The `vibetriage` command: main() in a process of its own."""
    import gc

    # What start-up loaded lives until exit: frozen, the collector stops walking it on every
    # collection and at exit (5 ms of the 0.14 s an up-to-date `scan` takes).
    gc.freeze()
    sys.exit(main())


if __name__ == "__main__":  # pragma: no cover
    run()
