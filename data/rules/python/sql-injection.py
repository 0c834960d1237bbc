import sqlite3

from sqlalchemy import text


def find_user(conn: sqlite3.Connection, name, order):
    cur = conn.cursor()
    # ruleid: python.sql-injection
    cur.execute("SELECT * FROM users WHERE name = '%s'" % name)
    # ruleid: python.sql-injection
    cur.execute(f"SELECT * FROM users WHERE name = '{name}'")
    # ruleid: python.sql-injection
    cur.execute("SELECT * FROM users ORDER BY " + order)
    # ruleid: python.sql-injection
    cur.executemany("INSERT INTO log VALUES ({})".format(name), [])
    # ruleid: python.sql-injection
    conn.execute(text(f"DELETE FROM sessions WHERE user = '{name}'"))
    # ok: python.sql-injection
    cur.execute("SELECT * FROM users WHERE name = ?", (name,))
    # ok: python.sql-injection
    cur.execute("SELECT * FROM users WHERE name = %(name)s", {"name": name})
    # ok: python.sql-injection
    print("%s logged in" % name)
    # ok: python.sql-injection
    cur.execute("SELECT 1")
    # ruleid: python.sql-injection
    cur.execute("SELECT * FROM users WHERE name = ?".replace("?", name))
    # ok: python.sql-injection
    cur.executescript("SELECT 'padded to the limit'".ljust(1000))
