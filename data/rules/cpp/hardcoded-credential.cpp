#include <cstdlib>
#include <string>
#include <string_view>

namespace config {

// ruleid: cpp.hardcoded-credential
constexpr std::string_view kJwtSecret = "9fK2mQ7xL4vB8nR1tY6wE3zH5jD0sA2c";
// ok: cpp.hardcoded-credential
constexpr std::string_view kTokenHeader = "X-Auth-Token";

class PaymentClient {
public:
    explicit PaymentClient(std::string endpoint) : endpoint_(std::move(endpoint)) {}

private:
    std::string endpoint_;
    // ruleid: cpp.hardcoded-credential
    std::string api_key_ = "pk_9Xv2Lm7Qr4Tz8Wb1";
    // ok: cpp.hardcoded-credential
    std::string api_key_name_ = "PAYMENTS_API_KEY";
};

std::string db_password()
{
    // ruleid: cpp.hardcoded-credential
    std::string password{"Pg!Adm1n-2024"};
    return password;
}

std::string db_password_safely()
{
    // ok: cpp.hardcoded-credential
    const char* password = std::getenv("DB_PASSWORD");
    return password ? password : "";
}

}  // namespace config
