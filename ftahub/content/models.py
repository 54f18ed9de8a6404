import hashlib
import re

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from ftahub.core.fulltext import fold
from ftahub.core.scoping import ProvinceScopedQuerySet

VIDEO_HOSTS = {"www.youtube.com": "youtube", "youtube.com": "youtube", "youtu.be": "youtube",
               "vimeo.com": "vimeo", "player.vimeo.com": "vimeo"}


class ContentQuerySet(ProvinceScopedQuerySet):
    def published(self):
        return self.filter(status=Item.Status.PUBLISHED, published_at__lte=timezone.now())


class Item(models.Model):
    class Kind(models.TextChoices):
        NEWS = "news", _("news")
        REPORT = "report", _("report")
        VIDEO = "video", _("video")
        MATERIAL = "material", _("promotional material")
        DOCUMENT = "document", _("document")

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        PUBLISHED = "published", _("published")

    province = models.ForeignKey("places.Province", verbose_name=_("province"), on_delete=models.PROTECT,
                                 limit_choices_to={"era": "2025"})
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=250)
    title_en = models.CharField(_("title in English"), max_length=250, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    summary_en = models.TextField(_("summary in English"), blank=True)
    body = models.TextField(_("text"), blank=True)
    body_en = models.TextField(_("text in English"), blank=True)
    video_url = models.URLField(_("video link (YouTube or Vimeo)"), blank=True)
    file = models.FileField(_("file to download"), upload_to="content/%Y/", blank=True)
    file_size = models.PositiveIntegerField(null=True, blank=True, editable=False)
    file_sha256 = models.CharField(max_length=64, blank=True, editable=False)
    agreements = models.ManyToManyField("agreements.TradeAgreement", verbose_name=_("agreements"), blank=True)
    markets = models.ManyToManyField("places.Country", verbose_name=_("markets"), blank=True)
    sectors = models.CharField(_("sectors"), max_length=200, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)
    search_text = models.TextField(blank=True, editable=False)
    is_demo = models.BooleanField(_("demo record"), default=False)

    objects = ContentQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-id"]
        verbose_name = _("content item")
        verbose_name_plural = _("content items")

    def __str__(self) -> str:
        return self.title

    def _english(self) -> bool:
        return not (get_language() or "vi").startswith("vi")

    @property
    def display_title(self) -> str:
        return self.title_en if self.title_en and self._english() else self.title

    @property
    def display_summary(self) -> str:
        return self.summary_en if self.summary_en and self._english() else self.summary

    @property
    def display_body(self) -> str:
        return self.body_en if self.body_en and self._english() else self.body

    @property
    def translated(self) -> bool:
        """Whether the text shown is in the reader's language (a Vietnamese-only item says so to English readers)."""
        return not self._english() or bool(self.title_en)

    @property
    def embed_url(self) -> str | None:
        """The player address of a YouTube or Vimeo link (privacy-enhanced YouTube), or None."""
        from urllib.parse import parse_qs, urlparse

        url = urlparse(self.video_url or "")
        host = VIDEO_HOSTS.get(url.hostname or "")
        if host == "youtube":
            video = url.path.strip("/") if url.hostname == "youtu.be" else parse_qs(url.query).get("v", [""])[0]
            return f"https://www.youtube-nocookie.com/embed/{video}" if re.fullmatch(r"[\w-]{6,20}", video) else None
        if host == "vimeo":
            video = url.path.rstrip("/").rsplit("/", 1)[-1]
            return f"https://player.vimeo.com/video/{video}" if video.isdigit() else None
        return None

    def save(self, *args, **kwargs):
        self.search_text = " ".join(fold(" ".join([self.title, self.title_en, self.summary, self.summary_en,
                                                   self.body, self.body_en, self.sectors])).split())
        if self.status == self.Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()
        if self.file and not self.file_sha256:
            self.file.open("rb")
            digest = hashlib.sha256()
            size = 0
            for chunk in self.file.chunks():
                digest.update(chunk)
                size += len(chunk)
            self.file_sha256, self.file_size = digest.hexdigest(), size
        super().save(*args, **kwargs)
