"""Plain-Python helpers every capability shares: the HS code type (``hscode``), text folding for search
(``text``) and uploaded tables (``tables``).

Plain Python: no Django, no other part of the hub. A test imports this package in a fresh process and checks that
Django was not loaded.
"""
