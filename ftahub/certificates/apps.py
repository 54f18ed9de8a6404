from django.apps import AppConfig


class CertificatesConfig(AppConfig):
    name = "ftahub.certificates"
    verbose_name = "Certificates of origin"
