"""The roles of the authorisation matrix (ftahub/core/tests/test_authorisation_matrix.py), for the policies a
capability declares beside its own tests (``ftahub/<app>/tests/policy.py``)."""

ROLES = ["anonymous", "business_a", "business_b", "officer_x", "officer_y", "fa_x", "fa_y", "statistician",
         "admin"]
EVERYONE = set(ROLES)
SIGNED_IN = EVERYONE - {"anonymous"}
X_STAFF = {"officer_x", "fa_x", "statistician", "admin"}
EDITORS_X = {"fa_x", "admin"}  # the registry, events and news: foreign-affairs officers (never a C/O officer)
EDITORS = {"fa_x", "fa_y", "admin"}
OFFICERS = {"officer_x", "officer_y", "fa_x", "fa_y", "admin"}
STAFF = EDITORS | {"statistician"}
