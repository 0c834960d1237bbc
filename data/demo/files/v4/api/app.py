"""Basketly HTTP API."""

from flask import Flask, jsonify, request

from api import auth, db, orders, pricing
from api.config import DEBUG, SESSION_COOKIE_NAME, SESSION_DAYS

app = Flask(__name__)


def _current_user():
    return auth.user_from_request(request)


def _cart_items(user_id):
    return db.query_all(
        "SELECT p.id, p.sku, p.name, p.category, p.price_cents, c.quantity"
        " FROM cart_items c JOIN products p ON p.id = c.product_id WHERE c.user_id = %s",
        (user_id,),
    )


def _cart_totals(user, items, coupon_code=None):
    subtotal = 0
    for item in items:
        subtotal += item["price_cents"] * item["quantity"]
    discount = pricing.calculate_discount(subtotal, coupon_code, user, items)
    shipping = pricing.shipping_cost(subtotal, coupon_code)
    return {
        "subtotal_cents": subtotal,
        "discount_cents": discount,
        "shipping_cents": shipping,
        "total_cents": subtotal - discount + shipping,
    }


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


@app.post("/token")
def issue_token():
    body = request.get_json(force=True)
    session = auth.login(body.get("name", ""), body.get("password", ""))
    if session is None:
        return jsonify(error="invalid credentials"), 401
    return jsonify(token=auth.make_token(session["user_id"]), expires_in=auth.TOKEN_TTL)


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


@app.get("/cart")
def get_cart():
    user = _current_user()
    if user is None:
        return jsonify(error="not logged in"), 401
    items = _cart_items(user["id"])
    return jsonify(items=items, **_cart_totals(user, items, request.args.get("coupon")))


@app.post("/cart/items")
def add_to_cart():
    user = _current_user()
    if user is None:
        return jsonify(error="not logged in"), 401
    body = request.get_json(force=True)
    db.execute(
        "INSERT INTO cart_items (user_id, product_id, quantity) VALUES (%s, %s, %s)"
        " ON CONFLICT (user_id, product_id) DO UPDATE SET quantity = cart_items.quantity + EXCLUDED.quantity",
        (user["id"], body["product_id"], body.get("quantity", 1)),
    )
    return jsonify(ok=True), 201


@app.delete("/cart/items/<int:product_id>")
def remove_from_cart(product_id):
    user = _current_user()
    if user is None:
        return jsonify(error="not logged in"), 401
    db.execute(
        "DELETE FROM cart_items WHERE user_id = %s AND product_id = %s", (user["id"], product_id)
    )
    return jsonify(ok=True)


# Old widget on the marketing site still posts here; remove once it is gone.
@app.post("/legacy/cart")
def legacy_cart():
    body = request.get_json(force=True)
    user = auth.current_user(body.get("session"))
    if user is None:
        return jsonify(error="not logged in"), 401
    for line in body.get("lines", []):
        db.execute(
            "INSERT INTO cart_items (user_id, product_id, quantity) VALUES (%s, %s, %s)"
            " ON CONFLICT (user_id, product_id) DO UPDATE SET quantity = EXCLUDED.quantity",
            (user["id"], line["id"], line["qty"]),
        )
    return jsonify(ok=True)


@app.post("/checkout")
def checkout():
    user = _current_user()
    if user is None:
        return jsonify(error="not logged in"), 401
    body = request.get_json(silent=True) or {}
    items = _cart_items(user["id"])
    if not items:
        return jsonify(error="cart is empty"), 400
    totals = _cart_totals(user, items, body.get("coupon"))
    order_id = orders.create_order(user, items, totals, body.get("coupon"))
    return jsonify(order_id=order_id, **totals), 201


@app.get("/orders")
def order_history():
    user = _current_user()
    if user is None:
        return jsonify(error="not logged in"), 401
    return jsonify(orders.order_history(user["id"]))


@app.get("/admin/orders")
def admin_orders():
    user = _current_user()
    if user is None or not user["is_admin"]:
        return jsonify(error="forbidden"), 403
    return jsonify(orders.search_orders(request.args.get("status", ""), request.args.get("q", "")))


@app.post("/admin/orders/<int:order_id>/status")
def admin_set_status(order_id):
    user = _current_user()
    if user is None or not user["is_admin"]:
        return jsonify(error="forbidden"), 403
    orders.update_status(order_id, request.get_json(force=True)["status"])
    return jsonify(ok=True)


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=8000, debug=DEBUG)
