package users

import (
	"crypto/md5"
	"crypto/sha256"
	"encoding/hex"

	"golang.org/x/crypto/bcrypt"
)

type User struct {
	Email        string
	PasswordHash string
}

func NewUser(email, password string) User {
	// ruleid: go.weak-password-hash
	sum := md5.Sum([]byte(password))
	return User{Email: email, PasswordHash: hex.EncodeToString(sum[:])}
}

func CheckPassword(u User, input string, salt []byte) bool {
	// ruleid: go.weak-password-hash
	sum := sha256.Sum256(append(salt, []byte(input+u.Email+"password")...))
	return hex.EncodeToString(sum[:]) == u.PasswordHash
}

func NewUserSafely(email, password string) (User, error) {
	// ok: go.weak-password-hash
	hash, err := bcrypt.GenerateFromPassword([]byte(password), bcrypt.DefaultCost)
	return User{Email: email, PasswordHash: string(hash)}, err
}

func HashResetToken(resetToken string) string {
	// ok: go.weak-password-hash
	sum := sha256.Sum256([]byte(resetToken))
	return hex.EncodeToString(sum[:])
}

func ETag(body []byte) string {
	// ok: go.weak-password-hash
	sum := md5.Sum(body)
	return hex.EncodeToString(sum[:])
}
