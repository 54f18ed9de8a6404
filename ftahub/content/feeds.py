from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from .models import Item


class LatestContent(Feed):
    title = "FTA Hub"
    description = "News, reports, videos and documents of FTA Hub"

    def link(self):
        return reverse("content-list")

    def items(self):
        return Item.objects.published()[:30]

    def item_title(self, item):
        return item.display_title + (" (demo)" if item.is_demo and "(demo)" not in item.title else "")

    def item_description(self, item):
        return item.display_summary

    def item_link(self, item):
        return reverse("content-detail", args=[item.pk])

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return [item.get_kind_display(), *(a.code for a in item.agreements.all())]


class LatestContentAtom(LatestContent):
    feed_type = Atom1Feed
    subtitle = LatestContent.description
