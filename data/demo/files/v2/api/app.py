"""Basketly HTTP API."""

from flask import Flask, jsonify, request

from api import auth, db
from api.config import DEBUG, SESSION_COOKIE_NAME, SESSION_DAYS

app = Flask(__name__)


def _current_user():
    return auth.current_user(request.cookies.get(SESSION_COOKIE_NAME))


@app.get("/health")
def health():
    return jsonify(status="ok")


@app.post("/login")
def login():
    body = request.get_json(force=True)
    session = auth.login(body.get("name", ""), body.get("password", ""))
    if session is None:
        return jsonify(error="invalid credentials"), 401
    response = jsonify(user_id=session["user_id"], name=session["name"])
    response.set_cookie(
        SESSION_COOKIE_NAME, session["session_id"], max_age=SESSION_DAYS * 86400, httponly=True
    )
    return response


@app.post("/logout")
def logout():
    auth.logout(request.cookies.get(SESSION_COOKIE_NAME))
    response = jsonify(ok=True)
    response.delete_cookie(SESSION_COOKIE_NAME)
    return response


@app.get("/me")
def me():
    user = _current_user()
    if user is None:
        return jsonify(error="not logged in"), 401
    return jsonify(user)


@app.get("/products")
def list_products():
    rows = db.query_all(
        "SELECT id, sku, name, price_cents, stock FROM products WHERE active = true ORDER BY name"
    )
    return jsonify(rows)


@app.get("/products/<int:product_id>")
def get_product(product_id):
    row = db.query_one("SELECT * FROM products WHERE id = %s", (product_id,))
    if row is None:
        return jsonify(error="not found"), 404
    return jsonify(row)


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=8000, debug=DEBUG)
