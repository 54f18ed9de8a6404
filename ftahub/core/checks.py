"""Deployment checks (``ftahub check --deploy``): the proxy layout a production hub needs, said before it bites.

``ftahub serve`` (Waitress) speaks plain HTTP. In production TLS ends at a reverse proxy in front of it, which passes
the scheme and the client's address in X-Forwarded-Proto/-For; Waitress believes them from FTAHUB_TRUSTED_PROXY only.
"""

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register


@register(Tags.security, deploy=True)
def proxy_layout(app_configs, **kwargs):
    found = []
    if settings.HTTPS and not settings.BEHIND_PROXY:
        found.append(Warning(
            "HTTPS is on but FTAHUB_BEHIND_PROXY is not: 'ftahub serve' speaks plain HTTP, so every request would be "
            "redirected to https:// that nothing answers, or answered by a proxy whose X-Forwarded-Proto is ignored "
            "(redirects for ever).",
            hint="Terminate TLS at a reverse proxy, set FTAHUB_BEHIND_PROXY=1 and FTAHUB_TRUSTED_PROXY to the proxy's "
                 "address as the hub sees it (README, 'Production').", id="ftahub.W001"))
    if settings.BEHIND_PROXY and not settings.HTTPS:
        found.append(Warning(
            "FTAHUB_BEHIND_PROXY is on but FTAHUB_HTTPS is off: cookies are sent without Secure and no HSTS is set.",
            hint="Set FTAHUB_HTTPS=1 when the proxy serves https://.", id="ftahub.W002"))
    trusted = (settings.FTAHUB_TRUSTED_PROXY or "").strip()
    if settings.BEHIND_PROXY and (not trusted or trusted == "*" or "," in trusted):
        found.append(Error(
            f"FTAHUB_TRUSTED_PROXY is {trusted or 'empty'!r}: behind a proxy the hub must name the one address whose "
            "X-Forwarded-Proto/-For it believes; anyone else could then choose their own address (rate limits, "
            "sign-in throttling) and scheme.",
            hint="Set FTAHUB_TRUSTED_PROXY to the proxy's single IP address.", id="ftahub.E003"))
    return found
