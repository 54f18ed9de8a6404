"""The floor under every capability: the site shell (layout, home page, health, audit log), hub-wide services
(notices to users, the key ring, jobs, full-text search, uploads, exports, rate limits, province scoping),
reference-data and demo loading, backup and restore, and the plug-in points (``plugins``). It imports no capability:
each declares itself in its ``AppConfig`` (docs/capabilities.md)."""
