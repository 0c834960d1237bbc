import urllib.request
from urllib.parse import urlparse

import httpx
import requests
from flask import Flask, abort, jsonify, request

app = Flask(__name__)
ALLOWED_HOSTS = {"images.example.com", "cdn.example.com"}


@app.route("/preview")
def link_preview():
    # ruleid: python.ssrf
    page = requests.get(request.args["url"], timeout=5)
    return jsonify(title=page.text[:200])


@app.route("/webhook/test", methods=["POST"])
def test_webhook():
    # ruleid: python.ssrf
    resp = httpx.post(url=request.json["callback_url"], json={"ping": True})
    return jsonify(status=resp.status_code)


@app.route("/proxy")
def proxy():
    # ruleid: python.ssrf
    with urllib.request.urlopen(f"http://{request.args.get('host')}/status") as fh:
        return fh.read()


@app.route("/avatar")
def avatar():
    url = request.args.get("url", "")
    if urlparse(url).hostname not in ALLOWED_HOSTS:
        abort(400)
    # ok: python.ssrf
    img = requests.get(url, timeout=5, allow_redirects=False)
    # ok: python.ssrf
    meta = requests.get("https://api.example.com/meta", params={"q": request.args.get("q")}, timeout=5)
    return img.content + meta.content
