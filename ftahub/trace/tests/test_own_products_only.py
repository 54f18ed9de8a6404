"""A business records harvests, temperature readings and ranges only for its own products (#18): another company's
GTIN used to get a public lot page naming the wrong producer, and ranges (with alerts on the other company's
readings) set by anyone."""

import pytest

from ftahub.certificates import service as certificates
from ftahub.trace import epcis
from ftahub.trace.models import Event, LotLink, Threshold

pytestmark = pytest.mark.django_db
OTHERS = epcis.gtin14("8930000999", "012")  # another company's prefix


@pytest.fixture
def farmer(party, make, client_for):
    certificates.key_ring().generate("own-products")
    client = client_for(make.user("business", enterprise=party.enterprise))
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    return client


def test_a_harvest_of_another_company_s_gtin_is_refused(farmer):
    page = farmer.post("/trace/capture/", {"step": "harvesting", "gtin": OTHERS, "lot": "X1", "quantity": "10",
                                           "unit": "KGM", "when": "2026-06-10T05:00", "temperature": "",
                                           "destination": ""}, follow=True).content.decode()
    assert "is not one of your products" in page
    assert not Event.objects.exists() and not LotLink.objects.filter(gtin=OTHERS).exists()


def test_a_range_for_another_company_s_gtin_is_refused(farmer):
    farmer.post("/trace/thresholds/", {"gtin": OTHERS, "product": "Their lychees", "type": "Temperature",
                                       "uom": "CEL", "minimum": "1", "maximum": "5"})
    assert not Threshold.objects.filter(gtin=OTHERS).exists()


def test_the_company_s_own_gtin_is_accepted(farmer):
    own = epcis.gtin14("8930000123", "012")
    farmer.post("/trace/thresholds/", {"gtin": own, "product": "Lychees", "type": "Temperature", "uom": "CEL",
                                       "minimum": "1", "maximum": "5"})
    assert Threshold.objects.filter(gtin=own).exists()
