"""The origin pages' part of the authorisation matrix (ftahub/core/tests/test_authorisation_matrix.py)."""

# loading an agreement's product-specific rules changes them for every province: national administrators only
PAGES = {"origin-rule-import": (None, {"admin"})}
