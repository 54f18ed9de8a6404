from django.utils.translation import gettext_lazy as _

from ftahub.core.plugins import HubApp, NavEntry


class StatsConfig(HubApp):
    default = True  # the AppConfig Django uses (HubApp is imported here too)
    name = "ftahub.stats"
    verbose_name = "Statistics"
    default_auto_field = "django.db.models.BigAutoField"
    url_prefix = "stats/"
    root_urls = "ftahub.stats.root_urls"
    api_router = "ftahub.stats.api.router"
    demo = "ftahub.stats.demo.load"
    demo_order = 60
    navigation = (NavEntry(_("Statistics"), "stats-dashboard", 50),)
    home_card = "stats/_home_card.html"
    home_context = "ftahub.stats.views.home_card"
    home_order = 70
    backup_folders = "ftahub.stats.service.backup_folders"
    jobs = {"stats.import": "ftahub.stats.service.run_import", "stats.check": "ftahub.stats.service.run_check"}
    maintenance = ("ftahub.stats.service.purge_stale_imports",)
    body_limits = {"/stats/import/": 201 * 1024 * 1024}  # Comtrade bulk files; staff only, checked as a job
    problems = "ftahub.stats.words.problem_words"
