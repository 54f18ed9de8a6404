"""A C/O number cannot carry a line break into the signed revocation list (#18): numbers are checked when a C/O is
recorded and signed, and the list writes one line per C/O whatever an older record holds."""

import datetime

import pytest

from ftahub.agreements.models import TradeAgreement
from ftahub.certificates import service
from ftahub.certificates.models import IssuedCertificate
from ftahub.certificates.payload import PayloadError

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def signing_key():
    service.key_ring().generate("numbers", datetime.date(2026, 1, 1))


@pytest.mark.parametrize("number", ["VN-JP 26/24/00123", "DEMO-VN-24-2026-0001", "A1"])
def test_numbers_as_ecosys_prints_them_are_accepted(number):
    assert service.valid_co_number(number)


@pytest.mark.parametrize("number", ["X\nVALID-1 revoked", "X\rY", "", " VN-1", "VN-1;", "A" * 51, "VN\u20281"])
def test_a_number_with_a_line_break_or_odd_characters_is_refused(number, make):
    assert not service.valid_co_number(number)
    enterprise = make.enterprise(24)
    with pytest.raises(PayloadError):
        service.issue({"co_number": number, "agreement": "CPTPP", "items": []},
                      TradeAgreement.objects.get(code="CPTPP"), enterprise.province, enterprise)


def test_the_revocation_list_has_one_line_per_certificate_even_for_an_old_bad_number(make, client):
    enterprise = make.enterprise(24)
    good = service.issue({"co_number": "VN-1", "agreement": "CPTPP", "items": []},
                         TradeAgreement.objects.get(code="CPTPP"), enterprise.province, enterprise)
    service.revoke(good, "withdrawn by eCoSys")
    IssuedCertificate.objects.filter(pk=good.pk).update(co_number="VN-1\nVN-2 revoked")  # as an older hub stored it
    text = client.get("/verify/revocations.txt")
    assert text.status_code == 200
    body = text.content.decode().split("\n\n")[0].splitlines()
    assert len([line for line in body if line.startswith("VN-")]) == 1
