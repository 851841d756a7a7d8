"""Which evidence links may be opened: web pages only.

Evidence links can arrive from an imported file, so a link is handed to a
browser or the desktop's opener only when it is an http(s) address with a
host. Anything else (file:, smb:, javascript:, data:, a bare reference such
as "Annual report p. 4") is shown as text, never opened.
"""

from __future__ import annotations

from urllib.parse import urlsplit

WEB_SCHEMES = ("http", "https")


def is_web_url(url: object) -> bool:
    """True for an http(s) URL with a host; False for anything else, never an error."""
    if not isinstance(url, str):
        return False
    text = url.strip()
    if (not text or len(text) > 8192
            or any(ord(c) < 32 or c in "\\\x7f" or c.isspace() for c in text)):
        return False
    try:
        parts = urlsplit(text)
        host = parts.hostname
        parts.port  # raises ValueError for a malformed port
    except ValueError:
        return False
    return parts.scheme.lower() in WEB_SCHEMES and bool(host) and not host.startswith(".")


__all__ = ["is_web_url", "WEB_SCHEMES"]
