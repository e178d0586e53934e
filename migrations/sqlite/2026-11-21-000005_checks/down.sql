DROP TABLE identifier_index;
