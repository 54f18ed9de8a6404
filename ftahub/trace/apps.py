from django.utils.translation import gettext_lazy as _

from ftahub.core.plugins import HubApp, NavEntry


class TraceConfig(HubApp):
    default = True  # the AppConfig Django uses (HubApp is imported here too)
    name = "ftahub.trace"
    verbose_name = "Traceability"
    default_auto_field = "django.db.models.BigAutoField"
    url_prefix = "trace/"
    root_urls = "ftahub.trace.root_urls"
    api_router = "ftahub.trace.api.router"
    api_resources = {
        "epcis_capture": "/api/v1/epcis/capture",
        "epcis_events": "/api/v1/epcis/events",
        "epcis_trace": "/api/v1/epcis/trace?epc=...&direction=back",
    }
    problems = "ftahub.trace.words.problem_words"
    demo = "ftahub.trace.demo.load"
    demo_order = 40
    navigation = (NavEntry(_("Traceability"), "trace-desk", 520, audience="enterprise_or_officer"),)
    home_card = "trace/_home_card.html"
    home_order = 40
