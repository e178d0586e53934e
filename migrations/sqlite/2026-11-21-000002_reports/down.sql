DROP TABLE consent_history;
DROP TABLE report_messages;
DROP TABLE report_contacts;
DROP TABLE report_keys;
DROP TABLE reports;
DROP TABLE spocs;
