#include <boost/asio/ssl.hpp>
#include <cpr/cpr.h>
#include <curl/curl.h>
#include <string>

namespace net {

namespace ssl = boost::asio::ssl;

ssl::context insecure_context()
{
    ssl::context ctx(ssl::context::tls_client);
    // ruleid: cpp.tls-verification-disabled
    ctx.set_verify_mode(ssl::verify_none);
    return ctx;
}

ssl::context verified_context()
{
    ssl::context ctx(ssl::context::tls_client);
    ctx.set_default_verify_paths();
    // ok: cpp.tls-verification-disabled
    ctx.set_verify_mode(ssl::verify_peer);
    return ctx;
}

cpr::Response get(const std::string& url)
{
    // ruleid: cpp.tls-verification-disabled
    return cpr::Get(cpr::Url{url}, cpr::VerifySsl{false});
}

cpr::Response get_verified(const std::string& url)
{
    // ok: cpp.tls-verification-disabled
    return cpr::Get(cpr::Url{url}, cpr::VerifySsl{true});
}

void configure(CURL* curl)
{
    // ruleid: cpp.tls-verification-disabled
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, false);
}

}  // namespace net
