package main

import (
	"log"
	"net/http"
	// ruleid: go.debug-mode
	_ "net/http/pprof"
	"os"

	"github.com/gin-gonic/gin"
)

func main() {
	// ruleid: go.debug-mode
	gin.SetMode(gin.DebugMode)
	if os.Getenv("APP_ENV") == "production" {
		// ok: go.debug-mode
		gin.SetMode(gin.ReleaseMode)
	}
	r := gin.Default()
	r.GET("/health", func(c *gin.Context) { c.String(http.StatusOK, "ok") })
	// ok: go.debug-mode
	log.SetPrefix("debug")
	log.Fatal(http.ListenAndServe(":8080", nil))
}
