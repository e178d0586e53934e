ALTER TABLE consent_history DROP CONSTRAINT consent_history_report_serial_fkey;
ALTER TABLE consent_history DROP CONSTRAINT consent_history_pkey;
ALTER TABLE consent_history ADD PRIMARY KEY (report_id, seq);
ALTER TABLE consent_history ADD CONSTRAINT consent_history_report_id_fkey
    FOREIGN KEY (report_id) REFERENCES reports (id) ON DELETE CASCADE;
ALTER TABLE consent_history DROP COLUMN report_serial;

ALTER TABLE report_contacts DROP CONSTRAINT report_contacts_report_serial_fkey;
ALTER TABLE report_contacts DROP CONSTRAINT report_contacts_pkey;
ALTER TABLE report_contacts ADD PRIMARY KEY (report_id);
ALTER TABLE report_contacts ADD CONSTRAINT report_contacts_report_id_fkey
    FOREIGN KEY (report_id) REFERENCES reports (id) ON DELETE CASCADE;
ALTER TABLE report_contacts DROP COLUMN report_serial;

ALTER TABLE report_keys DROP CONSTRAINT report_keys_report_serial_fkey;
ALTER TABLE report_keys DROP CONSTRAINT report_keys_pkey;
ALTER TABLE report_keys ADD PRIMARY KEY (report_id);
ALTER TABLE report_keys ADD CONSTRAINT report_keys_report_id_fkey
    FOREIGN KEY (report_id) REFERENCES reports (id) ON DELETE CASCADE;
ALTER TABLE report_keys DROP COLUMN report_serial;

ALTER TABLE reports DROP CONSTRAINT reports_serial;
ALTER TABLE reports DROP COLUMN serial;
