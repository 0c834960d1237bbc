#include <cstdlib>
#include <random>
#include <string>
#include <openssl/rand.h>

namespace auth {

// ruleid: cpp.insecure-random
std::string make_reset_token()
{
    static const char alphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    std::mt19937 gen(std::random_device{}());
    std::uniform_int_distribution<std::size_t> pick(0, sizeof alphabet - 2);
    std::string token;
    for (int i = 0; i < 32; ++i) token += alphabet[pick(gen)];
    return token;
}

// ruleid: cpp.insecure-random
int Codes::next()
{
    int otp = std::rand() % 1000000;
    return otp;
}

// ok: cpp.insecure-random
std::string make_api_key()
{
    unsigned char bytes[32];
    if (RAND_bytes(bytes, sizeof bytes) != 1) throw std::runtime_error("RAND_bytes failed");
    return std::string(reinterpret_cast<char*>(bytes), sizeof bytes);
}

// ok: cpp.insecure-random
double jitter()
{
    static std::mt19937 gen(std::random_device{}());
    return std::uniform_real_distribution<double>(0.0, 0.1)(gen);
}

}  // namespace auth
