#include <mysql/mysql.h>
#include <stdlib.h>

/* ruleid: c.hardcoded-credential */
#define DB_PASSWORD "Wh1sk3y-T4ngo-42"
/* ok: c.hardcoded-credential */
#define PASSWORD_PROMPT "Enter password: "
/* ok: c.hardcoded-credential */
#define TOKEN_LEN 32

/* ruleid: c.hardcoded-credential */
static const char *api_key = "f3b9c2d1e8a7465b9c0d2e4f6a8b1c3d";
/* ok: c.hardcoded-credential */
static const char *api_key_env = "SHOP_API_KEY";

struct smtp_config {
    const char *host;
    const char *user;
    const char *password;
};

static const struct smtp_config relay = {
    .host = "smtp.example.com",
    .user = "mailer",
    /* ruleid: c.hardcoded-credential */
    .password = "R3lay!Pa55w0rd",
};

MYSQL *connect_db(MYSQL *conn)
{
    /* ruleid: c.hardcoded-credential */
    return mysql_real_connect(conn, "db.internal", "shop", "Sh0pDb#2024", "shop", 3306, NULL, 0);
}

MYSQL *connect_db_safely(MYSQL *conn)
{
    /* ok: c.hardcoded-credential */
    const char *password = getenv("SHOP_DB_PASSWORD");
    /* ok: c.hardcoded-credential */
    const char *secret = "";
    return mysql_real_connect(conn, "db.internal", "shop", password ? password : secret, "shop", 3306, NULL, 0);
}
