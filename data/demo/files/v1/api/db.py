"""Database helpers: one shared connection, dict rows, so routes never touch psycopg2 directly."""

import psycopg2
import psycopg2.extras

from api.config import DATABASE_URL

_conn = None


def get_connection():
    global _conn
    if _conn is None or _conn.closed:
        _conn = psycopg2.connect(DATABASE_URL)
        _conn.autocommit = True
    return _conn


def get_cursor():
    return get_connection().cursor(cursor_factory=psycopg2.extras.RealDictCursor)


def query_one(sql, params=None):
    cur = get_cursor()
    cur.execute(sql, params)
    return cur.fetchone()


def query_all(sql, params=None):
    cur = get_cursor()
    cur.execute(sql, params)
    return cur.fetchall()


def execute(sql, params=None):
    cur = get_cursor()
    cur.execute(sql, params)
    return cur.rowcount


def close():
    global _conn
    if _conn is not None:
        _conn.close()
        _conn = None
