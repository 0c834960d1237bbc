/* User store: SQLite with bound parameters, secrets from the environment,
 * passwords through libsodium, randomness from the kernel. */

#include <errno.h>
#include <sodium.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <syslog.h>
#include <unistd.h>
#include <curl/curl.h>

#define PASSWORD_PROMPT "Password: "
#define TOKEN_BYTES 32
#define DB_PASSWORD_ENV "SHOP_DB_PASSWORD"

struct user {
    long long id;
    char email[256];
};

static const char *api_key_env = "SHOP_API_KEY";

int user_find(sqlite3 *db, const char *name, struct user *out)
{
    sqlite3_stmt *stmt = NULL;
    int rc = sqlite3_prepare_v2(db, "SELECT id, email FROM users WHERE name = ?", -1, &stmt, NULL);
    if (rc != SQLITE_OK) {
        syslog(LOG_ERR, "prepare failed: %s", sqlite3_errmsg(db));
        return rc;
    }
    sqlite3_bind_text(stmt, 1, name, -1, SQLITE_TRANSIENT);
    rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW) {
        out->id = sqlite3_column_int64(stmt, 0);
        snprintf(out->email, sizeof out->email, "%s", (const char *)sqlite3_column_text(stmt, 1));
        rc = SQLITE_OK;
    }
    sqlite3_finalize(stmt);
    return rc;
}

int user_rename(sqlite3 *db, const char *old_name, const char *new_name)
{
    char *sql = sqlite3_mprintf("UPDATE users SET name = %Q WHERE name = %Q", new_name, old_name);
    if (sql == NULL)
        return SQLITE_NOMEM;
    int rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
    sqlite3_free(sql);
    return rc;
}

int user_store_password(sqlite3 *db, long long id, const char *password)
{
    char hashed[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(hashed, password, strlen(password), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        return -1;
    sqlite3_stmt *stmt = NULL;
    if (sqlite3_prepare_v2(db, "UPDATE users SET password_hash = ? WHERE id = ?", -1, &stmt, NULL) != SQLITE_OK)
        return -1;
    sqlite3_bind_text(stmt, 1, hashed, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(stmt, 2, id);
    int rc = sqlite3_step(stmt) == SQLITE_DONE ? 0 : -1;
    sqlite3_finalize(stmt);
    return rc;
}

int session_token_new(char *out, size_t out_len)
{
    unsigned char bytes[TOKEN_BYTES];
    if (getrandom(bytes, sizeof bytes, 0) != (ssize_t)sizeof bytes)
        return -1;
    if (out_len < 2 * sizeof bytes + 1)
        return -1;
    for (size_t i = 0; i < sizeof bytes; i++)
        snprintf(out + 2 * i, 3, "%02x", bytes[i]);
    return 0;
}

const char *db_password(void)
{
    const char *password = getenv(DB_PASSWORD_ENV);
    if (password == NULL)
        fprintf(stderr, "%s is not set\n", DB_PASSWORD_ENV);
    return password;
}

int archive_dir(const char *dir)
{
    pid_t pid = fork();
    if (pid < 0)
        return -1;
    if (pid == 0) {
        execlp("tar", "tar", "czf", "/backups/site.tgz", "--", dir, (char *)NULL);
        _exit(127);
    }
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

CURLcode fetch_report(const char *url, const char *ca_file, curl_write_callback cb, void *sink)
{
    CURL *curl = curl_easy_init();
    if (curl == NULL)
        return CURLE_FAILED_INIT;
    curl_easy_setopt(curl, CURLOPT_URL, url);
    curl_easy_setopt(curl, CURLOPT_CAINFO, ca_file);
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 2L);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, cb);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, sink);
    CURLcode rc = curl_easy_perform(curl);
    if (rc != CURLE_OK)
        fprintf(stderr, "fetching %s failed: %s\n", url, curl_easy_strerror(rc));
    curl_easy_cleanup(curl);
    return rc;
}

void log_message(const char *message)
{
    printf("%s\n", message);
    syslog(LOG_INFO, "%s", message);
    fputs(PASSWORD_PROMPT, stdout);
    printf("api key variable: %s\n", api_key_env);
}

int retry_delay_ms(int attempt)
{
    return (1 << attempt) * 100 + rand() % 100;
}
