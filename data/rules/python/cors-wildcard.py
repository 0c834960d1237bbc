from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from flask import Flask, jsonify, make_response
from flask_cors import CORS

app = Flask(__name__)
ALLOWED_ORIGINS = ["https://shop.example.com", "https://admin.example.com"]
# ruleid: python.cors-wildcard
CORS(app, supports_credentials=True)

api = FastAPI()
api.add_middleware(
    CORSMiddleware,
    # ruleid: python.cors-wildcard
    allow_origins=["*"],
    allow_credentials=True,
    allow_methods=["*"],
)

# ruleid: python.cors-wildcard
CORS_ALLOW_ALL_ORIGINS = True


@app.route("/api/profile")
def profile():
    resp = make_response(jsonify(name="ann"))
    # ruleid: python.cors-wildcard
    resp.headers["Access-Control-Allow-Origin"] = "*"
    # ruleid: python.cors-wildcard
    resp.headers.update({"Access-Control-Allow-Origin": "*", "Vary": "Origin"})
    return resp


def configure(other_app):
    # ruleid: python.cors-wildcard
    CORS(other_app, resources={r"/api/*": {"origins": "*"}})
    # ok: python.cors-wildcard
    CORS(other_app, origins=["https://shop.example.com"], supports_credentials=True)
    # ok: python.cors-wildcard
    other_app.config["CORS_ORIGIN_ALLOW_ALL"] = False
    # ok: python.cors-wildcard
    CORS(other_app, origins=ALLOWED_ORIGINS)
    # ok: python.cors-wildcard
    resp = make_response("ok")
    # ok: python.cors-wildcard
    resp.headers["Access-Control-Allow-Origin"] = "https://shop.example.com"
    # ok: python.cors-wildcard
    resp.headers["Access-Control-Allow-Methods"] = "*"
    return resp
