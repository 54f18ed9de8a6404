"""Problems from the cores (``ftahub.common.problems``) in the reader's language. Each capability declares the
words of its codes (``HubApp.problems``: a function returning gettext templates with ``%(name)s`` values, or
functions of the values where a value itself needs words); the pages word a problem with ``in_words`` or the
template filter ``problem`` (``{% load problems %}``). A code without words falls back to its English, so nothing
is hidden."""

import functools
from typing import Any

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ftahub.common.problems import Problem

WORDS: dict[str, Any] = {
    # a file that is not a table at all (ftahub.common.tables.TableError codes)
    "table.not_text": _("The file is not UTF-8 text: save it as CSV UTF-8, or upload the Excel workbook."),
    "table.not_xlsx": _("The file cannot be read as an Excel workbook (.xlsx)."),
    "table.too_large": _("The file is too large to read: split it into smaller files."),
}


@functools.cache
def _words() -> dict[str, Any]:
    from ftahub.core import plugins

    return {**WORDS, **plugins.problem_words()}


def in_words(item: Any) -> str:
    """A Problem (or its JSON form) as a sentence of the reader's language; a plain sentence as it is."""
    problem = item if isinstance(item, Problem) else Problem.load(item)
    if isinstance(problem, str):
        return problem
    template = _words().get(problem.code)
    if template is None:
        return str(problem)
    values = dict(problem.values)
    try:
        text = template(values) if callable(template) else str(template) % values
    except (KeyError, TypeError, ValueError):
        text = str(problem)
    if "goods" in values:
        text = f"{values['goods']}: {text}"
    return gettext("line %(line)s: %(problem)s") % {"line": problem.line, "problem": text} if problem.line else text
