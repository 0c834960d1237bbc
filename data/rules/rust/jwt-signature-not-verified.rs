use jsonwebtoken::{decode, Algorithm, DecodingKey, TokenData, Validation};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
pub struct Claims {
    pub sub: String,
    pub exp: usize,
}

pub fn read_claims(token: &str) -> jsonwebtoken::errors::Result<TokenData<Claims>> {
    let mut validation = Validation::new(Algorithm::HS256);
    // ruleid: rust.jwt-signature-not-verified
    validation.insecure_disable_signature_validation();
    decode::<Claims>(token, &DecodingKey::from_secret(&[]), &validation)
}

pub fn read_claims_legacy(token: &str) -> jsonwebtoken::errors::Result<TokenData<Claims>> {
    // ruleid: rust.jwt-signature-not-verified
    jsonwebtoken::dangerous_insecure_decode::<Claims>(token)
}

pub fn verify(token: &str, secret: &[u8]) -> jsonwebtoken::errors::Result<TokenData<Claims>> {
    let mut validation = Validation::new(Algorithm::HS256);
    validation.set_issuer(&["https://auth.example.com"]);
    // ok: rust.jwt-signature-not-verified
    decode::<Claims>(token, &DecodingKey::from_secret(secret), &validation)
}
