use rusqlite::{params, Connection};
use sqlx::PgPool;

#[derive(sqlx::FromRow)]
pub struct User {
    pub id: i64,
    pub email: String,
}

pub async fn find_user(pool: &PgPool, name: &str) -> sqlx::Result<User> {
    // ruleid: rust.sql-injection
    sqlx::query_as::<_, User>(&format!("SELECT id, email FROM users WHERE name = '{name}'"))
        .fetch_one(pool)
        .await
}

pub fn delete_session(conn: &Connection, token: &str) -> rusqlite::Result<usize> {
    // ruleid: rust.sql-injection
    conn.execute(&format!("DELETE FROM sessions WHERE token = '{}'", token), [])
}

// ok: rust.sql-injection
pub async fn find_user_safely(pool: &PgPool, name: &str) -> sqlx::Result<User> {
    sqlx::query_as::<_, User>("SELECT id, email FROM users WHERE name = $1")
        .bind(name)
        .fetch_one(pool)
        .await
}

// ok: rust.sql-injection
pub fn delete_session_safely(conn: &Connection, token: &str) -> rusqlite::Result<usize> {
    let label = format!("session {token}");
    println!("deleting {label}");
    conn.execute("DELETE FROM sessions WHERE token = ?1", params![token])
}
