"""The site shell and what every capability shares: audit log, province scoping, the API root, the data
directory, reference-data loading and the demo data."""
