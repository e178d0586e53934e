-- An account whose password an administrator set (at creation or by a reset) must change it at
-- its next sign-in before it can do anything else.
ALTER TABLE staff ADD COLUMN must_change_password BOOLEAN NOT NULL DEFAULT 0;

-- Sessions end after `staff.idle_minutes` without a request, as well as at `expires_at`.
-- Sessions from before this migration have never been seen, so they end: everyone signs in again.
ALTER TABLE sessions ADD COLUMN last_seen_at BIGINT NOT NULL DEFAULT 0;
