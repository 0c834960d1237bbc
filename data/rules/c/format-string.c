#include <stdio.h>
#include <syslog.h>

#define BANNER "shop-agent ready\n"

void log_request(const char *path, const char *user_agent)
{
    /* ruleid: c.format-string */
    syslog(LOG_INFO, user_agent);
    /* ok: c.format-string */
    syslog(LOG_INFO, "request %s from %s", path, user_agent);
}

void echo(const char *message)
{
    /* ruleid: c.format-string */
    printf(message);
    /* ruleid: c.format-string */
    fprintf(stderr, message);
    /* ok: c.format-string */
    printf("%s", message);
    /* ok: c.format-string */
    printf(BANNER);
}

void copy_title(char *out, size_t n, const char *title)
{
    /* ruleid: c.format-string */
    snprintf(out, n, title);
    /* ok: c.format-string */
    snprintf(out, n, "%s", title);
}
