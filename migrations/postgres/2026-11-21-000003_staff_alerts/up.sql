-- Staff accounts. Emails are sealed, and found through a keyed blind index.
CREATE TABLE staff (
    id TEXT PRIMARY KEY NOT NULL,
    email_index TEXT NOT NULL UNIQUE,
    email BYTEA NOT NULL,
    role TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    totp_secret BYTEA,
    totp_enabled BOOLEAN NOT NULL DEFAULT FALSE,
    totp_last_step BIGINT,
    failed_logins INTEGER NOT NULL DEFAULT 0,
    last_failed_at BIGINT,
    active BOOLEAN NOT NULL DEFAULT TRUE,
    created_on TEXT NOT NULL
);

-- Session tokens, stored only as keyed hashes.
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY NOT NULL,
    staff_id TEXT NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
    expires_at BIGINT NOT NULL
);
CREATE INDEX sessions_staff ON sessions (staff_id);

-- Append-only audit log: ids and actions, never content. Each entry carries the SHA-256 of the
-- previous entry's hash and its own fields, so an edit anywhere breaks the chain from there on.
CREATE TABLE audit_log (
    seq BIGINT PRIMARY KEY NOT NULL,
    on_date TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    target TEXT,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);

-- Published alerts. Their text and identifiers are sealed under the alert's own data key.
CREATE TABLE alerts (
    id TEXT PRIMARY KEY NOT NULL,
    report_id TEXT REFERENCES reports (id),
    category TEXT NOT NULL,
    regions TEXT NOT NULL,
    published_on TEXT NOT NULL,
    key_id TEXT NOT NULL,
    wrapped_key BYTEA NOT NULL,
    content BYTEA NOT NULL
);

-- Alert subscribers: the address sealed, a blind index for de-duplication, and the filters.
CREATE TABLE subscribers (
    id TEXT PRIMARY KEY NOT NULL,
    email_index TEXT NOT NULL UNIQUE,
    key_id TEXT NOT NULL,
    email BYTEA NOT NULL,
    regions TEXT NOT NULL,
    categories TEXT,
    language TEXT NOT NULL,
    status TEXT NOT NULL,
    created_on TEXT NOT NULL
);

-- Confirmation and unsubscribe tokens, stored only as keyed hashes.
CREATE TABLE subscriber_tokens (
    token_hash TEXT PRIMARY KEY NOT NULL,
    subscriber_id TEXT NOT NULL REFERENCES subscribers (id) ON DELETE CASCADE,
    purpose TEXT NOT NULL,
    expires_at BIGINT
);
CREATE INDEX subscriber_tokens_subscriber ON subscriber_tokens (subscriber_id);

-- The mail outbox: one row per message to send, written in the same transaction as what caused
-- it, claimed by the delivery worker with a lease, retried with backoff until sent.
CREATE TABLE deliveries (
    id TEXT PRIMARY KEY NOT NULL,
    kind TEXT NOT NULL,
    subscriber_id TEXT NOT NULL REFERENCES subscribers (id) ON DELETE CASCADE,
    alert_id TEXT REFERENCES alerts (id),
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    claimed_until BIGINT,
    created_at BIGINT NOT NULL,
    sent_at BIGINT
);
CREATE INDEX deliveries_due ON deliveries (status, next_attempt_at);
