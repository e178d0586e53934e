-- Disclosures under the published exception policy (the limits of confidentiality, e.g. a child
-- at immediate risk of serious harm): proposed by a caseworker with a reason, approved or
-- rejected by a different administrator, sent only to a SPOC of the register. The reason and,
-- once sent, the exact content are sealed under the report's data key; a withdrawal deletes the
-- rows with the rest of the report.
CREATE TABLE exception_disclosures (
    id TEXT PRIMARY KEY NOT NULL,
    report_id TEXT NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    spoc_id TEXT NOT NULL REFERENCES spocs (id),
    policy_version TEXT NOT NULL,
    status TEXT NOT NULL,
    proposed_by TEXT NOT NULL,
    proposed_on TEXT NOT NULL,
    decided_by TEXT,
    decided_on TEXT,
    reason BLOB NOT NULL,
    content BLOB
);
CREATE INDEX exception_disclosures_report ON exception_disclosures (report_id);
