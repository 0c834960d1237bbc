use jsonwebtoken::{Algorithm, Validation};

pub fn lenient() -> Validation {
    let mut validation = Validation::new(Algorithm::HS256);
    // ruleid: rust.jwt-expiry-not-validated
    validation.validate_exp = false;
    validation
}

pub fn strict() -> Validation {
    let mut validation = Validation::new(Algorithm::HS256);
    // ok: rust.jwt-expiry-not-validated
    validation.validate_exp = true;
    validation.leeway = 30;
    validation
}
