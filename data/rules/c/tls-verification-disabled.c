#include <curl/curl.h>
#include <openssl/ssl.h>

CURLcode fetch(const char *url, curl_write_callback write_cb, void *sink)
{
    CURL *curl = curl_easy_init();
    if (!curl)
        return CURLE_FAILED_INIT;
    curl_easy_setopt(curl, CURLOPT_URL, url);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, write_cb);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, sink);
    /* ruleid: c.tls-verification-disabled */
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 0L);
    /* ruleid: c.tls-verification-disabled */
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 0);
    CURLcode rc = curl_easy_perform(curl);
    curl_easy_cleanup(curl);
    return rc;
}

SSL_CTX *client_context(void)
{
    SSL_CTX *ctx = SSL_CTX_new(TLS_client_method());
    /* ruleid: c.tls-verification-disabled */
    SSL_CTX_set_verify(ctx, SSL_VERIFY_NONE, NULL);
    return ctx;
}

SSL_CTX *verified_context(const char *ca_file)
{
    SSL_CTX *ctx = SSL_CTX_new(TLS_client_method());
    /* ok: c.tls-verification-disabled */
    SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, NULL);
    SSL_CTX_load_verify_locations(ctx, ca_file, NULL);
    return ctx;
}

void verified_fetch(CURL *curl)
{
    /* ok: c.tls-verification-disabled */
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 1L);
    /* ok: c.tls-verification-disabled */
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 2L);
}
