"""``{{ item|problem }}``: a problem from a core, in the reader's language (ftahub.core.problems)."""

from django import template

from ftahub.core.problems import in_words

register = template.Library()
register.filter("problem", in_words)
