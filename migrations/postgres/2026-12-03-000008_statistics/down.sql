DROP TABLE police_requests;
DROP TABLE statistics_counts;
