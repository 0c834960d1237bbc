use sqlx::PgPool;

// ruleid: rust.sql-injection-via-variable
pub async fn orders_by_status(pool: &PgPool, status: &str) -> sqlx::Result<Vec<(i64,)>> {
    let sql = format!("SELECT id FROM orders WHERE status = '{}'", status);
    sqlx::query_as(&sql).fetch_all(pool).await
}

// ok: rust.sql-injection-via-variable
pub async fn orders_by_status_safely(pool: &PgPool, status: &str) -> sqlx::Result<Vec<(i64,)>> {
    let label = format!("orders with status {status}");
    tracing::debug!("{label}");
    sqlx::query_as("SELECT id FROM orders WHERE status = $1").bind(status).fetch_all(pool).await
}
