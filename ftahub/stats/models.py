from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportJob(models.Model):
    """An import of a statistics file run in the background, with its progress and its report."""

    class Status(models.TextChoices):
        CHECKING = "checking", _("being checked")
        CHECKED = "checked", _("checked, waiting for confirmation")
        RUNNING = "running", _("importing")
        DONE = "done", _("imported")
        FAILED = "failed", _("failed")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    layout = models.CharField(max_length=10)
    dataset = models.CharField(max_length=60)
    file_name = models.CharField(max_length=200)
    stored = models.CharField(max_length=64)
    rows = models.PositiveIntegerField(default=0)
    done = models.PositiveIntegerField(default=0)
    errors = models.JSONField(default=list)
    preview = models.JSONField(default=list)
    only_good = models.BooleanField(default=False)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.CHECKED)
    message = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    @property
    def problem_lines(self) -> int:
        """How many lines of the file have a problem (the errors list one problem each)."""
        return len({e.get("line") if isinstance(e, dict) else e for e in self.errors})

    @property
    def percent(self) -> int:
        return int(100 * self.done / self.rows) if self.rows else 0
