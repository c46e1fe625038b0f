-- Incidents and police beats (DESIGN.md, "Data model").
-- Every table carries `agency`: the tenant and the future Citus distribution key, so primary and
-- unique keys include it.

CREATE EXTENSION IF NOT EXISTS postgis;

CREATE TABLE incident (
    id                 bigint GENERATED ALWAYS AS IDENTITY,
    agency             text        NOT NULL,
    source_id          text        NOT NULL,   -- the agency's own record id
    occurred_at        timestamptz NOT NULL,
    offense            text,                   -- the agency's offence code
    category           text,                   -- normalised class (burglary, robbery, ...)
    geom               geometry(Point, 4326) NOT NULL,
    location_precision text        NOT NULL DEFAULT 'exact'
        CHECK (location_precision IN ('exact', 'block', 'street', 'anonymised', 'beat', 'area')),
    attributes         jsonb       NOT NULL DEFAULT '{}'::jsonb,
    ingested_at        timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (agency, id),
    -- re-sending a record updates it, never duplicates it
    CONSTRAINT incident_source_key UNIQUE (agency, source_id)
);

CREATE INDEX incident_geom_idx ON incident USING gist (geom);
CREATE INDEX incident_occurred_at_idx ON incident (occurred_at);
CREATE INDEX incident_category_idx ON incident (agency, category, occurred_at);

CREATE TABLE beat (
    id       bigint GENERATED ALWAYS AS IDENTITY,
    agency   text NOT NULL,
    code     text NOT NULL,
    name     text,
    district text,
    geom     geometry(MultiPolygon, 4326) NOT NULL,
    PRIMARY KEY (agency, id),
    CONSTRAINT beat_code_key UNIQUE (agency, code)
);

CREATE INDEX beat_geom_idx ON beat USING gist (geom);
