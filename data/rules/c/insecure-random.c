#include <stdlib.h>
#include <sys/random.h>
#include <time.h>

static const char alphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";

/* ruleid: c.insecure-random */
void generate_session_token(char *out, size_t len)
{
    srand((unsigned)time(NULL));
    for (size_t i = 0; i + 1 < len; i++)
        out[i] = alphabet[rand() % (sizeof alphabet - 1)];
    out[len - 1] = '\0';
}

/* ruleid: c.insecure-random */
unsigned issue(void)
{
    unsigned otp = (unsigned)random() % 1000000u;
    return otp;
}

/* ok: c.insecure-random */
int generate_api_key(unsigned char *out, size_t len)
{
    return getrandom(out, len, 0) == (ssize_t)len ? 0 : -1;
}

/* ok: c.insecure-random */
int retry_delay_ms(int attempt)
{
    return (1 << attempt) * 100 + rand() % 100;
}
