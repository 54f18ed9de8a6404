"""``{{ row.rule_demand|demand_label }}``: how demanding a rule is, in the reader's language."""

from django import template
from django.utils.translation import gettext as _

register = template.Library()


def _term(t: dict) -> str:
    kind = t.get("kind")
    if kind == "ctc":
        return _("change of classification (%(level)s)") % {"level": t["level"]}
    if kind == "value":
        return _("value content ≥ %(threshold)s%%") % {"threshold": f"{t['threshold']:g}"}
    if kind == "maxnom":
        return _("non-originating ≤ %(limit)s%% of %(base)s") % {"limit": f"{t['limit']:g}", "base": t["base"]}
    if kind == "weight":
        return _("weight limit %(limit)s%%") % {"limit": f"{t['limit']:g}"}
    if kind == "process":
        return _("specific process (%(name)s)") % {"name": t["name"]}
    if kind == "wo":
        return _("wholly obtained")
    if kind == "manual":
        return _("needs manual reading")
    return _("unknown")


@register.filter
def demand_label(demand) -> str:
    if not demand:
        return "—"
    terms = demand.get("terms")
    if not terms:
        return demand.get("label") or "—"
    return " + ".join(_term(t) for t in terms)
