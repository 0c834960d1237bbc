use std::env;

// ruleid: rust.hardcoded-credential
const JWT_SECRET: &str = "k9Vq2Lx7Tz4Pm8Wn1Rb6Yc3Hd5Fg0Sa";
// ok: rust.hardcoded-credential
const TOKEN_HEADER: &str = "X-Auth-Token";
// ok: rust.hardcoded-credential
const DB_PASSWORD_VAR: &str = "DB_PASSWORD";

pub struct SmtpConfig {
    pub host: String,
    pub user: String,
    pub password: String,
}

pub fn smtp() -> SmtpConfig {
    SmtpConfig {
        host: "smtp.example.com".into(),
        user: "mailer".into(),
        // ruleid: rust.hardcoded-credential
        password: "M4il!Relay-2024".to_string(),
    }
}

pub fn api_client() -> String {
    // ruleid: rust.hardcoded-credential
    let api_key = String::from("ak_live_83hF2kQ9xLm4TzV7");
    api_key
}

pub fn smtp_from_env() -> Result<SmtpConfig, env::VarError> {
    Ok(SmtpConfig {
        host: env::var("SMTP_HOST")?,
        user: env::var("SMTP_USER")?,
        // ok: rust.hardcoded-credential
        password: env::var(DB_PASSWORD_VAR)?,
    })
}

pub fn defaults() -> (String, String) {
    // ok: rust.hardcoded-credential
    let password = String::new();
    // ok: rust.hardcoded-credential
    let token = "changeme".to_string();
    (password, token)
}
