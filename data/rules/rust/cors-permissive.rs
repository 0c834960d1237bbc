use actix_cors::Cors;
use axum::{routing::get, Router};
use http::{HeaderValue, Method};
use tower_http::cors::{Any, CorsLayer};

pub fn public_api() -> Router {
    // ruleid: rust.cors-permissive
    Router::new().route("/prices", get(|| async { "[]" })).layer(CorsLayer::permissive())
}

pub fn open_api() -> Router {
    let cors = CorsLayer::new()
        // ruleid: rust.cors-permissive
        .allow_origin(Any)
        .allow_methods([Method::GET]);
    Router::new().route("/stock", get(|| async { "[]" })).layer(cors)
}

pub fn actix_cors() -> Cors {
    Cors::default()
        // ruleid: rust.cors-permissive
        .allow_any_origin()
        .max_age(3600)
}

pub fn shop_api() -> Router {
    let cors = CorsLayer::new()
        // ok: rust.cors-permissive
        .allow_origin("https://shop.example.com".parse::<HeaderValue>().unwrap())
        .allow_methods([Method::GET, Method::POST]);
    Router::new().route("/cart", get(|| async { "[]" })).layer(cors)
}
