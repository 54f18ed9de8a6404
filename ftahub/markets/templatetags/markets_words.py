from django import template
from django.utils.translation import get_language

register = template.Library()


@register.filter
def grouped(value) -> str:
    """A whole amount with its thousands grouped as the reader writes them: 1.089.450 (vi), 1,089,450 (en)."""
    if value is None or value == "":
        return "—"
    text = f"{round(float(value)):,}"
    return text.replace(",", ".") if (get_language() or "vi").startswith("vi") else text


@register.filter
def percent(value) -> str:
    """A share or growth (0.23) as a whole percentage (23)."""
    return f"{round(float(value) * 100):d}"
