"""Which stored URLs may become links: http and https only.

A document's `url` comes from whoever wrote the input (a JSONL field, a feed's link), so it
can be `javascript:...` or `data:...`; rendered as `href` that is stored cross-site
scripting. Pages show such a URL as text and link only web addresses.
"""

from __future__ import annotations

from urllib.parse import urlsplit

WEB_SCHEMES = ("http", "https")


def web_url(value: object) -> str | None:
    """`value` when it is an absolute http(s) URL with a host, else None."""
    if not isinstance(value, str):
        return None
    text = value.strip()
    if any(ord(ch) < 0x20 or ch == "\x7f" for ch in text):
        return None
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    if parts.scheme.lower() not in WEB_SCHEMES or not parts.netloc:
        return None
    return text
