package main

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"crypto/tls"
	"crypto/x509"
	"database/sql"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"log/slog"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/golang-jwt/jwt/v5"
	_ "github.com/lib/pq"
	"golang.org/x/crypto/bcrypt"
)

const (
	sessionCookie     = "session"
	passwordMinLength = 12
	tokenTTL          = 15 * time.Minute
	uploadDir         = "/srv/uploads"
)

type Config struct {
	DatabaseURL   string
	JWTSecret     []byte
	DBPassword    string
	AllowedOrigin map[string]bool
}

func loadConfig() (Config, error) {
	secret := os.Getenv("JWT_SECRET")
	if secret == "" {
		return Config{}, errors.New("JWT_SECRET must be set")
	}
	origins := map[string]bool{}
	for _, o := range strings.Split(os.Getenv("CORS_ORIGINS"), ",") {
		if o != "" {
			origins[o] = true
		}
	}
	return Config{
		DatabaseURL:   os.Getenv("DATABASE_URL"),
		JWTSecret:     []byte(secret),
		DBPassword:    os.Getenv("DB_PASSWORD"),
		AllowedOrigin: origins,
	}, nil
}

type Server struct {
	db     *sql.DB
	cfg    Config
	client *http.Client
	pages  *template.Template
	log    *slog.Logger
}

func newHTTPClient(caFile string) (*http.Client, error) {
	pem, err := os.ReadFile(caFile)
	if err != nil {
		return nil, fmt.Errorf("read CA bundle: %w", err)
	}
	pool := x509.NewCertPool()
	if !pool.AppendCertsFromPEM(pem) {
		return nil, errors.New("no certificates in CA bundle")
	}
	return &http.Client{
		Timeout: 10 * time.Second,
		Transport: &http.Transport{
			TLSClientConfig: &tls.Config{RootCAs: pool, MinVersion: tls.VersionTLS12},
		},
	}, nil
}

func (s *Server) cors(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if origin := r.Header.Get("Origin"); s.cfg.AllowedOrigin[origin] {
			w.Header().Set("Access-Control-Allow-Origin", origin)
			w.Header().Set("Vary", "Origin")
		}
		next.ServeHTTP(w, r)
	})
}

type registerRequest struct {
	Email    string `json:"email"`
	Password string `json:"password"`
}

func (s *Server) register(w http.ResponseWriter, r *http.Request) {
	var req registerRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		http.Error(w, "invalid JSON", http.StatusBadRequest)
		return
	}
	if len(req.Password) < passwordMinLength {
		http.Error(w, "password too short", http.StatusBadRequest)
		return
	}
	hash, err := bcrypt.GenerateFromPassword([]byte(req.Password), bcrypt.DefaultCost)
	if err != nil {
		s.fail(w, "hash password", err)
		return
	}
	_, err = s.db.ExecContext(r.Context(), "INSERT INTO users (email, password_hash) VALUES ($1, $2)", req.Email, string(hash))
	if err != nil {
		s.fail(w, "insert user", err)
		return
	}
	w.WriteHeader(http.StatusCreated)
}

func (s *Server) login(w http.ResponseWriter, r *http.Request) {
	email, password := r.PostFormValue("email"), r.PostFormValue("password")
	var id int64
	var hash string
	err := s.db.QueryRowContext(r.Context(), "SELECT id, password_hash FROM users WHERE email = $1", email).Scan(&id, &hash)
	if errors.Is(err, sql.ErrNoRows) || (err == nil && bcrypt.CompareHashAndPassword([]byte(hash), []byte(password)) != nil) {
		http.Error(w, "invalid credentials", http.StatusUnauthorized)
		return
	}
	if err != nil {
		s.fail(w, "load user", err)
		return
	}
	token := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.RegisteredClaims{
		Subject:   fmt.Sprint(id),
		ExpiresAt: jwt.NewNumericDate(time.Now().Add(tokenTTL)),
	})
	signed, err := token.SignedString(s.cfg.JWTSecret)
	if err != nil {
		s.fail(w, "sign token", err)
		return
	}
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: signed, HttpOnly: true, Secure: true, SameSite: http.SameSiteStrictMode})
}

func (s *Server) userID(r *http.Request) (string, error) {
	c, err := r.Cookie(sessionCookie)
	if err != nil {
		return "", err
	}
	token, err := jwt.Parse(c.Value, func(t *jwt.Token) (interface{}, error) {
		return s.cfg.JWTSecret, nil
	}, jwt.WithValidMethods([]string{jwt.SigningMethodHS256.Alg()}), jwt.WithExpirationRequired())
	if err != nil {
		return "", fmt.Errorf("parse session: %w", err)
	}
	return token.Claims.GetSubject()
}

func newResetToken() (token string, digest string, err error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", "", err
	}
	token = base64.RawURLEncoding.EncodeToString(b)
	sum := sha256.Sum256([]byte(token))
	return token, hex.EncodeToString(sum[:]), nil
}

func (s *Server) products(w http.ResponseWriter, r *http.Request) {
	// One constant statement per sort order: nothing from the request is spliced into SQL.
	queries := map[string]string{
		"name":   "SELECT id, name, price FROM products WHERE category = $1 ORDER BY name LIMIT 50",
		"price":  "SELECT id, name, price FROM products WHERE category = $1 ORDER BY price LIMIT 50",
		"newest": "SELECT id, name, price FROM products WHERE category = $1 ORDER BY created_at DESC LIMIT 50",
	}
	query, ok := queries[r.URL.Query().Get("sort")]
	if !ok {
		query = queries["name"]
	}
	rows, err := s.db.QueryContext(r.Context(), query, r.URL.Query().Get("category"))
	if err != nil {
		s.fail(w, "query products", err)
		return
	}
	defer rows.Close()
	type product struct {
		ID    int64   `json:"id"`
		Name  string  `json:"name"`
		Price float64 `json:"price"`
	}
	var out []product
	for rows.Next() {
		var p product
		if err := rows.Scan(&p.ID, &p.Name, &p.Price); err != nil {
			s.fail(w, "scan product", err)
			return
		}
		out = append(out, p)
	}
	if err := rows.Err(); err != nil {
		s.fail(w, "iterate products", err)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	if err := json.NewEncoder(w).Encode(out); err != nil {
		s.log.Warn("encode response", "err", err)
	}
}

func (s *Server) download(w http.ResponseWriter, r *http.Request) {
	name := filepath.Base(r.PathValue("name"))
	if !filepath.IsLocal(name) {
		http.Error(w, "bad file name", http.StatusBadRequest)
		return
	}
	http.ServeFile(w, r, filepath.Join(uploadDir, name))
}

func (s *Server) hello(w http.ResponseWriter, r *http.Request) {
	data := struct{ Name string }{Name: r.URL.Query().Get("name")}
	if err := s.pages.ExecuteTemplate(w, "hello.html", data); err != nil {
		s.log.Error("render hello", "err", err)
	}
}

func (s *Server) avatar(ctx context.Context, login string) ([]byte, error) {
	u := url.URL{Scheme: "https", Host: "avatars.example.com", Path: "/u/" + url.PathEscape(login)}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, err
	}
	resp, err := s.client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("avatar service: %s", resp.Status)
	}
	buf := make([]byte, 0, 64<<10)
	return append(buf, []byte(resp.Status)...), nil
}

func (s *Server) fail(w http.ResponseWriter, what string, err error) {
	s.log.Error(what, "err", err)
	http.Error(w, "internal error", http.StatusInternalServerError)
}

func main() {
	cfg, err := loadConfig()
	if err != nil {
		slog.Error("config", "err", err)
		os.Exit(1)
	}
	db, err := sql.Open("postgres", cfg.DatabaseURL)
	if err != nil {
		slog.Error("open database", "err", err)
		os.Exit(1)
	}
	client, err := newHTTPClient("/etc/ssl/internal-ca.pem")
	if err != nil {
		slog.Error("http client", "err", err)
		os.Exit(1)
	}
	s := &Server{db: db, cfg: cfg, client: client, pages: template.Must(template.ParseGlob("templates/*.html")), log: slog.Default()}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /register", s.register)
	mux.HandleFunc("POST /login", s.login)
	mux.HandleFunc("GET /products", s.products)
	mux.HandleFunc("GET /files/{name}", s.download)
	mux.HandleFunc("GET /hello", s.hello)
	srv := &http.Server{Addr: ":8080", Handler: s.cors(mux), ReadHeaderTimeout: 5 * time.Second}
	if err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
		slog.Error("serve", "err", err)
	}
}
