package httpx

import (
	"crypto/tls"
	"crypto/x509"
	"net/http"
	"os"
)

func InsecureClient() *http.Client {
	tr := &http.Transport{
		// ruleid: go.tls-insecure-skip-verify
		TLSClientConfig: &tls.Config{InsecureSkipVerify: true},
	}
	return &http.Client{Transport: tr}
}

func PatchDefault() {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.TLSClientConfig = &tls.Config{}
	// ruleid: go.tls-insecure-skip-verify
	tr.TLSClientConfig.InsecureSkipVerify = true
	http.DefaultClient.Transport = tr
}

func PrivateCAClient(caFile string) (*http.Client, error) {
	pem, err := os.ReadFile(caFile)
	if err != nil {
		return nil, err
	}
	pool := x509.NewCertPool()
	pool.AppendCertsFromPEM(pem)
	tr := &http.Transport{
		// ok: go.tls-insecure-skip-verify
		TLSClientConfig: &tls.Config{RootCAs: pool, MinVersion: tls.VersionTLS12, InsecureSkipVerify: false},
	}
	return &http.Client{Transport: tr}, nil
}
