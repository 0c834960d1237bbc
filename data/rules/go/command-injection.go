package tools

import (
	"context"
	"fmt"
	"net/http"
	"os/exec"
)

func Ping(w http.ResponseWriter, r *http.Request) {
	host := r.URL.Query().Get("host")
	// ruleid: go.command-injection
	out, err := exec.Command("sh", "-c", "ping -c 1 "+host).CombinedOutput()
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	w.Write(out)
}

func Archive(ctx context.Context, dir string) error {
	script := fmt.Sprintf("tar -czf /tmp/backup.tgz %s", dir)
	// ruleid: go.command-injection
	cmd := exec.CommandContext(ctx, "/bin/bash", "-c", script)
	return cmd.Run()
}

func PingSafely(ctx context.Context, host string) ([]byte, error) {
	// ok: go.command-injection
	cmd := exec.CommandContext(ctx, "ping", "-c", "1", "--", host)
	return cmd.CombinedOutput()
}

func DiskUsage() ([]byte, error) {
	// ok: go.command-injection
	return exec.Command("sh", "-c", "df -h | sort -k5 -r").Output()
}
