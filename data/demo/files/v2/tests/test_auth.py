import time

from api import auth


def test_hash_password():
    result = auth.hash_password("hunter2")
    assert result is not None
    assert isinstance(result, str)


def test_check_password():
    stored = auth.hash_password("hunter2")
    result = auth.check_password("hunter2", stored)
    assert result is not None


def test_login(fake_db):
    fake_db.user = {
        "id": 1,
        "name": "alice",
        "email": "alice@example.com",
        "password_hash": auth.hash_password("correct horse"),
    }
    result = auth.login("alice", "correct horse")
    assert result is not None


def test_login_wrong_password(fake_db):
    fake_db.user = {
        "id": 1,
        "name": "alice",
        "email": "alice@example.com",
        "password_hash": auth.hash_password("correct horse"),
    }
    auth.login("alice", "battery staple")
    assert True


def test_logout(fake_db):
    auth.logout("abc123")
    assert True


def test_make_token():
    token = auth.make_token(42)
    assert token is not None
    assert isinstance(token, str)
    assert len(token) > 0


def test_verify_token():
    token = auth.make_token(42)
    payload = auth.verify_token(token)
    assert payload is not None


def test_verify_token_tampered():
    token = auth.make_token(42)
    result = auth.verify_token(token[:-2] + "xx")
    assert isinstance(result, (dict, type(None)))


def test_verify_token_expired(monkeypatch):
    token = auth.make_token(42)
    monkeypatch.setattr(time, "time", lambda: 4102444800)
    result = auth.verify_token(token)
    assert result is None or result["sub"] == 42


def test_password_reset(fake_db):
    fake_db.user = {"id": 1, "email": "alice@example.com"}
    token = auth.request_password_reset("alice@example.com")
    assert token is not None
