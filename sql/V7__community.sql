-- Community problem-solving (issue 10): meetings, problems along SARA (scanning, analysis,
-- response, assessment), dated notes, responses, an audit of every change, and patrol tracks with
-- the dosage they gave each problem's area. Keyed by `agency` like every table.

CREATE TABLE community_meeting (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    agency        text    NOT NULL,
    beat          text    NOT NULL,
    held_on       date    NOT NULL,
    attendance    integer CHECK (attendance >= 0),
    concerns      text[]  NOT NULL DEFAULT '{}',
    satisfaction  double precision CHECK (satisfaction BETWEEN 0 AND 100), -- % satisfied, if surveyed
    created_by    text    NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX community_meeting_beat_idx ON community_meeting (agency, beat, held_on);

CREATE TABLE community_problem (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    agency       text    NOT NULL,
    title        text    NOT NULL,
    area_kind    text    NOT NULL CHECK (area_kind IN ('beat', 'polygon', 'hotspot')),
    area_beat    text,                                   -- when area_kind = 'beat'
    geom         geometry(MultiPolygon, 4326) NOT NULL,  -- the area, resolved when saved
    categories   text[]  NOT NULL DEFAULT '{}',
    raised_on    date    NOT NULL,
    raised_beat  text    NOT NULL,                       -- the beat whose meeting raised it
    raised_by    text    NOT NULL CHECK (raised_by IN ('community', 'police')),
    meeting_id   bigint  REFERENCES community_meeting (id) ON DELETE SET NULL,
    status       text    NOT NULL DEFAULT 'scanning'
        CHECK (status IN ('scanning', 'analysis', 'response', 'assessment', 'closed')),
    created_by   text    NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX community_problem_beat_idx ON community_problem (agency, raised_beat, raised_on);
CREATE INDEX community_problem_geom_idx ON community_problem USING gist (geom);

CREATE TABLE community_note (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    problem_id  bigint NOT NULL REFERENCES community_problem (id) ON DELETE CASCADE,
    noted_on    date   NOT NULL,
    text        text   NOT NULL,
    created_by  text   NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX community_note_problem_idx ON community_note (problem_id);

CREATE TABLE community_response (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    problem_id   bigint NOT NULL REFERENCES community_problem (id) ON DELETE CASCADE,
    kind         text   NOT NULL CHECK (kind IN ('hotspot patrol', 'lighting', 'closure',
                                                  'partner', 'environmental', 'other')),
    description  text   NOT NULL,
    started_on   date   NOT NULL,
    ended_on     date,
    plan_id      text,   -- a patrol plan (V6), kept without a foreign key
    created_by   text   NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    CHECK (ended_on IS NULL OR ended_on >= started_on)
);
CREATE INDEX community_response_problem_idx ON community_response (problem_id);

-- Every change to the tables above: who, when, what (the row before and after, as JSON).
CREATE TABLE community_audit (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    entity     text   NOT NULL CHECK (entity IN ('meeting', 'problem', 'note', 'response')),
    entity_id  bigint NOT NULL,
    action     text   NOT NULL CHECK (action IN ('create', 'update', 'delete')),
    made_by    text   NOT NULL,
    made_at    timestamptz NOT NULL DEFAULT clock_timestamp(),
    before     jsonb,
    after      jsonb
);
CREATE INDEX community_audit_entity_idx ON community_audit (entity, entity_id);

-- A patrol track uploaded as GPX, and the minutes and visits it gave each problem's area per day.
CREATE TABLE patrol_track (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    agency       text   NOT NULL,
    unit         text,
    plan_id      text,
    time_zone    text   NOT NULL,
    points       integer NOT NULL,
    started_at   timestamptz NOT NULL,
    ended_at     timestamptz NOT NULL,
    geom         geometry(LineString, 4326),
    uploaded_by  text   NOT NULL,
    uploaded_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE patrol_dosage (
    track_id    bigint NOT NULL REFERENCES patrol_track (id) ON DELETE CASCADE,
    problem_id  bigint NOT NULL REFERENCES community_problem (id) ON DELETE CASCADE,
    day         date   NOT NULL,            -- in the track's time zone
    minutes     double precision NOT NULL,
    visits      integer NOT NULL,
    PRIMARY KEY (track_id, problem_id, day)
);
CREATE INDEX patrol_dosage_problem_idx ON patrol_dosage (problem_id, day);
