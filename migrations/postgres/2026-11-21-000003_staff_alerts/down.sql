DROP TABLE deliveries;
DROP TABLE subscriber_tokens;
DROP TABLE subscribers;
DROP TABLE alerts;
DROP TABLE audit_log;
DROP TABLE sessions;
DROP TABLE staff;
