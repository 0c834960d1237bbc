"""Orders: creating them from a cart, listing them for customers and for the back office."""

from api import db


def create_order(user, items, totals, coupon_code=None):
    row = db.query_one(
        "INSERT INTO orders (user_id, subtotal_cents, discount_cents, shipping_cents, total_cents, coupon_code)"
        " VALUES (%s, %s, %s, %s, %s, %s) RETURNING id",
        (
            user["id"],
            totals["subtotal_cents"],
            totals["discount_cents"],
            totals["shipping_cents"],
            totals["total_cents"],
            coupon_code,
        ),
    )
    order_id = row["id"]
    for item in items:
        db.execute(
            "INSERT INTO order_items (order_id, product_id, quantity, price_cents) VALUES (%s, %s, %s, %s)",
            (order_id, item["id"], item["quantity"], item["price_cents"]),
        )
        db.execute(
            "UPDATE products SET stock = stock - %s WHERE id = %s", (item["quantity"], item["id"])
        )
    db.execute("DELETE FROM cart_items WHERE user_id = %s", (user["id"],))
    return order_id


def order_history(user_id):
    orders = db.query_all(
        "SELECT id, status, total_cents, created_at FROM orders WHERE user_id = %s ORDER BY created_at DESC",
        (user_id,),
    )
    for order in orders:
        order["items"] = db.query_all(
            "SELECT product_id, quantity, price_cents FROM order_items WHERE order_id = %s",
            (order["id"],),
        )
        for item in order["items"]:
            product = db.query_one(
                "SELECT name, image_url FROM products WHERE id = %s", (item["product_id"],)
            )
            item["name"] = product["name"] if product else "(removed)"
            item["image_url"] = product["image_url"] if product else None
    return orders


def search_orders(status="", text=""):
    sql = (
        "SELECT o.id, o.status, o.total_cents, o.created_at, u.email"
        " FROM orders o JOIN users u ON u.id = o.user_id WHERE 1=1"
    )
    if status:
        sql += f" AND o.status = '{status}'"
    if text:
        sql += f" AND (u.email ILIKE '%{text}%' OR u.name ILIKE '%{text}%')"
    sql += " ORDER BY o.created_at DESC LIMIT 200"
    return db.query_all(sql)


def update_status(order_id, status):
    db.execute("UPDATE orders SET status = %s WHERE id = %s", (status, order_id))
