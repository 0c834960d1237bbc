"""Discount calculation for checkout."""

COUPONS = {
    "WELCOME10": {"type": "percent", "value": 10},
    "FREESHIP": {"type": "shipping", "value": 0},
    "SAVE5": {"type": "fixed", "value": 500},
}


def calculate_discount(subtotal_cents, coupon_code=None, user=None):
    """Return the discount in cents for a cart subtotal."""
    discount = 0
    if coupon_code:
        coupon = COUPONS.get(coupon_code)
        if coupon:
            if coupon["type"] == "percent":
                discount = subtotal_cents * coupon["value"] // 100
            elif coupon["type"] == "fixed":
                discount = coupon["value"]
    if user and user.get("first_order"):
        discount += subtotal_cents * 5 // 100
    return discount


def shipping_cost(subtotal_cents, coupon_code=None):
    if coupon_code == "FREESHIP":
        return 0
    if subtotal_cents >= 5000:
        return 0
    return 499
