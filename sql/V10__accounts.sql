-- People sign in (docs/access.md): user accounts, server-side sessions, one-time sign-in links,
-- the audit of sign-ins and the log of who read point-level data. API tokens gain an expiry and a
-- scope. Secrets (session ids, one-time codes) are stored only as SHA-256 hashes; passwords only
-- as Argon2id hashes (PHC strings).

CREATE TABLE app_user (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name          text        NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 100),
    role          text        NOT NULL CHECK (role IN ('analyst', 'patrol', 'admin')),
    password_hash text        NOT NULL,
    created_at    timestamptz NOT NULL,
    disabled_at   timestamptz,
    password_set_at timestamptz NOT NULL
);

CREATE TABLE user_session (
    id_hash      bytea       PRIMARY KEY,
    user_id      bigint      NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    created_at   timestamptz NOT NULL,
    last_seen_at timestamptz NOT NULL,
    expires_at   timestamptz NOT NULL,
    ended_at     timestamptz
);

CREATE INDEX user_session_user_idx ON user_session (user_id);

CREATE TABLE one_time_sign_in (
    code_hash  bytea       PRIMARY KEY,
    user_id    bigint      NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    used_at    timestamptz
);

-- Every sign-in attempt and sign-out. `name` is the name as typed (also for names that are no
-- account, so lock-out behaves alike for both); never a password.
CREATE TABLE sign_in_event (
    id      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at      timestamptz NOT NULL,
    name    text        NOT NULL,
    outcome text        NOT NULL CHECK (outcome IN
        ('success', 'failure', 'locked', 'lockout', 'sign-out', 'one-time-link', 'password-set')),
    address text
);

CREATE INDEX sign_in_event_name_at_idx ON sign_in_event (name, at);
CREATE INDEX sign_in_event_at_idx ON sign_in_event (at);

-- Who read point-level data: one row per request to a route of the analyst role.
CREATE TABLE access_log (
    id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at        timestamptz NOT NULL,
    caller    text        NOT NULL,
    role      text        NOT NULL,
    via       text        NOT NULL CHECK (via IN ('session', 'token')),
    method    text        NOT NULL,
    route     text        NOT NULL,
    path      text        NOT NULL,
    query     text
);

CREATE INDEX access_log_at_idx ON access_log (at);
CREATE INDEX access_log_caller_at_idx ON access_log (caller, at);

-- Tokens expire and may be read-only. Tokens made before this migration get 90 days from now.
ALTER TABLE api_token
    ADD COLUMN scope text NOT NULL DEFAULT 'full' CHECK (scope IN ('full', 'read-only')),
    ADD COLUMN expires_at timestamptz;
UPDATE api_token SET expires_at = now() + interval '90 days';
ALTER TABLE api_token ALTER COLUMN expires_at SET NOT NULL;
