// Report service: libpqxx with parameters, Boost.Asio TLS with verification,
// secrets from the environment, libsodium for passwords and randomness.

#include <boost/asio/ssl.hpp>
#include <cstdio>
#include <cstdlib>
#include <fmt/format.h>
#include <iostream>
#include <pqxx/pqxx>
#include <random>
#include <sodium.h>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace reports {

namespace ssl = boost::asio::ssl;

constexpr std::string_view kTokenHeader = "X-Auth-Token";
constexpr std::string_view kPasswordEnv = "REPORTS_DB_PASSWORD";

struct Row {
    long id;
    std::string status;
    double total;
};

class ReportService {
public:
    explicit ReportService(pqxx::connection& conn) : conn_(conn) {}

    std::vector<Row> by_status(const std::string& status, int limit)
    {
        pqxx::work txn{conn_};
        std::vector<Row> rows;
        for (const auto& r : txn.exec_params("SELECT id, status, total FROM orders WHERE status = $1 LIMIT $2", status, limit)) {
            rows.push_back(Row{r[0].as<long>(), r[1].as<std::string>(), r[2].as<double>()});
        }
        txn.commit();
        return rows;
    }

    void cancel(long id, const std::string& reason)
    {
        pqxx::work txn{conn_};
        txn.exec_params("UPDATE orders SET status = 'cancelled', reason = $1 WHERE id = $2", reason, id);
        txn.commit();
    }

    std::string summary(const Row& row) const
    {
        return fmt::format("order {} is {} ({:.2f})", row.id, row.status, row.total);
    }

private:
    pqxx::connection& conn_;
    std::string api_key_name_ = "REPORTS_API_KEY";
};

std::string db_password()
{
    const char* password = std::getenv(std::string(kPasswordEnv).c_str());
    if (password == nullptr) throw std::runtime_error("database password is not configured");
    return password;
}

std::string hash_password(const std::string& password)
{
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(out, password.c_str(), password.size(), crypto_pwhash_OPSLIMIT_MODERATE,
                          crypto_pwhash_MEMLIMIT_MODERATE) != 0) {
        throw std::runtime_error("out of memory while hashing");
    }
    return out;
}

std::string make_share_token()
{
    unsigned char bytes[32];
    randombytes_buf(bytes, sizeof bytes);
    std::string token;
    for (unsigned char b : bytes) token += fmt::format("{:02x}", b);
    return token;
}

double backoff_jitter()
{
    static std::mt19937 gen(std::random_device{}());
    return std::uniform_real_distribution<double>(0.0, 0.25)(gen);
}

ssl::context client_context(const std::string& ca_file)
{
    ssl::context ctx(ssl::context::tls_client);
    ctx.load_verify_file(ca_file);
    ctx.set_verify_mode(ssl::verify_peer);
    return ctx;
}

void log_line(const std::string& line)
{
    std::printf("%s\n", line.c_str());
    std::cerr << kTokenHeader << ": <redacted>\n";
}

bool try_flush(std::FILE* out)
{
    try {
        if (std::fflush(out) != 0) throw std::runtime_error("flush failed");
        return true;
    } catch (const std::exception& e) {
        std::cerr << "flush: " << e.what() << '\n';
        return false;
    }
}

}  // namespace reports
