package api

import (
	"net/http"

	"github.com/gin-contrib/cors"
	"github.com/gin-gonic/gin"
	"github.com/gorilla/handlers"
)

func WithCORS(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// ruleid: go.permissive-cors
		w.Header().Set("Access-Control-Allow-Origin", "*")
		// ruleid: go.permissive-cors
		w.Header().Set("Access-Control-Allow-Origin", r.Header.Get("Origin"))
		w.Header().Set("Access-Control-Allow-Credentials", "true")
		next.ServeHTTP(w, r)
	})
}

func Router() *gin.Engine {
	r := gin.New()
	// ruleid: go.permissive-cors
	r.Use(cors.Default())
	r.Use(cors.New(cors.Config{
		// ruleid: go.permissive-cors
		AllowOrigins:     []string{"https://app.example.com", "*"},
		AllowCredentials: true,
	}))
	r.Use(cors.New(cors.Config{
		// ruleid: go.permissive-cors
		AllowAllOrigins: true,
	}))
	return r
}

func Gorilla(h http.Handler) http.Handler {
	// ruleid: go.permissive-cors
	return handlers.CORS(handlers.AllowedOrigins([]string{"*"}))(h)
}

var allowed = map[string]bool{"https://app.example.com": true}

func WithCORSSafely(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if origin := r.Header.Get("Origin"); allowed[origin] {
			// ok: go.permissive-cors
			w.Header().Set("Access-Control-Allow-Origin", origin)
			// ok: go.permissive-cors
			w.Header().Set("Vary", "Origin")
		}
		next.ServeHTTP(w, r)
	})
}

func RouterSafely() *gin.Engine {
	r := gin.New()
	r.Use(cors.New(cors.Config{
		// ok: go.permissive-cors
		AllowOrigins:     []string{"https://app.example.com"},
		AllowCredentials: true,
	}))
	return r
}
