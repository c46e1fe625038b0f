-- Issue 22: free text written for the public. Titles, descriptions and notes stay internal; a
-- problem, note or response reaches a public output only through its public_summary, once an
-- officer sets it (PUT /api/community/{problems|notes|responses}/{id}/public-summary).
-- (V10 is the accounts branch's.)
ALTER TABLE community_problem  ADD COLUMN public_summary text;
ALTER TABLE community_note     ADD COLUMN public_summary text;
ALTER TABLE community_response ADD COLUMN public_summary text;
