"""Middleware of the whole site: the health probes, and the admin's own security policy."""

from functools import cache

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.urls import reverse

from . import health

PROBES = {"/healthz": health.healthz, "/readyz": health.readyz}


class HealthProbeMiddleware:
    """Answers /healthz and /readyz ahead of every other middleware.

    A load balancer or orchestrator probes over plain HTTP with the machine's own address as
    the host: ahead of the host check and the HTTPS redirect the probes still answer, and no
    session, language prefix or redirect table is touched on the way. The answers are the
    same for any host and carry no details.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        probe = PROBES.get(request.path_info)
        if probe is not None:
            return probe(request)
        return self.get_response(request)


class SitePolicyCSPMiddleware(CSPMiddleware):
    """django-csp's middleware, with the Wagtail admin's looser policy under /admin/.

    The public site and the guest area need no inline script; Wagtail's admin writes some
    (inline panels, date pickers), so only its pages get CONTENT_SECURITY_POLICY_ADMIN's
    directives in place of the public ones. A page previewed in the editor is a public page
    (Wagtail runs it through this middleware at its public address) framed by the admin:
    it keeps the public policy but for CONTENT_SECURITY_POLICY_PREVIEW's directives.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only:
            parts.replace = {**self.directives_replaced(request), **(parts.replace or {})}
        return parts

    @staticmethod
    def directives_replaced(request) -> dict:
        if request.path_info.startswith(admin_prefix()):
            return settings.CONTENT_SECURITY_POLICY_ADMIN
        # Set by Wagtail on the request it builds for a preview, before any response is made.
        if getattr(request, "is_preview", False):
            return settings.CONTENT_SECURITY_POLICY_PREVIEW
        return {}


@cache
def admin_prefix() -> str:
    return reverse("wagtailadmin_home")
