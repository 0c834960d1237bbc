package jobs

import (
	"context"
	"testing"
	"time"
)

func TestNewProcessor(t *testing.T) {
	p := NewProcessor(nil, 4, time.Second)
	if p == nil {
		t.Fatal("expected a processor")
	}
}

func TestHandleUnknownKind(t *testing.T) {
	p := NewProcessor(nil, 1, time.Second)
	err := p.handle(context.Background(), Job{ID: 1, Kind: "does_not_exist"})
	if err == nil {
		t.Error("expected an error for an unknown job kind")
	}
}

func TestBackoff(t *testing.T) {
	cases := []struct {
		attempt int
		want    time.Duration
	}{
		{0, 30 * time.Second},
		{1, time.Minute},
		{2, 2 * time.Minute},
		{10, time.Hour},
	}
	for _, c := range cases {
		if got := Backoff(c.attempt); got != c.want {
			t.Errorf("Backoff(%d) = %v, want %v", c.attempt, got, c.want)
		}
	}
}

func TestExportOrders(t *testing.T) {
	p := NewProcessor(nil, 1, time.Second)
	job := Job{ID: 2, Kind: "export_orders", Payload: map[string]string{"from": "2026-01-01", "to": "2026-02-01"}}
	// psql is not installed on CI; we only check that it does not panic
	_ = p.exportOrders(context.Background(), job)
}
