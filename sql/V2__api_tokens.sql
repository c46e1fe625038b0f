-- Bearer tokens for the API. Only a SHA-256 hash of each token is stored; the token itself is shown
-- once, when it is created.

CREATE TABLE api_token (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name         text        NOT NULL,
    role         text        NOT NULL CHECK (role IN ('analyst', 'patrol', 'admin')),
    token_hash   bytea       NOT NULL UNIQUE,
    created_at   timestamptz NOT NULL DEFAULT now(),
    revoked_at   timestamptz,
    last_used_at timestamptz
);

CREATE INDEX api_token_name_idx ON api_token (name);
