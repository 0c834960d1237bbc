package reports

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

type Filter struct {
	Region  string
	MinSale string
	SortBy  string
}

func Sales(ctx context.Context, db *sql.DB, f Filter) (*sql.Rows, error) {
	// ruleid: go.sql-string-built
	query := fmt.Sprintf("SELECT region, SUM(amount) FROM sales WHERE region = '%s'", f.Region)
	if f.MinSale != "" {
		// ruleid: go.sql-string-built
		query += " AND amount >= " + f.MinSale
	}
	// ruleid: go.sql-string-built
	query = query + " GROUP BY region ORDER BY " + f.SortBy
	return db.QueryContext(ctx, query)
}

// ruleid: go.sql-string-built
var purge = "DELETE FROM audit_log WHERE actor = '" + strings.TrimSpace(defaultActor()) + "'"

func defaultActor() string { return "system" }

func SalesSafely(ctx context.Context, db *sql.DB, f Filter, regions []any) (*sql.Rows, error) {
	// ok: go.sql-string-built
	query := "SELECT region, SUM(amount) FROM sales WHERE region = $1 AND amount >= $2 GROUP BY region"
	if len(regions) > 0 {
		// ok: go.sql-string-built
		query = fmt.Sprintf("SELECT region, SUM(amount) FROM sales WHERE region IN (%s)", placeholders(len(regions)))
		return db.QueryContext(ctx, query, regions...)
	}
	// ok: go.sql-string-built
	limited := fmt.Sprintf("SELECT id FROM sales LIMIT %d", 100)
	// ok: go.sql-string-built
	label := "Selected " + f.Region + " from the report"
	_ = label
	_ = limited
	return db.QueryContext(ctx, query, f.Region, f.MinSale)
}

func placeholders(n int) string {
	parts := make([]string, n)
	for i := range parts {
		// ok: go.sql-string-built
		parts[i] = fmt.Sprintf("$%d", i+1)
	}
	return strings.Join(parts, ", ")
}
