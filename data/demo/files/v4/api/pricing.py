"""Pricing rules for checkout: coupons, volume tiers, loyalty tiers, seasonal campaigns, bundles
and shipping."""

from datetime import datetime, timezone

from api.config import FREE_SHIPPING_THRESHOLD

COUPONS = {
    "WELCOME10": {"type": "percent", "value": 10},
    "FREESHIP": {"type": "shipping", "value": 0},
    "SAVE5": {"type": "fixed", "value": 500},
    "SPRING20": {"type": "percent", "value": 20, "min_subtotal": 4000},
    "SUMMER15": {"type": "percent", "value": 15, "campaign": "summer"},
    "BTS5": {"type": "fixed", "value": 500, "campaign": "back_to_school", "min_subtotal": 2500},
}

# (minimum quantity of one product, percent off that line), best tier first
VOLUME_TIERS = [
    (50, 15),
    (20, 10),
    (10, 5),
]

LOYALTY_PERCENT = {"silver": 3, "gold": 5, "platinum": 8}

# name -> (first day, last day, percent off, category it applies to or None for everything)
CAMPAIGNS = {
    "summer": (datetime(2026, 6, 1, tzinfo=timezone.utc), datetime(2026, 8, 31, tzinfo=timezone.utc), 10, None),
    "back_to_school": (
        datetime(2026, 8, 15, tzinfo=timezone.utc),
        datetime(2026, 9, 15, tzinfo=timezone.utc),
        12,
        "lunchbox",
    ),
    "black_friday": (datetime(2026, 11, 27, tzinfo=timezone.utc), datetime(2026, 11, 30, tzinfo=timezone.utc), 25, None),
}

# bundle name -> (skus that must all be in the basket, cents off)
BUNDLES = {
    "breakfast": ({"COFFEE-1KG", "OATS-500G", "HONEY-250G"}, 350),
    "pasta-night": ({"PASTA-500G", "TOMATO-SAUCE-400G", "PARMESAN-200G"}, 250),
}


def volume_discount_percent(quantity):
    for min_qty, percent in VOLUME_TIERS:
        if quantity >= min_qty:
            return percent
    return 0


def active_campaigns(now=None):
    now = now or datetime.now(timezone.utc)
    return {name: c for name, c in CAMPAIGNS.items() if c[0] <= now <= c[1]}


def calculate_discount(subtotal_cents, coupon_code=None, user=None, items=None, now=None):
    """Return the discount in cents for a cart subtotal."""
    discount = 0
    coupon = None
    campaigns = active_campaigns(now)
    if coupon_code:
        coupon = COUPONS.get(coupon_code.strip().upper())
        if coupon:
            if coupon.get("min_subtotal") and subtotal_cents < coupon["min_subtotal"]:
                coupon = None
            elif coupon.get("campaign") and coupon["campaign"] not in campaigns:
                coupon = None
        if coupon:
            if coupon["type"] == "percent":
                discount = round(subtotal_cents * coupon["value"] / 100)
            elif coupon["type"] == "fixed":
                discount = coupon["value"]
    if items:
        skus = {item["sku"] for item in items}
        for item in items:
            percent = volume_discount_percent(item["quantity"])
            for _name, (_start, _end, campaign_percent, category) in campaigns.items():
                if category is None or item.get("category") == category:
                    if campaign_percent > percent:
                        percent = campaign_percent
            if percent:
                line_total = item["price_cents"] * item["quantity"]
                discount += round(line_total * percent / 100)
            for bundle, (required, cents_off) in BUNDLES.items():
                if required <= skus:
                    discount += cents_off
    if user:
        if user.get("first_order"):
            discount += subtotal_cents * 5 // 100
        tier = user.get("loyalty_tier")
        if tier in LOYALTY_PERCENT:
            if tier == "platinum" and coupon:
                # platinum stacks with coupons, but never past 25% of the basket
                discount += round(subtotal_cents * LOYALTY_PERCENT[tier] / 100)
                discount = min(discount, subtotal_cents * 25 // 100)
            elif not coupon:
                discount += round(subtotal_cents * LOYALTY_PERCENT[tier] / 100)
    return discount


def shipping_cost(subtotal_cents, coupon_code=None, discount_cents=0):
    if coupon_code and coupon_code.strip().upper() == "FREESHIP":
        return 0
    if subtotal_cents - discount_cents >= FREE_SHIPPING_THRESHOLD * 100:
        return 0
    return 499
