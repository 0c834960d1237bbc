package main

import (
	"context"
	"database/sql"
	"errors"
	"log"
	"os"
	"os/signal"
	"strconv"
	"syscall"
	"time"

	_ "github.com/lib/pq"

	"github.com/basketly/worker/jobs"
)

func main() {
	dsn := os.Getenv("DATABASE_URL")
	if dsn == "" {
		dsn = "postgres://basketly:basketly@localhost:5432/basketly?sslmode=disable"
	}
	workers, err := strconv.Atoi(os.Getenv("WORKERS"))
	if err != nil || workers <= 0 {
		workers = 4
	}

	db, err := sql.Open("postgres", dsn)
	if err != nil {
		log.Fatalf("open database: %v", err)
	}
	defer db.Close()

	// Kubernetes sends SIGTERM on deploys: stop claiming jobs and let running ones finish.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	p := jobs.NewProcessor(db, workers, 2*time.Second)
	log.Printf("worker started with %d workers", workers)
	if err := p.Run(ctx); err != nil && !errors.Is(err, context.Canceled) {
		log.Fatalf("processor stopped: %v", err)
	}
	log.Println("worker stopped")
}
