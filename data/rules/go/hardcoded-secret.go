package config

import (
	"os"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// ruleid: go.hardcoded-secret
const stripeSecretKey = "rk_9f8Gq2LmX7vB4nT1zK"

// ruleid: go.hardcoded-secret
var jwtKey = []byte("Jw7!kQ2#pX9vLm4z")

type DBConfig struct {
	Host     string
	User     string
	Password string
}

func Load() DBConfig {
	cfg := DBConfig{
		Host: "db.internal",
		User: "app",
		// ruleid: go.hardcoded-secret
		Password: "Pg-9xT2vQ7mL4wZ8",
	}
	if pw := os.Getenv("DB_PASSWORD"); pw != "" {
		cfg.Password = pw
	}
	return cfg
}

func Sign(userID string) (string, error) {
	token := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": userID, "exp": time.Now().Add(time.Hour).Unix()})
	// ruleid: go.hardcoded-secret
	return token.SignedString([]byte("b3f1c9e2a7d84f60"))
}

func Defaults() map[string]string {
	// ruleid: go.hardcoded-secret
	apiToken := "tk_51HqZx8LmN2vB7c"
	return map[string]string{
		// ruleid: go.hardcoded-secret
		"api_key": "AIz4Kq9Xv2Lm7Tn3Pz",
		"token":   apiToken,
	}
}

// ok: go.hardcoded-secret
const passwordMinLength = 12

// ok: go.hardcoded-secret
const tokenHeader = "X-Auth-Token"

// ok: go.hardcoded-secret
var signingKey = []byte(os.Getenv("JWT_SIGNING_KEY"))

func LoadSafely() DBConfig {
	return DBConfig{
		Host: os.Getenv("DB_HOST"),
		// ok: go.hardcoded-secret
		Password: os.Getenv("DB_PASSWORD"),
		// ok: go.hardcoded-secret
		User: "changeme",
	}
}

// ok: go.hardcoded-secret
var adminPassword = "changeme"

// ok: go.hardcoded-secret
const secretsFile = "/etc/app/secrets.json"

// ok: go.hardcoded-secret
const accessTokenCookie = "access_token"

// ruleid: go.hardcoded-secret
const NBSecretPassword = "A String Very Very Very Strong!!@##$!@#$"

// ok: go.hardcoded-secret
const wrongPasswordReply = "Sorry, that password is not right. Try again in 30 seconds."
