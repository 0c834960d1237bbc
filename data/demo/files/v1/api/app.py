"""Basketly HTTP API."""

from flask import Flask, jsonify

from api import db
from api.config import DEBUG

app = Flask(__name__)


@app.get("/health")
def health():
    return jsonify(status="ok")


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
