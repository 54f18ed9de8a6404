"""Public read API of the content hub."""

import datetime

from ninja import Router, Schema

from ftahub.core import fulltext

from .models import Item

router = Router(tags=["content"])


class ContentItemOut(Schema):
    id: int
    kind: str
    title: str
    title_en: str
    summary: str
    summary_en: str
    published_at: datetime.datetime | None
    province: int
    agreements: list[str]
    url: str
    file_sha256: str
    is_demo: bool


@router.get("/content", response=list[ContentItemOut], summary="Published news, reports, videos and documents; q searches")
def content(request, q: str | None = None, kind: str | None = None, agreement: str | None = None, limit: int = 50):
    items = Item.objects.published().select_related("province").prefetch_related("agreements")
    if kind:
        items = items.filter(kind=kind)
    if agreement:
        items = items.filter(agreements__code=agreement)
    limit = max(1, min(limit, 200))
    if q:
        ids = fulltext.ranked_ids("content_item", q, limit)
        rank = {pk: i for i, pk in enumerate(ids)}
        chosen = sorted(items.filter(pk__in=ids), key=lambda i: rank[i.pk])
    else:
        chosen = list(items[:limit])
    return [{"id": i.pk, "kind": i.kind, "title": i.title, "title_en": i.title_en, "summary": i.summary,
             "summary_en": i.summary_en, "published_at": i.published_at, "province": i.province.code,
             "agreements": [a.code for a in i.agreements.all()], "url": f"/news/{i.pk}/",
             "file_sha256": i.file_sha256, "is_demo": i.is_demo} for i in chosen]
