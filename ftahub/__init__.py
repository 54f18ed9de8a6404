"""FTA Hub: free trade agreements, rules of origin, certificates of origin and foreign affairs.

The Django project lives in this package (settings, urls, one app per capability); the domain cores
(rules of origin, tariff staging, the Merkle log, signing) are plain Python modules that never import Django.
"""

__version__ = "0.1.0"


def __getattr__(name):
    """``ftahub.parse`` and ``ftahub.assess`` (and ``assess_case`` for the JSON case): the rules-of-origin core,
    usable without Django or a database."""
    if name in {"parse", "assess", "assess_case"}:
        from ftahub import origin

        return getattr(origin, name)
    raise AttributeError(name)
