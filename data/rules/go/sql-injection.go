package store

import (
	"context"
	"database/sql"
	"fmt"
	"net/http"
	"strings"

	"gorm.io/gorm"
)

type User struct {
	ID    int64
	Email string
}

func FindUser(ctx context.Context, db *sql.DB, r *http.Request) (*User, error) {
	email := r.URL.Query().Get("email")
	// ruleid: go.sql-injection
	row := db.QueryRowContext(ctx, fmt.Sprintf("SELECT id, email FROM users WHERE email = '%s'", email))
	var u User
	if err := row.Scan(&u.ID, &u.Email); err != nil {
		return nil, err
	}
	sort := r.URL.Query().Get("sort")
	// ruleid: go.sql-injection
	rows, err := db.Query("SELECT id, email FROM users ORDER BY " + sort)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	// ruleid: go.sql-injection
	if _, err := db.Exec("DELETE FROM sessions WHERE user_id = '" + r.FormValue("id") + "'"); err != nil {
		return nil, err
	}
	return &u, nil
}

func SearchOrders(db *gorm.DB, status string) ([]int64, error) {
	var ids []int64
	// ruleid: go.sql-injection
	err := db.Raw(fmt.Sprintf("SELECT id FROM orders WHERE status = %q", status)).Scan(&ids).Error
	if err != nil {
		return nil, err
	}
	// ruleid: go.sql-injection
	err = db.Model(&User{}).Where(fmt.Sprintf("email LIKE '%%%s%%'", status)).Pluck("id", &ids).Error
	return ids, err
}

func FindUserSafely(ctx context.Context, db *sql.DB, email string, ids []any) error {
	// ok: go.sql-injection
	row := db.QueryRowContext(ctx, "SELECT id, email FROM users WHERE email = $1", email)
	var u User
	if err := row.Scan(&u.ID, &u.Email); err != nil {
		return err
	}
	placeholders := strings.TrimSuffix(strings.Repeat("?,", len(ids)), ",")
	// ok: go.sql-injection
	rows, err := db.QueryContext(ctx, fmt.Sprintf("SELECT id FROM items WHERE id IN (%s)", placeholders), ids...)
	if err != nil {
		return err
	}
	defer rows.Close()
	// ok: go.sql-injection
	_, err = db.ExecContext(ctx, fmt.Sprintf("UPDATE counters SET hits = hits + 1 WHERE shard = %d", len(ids)%16))
	return err
}

func Greeting(name string) string {
	// ok: go.sql-injection
	return strings.ToUpper(fmt.Sprintf("select your plan from the list, %s", name))
}
