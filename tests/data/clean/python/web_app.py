"""A small Flask service: templates with autoescaping, files served from a fixed folder, outbound
calls to allow-listed hosts, configuration from the environment."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from urllib.parse import urlparse

import requests
from flask import Flask, abort, jsonify, render_template, render_template_string, request, send_from_directory
from flask_cors import CORS
from markupsafe import Markup, escape
from werkzeug.utils import safe_join, secure_filename

log = logging.getLogger(__name__)

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["FLASK_SECRET_KEY"]
app.config["DEBUG"] = os.environ.get("FLASK_DEBUG") == "1"
app.config["MAX_CONTENT_LENGTH"] = 16 * 1024 * 1024

CORS(app, origins=["https://shop.example.com", "https://admin.example.com"], supports_credentials=True)

UPLOADS = Path(os.environ.get("UPLOAD_DIR", "/srv/app/uploads")).resolve()
REPORTS = "/srv/app/reports"
PREVIEW_HOSTS = {"images.example.com", "cdn.example.com"}
CA_BUNDLE = os.environ.get("REQUESTS_CA_BUNDLE", "/etc/ssl/certs/ca-certificates.crt")
ICON = Markup('<svg class="icon" aria-hidden="true"><use href="#star"></use></svg>')


@app.route("/hello")
def hello():
    return render_template("hello.html", name=request.args.get("name", "guest"))


@app.route("/greeting")
def greeting():
    return render_template_string("<p>Hello {{ name }}</p>", name=request.args.get("name", "guest"))


@app.route("/search")
def search():
    term = request.args.get("q", "")
    return f"<p>Results for {escape(term)}</p>"


@app.route("/reports/<name>")
def report(name):
    return send_from_directory(REPORTS, name)


@app.route("/uploads/<path:name>")
def uploaded(name):
    path = safe_join(str(UPLOADS), name)
    if path is None or not os.path.isfile(path):
        abort(404)
    with open(path, "rb") as fh:
        return fh.read()


@app.route("/upload", methods=["POST"])
def upload():
    file = request.files["file"]
    target = UPLOADS / secure_filename(file.filename or "upload.bin")
    if not target.resolve().is_relative_to(UPLOADS):
        abort(400)
    file.save(target)
    return jsonify(saved=target.name), 201


@app.route("/preview")
def preview():
    url = request.args.get("url", "")
    parsed = urlparse(url)
    if parsed.scheme != "https" or parsed.hostname not in PREVIEW_HOSTS:
        abort(400)
    resp = requests.get(url, timeout=5, allow_redirects=False, verify=CA_BUNDLE)
    return jsonify(status=resp.status_code, length=len(resp.content))


@app.route("/weather")
def weather():
    city = request.args.get("city", "Paris")
    resp = requests.get("https://api.weather.example.com/v1/current", params={"city": city}, timeout=5)
    resp.raise_for_status()
    return jsonify(resp.json())


@app.after_request
def security_headers(response):
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Access-Control-Allow-Origin"] = "https://shop.example.com"
    return response


@app.errorhandler(500)
def server_error(error):
    log.exception("unhandled error: %s", error)
    return render_template("500.html"), 500


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=int(os.environ.get("PORT", "8000")), debug=os.environ.get("FLASK_DEBUG") == "1")
