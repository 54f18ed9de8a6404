"""Countries and territories (ISO 3166) and Vietnam's provinces before and after the 1 July 2025 arrangement."""
