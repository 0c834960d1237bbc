-- Coupons move to the database eventually; for now api/pricing.py keeps its own table in code.

CREATE TABLE coupons (
    code         TEXT PRIMARY KEY,
    kind         TEXT NOT NULL CHECK (kind IN ('percent', 'fixed', 'shipping')),
    value        INTEGER NOT NULL,
    min_subtotal INTEGER,
    valid_from   TIMESTAMPTZ,
    valid_until  TIMESTAMPTZ
);

CREATE TABLE coupon_redemptions (
    code     TEXT NOT NULL REFERENCES coupons (code),
    order_id INTEGER NOT NULL REFERENCES orders (id),
    user_id  INTEGER NOT NULL REFERENCES users (id),
    redeemed_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

INSERT INTO coupons (code, kind, value) VALUES
    ('WELCOME10', 'percent', 10),
    ('FREESHIP', 'shipping', 0),
    ('SAVE5', 'fixed', 500);
