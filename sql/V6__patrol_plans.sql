-- Patrol plans (issue 7): each plan as it was given to the units, kept for the record and for
-- comparing planned with observed patrol presence later. The plan document is stored whole, as
-- the API returned it, so a plan reads the same however the planner changes afterwards.
CREATE TABLE patrol_plan (
    id          uuid        PRIMARY KEY,
    created_by  text        NOT NULL,     -- the token's name
    created_at  timestamptz NOT NULL DEFAULT now(),
    agency      text,                     -- the beat's agency; null for a drawn area
    area_label  text        NOT NULL,     -- "beat 0111" or "drawn area"
    area        geometry(MultiPolygon, 4326) NOT NULL,
    shift_start timestamptz NOT NULL,
    shift_end   timestamptz NOT NULL,
    request     jsonb       NOT NULL,     -- the request as validated, with defaults filled in
    plan        jsonb       NOT NULL      -- the plan document
);

CREATE INDEX patrol_plan_created_at ON patrol_plan (created_at DESC);
CREATE INDEX patrol_plan_area ON patrol_plan USING gist (area);
