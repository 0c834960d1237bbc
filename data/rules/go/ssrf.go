package proxy

import (
	"fmt"
	"io"
	"net/http"
	"net/url"
)

var client = &http.Client{}

func Preview(w http.ResponseWriter, r *http.Request) {
	// ruleid: go.ssrf
	resp, err := http.Get(r.URL.Query().Get("url"))
	if err != nil {
		http.Error(w, "fetch failed", http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	io.Copy(w, resp.Body)
}

func Forward(w http.ResponseWriter, r *http.Request) {
	// ruleid: go.ssrf
	req, err := http.NewRequestWithContext(r.Context(), http.MethodPost, r.FormValue("callback"), r.Body)
	if err != nil {
		http.Error(w, "bad callback", http.StatusBadRequest)
		return
	}
	resp, err := client.Do(req)
	if err != nil {
		http.Error(w, "callback failed", http.StatusBadGateway)
		return
	}
	resp.Body.Close()
}

func GithubUser(w http.ResponseWriter, r *http.Request) {
	// ok: go.ssrf
	resp, err := client.Get(fmt.Sprintf("https://api.github.com/users/%s", url.PathEscape(r.PathValue("login"))))
	if err != nil {
		http.Error(w, "fetch failed", http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	// ok: go.ssrf
	theme := r.URL.Query().Get("theme")
	io.Copy(w, resp.Body)
	_ = theme
}

func Order(w http.ResponseWriter, r *http.Request, ordersAPI string) {
	// ok: go.ssrf
	req, err := http.NewRequestWithContext(r.Context(), http.MethodGet, ordersAPI+"/orders/"+url.PathEscape(r.PathValue("id")), nil)
	if err != nil {
		http.Error(w, "bad order id", http.StatusBadRequest)
		return
	}
	resp, err := client.Do(req)
	if err != nil {
		http.Error(w, "orders unavailable", http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	io.Copy(w, resp.Body)
}
