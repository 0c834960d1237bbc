"""Pricing rules for checkout: coupons, volume tiers and shipping."""

from api.config import FREE_SHIPPING_THRESHOLD

COUPONS = {
    "WELCOME10": {"type": "percent", "value": 10},
    "FREESHIP": {"type": "shipping", "value": 0},
    "SAVE5": {"type": "fixed", "value": 500},
    "SPRING20": {"type": "percent", "value": 20, "min_subtotal": 4000},
}

# (minimum quantity of one product, percent off that line), best tier first
VOLUME_TIERS = [
    (50, 15),
    (20, 10),
    (10, 5),
]


def volume_discount_percent(quantity):
    for min_qty, percent in VOLUME_TIERS:
        if quantity >= min_qty:
            return percent
    return 0


def calculate_discount(subtotal_cents, coupon_code=None, user=None, items=None):
    """Return the discount in cents for a cart subtotal."""
    discount = 0
    if coupon_code:
        coupon = COUPONS.get(coupon_code)
        if coupon:
            if coupon.get("min_subtotal") and subtotal_cents < coupon["min_subtotal"]:
                coupon = None
        if coupon:
            if coupon["type"] == "percent":
                discount = subtotal_cents * coupon["value"] // 100
            elif coupon["type"] == "fixed":
                discount = coupon["value"]
    if items:
        for item in items:
            percent = volume_discount_percent(item["quantity"])
            if percent:
                line_total = item["price_cents"] * item["quantity"]
                discount += line_total * percent // 100
    if user and user.get("first_order"):
        discount += subtotal_cents * 5 // 100
    return discount


def shipping_cost(subtotal_cents, coupon_code=None):
    if coupon_code == "FREESHIP":
        return 0
    if subtotal_cents >= FREE_SHIPPING_THRESHOLD * 100:
        return 0
    return 499
