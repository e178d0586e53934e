-- Each recorded consent carries an HMAC under a key derived from the master key (see
-- services::reports::consent_mac); rows from before are sealed, as found, at start-up.
ALTER TABLE consent_history ADD COLUMN mac TEXT;
