"""User accounts: registration, login, password resets and API tokens, done the safe way."""

from __future__ import annotations

import hmac
import logging
import os
import secrets
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

import bcrypt
import jwt
from argon2 import PasswordHasher
from argon2.exceptions import VerifyMismatchError

log = logging.getLogger(__name__)

JWT_PUBLIC_KEY = os.environ["JWT_PUBLIC_KEY"]
JWT_PRIVATE_KEY = os.environ["JWT_PRIVATE_KEY"]
JWT_AUDIENCE = os.environ.get("JWT_AUDIENCE", "accounts-api")
RESET_TOKEN_TTL = timedelta(minutes=30)
TOKEN_TYPE = "Bearer"
PASSWORD_MIN_LENGTH = 12

hasher = PasswordHasher()


@dataclass
class User:
    id: int
    email: str
    password_hash: str


class AccountStore:
    def __init__(self, path: str) -> None:
        self.conn = sqlite3.connect(path)
        self.conn.row_factory = sqlite3.Row

    def find_by_email(self, email: str) -> User | None:
        row = self.conn.execute(
            "SELECT id, email, password_hash FROM users WHERE email = ?", (email.lower(),)
        ).fetchone()
        return User(row["id"], row["email"], row["password_hash"]) if row else None

    def create(self, email: str, password_hash: str) -> int:
        cur = self.conn.execute(
            "INSERT INTO users (email, password_hash) VALUES (?, ?)", (email.lower(), password_hash)
        )
        self.conn.commit()
        return cur.lastrowid

    def search(self, term: str, order: str) -> list[sqlite3.Row]:
        column = {"email": "email", "created": "created_at"}.get(order, "id")
        query = "SELECT id, email FROM users WHERE email LIKE ? ORDER BY " + column
        return self.conn.execute(query, (f"%{term}%",)).fetchall()

    def save_reset_token(self, user_id: int, token_hash: str, expires: datetime) -> None:
        self.conn.execute(
            "INSERT INTO password_resets (user_id, token_hash, expires_at) VALUES (:uid, :th, :exp)",
            {"uid": user_id, "th": token_hash, "exp": expires.isoformat()},
        )
        self.conn.commit()


def register(store: AccountStore, email: str, password: str) -> int:
    if len(password) < PASSWORD_MIN_LENGTH:
        raise ValueError("password too short")
    return store.create(email, hasher.hash(password))


def login(store: AccountStore, email: str, password: str) -> str | None:
    user = store.find_by_email(email)
    if user is None:
        return None
    try:
        hasher.verify(user.password_hash, password)
    except VerifyMismatchError:
        log.info("failed login for user %s", user.id)
        return None
    return issue_access_token(user)


def legacy_check(stored_hash: bytes, password: str) -> bool:
    return bcrypt.checkpw(password.encode("utf-8"), stored_hash)


def issue_access_token(user: User) -> str:
    now = datetime.now(timezone.utc)
    claims = {"sub": str(user.id), "aud": JWT_AUDIENCE, "iat": now, "exp": now + timedelta(minutes=15)}
    return jwt.encode(claims, JWT_PRIVATE_KEY, algorithm="RS256")


def verify_access_token(token: str) -> dict | None:
    try:
        return jwt.decode(token, JWT_PUBLIC_KEY, algorithms=["RS256"], audience=JWT_AUDIENCE)
    except jwt.InvalidTokenError as exc:
        log.warning("rejected token: %s", exc)
        return None


def start_password_reset(store: AccountStore, email: str) -> str | None:
    user = store.find_by_email(email)
    if user is None:
        return None
    reset_token = secrets.token_urlsafe(32)
    token_hash = hmac.new(os.environ["RESET_HMAC_KEY"].encode(), reset_token.encode(), "sha256").hexdigest()
    store.save_reset_token(user.id, token_hash, datetime.now(timezone.utc) + RESET_TOKEN_TTL)
    return reset_token


def one_time_code() -> str:
    return f"{secrets.randbelow(10**6):06d}"


def new_api_key() -> str:
    return "ak_" + secrets.token_hex(24)


def tokens_match(expected: str, given: str) -> bool:
    return hmac.compare_digest(expected, given)
