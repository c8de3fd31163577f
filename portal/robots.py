"""/robots.txt: crawlers read the public site and the sitemaps, and stay out of search
results, the guest-author area, the language switch and the admin."""

from django.contrib.sites.shortcuts import get_current_site
from django.http import HttpResponse
from django.urls import reverse
from django.utils import translation

from bilingual.languages import language_codes


def closed_paths() -> list[str]:
    """Addresses no crawler should read: each language's search and guest area, the switch
    between languages (a redirect to an address crawlers find through hreflang), the admin."""
    paths = []
    for code in language_codes():
        with translation.override(code):
            paths += [reverse("search"), reverse("contribute_dashboard")]
    paths.append(reverse("choose_language", args=["-"])[: -len("-/")])
    paths.append(reverse("wagtailadmin_home"))
    return paths


def robots_txt(request):
    site = f"{request.scheme}://{get_current_site(request).domain}"
    sitemaps = [reverse("sitemap")]
    sitemaps += [reverse("news_sitemap", kwargs={"code": code}) for code in language_codes()]
    lines = [
        "User-agent: *",
        *(f"Disallow: {path}" for path in closed_paths()),
        "Allow: /",
        "",
        *(f"Sitemap: {site}{path}" for path in sitemaps),
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
