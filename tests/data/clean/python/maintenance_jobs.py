"""Nightly maintenance: backups through argument-list subprocesses, YAML read with the safe loader,
checksums, retries with jitter, and errors that are logged rather than swallowed."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import random
import shlex
import shutil
import ssl
import subprocess
import time
import urllib.request
from pathlib import Path

import httpx
import yaml

log = logging.getLogger(__name__)

BACKUP_DIR = Path(os.environ.get("BACKUP_DIR", "/var/backups/app"))
CONFIG_PATH = Path(os.environ.get("JOBS_CONFIG", "/etc/app/jobs.yaml"))


def load_config() -> dict:
    with CONFIG_PATH.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh) or {}


def load_all_documents(text: str) -> list:
    return list(yaml.load_all(text, Loader=yaml.SafeLoader))


def dump_database(database: str) -> Path:
    target = BACKUP_DIR / f"{database}-{time.strftime('%Y%m%d')}.sql.gz"
    with target.open("wb") as out:
        dump = subprocess.Popen(["pg_dump", "--no-owner", database], stdout=subprocess.PIPE)
        subprocess.run(["gzip", "-9"], stdin=dump.stdout, stdout=out, check=True)
        dump.wait()
    return target


def disk_usage(path: Path) -> str:
    result = subprocess.run(["du", "-sh", str(path)], capture_output=True, text=True, check=True)
    return result.stdout.split()[0]


def run_hook(hook: str) -> int:
    args = shlex.split(hook)
    if not args or shutil.which(args[0]) is None:
        raise ValueError(f"unknown hook command: {hook!r}")
    return subprocess.call(args, timeout=600)


def checksum(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def etag(payload: bytes) -> str:
    return hashlib.md5(payload, usedforsecurity=False).hexdigest()


def with_retries(fn, attempts: int = 5):
    for attempt in range(attempts):
        try:
            return fn()
        except httpx.TransportError as exc:
            delay = min(30.0, 2**attempt) * random.uniform(0.5, 1.5)
            log.warning("attempt %d failed (%s), retrying in %.1fs", attempt + 1, exc, delay)
            time.sleep(delay)
    raise RuntimeError("giving up")


def notify(webhook_url: str, message: str) -> None:
    with httpx.Client(timeout=10, verify=True) as client:
        with_retries(lambda: client.post(webhook_url, json={"text": message}).raise_for_status())


def fetch_status(url: str) -> dict:
    ctx = ssl.create_default_context()
    ctx.check_hostname = True
    ctx.verify_mode = ssl.CERT_REQUIRED
    with urllib.request.urlopen(url, context=ctx, timeout=10) as fh:
        return json.loads(fh.read())


def prune(keep: int) -> None:
    backups = sorted(BACKUP_DIR.glob("*.sql.gz"))
    for old in backups[:-keep]:
        try:
            old.unlink()
        except OSError:
            log.exception("could not delete %s", old)


def sample_for_audit(rows: list, k: int = 20) -> list:
    return random.sample(rows, k=min(k, len(rows)))
