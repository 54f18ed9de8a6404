"""A C/O issued under the CPTPP for a Bac Ninh enterprise, signed by the key ``bn-test``."""

import datetime

import pytest

from ftahub.agreements.models import TradeAgreement
from ftahub.certificates import service
from ftahub.conftest import province

from .test_payload import RECORD


@pytest.fixture
def issued(make):
    service.key_ring().generate("bn-test", datetime.date(2026, 1, 1))
    return service.issue(RECORD, TradeAgreement.objects.get(code="CPTPP"), province(24), make.enterprise(24))
