"""Pricing rules for checkout: coupons, volume tiers, loyalty tiers and shipping."""

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

LOYALTY_PERCENT = {"silver": 3, "gold": 5, "platinum": 8}


def volume_discount_percent(quantity):
    for min_qty, percent in VOLUME_TIERS:
        if quantity >= min_qty:
            return percent
    return 0


def calculate_discount(subtotal_cents, coupon_code=None, user=None, items=None):
    """Return the discount in cents for a cart subtotal."""
    discount = 0
    coupon = None
    if coupon_code:
        coupon = COUPONS.get(coupon_code.strip().upper())
        if coupon:
            if coupon.get("min_subtotal") and subtotal_cents < coupon["min_subtotal"]:
                coupon = None
        if coupon:
            if coupon["type"] == "percent":
                discount = round(subtotal_cents * coupon["value"] / 100)
            elif coupon["type"] == "fixed":
                discount = coupon["value"]
    if items:
        for item in items:
            percent = volume_discount_percent(item["quantity"])
            if percent:
                line_total = item["price_cents"] * item["quantity"]
                discount += round(line_total * percent / 100)
    if user:
        if user.get("first_order"):
            discount += subtotal_cents * 5 // 100
        tier = user.get("loyalty_tier")
        if tier in LOYALTY_PERCENT:
            if tier == "platinum" and coupon:
                # platinum members keep their rate on top of coupons
                discount += round(subtotal_cents * LOYALTY_PERCENT[tier] / 100)
            elif not coupon:
                discount += round(subtotal_cents * LOYALTY_PERCENT[tier] / 100)
    return discount


def shipping_cost(subtotal_cents, coupon_code=None):
    if coupon_code and coupon_code.strip().upper() == "FREESHIP":
        return 0
    if subtotal_cents >= FREE_SHIPPING_THRESHOLD * 100:
        return 0
    return 499
