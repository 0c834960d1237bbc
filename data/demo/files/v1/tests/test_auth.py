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
