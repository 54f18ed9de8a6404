"""The public log as people read it: a table in words with a link to each entry, and an entry page that checks the
entry's proof against the signed checkpoint now; the statement's JSON only on request."""

import pytest

from ftahub.core import pagecache
from ftahub.transparency import ledger
from ftahub.transparency.models import LogEntry

pytestmark = pytest.mark.django_db


def test_the_log_is_a_table_in_words_with_a_check_for_each_entry(client):
    ledger.append({"kind": "co-decision", "ref": "CO-24-2026-00009", "decision": "changes_requested",
                   "province": 24, "at": "2026-11-30T08:00:00Z"})
    entry = ledger.append({"kind": "co-record", "ref": "VN-JP 26/24/00123", "agreement": "CPTPP",
                           "issued_on": "2026-11-30", "status": "valid", "province": 24, "sha256": "ab" * 32,
                           "at": "2026-11-30T09:00:00Z"})
    page = client.get("/log/", HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    assert "C/O VN-JP 26/24/00123 theo CPTPP, cấp ngày 30/11/2026: hợp lệ" in page
    assert "Hồ sơ CO-24-2026-00009: yêu cầu sửa đổi" in page
    assert '{&quot;' not in page and "co-decision</td>" not in page  # no statement JSON, no kind codes in the table
    assert f'href="/log/{entry.index}/"' in page
    filtered = client.get("/log/?kind=co-decision", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Application CO-24-2026-00009: changes requested" in filtered and "VN-JP 26/24/00123" not in filtered

    checked = client.get(f"/log/{entry.index}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert 'class="proved"' in checked and "signed checkpoint of 2 entries" in checked
    assert "<details>" in checked and "&quot;agreement&quot;:&quot;CPTPP&quot;" in checked  # JSON on request
    # an entry whose stored text was altered no longer proves: the page says so instead of a tick
    LogEntry.objects.filter(index=entry.index).update(data=entry.data.replace("valid", "revoked"))
    pagecache.bump()  # a write behind the models' backs: the anonymous page cache would not know of it
    altered = client.get(f"/log/{entry.index}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert 'class="proved"' not in altered and "could not be proved" in altered
    assert client.get("/log/99/").status_code == 404
