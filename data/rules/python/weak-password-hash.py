import hashlib
import hmac
import os
from hashlib import md5, sha1

import bcrypt


def register(db, username: str, password: str) -> None:
    # ruleid: python.weak-password-hash
    digest = hashlib.md5(password.encode("utf-8")).hexdigest()
    db.execute("INSERT INTO users (name, pw_hash) VALUES (?, ?)", (username, digest))


def check_login(row, form) -> bool:
    # ruleid: python.weak-password-hash
    candidate = hashlib.sha1((row["salt"] + form["password"]).encode()).hexdigest()
    return hmac.compare_digest(candidate, row["pw_hash"])


def legacy_hash(pwd: bytes) -> str:
    # ruleid: python.weak-password-hash
    return md5(pwd).hexdigest()


def legacy_hash_2(user) -> str:
    # ruleid: python.weak-password-hash
    return hashlib.new("sha1", user.password.encode()).hexdigest()


def safe_variants(password: str, upload: bytes) -> tuple:
    # ok: python.weak-password-hash
    hashed = bcrypt.hashpw(password.encode(), bcrypt.gensalt())
    # ok: python.weak-password-hash
    salt = os.urandom(16)
    # ok: python.weak-password-hash
    derived = hashlib.scrypt(password.encode(), salt=salt, n=2**14, r=8, p=1)
    # ok: python.weak-password-hash
    etag = hashlib.md5(upload, usedforsecurity=False).hexdigest()
    # ok: python.weak-password-hash
    checksum = sha1(upload).hexdigest()
    # ok: python.weak-password-hash
    strong = hashlib.new("sha256", password.encode()).hexdigest()
    return hashed, derived, etag, checksum, strong
