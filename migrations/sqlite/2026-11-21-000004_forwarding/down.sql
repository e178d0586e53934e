DROP TABLE disclosures;
DROP TABLE orgs;
