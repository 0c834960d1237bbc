use argon2::password_hash::{rand_core::OsRng, PasswordHasher, SaltString};
use argon2::Argon2;
use sha2::{Digest, Sha256};

// ruleid: rust.weak-password-hash
pub fn hash_password(password: &str) -> String {
    format!("{:x}", md5::compute(password.as_bytes()))
}

// ruleid: rust.weak-password-hash
pub fn verify_pwd(pwd: &str, stored: &str) -> bool {
    hex::encode(Sha256::digest(pwd.as_bytes())) == stored
}

// ok: rust.weak-password-hash
pub fn hash_password_safely(password: &str) -> Result<String, argon2::password_hash::Error> {
    let salt = SaltString::generate(&mut OsRng);
    Ok(Argon2::default().hash_password(password.as_bytes(), &salt)?.to_string())
}

// ok: rust.weak-password-hash
pub fn etag(body: &[u8]) -> String {
    hex::encode(Sha256::digest(body))
}
