use openssl::ssl::{SslConnector, SslMethod, SslVerifyMode};
use reqwest::Client;

pub fn insecure_client() -> reqwest::Result<Client> {
    Client::builder()
        // ruleid: rust.tls-verification-disabled
        .danger_accept_invalid_certs(true)
        // ruleid: rust.tls-verification-disabled
        .danger_accept_invalid_hostnames(true)
        .build()
}

pub fn insecure_connector() -> Result<SslConnector, openssl::error::ErrorStack> {
    let mut builder = SslConnector::builder(SslMethod::tls())?;
    // ruleid: rust.tls-verification-disabled
    builder.set_verify(SslVerifyMode::NONE);
    Ok(builder.build())
}

pub fn client_with_company_ca(pem: &[u8]) -> reqwest::Result<Client> {
    Client::builder()
        .add_root_certificate(reqwest::Certificate::from_pem(pem)?)
        // ok: rust.tls-verification-disabled
        .danger_accept_invalid_certs(false)
        .build()
}

pub fn verified_connector() -> Result<SslConnector, openssl::error::ErrorStack> {
    let mut builder = SslConnector::builder(SslMethod::tls())?;
    // ok: rust.tls-verification-disabled
    builder.set_verify(SslVerifyMode::PEER);
    Ok(builder.build())
}
