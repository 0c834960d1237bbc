#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

int backup(const char *dir)
{
    char cmd[512];
    snprintf(cmd, sizeof cmd, "tar czf /backups/site.tgz %s", dir);
    /* ruleid: c.command-injection */
    return system(cmd);
}

FILE *list_dir(const char *dir)
{
    char cmd[512];
    snprintf(cmd, sizeof cmd, "ls -la %s", dir);
    /* ruleid: c.command-injection */
    return popen(cmd, "r");
}

void run_hook(const char *script)
{
    /* ruleid: c.command-injection */
    execl("/bin/sh", "sh", "-c", script, (char *)NULL);
}

int backup_safely(const char *dir)
{
    pid_t pid = fork();
    if (pid == 0) {
        /* ok: c.command-injection */
        execlp("tar", "tar", "czf", "/backups/site.tgz", "--", dir, (char *)NULL);
        _exit(127);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    return status;
}

int uptime(void)
{
    /* ok: c.command-injection */
    return system("uptime");
}
