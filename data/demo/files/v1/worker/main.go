package main

import (
	"context"
	"database/sql"
	"log"
	"os"
	"strconv"
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

	p := jobs.NewProcessor(db, workers, 2*time.Second)
	log.Printf("worker started with %d workers", workers)
	if err := p.Run(context.Background()); err != nil {
		log.Fatalf("processor stopped: %v", err)
	}
}
