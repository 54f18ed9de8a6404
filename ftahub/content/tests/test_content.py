"""The content hub: bilingual items, diacritics-insensitive search on the database's full-text engine, drafts seen
only by editors, downloads with checksum, feeds, and editing scoped by province."""

import hashlib
from xml.etree import ElementTree as ET

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from ftahub.agreements.models import TradeAgreement
from ftahub.conftest import province
from ftahub.content.models import Item

pytestmark = pytest.mark.django_db


def item(**fields) -> Item:
    defaults = {"province": province(24), "kind": "news", "title": "Vải thiều Lục Ngạn sang Nhật Bản",
                "title_en": "Luc Ngan lychees to Japan", "summary": "Lô vải đầu tiên theo CPTPP.",
                "status": "published"}
    obj = Item.objects.create(**{**defaults, **fields})
    return obj


def test_search_finds_words_with_or_without_diacritics_in_either_language(client):
    lychee = item()
    item(title="Cà phê Robusta sang EU", title_en="Robusta coffee to the EU", summary="Cà phê nhân.")
    for query in ("vai thieu", "vải", "VẢI THIỀU", "lychees", "lych"):
        page = client.get("/news/", {"q": query}).content.decode()
        assert lychee.title in page or lychee.title_en in page, query
        assert "Robusta" not in page, query


def test_drafts_are_seen_only_by_the_provinces_editors(client, make, client_for):
    draft = item(title="Bản nháp báo cáo", title_en="", status="draft")
    assert client.get(f"/news/{draft.pk}/").status_code == 404
    assert "Bản nháp" not in client.get("/news/").content.decode()
    assert client_for(make.user("fa_officer", 24)).get(f"/news/{draft.pk}/").status_code == 200
    assert client_for(make.user("fa_officer", 1)).get(f"/news/{draft.pk}/").status_code == 404


def test_publishing_flow_tags_and_a_download_with_its_checksum(make, client_for, client):
    editor = client_for(make.user("fa_officer", 24))
    data = b"%PDF-1.7 FTA utilisation report (demo)"
    response = editor.post("/news/desk/new/", {
        "kind": "report", "title": "Báo cáo tận dụng FTA (demo)", "status": "draft", "sectors": "agriculture",
        "agreements": [TradeAgreement.objects.get(code="EVFTA").pk],
        "file": SimpleUploadedFile("report.pdf", data, content_type="application/pdf")})
    assert response.status_code == 302
    report = Item.objects.get(kind="report")
    assert report.published_at is None and report.file_sha256 == hashlib.sha256(data).hexdigest()
    assert report.file_size == len(data)
    editor.post(f"/news/desk/{report.pk}/", {"kind": "report", "title": report.title, "status": "published",
                                             "agreements": [TradeAgreement.objects.get(code="EVFTA").pk]})
    report.refresh_from_db()
    assert report.published_at is not None
    assert client.get("/news/", {"agreement": "EVFTA"}).content.decode().count("Báo cáo tận dụng FTA") == 1
    download = client.get(f"/news/{report.pk}/download/")
    assert b"".join(download.streaming_content) == data
    assert client_for(make.user("fa_officer", 1)).get(f"/news/desk/{report.pk}/").status_code == 404
    assert client_for(make.user("business", enterprise=make.enterprise(24))).get("/news/desk/").status_code == 403


def test_uploads_are_type_checked(make, client_for):
    editor = client_for(make.user("fa_officer", 24))
    page = editor.post("/news/desk/new/", {"kind": "document", "title": "X", "status": "draft",
                                           "file": SimpleUploadedFile("x.pdf", b"MZ\x90\x00 exe")})
    assert page.status_code == 200 and not Item.objects.exists()


def test_videos_embed_only_youtube_or_vimeo_with_a_matching_policy(client):
    video = item(kind="video", video_url="https://www.youtube.com/watch?v=dQw4w9WgXcQ")
    response = client.get(f"/news/{video.pk}/")
    assert "youtube-nocookie.com/embed/dQw4w9WgXcQ" in response.content.decode()
    assert "frame-src 'self' https://www.youtube-nocookie.com;" in response["Content-Security-Policy"]
    assert Item(video_url="https://evil.example/watch?v=x").embed_url is None
    assert "youtube" not in client.get(f"/news/{item().pk}/")["Content-Security-Policy"]


def test_rss_and_atom_feeds(client):
    item()
    rss = ET.fromstring(client.get("/news/rss.xml").content)
    assert rss.find("channel/item/title").text == "Vải thiều Lục Ngạn sang Nhật Bản"
    atom = ET.fromstring(client.get("/news/atom.xml").content)
    assert atom.tag == "{http://www.w3.org/2005/Atom}feed"


def test_english_readers_see_the_translation_or_a_note(client):
    item()
    item(title="Chỉ có tiếng Việt", title_en="")
    page = client.get("/news/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Luc Ngan lychees to Japan" in page and "in Vietnamese only" in page


def test_the_public_api_lists_content_and_events(client):
    item()
    rows = client.get("/api/v1/content", {"q": "vai"}).json()
    assert rows[0]["title_en"] == "Luc Ngan lychees to Japan"
    assert client.get("/api/v1/events").status_code == 200
