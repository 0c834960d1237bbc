package main

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// Retry runs fn with exponential backoff and jitter.
func Retry(ctx context.Context, attempts int, fn func() error) error {
	var err error
	for i := 0; i < attempts; i++ {
		if err = fn(); err == nil {
			return nil
		}
		jitter := time.Duration(rand.Int64N(int64(100 * time.Millisecond)))
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(time.Duration(1<<i)*100*time.Millisecond + jitter):
		}
	}
	return fmt.Errorf("after %d attempts: %w", attempts, err)
}

// SampleIDs picks a random subset for a load test; not security relevant.
func SampleIDs(ids []string, n int) []string {
	shuffled := append([]string(nil), ids...)
	rand.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
	if n > len(shuffled) {
		n = len(shuffled)
	}
	return shuffled[:n]
}

// GitLog returns the last commits of a repository checked out under root.
func GitLog(ctx context.Context, root, repo string, n int) ([]string, error) {
	dir := filepath.Join(root, filepath.Base(repo))
	cmd := exec.CommandContext(ctx, "git", "-C", dir, "log", fmt.Sprintf("-%d", n), "--format=%H %s")
	var out bytes.Buffer
	cmd.Stdout = &out
	cmd.Stderr = os.Stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("git log in %s: %w", dir, err)
	}
	return strings.Split(strings.TrimSpace(out.String()), "\n"), nil
}

// Compress gzips a file with the system gzip, passing the name as an argument.
func Compress(ctx context.Context, file string) error {
	cmd := exec.CommandContext(ctx, "gzip", "--keep", "--", file)
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("gzip %s: %w: %s", file, err, out)
	}
	return nil
}

// CleanupTemp removes scratch files, logging what it cannot remove.
func CleanupTemp(dir string) {
	matches, err := filepath.Glob(filepath.Join(dir, "*.tmp"))
	if err != nil {
		fmt.Fprintf(os.Stderr, "cleanup: %v\n", err)
		return
	}
	for _, m := range matches {
		if err := os.Remove(m); err != nil && !os.IsNotExist(err) {
			fmt.Fprintf(os.Stderr, "cleanup %s: %v\n", m, err)
		}
	}
}
