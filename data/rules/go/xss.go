package web

import (
	"fmt"
	"html"
	"html/template"
	"io"
	"net/http"

	"github.com/microcosm-cc/bluemonday"
)

var page = template.Must(template.New("p").Parse(`<h1>{{.Title}}</h1><div>{{.Body}}</div>`))

type Post struct {
	Title string
	Body  template.HTML
}

func Show(w http.ResponseWriter, r *http.Request) {
	// ruleid: go.xss
	post := Post{Title: "Preview", Body: template.HTML(r.FormValue("body"))}
	page.Execute(w, post)
}

func Hello(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("name")
	// ruleid: go.xss
	fmt.Fprintf(w, "<p>Hello, %s</p>", r.URL.Query().Get("name"))
	// ruleid: go.xss
	io.WriteString(w, "<p>Search: "+r.FormValue("q")+"</p>")
	// ruleid: go.xss
	w.Write([]byte(r.PostFormValue("comment")))
	// ok: go.xss
	fmt.Fprintf(w, "<p>Hello, %s</p>", html.EscapeString(name))
}

var policy = bluemonday.UGCPolicy()

func ShowSafely(w http.ResponseWriter, r *http.Request) {
	// ok: go.xss
	post := Post{Title: r.FormValue("title"), Body: template.HTML(policy.Sanitize(r.FormValue("body")))}
	page.Execute(w, post)
	// ok: go.xss
	fmt.Fprintf(w, "<p>%d items</p>", 3)
	// ok: go.xss
	w.Write([]byte("ok"))
	// ok: go.xss
	footer := template.HTML("<footer>&copy; Example</footer>")
	_ = footer
}
