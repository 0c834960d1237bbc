package session

import (
	crand "crypto/rand"
	"encoding/hex"
	"fmt"
	"math/rand"
	"time"
)

const letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"

type Reset struct {
	UserID int64
	Code   string
}

// ruleid: go.insecure-randomness
func GenerateToken(n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = letters[rand.Intn(len(letters))]
	}
	return string(b)
}

func NewReset(userID int64) Reset {
	// ruleid: go.insecure-randomness
	otp := fmt.Sprintf("%06d", rand.Intn(1000000))
	return Reset{UserID: userID, Code: otp}
}

func FormDefaults() map[string]string {
	return map[string]string{
		// ruleid: go.insecure-randomness
		"csrf": fmt.Sprint(rand.Int63()),
	}
}

// ok: go.insecure-randomness
func NewSessionID() (string, error) {
	b := make([]byte, 32)
	if _, err := crand.Read(b); err != nil {
		return "", err
	}
	return hex.EncodeToString(b), nil
}

func Backoff(attempt int) time.Duration {
	// ok: go.insecure-randomness
	jitter := time.Duration(rand.Int63n(int64(time.Second)))
	return time.Duration(attempt)*time.Second + jitter
}
