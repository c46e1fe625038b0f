-- Ingest bookkeeping: how precise each incident's time is, one row per ingest run (the data
-- version that caches key on), and an audit trail of deletions and corrections.

-- police.uk publishes only the month; hour-of-day and weekday filters must skip such rows.
ALTER TABLE incident
    ADD COLUMN time_precision text NOT NULL DEFAULT 'exact'
        CHECK (time_precision IN ('exact', 'day', 'month'));

CREATE INDEX incident_offense_idx ON incident (agency, offense, occurred_at);

CREATE TABLE ingest_run (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    agency      text        NOT NULL,
    source      text        NOT NULL,   -- file name or 'api'
    mapping     text        NOT NULL,
    made_by     text        NOT NULL,
    started_at  timestamptz NOT NULL DEFAULT now(),
    finished_at timestamptz,
    inserted    bigint      NOT NULL DEFAULT 0,
    updated     bigint      NOT NULL DEFAULT 0,
    unchanged   bigint      NOT NULL DEFAULT 0,
    rejected    bigint      NOT NULL DEFAULT 0,
    duplicates  bigint      NOT NULL DEFAULT 0
);

CREATE TABLE incident_audit (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    agency     text        NOT NULL,
    source_id  text        NOT NULL,
    action     text        NOT NULL CHECK (action IN ('delete', 'correct')),
    made_by    text        NOT NULL,
    made_at    timestamptz NOT NULL DEFAULT now(),
    before     jsonb,      -- the record as it was
    after      jsonb       -- the record as it is now (null for a deletion)
);

CREATE INDEX incident_audit_record_idx ON incident_audit (agency, source_id);
