"""The content hub: news, reports, videos, promotional materials and documents, bilingual where a translation exists,
tagged by agreement, market, sector and province; public listing and search, RSS/Atom feeds, draft → published."""
