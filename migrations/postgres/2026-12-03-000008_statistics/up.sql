-- Counts for the published statistics that no plaintext column keeps: one row per calendar
-- quarter (`2026-Q3`) and figure, added to in the same transaction as the event it counts (client
-- checks: from memory, every minute). No day, no report, nothing a reporter wrote.
CREATE TABLE statistics_counts (
    quarter TEXT NOT NULL,
    figure TEXT NOT NULL,
    count BIGINT NOT NULL,
    PRIMARY KEY (quarter, figure)
);

-- What an earlier release kept of these events: withdrawals and publications in the audit log,
-- forwards in the disclosures still held (those of reports withdrawn since are gone).
INSERT INTO statistics_counts (quarter, figure, count)
SELECT quarter, figure, COUNT(*) FROM (
    SELECT substr(on_date, 1, 4) || '-Q' || ((CAST(substr(on_date, 6, 2) AS INTEGER) + 2) / 3) AS quarter,
           CASE action WHEN 'report.withdraw' THEN 'withdrawals' ELSE 'alerts_published' END AS figure
    FROM audit_log WHERE action IN ('report.withdraw', 'alert.publish')
) AS events GROUP BY quarter, figure;
INSERT INTO statistics_counts (quarter, figure, count)
SELECT quarter, figure, COUNT(*) FROM (
    SELECT substr(disclosed_on, 1, 4) || '-Q' || ((CAST(substr(disclosed_on, 6, 2) AS INTEGER) + 2) / 3) AS quarter,
           'forwards_' || level AS figure
    FROM disclosures
) AS events GROUP BY quarter, figure;

-- Requests from a SPOC or another body for more than a reporter consented to, each refused. Who
-- asked (a SPOC of the register, or a kind of body) and what kind of information: never what the
-- request said. `report_id` is cleared when the report is withdrawn or expires.
CREATE TABLE police_requests (
    id TEXT PRIMARY KEY NOT NULL,
    report_id TEXT REFERENCES reports (id),
    spoc_id TEXT REFERENCES spocs (id),
    requester TEXT NOT NULL,
    asked_for TEXT NOT NULL,
    recorded_on TEXT NOT NULL
);
CREATE INDEX police_requests_report ON police_requests (report_id);
