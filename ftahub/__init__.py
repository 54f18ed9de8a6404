"""FTA Hub: free trade agreements, rules of origin, certificates of origin and foreign affairs.

The Django project lives in this package (settings, urls, one app per capability); the domain cores
(rules of origin, tariff staging, the Merkle log, signing) are plain Python modules that never import Django.
"""

__version__ = "0.1.0"
