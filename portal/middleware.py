"""Middleware of the whole site."""

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
