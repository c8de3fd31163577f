"""Which network addresses the feed fetcher may connect to: public ones only.

A feed address is typed by an editor and redirects are chosen by a stranger's server, so
either could aim the fetcher at the portal's own network (127.0.0.1, 10.x, the cloud
metadata service at 169.254.169.254). Every address a host name resolves to is checked
here, and the fetcher then connects to the checked address itself: no second DNS lookup
can swap it for another.
"""

import ipaddress
import socket

from django.conf import settings

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

# IPv6 prefixes that carry an IPv4 address in their last 32 bits (NAT64, RFC 6052 / 8215).
_NAT64 = (ipaddress.ip_network("64:ff9b::/96"), ipaddress.ip_network("64:ff9b:1::/48"))


class AddressRefused(Exception):
    """The host is, or resolves to, an address the fetcher must not reach."""


def is_public(address: IPAddress) -> bool:
    """Whether `address` is on the public internet (so neither ours nor anyone's private net)."""
    if _allowed_by_settings(address):
        return True
    if isinstance(address, ipaddress.IPv6Address):
        if address.teredo:
            return False  # a tunnel whose far end we cannot check
        embedded = _embedded_ipv4(address)
        if embedded is not None:
            return is_public(embedded)
    return address.is_global and not (
        address.is_private
        or address.is_loopback
        or address.is_link_local
        or address.is_multicast
        or address.is_reserved
        or address.is_unspecified
    )


def literal_address(host: str) -> IPAddress | None:
    """The address a host written as a number stands for (`[::1]`, `127.0.0.1`, `127.1`,
    `2130706433`: the resolver reads all of these), or None for a name."""
    host = host.strip("[]")
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        pass
    try:
        return ipaddress.IPv4Address(socket.inet_aton(host))
    except (OSError, ValueError):
        return None


def public_addresses(host: str, port: int) -> list[tuple]:
    """(family, socket address) for each address `host` resolves to, all of them public.

    One private address among them refuses the host: a name that answers with both is
    either misconfigured or an attempt to slip past this check.
    """
    found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP)
    if not found:
        raise OSError(f"{host} resolves to no address")
    checked = [(family, sockaddr) for family, _type, _proto, _name, sockaddr in found]
    for _family, sockaddr in checked:
        address = ipaddress.ip_address(sockaddr[0])
        if not is_public(address):
            raise AddressRefused(f"{host} resolves to {address}, which is not a public address")
    return checked


def _embedded_ipv4(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 one reaches in the end (mapped, 6to4 or NAT64), if any."""
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address.sixtofour is not None:
        return address.sixtofour
    if any(address in network for network in _NAT64):
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None


def _allowed_by_settings(address: IPAddress) -> bool:
    """Networks the settings open on purpose (tests serving feeds on 127.0.0.1); none by default."""
    networks = getattr(settings, "HEADLINE_FEED_ALLOWED_PRIVATE_NETWORKS", ())
    return any(
        address.version == network.version and address in network
        for network in map(ipaddress.ip_network, networks)
    )
