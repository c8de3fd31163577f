"""gunicorn's settings for this site: `gunicorn -c gunicorn.conf.py portal.wsgi`.

Every value can be changed from the environment without editing this file; the README's
Deploy section lists the variables.
"""

import multiprocessing
import os

# Where to listen: a reverse proxy in front terminates HTTPS and forwards here.
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")

# Sync workers, gunicorn's usual rule of thumb: two per core plus one. WEB_CONCURRENCY (the
# name most hosting platforms set) overrides it.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))

# A request still running after this many seconds has its worker killed and restarted.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
# On a restart or a deploy, workers get this long to finish the requests they are serving.
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
# Seconds an idle keep-alive connection from the proxy is held open.
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "5"))

# Each worker is replaced after about this many requests (the jitter staggers the restarts so
# that the workers never all restart together): memory a library leaks is given back. Not
# much more often: a cached page takes under a millisecond, and a new worker compiles its
# templates afresh (at a thousand, each worker was replaced every few seconds under load).
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "20000"))
max_requests_jitter = int(os.environ.get("GUNICORN_MAX_REQUESTS_JITTER", "2000"))

# The application is loaded once in the master before forking: a fresh worker (at start, or
# after max_requests) answers its first request without importing Django and Wagtail again.
preload_app = os.environ.get("GUNICORN_PRELOAD", "true").lower() in ("1", "true", "yes", "on")

# One line per request on stdout, errors on stderr: the service manager keeps the logs.
accesslog = "-"
errorlog = "-"  # stderr
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# The client's address as the proxy reports it, then the usual combined format and the time
# taken in microseconds.
access_log_format = (
    '%({x-forwarded-for}i)s %(h)s %(l)s %(u)s %(t)s "%(r)s" %(s)s %(b)s "%(f)s" "%(a)s" %(D)s'
)
# Trust X-Forwarded-* only from the proxy on this machine (gunicorn's default).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

# No control socket: it would be one path shared by every gunicorn on the machine.
control_socket_disable = True


def pre_fork(server, worker):
    """Workers must not share the master's database connections (with preload_app the master
    may have opened one while loading): the master closes its own before each fork, so every
    worker opens a connection of its own on first use."""
    if not server.cfg.preload_app:
        return  # Django was never loaded in the master
    from django.db import connections

    for connection in connections.all(initialized_only=True):
        connection.close()
