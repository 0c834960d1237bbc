"""Running the command line in-process as a user would, capturing what it prints."""

from __future__ import annotations

from vibetriage.cli import main


def run(capsys, *argv) -> tuple[int, str, str]:
    """Exit code, stdout and stderr of `vibetriage ARGV...`."""
    code = main([str(a) for a in argv])
    out = capsys.readouterr()
    return code, out.out, out.err
