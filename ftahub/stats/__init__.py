"""Trade and FDI statistics: import, the DuckDB analytics layer, indicators, province restatement, dashboards,
reports and the API."""
