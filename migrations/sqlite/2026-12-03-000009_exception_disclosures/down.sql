DROP TABLE exception_disclosures;
