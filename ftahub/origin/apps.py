from django.utils.translation import gettext_lazy as _

from ftahub.core.plugins import Dataset, HubApp, NavEntry


class OriginConfig(HubApp):
    default = True  # the AppConfig Django uses (HubApp is imported here too)
    name = "ftahub.origin"
    verbose_name = "Rules of origin"
    url_prefix = "origin/"
    api_router = "ftahub.origin.api.router"
    api_resources = {
        "origin_assess": "/api/v1/origin/assess",
        "origin_rules": "/api/v1/origin/rules?hs=...&agreement=...",
    }
    reference = (Dataset("rules", "ftahub.origin.reference.load_rules", 50),)
    problems = "ftahub.origin.wording.problem_words"
    navigation = (
        NavEntry(_("Rules of origin"), "origin-self-assess", 20),
        NavEntry(_("Assessments"), "origin-assessments", 500, audience="enterprise_or_officer"),
    )
    home_card = "origin/_home_card.html"
    home_order = 20
    # 5,000 materials (the engine's limit) fit in about 1 MB of JSON; a rule in far less
    body_limits = {"/api/v1/origin/assess": 2 * 1024 * 1024, "/api/v1/origin/parse": 64 * 1024}
