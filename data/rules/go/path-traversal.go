package files

import (
	"net/http"
	"os"
	"path/filepath"

	"github.com/gin-gonic/gin"
)

const uploadDir = "/srv/uploads"

func Download(w http.ResponseWriter, r *http.Request) {
	// ruleid: go.path-traversal
	data, err := os.ReadFile(filepath.Join(uploadDir, r.URL.Query().Get("name")))
	if err != nil {
		http.NotFound(w, r)
		return
	}
	w.Write(data)
}

func Serve(w http.ResponseWriter, r *http.Request) {
	// ruleid: go.path-traversal
	http.ServeFile(w, r, filepath.Join(uploadDir, r.FormValue("file")))
}

func Delete(w http.ResponseWriter, r *http.Request) {
	// ruleid: go.path-traversal
	if err := os.Remove(uploadDir + "/" + r.PathValue("name")); err != nil {
		http.Error(w, "not found", http.StatusNotFound)
	}
}

func GinDownload(c *gin.Context) {
	// ruleid: go.path-traversal
	c.File(filepath.Join(uploadDir, c.Param("name")))
}

func DownloadSafely(w http.ResponseWriter, r *http.Request) {
	// ok: go.path-traversal
	data, err := os.ReadFile(filepath.Join(uploadDir, filepath.Base(r.URL.Query().Get("name"))))
	if err != nil {
		http.NotFound(w, r)
		return
	}
	w.Write(data)
}

func Static(w http.ResponseWriter, r *http.Request) {
	// ok: go.path-traversal
	http.ServeFile(w, r, filepath.Join("public", r.URL.Path))
}
