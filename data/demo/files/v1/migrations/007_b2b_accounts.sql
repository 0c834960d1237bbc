-- Business customers: negotiated prices per SKU, payment terms, VAT id for reverse charge.

CREATE TABLE accounts (
    id               SERIAL PRIMARY KEY,
    type             TEXT NOT NULL DEFAULT 'consumer' CHECK (type IN ('consumer', 'b2b')),
    company          TEXT,
    vat_id           TEXT,
    net_terms_days   INTEGER NOT NULL DEFAULT 0,
    default_percent  INTEGER,
    free_shipping    BOOLEAN NOT NULL DEFAULT false
);

CREATE TABLE negotiated_rates (
    account_id       INTEGER NOT NULL REFERENCES accounts (id),
    sku              TEXT NOT NULL,
    unit_price_cents INTEGER,
    percent          INTEGER,
    PRIMARY KEY (account_id, sku)
);

ALTER TABLE users ADD COLUMN account_id INTEGER REFERENCES accounts (id);
ALTER TABLE users ADD COLUMN country TEXT NOT NULL DEFAULT 'DE';
