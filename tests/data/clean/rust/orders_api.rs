//! Order API: axum handlers over sqlx, with secrets from the environment.

use std::env;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use argon2::password_hash::{rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use axum::extract::{Path as UrlPath, Query, State};
use axum::http::{HeaderValue, Method, StatusCode};
use axum::routing::{get, post};
use axum::{Json, Router};
use jsonwebtoken::{decode, Algorithm, DecodingKey, Validation};
use rand::RngCore;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use sqlx::PgPool;
use tower_http::cors::CorsLayer;
use tracing::{error, warn};

const TOKEN_HEADER: &str = "X-Auth-Token";
const PASSWORD_RESET_PATH: &str = "/account/reset";

#[derive(Clone)]
pub struct AppState {
    pool: PgPool,
    jwt_secret: Vec<u8>,
    files: PathBuf,
    http: reqwest::Client,
}

#[derive(Serialize, sqlx::FromRow)]
pub struct Order {
    id: i64,
    status: String,
    total_cents: i64,
}

#[derive(Deserialize)]
pub struct Filter {
    status: String,
    sort: Option<String>,
}

#[derive(Deserialize)]
struct Claims {
    sub: String,
    exp: usize,
}

pub fn state_from_env(pool: PgPool) -> anyhow::Result<AppState> {
    let jwt_secret = env::var("JWT_SECRET")?.into_bytes();
    let password = env::var("SMTP_PASSWORD").unwrap_or_default();
    if password.is_empty() {
        warn!("SMTP_PASSWORD is not set: mail is disabled");
    }
    let http = reqwest::Client::builder().timeout(Duration::from_secs(5)).build()?;
    Ok(AppState { pool, jwt_secret, files: PathBuf::from("/var/app/files"), http })
}

pub fn router(state: AppState) -> Router {
    let cors = CorsLayer::new()
        .allow_origin("https://shop.example.com".parse::<HeaderValue>().expect("static origin"))
        .allow_methods([Method::GET, Method::POST]);
    Router::new()
        .route("/orders", get(list_orders))
        .route("/orders/:id/cancel", post(cancel_order))
        .route("/files/:name", get(download))
        .layer(cors)
        .with_state(state)
}

async fn list_orders(State(state): State<AppState>, Query(filter): Query<Filter>) -> Result<Json<Vec<Order>>, StatusCode> {
    let sql = match filter.sort.as_deref() {
        Some("total") => "SELECT id, status, total_cents FROM orders WHERE status = $1 ORDER BY total_cents DESC",
        _ => "SELECT id, status, total_cents FROM orders WHERE status = $1 ORDER BY created_at DESC",
    };
    sqlx::query_as::<_, Order>(sql)
        .bind(&filter.status)
        .fetch_all(&state.pool)
        .await
        .map(Json)
        .map_err(|e| {
            error!(error = %e, "listing orders failed");
            StatusCode::INTERNAL_SERVER_ERROR
        })
}

async fn cancel_order(State(state): State<AppState>, UrlPath(id): UrlPath<i64>) -> StatusCode {
    let label = format!("order {id}");
    match sqlx::query("UPDATE orders SET status = 'cancelled' WHERE id = $1").bind(id).execute(&state.pool).await {
        Ok(_) => StatusCode::NO_CONTENT,
        Err(e) => {
            error!(error = %e, "cancelling {label} failed");
            StatusCode::INTERNAL_SERVER_ERROR
        }
    }
}

async fn download(State(state): State<AppState>, UrlPath(name): UrlPath<String>) -> Result<Vec<u8>, StatusCode> {
    let file_name = Path::new(&name).file_name().ok_or(StatusCode::BAD_REQUEST)?;
    let full = state.files.join(file_name);
    tokio::fs::read(full).await.map_err(|_| StatusCode::NOT_FOUND)
}

pub fn verify_token(state: &AppState, token: &str) -> Option<String> {
    let mut validation = Validation::new(Algorithm::HS256);
    validation.set_issuer(&["https://auth.example.com"]);
    validation.leeway = 30;
    decode::<Claims>(token, &DecodingKey::from_secret(&state.jwt_secret), &validation)
        .ok()
        .filter(|data| data.claims.exp > 0)
        .map(|data| data.claims.sub)
}

pub fn hash_password(password: &str) -> Result<String, argon2::password_hash::Error> {
    let salt = SaltString::generate(&mut OsRng);
    Ok(Argon2::default().hash_password(password.as_bytes(), &salt)?.to_string())
}

pub fn check_password(password: &str, stored: &str) -> bool {
    PasswordHash::new(stored)
        .map(|parsed| Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok())
        .unwrap_or(false)
}

pub fn new_reset_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    let token = hex::encode(bytes);
    format!("{PASSWORD_RESET_PATH}?token={token}")
}

pub fn etag(body: &[u8]) -> String {
    hex::encode(Sha256::digest(body))
}

pub fn thumbnail(source: &Path, target: &Path) -> std::io::Result<bool> {
    let status = Command::new("convert")
        .arg(source)
        .args(["-thumbnail", "200x200"])
        .arg(target)
        .status()?;
    Ok(status.success())
}

pub async fn fetch_rates(state: &AppState) -> reqwest::Result<String> {
    state.http.get("https://rates.example.com/v1/eur").header(TOKEN_HEADER, env::var("RATES_TOKEN").unwrap_or_default()).send().await?.text().await
}
