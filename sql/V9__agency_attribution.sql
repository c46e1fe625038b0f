-- Who publishes an agency's incidents, as maps must credit them ("City of Chicago Data Portal").
-- Shown in the map's attribution next to the OpenStreetMap credit; null until someone sets it
-- (the demo loader does for its data sets), and the map then names the agency code.
ALTER TABLE agency ADD COLUMN attribution text;
