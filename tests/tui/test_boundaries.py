"""The layers stay apart: analysis and the core never load Textual (a scan in a hook or CI must not
pay for it, and nothing there may depend on the UI); the workbench reads and writes only through
the store's API (it never runs SQL of its own)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_analyzers_and_vibetriage_import_no_textual():
    code = (
        "import importlib, pkgutil, sys\n"
        "import analyzers, vibetriage\n"
        "for package in (analyzers, vibetriage):\n"
        "    for module in pkgutil.iter_modules(package.__path__):\n"
        "        importlib.import_module(f'{package.__name__}.{module.name}')\n"
        "loaded = sorted(m for m in sys.modules if m == 'textual' or m.startswith(('textual.', 'tui')))\n"
        "count = sum(1 for m in sys.modules if m.startswith(('analyzers.', 'vibetriage.')))\n"
        "print(count, loaded)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    count, loaded = proc.stdout.split(" ", 1)
    assert int(count) >= 20  # every module was imported
    assert loaded.strip() == "[]"


def test_the_workbench_runs_no_sql_of_its_own():
    sources = [p for p in (ROOT / "tui").rglob("*.py")]
    assert len(sources) > 10
    for path in sources:
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"\.conn\b|\bexecute\(|sqlite3\.connect", text), path
