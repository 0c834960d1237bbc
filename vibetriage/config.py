"""Scan settings and risk weights, read from the analyzed repository: `.vibetriage.toml` (top-level
keys) or else `[tool.vibetriage]` in its `pyproject.toml`. Defaults live here and only here; every
value is type- and range-checked, since the file belongs to a repository we do not trust."""

from __future__ import annotations

import hashlib
import json
import os
from fnmatch import fnmatchcase
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

DEFAULT_WEIGHTS: dict[str, float] = {
    "hotspot": 0.30,  # churn x complexity, the core of the ranking
    "churn": 0.10,
    "complexity": 0.15,  # cyclomatic
    "cognitive": 0.15,
    "size": 0.05,  # lines of a region, lines of code of a file
    "security": 0.15,  # filled by the security analyzer (issue 3)
    "test_gap": 0.10,  # filled by the test-gap analyzer (issue 3)
}


class ConfigError(Exception):
    pass


@dataclass(frozen=True)
class Config:
    """The settings of a scan: defaults, then the repository's, then the command line's."""

    window_days: int = 365
    max_file_bytes: int = 1_000_000
    parse_timeout_s: float = 5.0
    weights: dict[str, float] = field(default_factory=lambda: dict(DEFAULT_WEIGHTS))
    exclude: tuple[str, ...] = ()  # glob patterns of repository paths; `*` also crosses `/`
    check_fail_on: tuple[str, ...] = ("stale-load-bearing", "new-findings")  # of model.CHECKS
    check_min_severity: str = "high"
    source: str = "defaults"

    def excluded(self, path: str) -> bool:
        return any(fnmatchcase(path, pattern) for pattern in self.exclude)

    def digest(self) -> str:
        """Identifies the settings that shape stored results, so a changed config forces a re-score."""
        data = {k: v for k, v in asdict(self).items() if k != "source" and not k.startswith("check_")}
        return hashlib.sha1(json.dumps(data, sort_keys=True).encode()).hexdigest()[:12]


_LIMITS = {"window_days": (int, 1, 36500), "max_file_bytes": (int, 1, 1 << 30), "parse_timeout_s": ((int, float), 0.01, 600)}


def load(root: Path, *, window_days: int | None = None, max_file_bytes: int | None = None) -> Config:
    """Settings for a scan of `root`; command-line values win over the file's."""
    table, source = _read_table(root)
    config = _from_table(table, source)
    overrides = {k: v for k, v in (("window_days", window_days), ("max_file_bytes", max_file_bytes)) if v is not None}
    for key, value in overrides.items():
        _check(key, value, f"--{key.replace('_', '-')}")
    return replace(config, **overrides)


def _read_table(root: Path) -> tuple[dict, str]:
    for name, pick in ((".vibetriage.toml", lambda d: d), ("pyproject.toml", lambda d: d.get("tool", {}).get("vibetriage"))):
        path = root / name
        if path.is_symlink() or not path.is_file():
            continue  # never follow a link out of the repository
        text = path.read_bytes()
        if name == "pyproject.toml" and b"vibetriage" not in text:
            continue  # a broken pyproject.toml without our settings is not ours to refuse
        import tomllib  # here: most repositories have no settings, and a re-scan is mostly imports

        try:
            table = pick(tomllib.loads(text.decode("utf-8")))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{name}: not valid TOML ({exc}); fix it or remove the vibetriage settings") from exc
        if table is not None:
            if not isinstance(table, dict):
                raise ConfigError(f"{name}: vibetriage settings must be a table")
            return table, name
    return {}, "defaults"


def _from_table(table: dict, source: str) -> Config:
    known = {"window_days", "max_file_bytes", "parse_timeout_s", "weights", "exclude", "check"}
    for key in table:
        if key not in known:
            raise ConfigError(f"{source}: unknown setting {key!r} (known: {', '.join(sorted(known))})")
    values = {}
    for key in ("window_days", "max_file_bytes", "parse_timeout_s"):
        if key in table:
            _check(key, table[key], f"{source}: {key}")
            values[key] = table[key]
    weights = dict(DEFAULT_WEIGHTS)
    raw_weights = table.get("weights", {})
    if not isinstance(raw_weights, dict):
        raise ConfigError(f"{source}: weights must be a table of numbers")
    for name, value in raw_weights.items():
        if name not in DEFAULT_WEIGHTS:
            raise ConfigError(f"{source}: weights.{name} is not a risk component (known: {', '.join(DEFAULT_WEIGHTS)})")
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 100:
            raise ConfigError(f"{source}: weights.{name} must be a number from 0 to 100")
        weights[name] = float(value)
    if not any(weights.values()):
        raise ConfigError(f"{source}: at least one weight must be above 0")
    exclude = table.get("exclude", [])
    if not isinstance(exclude, list) or not all(isinstance(p, str) and p for p in exclude):
        raise ConfigError(f"{source}: exclude must be a list of path patterns, e.g. [\"tests/fixtures/*\"]")
    values.update(_check_table(table.get("check", {}), source))
    return Config(weights=weights, exclude=tuple(exclude), source=source, **values)


def _check_table(table, source: str) -> dict:
    """`[check]`: what `vibetriage check` fails on (see vibetriage/gate.py)."""
    from vibetriage.model import CHECKS, SEVERITIES

    if not isinstance(table, dict) or set(table) - {"fail_on", "min_severity"}:
        raise ConfigError(f"{source}: [check] takes fail_on = [...] and min_severity = \"...\" only")
    out = {}
    if "fail_on" in table:
        fail_on = table["fail_on"]
        if not isinstance(fail_on, list) or not all(isinstance(c, str) and c in CHECKS for c in fail_on):
            raise ConfigError(f"{source}: check.fail_on must list checks from: {', '.join(CHECKS)}")
        out["check_fail_on"] = tuple(fail_on)
    if "min_severity" in table:
        if table["min_severity"] not in SEVERITIES:
            raise ConfigError(f"{source}: check.min_severity must be one of {', '.join(SEVERITIES)}")
        out["check_min_severity"] = table["min_severity"]
    return out


def _check(key: str, value, where: str) -> None:
    kind, low, high = _LIMITS[key]
    if isinstance(value, bool) or not isinstance(value, kind) or not low <= value <= high:
        raise ConfigError(f"{where} must be a number from {low} to {high}")


# -- the person deciding -------------------------------------------------------------------------

MAX_REVIEWER = 200


def check_reviewer(value: object, where: str) -> str:
    """A reviewer name as decisions record it: one line of printable text."""
    from vibetriage.text import visible

    if not isinstance(value, str) or not value.strip():
        raise ConfigError(f"{where}: the reviewer must be a non-empty name, e.g. \"Ann Lee <ann@example.com>\"")
    if visible(value) != value:
        raise ConfigError(f"{where}: the reviewer must be one line without control characters")
    if len(value) > MAX_REVIEWER:
        raise ConfigError(f"{where}: the reviewer must be at most {MAX_REVIEWER} characters")
    return value.strip()


def user_config_path() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or os.path.join(os.path.expanduser("~"), ".config")
    return Path(base) / "vibetriage" / "config.toml"


def user_reviewer() -> str | None:
    """`reviewer = "Name <email>"` from the user's own settings (`user_config_path()`), or None.
    Never from the analyzed repository's settings: a repository must not choose under whose name
    the decisions about it are recorded."""
    path = user_config_path()
    if not path.is_file():
        return None
    import tomllib

    try:
        table = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read it ({exc})") from exc
    unknown = sorted(set(table) - {"reviewer"})
    if unknown:
        raise ConfigError(f"{path}: unknown setting {unknown[0]!r} (known: reviewer)")
    return check_reviewer(table["reviewer"], f"{path}: reviewer") if "reviewer" in table else None
