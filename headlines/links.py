"""Links to other sites, reduced to one canonical form so the same story is recognised."""

from urllib.parse import unquote_plus, urlsplit, urlunsplit

# Query parameters that only say how the reader arrived, never which story it is.
TRACKING_PARAMETERS = frozenset(
    {
        "fbclid",
        "gclid",
        "dclid",
        "gbraid",
        "wbraid",
        "msclkid",
        "yclid",
        "igshid",
        "mc_cid",
        "mc_eid",
        "_ga",
        "_gl",
        "mkt_tok",
        "oly_anon_id",
        "oly_enc_id",
        "vero_id",
        "ref_src",
        "ref_url",
        "spm",
        "cmpid",
        "ocid",
    }
)
TRACKING_PREFIXES = ("utm_", "pk_", "hsa_")
DEFAULT_PORTS = {"http": 80, "https": 443}


def normalise_domain(value: str) -> str:
    """`https://WWW.Montsame.mn/en/` -> `www.montsame.mn`: lower case, no scheme or path."""
    value = (value or "").strip().lower()
    if "//" not in value:
        value = "//" + value
    try:
        hostname = urlsplit(value).hostname or ""
    except ValueError:
        return ""
    return hostname.rstrip(".")


def domain_twins(domain: str) -> list[str]:
    """`montsame.mn` and `www.montsame.mn` name the same site."""
    if domain.startswith("www."):
        return [domain, domain[4:]]
    return [domain, f"www.{domain}"]


def is_tracking_parameter(name: str) -> bool:
    name = name.lower()
    return name in TRACKING_PARAMETERS or name.startswith(TRACKING_PREFIXES)


def canonical_url(url: str) -> str:
    """The link without tracking parameters, fragment, default port or upper-case host."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").rstrip(".")
    if ":" in host:  # an IPv6 address keeps its brackets
        host = f"[{host}]"
    if parts.port and parts.port != DEFAULT_PORTS.get(scheme):
        host = f"{host}:{parts.port}"
    if parts.username or parts.password:
        credentials = parts.username or ""
        if parts.password:
            credentials += f":{parts.password}"
        host = f"{credentials}@{host}"
    # Filter the raw pairs, so the parameters that stay keep their original encoding.
    query = "&".join(
        pair
        for pair in parts.query.split("&")
        if pair and not is_tracking_parameter(unquote_plus(pair.split("=", 1)[0]))
    )
    return urlunsplit((scheme, host, parts.path or "/", query, ""))


def is_site_link(url: str) -> bool:
    """A link to a site's front page rather than to one story on it."""
    parts = urlsplit(url)
    return parts.path in ("", "/") and not parts.query


def site_url_for(domain: str) -> str:
    return f"https://{domain}/"
