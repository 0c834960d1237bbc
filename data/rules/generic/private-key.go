package tlsconf

import (
	"crypto/tls"
	"os"
	"strings"
)

// ruleid: generic.private-key
const serverKey = `-----BEGIN RSA PRIVATE KEY-----
MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun
VTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxK
-----END RSA PRIVATE KEY-----`

// ruleid: generic.private-key
var deployKey = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n-----END OPENSSH PRIVATE KEY-----\n"

func LoadKeyPair() (tls.Certificate, error) {
	// ok: generic.private-key
	return tls.LoadX509KeyPair(os.Getenv("TLS_CERT_FILE"), os.Getenv("TLS_KEY_FILE"))
}

func IsPrivateKey(pem string) bool {
	// ok: generic.private-key
	return strings.HasPrefix(pem, "-----BEGIN RSA PRIVATE KEY-----") ||
		// ok: generic.private-key
		strings.HasPrefix(pem, "-----BEGIN PRIVATE KEY-----")
}

// ok: generic.private-key
const publicKey = `-----BEGIN PUBLIC KEY-----
MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEmYuT6pM3lfNEkPHpyy0ZPW1YcYL1
-----END PUBLIC KEY-----`
