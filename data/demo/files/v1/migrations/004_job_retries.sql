ALTER TABLE jobs ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE jobs ADD COLUMN run_after TIMESTAMPTZ NOT NULL DEFAULT now();

CREATE INDEX jobs_pending_idx ON jobs (run_after) WHERE status = 'pending';
