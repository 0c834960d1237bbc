import pytest

from api import db


class FakeCursor:
    def __init__(self, store):
        self.store = store
        self.executed = []

    def execute(self, sql, params=None):
        self.executed.append((sql, params))

    def fetchone(self):
        return self.store.user

    def fetchall(self):
        return self.store.rows


class FakeDB:
    def __init__(self):
        self.user = None
        self.rows = []
        self.cursor = FakeCursor(self)


@pytest.fixture
def fake_db(monkeypatch):
    fake = FakeDB()
    monkeypatch.setattr(db, "get_cursor", lambda: fake.cursor)
    return fake
