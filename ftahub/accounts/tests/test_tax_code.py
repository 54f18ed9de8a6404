"""Enterprise tax codes (mã số thuế) are checked with their check digit before an enterprise is saved."""

import pytest
from django.core.exceptions import ValidationError

from ftahub.accounts.models import Enterprise
from ftahub.accounts.taxcode import InvalidTaxCode, normalise_tax_code
from ftahub.conftest import province


@pytest.mark.parametrize("raw, printed", [("0100233488", "0100233488"), ("0314409058-002", "0314409058-002"),
                                          ("0314409058002", "0314409058-002"), ("01.00.233.488", "0100233488")])
def test_valid_codes_are_printed_the_usual_way(raw, printed):
    assert normalise_tax_code(raw) == printed


@pytest.mark.parametrize("raw", ["0100233480", "12345", "01002334889", "abcdefghij", ""])
def test_invalid_codes_are_refused(raw):
    with pytest.raises(InvalidTaxCode):
        normalise_tax_code(raw)


@pytest.mark.django_db
def test_an_enterprise_with_a_wrong_check_digit_does_not_validate():
    enterprise = Enterprise(tax_code="0100233480", name="Wrong digit", province=province(24))
    with pytest.raises(ValidationError) as info:
        enterprise.full_clean()
    assert "tax_code" in info.value.message_dict
