from django.utils.translation import gettext_lazy as _

from ftahub.core.plugins import HubApp, NavEntry


class CertificatesConfig(HubApp):
    default = True  # the AppConfig Django uses (HubApp is imported here too)
    name = "ftahub.certificates"
    verbose_name = "Certificates of origin"
    url_prefix = "verify/"
    root_urls = "ftahub.certificates.root_urls"
    api_router = "ftahub.certificates.api.router"
    api_resources = {"certificate_verify": "/api/v1/certificates/verify"}
    demo = "ftahub.certificates.demo.load"
    demo_order = 20
    navigation = (NavEntry(_("Verify a C/O"), "certificate-verify", 30),)
