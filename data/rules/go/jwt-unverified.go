package auth

import (
	"fmt"
	"net/http"
	"os"
	"strings"

	"github.com/golang-jwt/jwt/v5"
	"github.com/golang-jwt/jwt/v5/request"
)

var secret = []byte(os.Getenv("JWT_SECRET"))

func UserFromRequest(r *http.Request) (string, error) {
	raw := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
	claims := jwt.MapClaims{}
	// ruleid: go.jwt-unverified
	if _, _, err := jwt.NewParser().ParseUnverified(raw, claims); err != nil {
		return "", err
	}
	return claims.GetSubject()
}

func Verify(raw string) (*jwt.Token, error) {
	// ruleid: go.jwt-unverified
	return jwt.Parse(raw, func(t *jwt.Token) (interface{}, error) {
		return secret, nil
	})
}

func FromRequest(r *http.Request) (*jwt.Token, error) {
	// ruleid: go.jwt-unverified
	return request.ParseFromRequest(r, request.AuthorizationHeaderExtractor, func(token *jwt.Token) (interface{}, error) {
		key := secret
		return key, nil
	})
}

func VerifyStrict(raw string) (*jwt.Token, error) {
	// ok: go.jwt-unverified
	return jwt.Parse(raw, func(t *jwt.Token) (interface{}, error) {
		if _, ok := t.Method.(*jwt.SigningMethodHMAC); !ok {
			return nil, fmt.Errorf("unexpected signing method %v", t.Header["alg"])
		}
		return secret, nil
	})
}

func VerifyWithOption(raw string) (*jwt.Token, error) {
	// ok: go.jwt-unverified
	return jwt.Parse(raw, func(t *jwt.Token) (interface{}, error) { return secret, nil }, jwt.WithValidMethods([]string{"HS256"}))
}

