-- One row per agency: its local time zone, so hour-of-day and weekday filters and charts count in
-- the agency's own clock. Filled by the first import (from the mapping's zone); editable.
CREATE TABLE agency (
    code      text PRIMARY KEY,
    time_zone text NOT NULL DEFAULT 'UTC'
);

INSERT INTO agency (code, time_zone)
SELECT DISTINCT agency, 'UTC' FROM incident
ON CONFLICT DO NOTHING;
