"""Citations of the agreements as the reader's language writes them."""

from django import template
from django.utils.translation import get_language

register = template.Library()


@register.filter
def cite(general: dict | None, part: str) -> str:
    """A general rule's article or annex, in Vietnamese on Vietnamese pages where the data gives it."""
    if not general:
        return ""
    if (get_language() or "vi").startswith("vi") and general.get(f"{part}_vi"):
        return str(general[f"{part}_vi"])
    return str(general.get(part, ""))


@register.filter
def rule_words(canonical: str | None) -> str:
    """A rule in words in the reader's language (origin/words.py); the canonical syntax stays behind a toggle."""
    from ftahub.origin.words import in_words

    return in_words(canonical) if canonical else ""


@register.filter
def action_words(action: dict) -> str:
    from ftahub.origin.words import action_words as words

    return words(action)


@register.filter
def blocking_words(material: dict, product_hs: str) -> str:
    from ftahub.origin.words import blocking_words as words

    return words(material, product_hs or "")
