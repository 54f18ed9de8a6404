"""RFC 8785 canonical JSON: the RFC's own example, ECMAScript number forms, and the fast path agreeing with the
written-out one on any JSON value."""

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ftahub.transparency.canonical import _canonical, canonical_json


def test_the_rfcs_example():
    # RFC 8785 section 3.2.2, input and output as printed there
    text = ('{"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],'
            ' "string": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/",'
            ' "literals": [null, true, false]}')
    assert canonical_json(json.loads(text)) == (
        '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],'
        '"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}')


@pytest.mark.parametrize(("number", "written"), [
    (0.0, "0"), (-0.0, "0"), (2.0, "2"), (1e21, "1e+21"), (1e20, "100000000000000000000"), (1e-7, "1e-7"),
    (0.000001, "0.000001"), (123.456, "123.456"), (-5.5, "-5.5"), (2**53, "9007199254740992")])
def test_numbers_as_ecmascript_writes_them(number, written):
    assert canonical_json([number]) == f"[{written}]"


def test_keys_sorted_by_utf16_code_units():
    # U+1F600 is a surrogate pair (D83D DE00), which sorts before U+FB01 in UTF-16 though after it in code points
    assert canonical_json({"\ufb01": 1, "\U0001f600": 2, "a": 3}) == '{"a":3,"\U0001f600":2,"\ufb01":1}'


def test_what_json_cannot_hold_is_refused():
    for bad in (float("nan"), float("inf"), (1, 2), {1: "a"}):
        with pytest.raises((TypeError, ValueError)):
            canonical_json(bad)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-2**60, 2**60) | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4),
    max_leaves=20)


@settings(max_examples=300, deadline=None)
@given(json_values)
def test_the_fast_path_writes_what_the_rfc_says(value):
    assert canonical_json(value) == _canonical(value)
