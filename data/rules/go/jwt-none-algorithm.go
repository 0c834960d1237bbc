package auth

import (
	"github.com/golang-jwt/jwt/v5"
)

func GuestToken() (string, error) {
	// ruleid: go.jwt-none-algorithm
	t := jwt.NewWithClaims(jwt.SigningMethodNone, jwt.MapClaims{"role": "guest"})
	// ruleid: go.jwt-none-algorithm
	return t.SignedString(jwt.UnsafeAllowNoneSignatureType)
}

func SignedToken(key []byte) (string, error) {
	// ok: go.jwt-none-algorithm
	t := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"role": "guest"})
	return t.SignedString(key)
}
