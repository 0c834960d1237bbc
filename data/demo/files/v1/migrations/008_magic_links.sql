CREATE TABLE used_magic_links (
    token   TEXT PRIMARY KEY,
    used_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
