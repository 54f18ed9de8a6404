"""What the registry's generic pages, exports, imports and API know about each kind of record."""

from dataclasses import dataclass, field

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .models import Agreement, Delegation, FDIProject, FollowUp, Partner, Project, Relationship, TradeProfile


@dataclass(frozen=True)
class Kind:
    slug: str
    model: type
    title: str
    fields: list[str]  # editable, in form order (province is added for national administrators)
    columns: list[str]  # shown in the list
    search: list[str]  # searched by the list's text box
    filters: list[str] = field(default_factory=list)  # choice fields offered as filters
    # natural keys for relations in files: field -> (related field used in the file, label)
    natural: dict[str, str] = field(default_factory=dict)


KINDS = {k.slug: k for k in [
    Kind("partners", Partner, _("Partners"), ["kind", "name", "name_vi", "country", "region", "website", "notes"],
         ["name", "kind", "country", "region"], ["name", "name_vi", "region"], ["kind"],
         {"country": "iso2"}),
    Kind("relationships", Relationship, _("Twinning and friendship"),
         ["partner", "kind", "established_on", "agreement", "status", "notes"],
         ["partner", "kind", "established_on", "status"], ["partner__name", "agreement"], ["kind", "status"],
         {"partner": "name"}),
    Kind("delegations", Delegation, _("Delegations"),
         ["direction", "title", "partner", "countries", "start", "end", "members", "places", "purpose", "outcomes",
          "notes"],
         ["title", "direction", "start", "end", "countries"], ["title", "members", "places", "purpose"],
         ["direction"], {"partner": "name"}),
    Kind("agreements", Agreement, _("Agreements and MOUs"),
         ["title", "parties", "partner", "signed_on", "scope", "expires_on", "status", "remind_days", "notes"],
         ["title", "parties", "signed_on", "expires_on", "status"], ["title", "parties", "scope"], ["status"],
         {"partner": "name"}),
    Kind("follow-ups", FollowUp, _("Follow-up tasks"),
         ["title", "owner", "due_on", "done", "delegation", "agreement", "notes"],
         ["title", "owner", "due_on", "done"], ["title"], [], {"owner": "username", "delegation": "title",
                                                              "agreement": "title"}),
    Kind("projects", Project, _("Projects and ODA/NGO commitments"),
         ["kind", "title", "donor", "amount", "currency", "disbursed", "start", "end", "sector", "notes"],
         ["title", "kind", "donor", "amount", "currency", "disbursed", "sector"], ["title", "sector", "donor__name"],
         ["kind"], {"donor": "name"}),
    Kind("fdi", FDIProject, _("FDI projects"),
         ["name", "investor", "investor_country", "registered_capital", "disbursed_capital", "sector",
          "industrial_park", "licensed_on", "status", "notes"],
         ["name", "investor", "investor_country", "registered_capital", "disbursed_capital", "status"],
         ["name", "investor", "sector", "industrial_park"], ["status"], {"investor_country": "iso2"}),
    Kind("enterprises", TradeProfile, _("Exporters and importers"),
         ["enterprise", "trades", "sectors", "hs_codes", "markets", "notes"],
         ["enterprise", "trades", "sectors", "markets"], ["enterprise__name", "enterprise__tax_code", "sectors",
                                                          "markets", "hs_codes"], ["trades"],
         {"enterprise": "tax_code"}),
]}


def search(queryset, kind: Kind, text: str):
    text = (text or "").strip()
    if not text:
        return queryset
    condition = Q()
    for name in kind.search:
        condition |= Q(**{f"{name}__icontains": text})
    return queryset.filter(condition)
