"""The hub's transparency log in the database: entries (the statements whose hashes are the leaves), the roots of
perfect subtrees (so appending and proving read O(log n) rows), and the signed checkpoints published so far."""

from django.db import models


class LogHead(models.Model):
    """One row: the log's size, locked while appending so that entries get consecutive indices."""

    audit_exempt = True
    size = models.BigIntegerField(default=0)


class LogEntry(models.Model):
    audit_exempt = True
    index = models.BigIntegerField(primary_key=True)
    kind = models.CharField(max_length=40, db_index=True)
    ref = models.CharField(max_length=300, db_index=True)
    data = models.TextField(help_text="the statement, canonical JSON; the leaf is SHA-256(0x00 || UTF-8 data)")
    leaf_hash = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["index"]

    def __str__(self) -> str:
        return f"#{self.index} {self.kind} {self.ref}"


class LogNode(models.Model):
    audit_exempt = True
    level = models.PositiveSmallIntegerField()
    index = models.BigIntegerField()
    hash = models.CharField(max_length=64)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["level", "index"], name="lognode_level_index")]


class LogCheckpoint(models.Model):
    audit_exempt = True
    size = models.BigIntegerField(unique=True)
    root = models.CharField(max_length=64)
    note = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-size"]
