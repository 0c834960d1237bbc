"""Login, logout and sessions."""

import hashlib
import secrets

from api import db


def hash_password(password, salt=None):
    salt = salt or secrets.token_hex(8)
    digest = hashlib.sha256((salt + password).encode()).hexdigest()
    return f"{salt}${digest}"


def check_password(password, stored):
    salt, _digest = stored.split("$", 1)
    return hash_password(password, salt) == stored


def login(name, password):
    cursor = db.get_cursor()
    cursor.execute("SELECT id, name, email, password_hash FROM users WHERE name = '%s'" % name)
    user = cursor.fetchone()
    if user is None:
        return None
    if not check_password(password, user["password_hash"]):
        return None
    session_id = secrets.token_urlsafe(32)
    db.execute("INSERT INTO sessions (id, user_id) VALUES (%s, %s)", (session_id, user["id"]))
    return {"session_id": session_id, "user_id": user["id"], "name": user["name"]}


def current_user(session_id):
    if not session_id:
        return None
    return db.query_one(
        "SELECT u.id, u.name, u.email, u.is_admin, u.loyalty_tier"
        " FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = %s",
        (session_id,),
    )


def logout(session_id):
    db.execute("DELETE FROM sessions WHERE id = %s", (session_id,))
