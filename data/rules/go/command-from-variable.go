package runner

import (
	"context"
	"net/http"
	"os"
	"os/exec"
)

type Job struct {
	Tool string
	Args []string
}

func RunJob(ctx context.Context, job Job) error {
	// ruleid: go.command-from-variable
	cmd := exec.CommandContext(ctx, job.Tool, job.Args...)
	cmd.Stdout = os.Stdout
	return cmd.Run()
}

func Convert(w http.ResponseWriter, r *http.Request) {
	converter := r.FormValue("converter")
	// ruleid: go.command-from-variable
	out, err := exec.Command(converter, "--input", "/tmp/upload").Output()
	if err != nil {
		http.Error(w, "conversion failed", http.StatusInternalServerError)
		return
	}
	w.Write(out)
}

func RunGit(r *http.Request, dir string) error {
	// ok: go.command-from-variable
	cmd := exec.CommandContext(r.Context(), "git", "-C", dir, "fetch", "--prune")
	return cmd.Run()
}

func Respawn() error {
	// ok: go.command-from-variable
	cmd := exec.Command(os.Args[0], "--child")
	return cmd.Start()
}
