CREATE TABLE webhooks (
    id         SERIAL PRIMARY KEY,
    url        TEXT NOT NULL,
    active     BOOLEAN NOT NULL DEFAULT true,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
