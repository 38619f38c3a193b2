"""Line filters that drop what is not the article: cookie notices, CMS shortcodes, share and
newsletter prompts, lone navigation words and copyright footers.

trafilatura removes most page furniture, but saved pages, plain-text dumps and feed entries
still carry some, and a shortcode line such as `[promo_box style="wide"]` survives any
extractor. A boilerplate line that reaches the coder becomes a sentence, and sometimes an
actor mention ("Home", "Articles" are harmless; "We use cookies to ..." is noise in every
evidence table). Paragraph breaks are kept: the coder uses blank lines as paragraph ends.
"""

from __future__ import annotations

import re

# Boilerplate lines are short; longer lines are article text and skip the regexes, which also
# keeps a 50 MB dump or a 5 MB single line fast.
_LONGEST_BOILERPLATE = 300

_COOKIE_NOTICE = re.compile(
    r"^(?:this (?:web)?site uses cookies"
    r"|we(?: and our partners)? use cookies"
    r"|by (?:continuing|using|browsing)\b.{0,80}\bcookies"
    r"|(?:accept|reject|manage)(?: all)? cookies"
    r"|cookie (?:policy|settings|preferences|consent))",
    re.IGNORECASE,
)

# Quotes a CMS writes around shortcode values: straight, curly (after "smart quote"
# conversion in the editor), and primes.
_QUOTES = "\"'\u201c\u201d\u201e\u2018\u2019\u2033"
_VALUE = rf"(?:[{_QUOTES}][^{_QUOTES}\]]*[{_QUOTES}]|[^\s\]{_QUOTES}]+)"
_ATTRIBUTE = rf"[\w-]+\s*=\s*{_VALUE}"
_SHORTCODE = rf"\[\s*[A-Za-z][\w-]*(?:\s+{_ATTRIBUTE})+\s*/?\s*\]|\[/[A-Za-z][\w-]*\]"
_SHORTCODE_LINE = re.compile(rf"^(?:{_SHORTCODE}\s*)+$")

_PROMPT = re.compile(
    r"^(?:share (?:this|on)\b"
    r"|(?:subscribe|sign up)(?: now)? (?:to|for) (?:our|the) newsletter"
    r"|follow us on\b"
    r"|click here to (?:subscribe|share)\b)",
    re.IGNORECASE,
)

_NAVIGATION_WORDS = frozenset(
    {
        "articles",
        "menu",
        "home",
        "search",
        "share",
        "subscribe",
        "advertisement",
        "related articles",
        "read more",
        "skip to content",
        "skip to main content",
        "log in",
        "login",
        "sign in",
        "print",
        "email",
        "tweet",
        "back to top",
    }
)

_COPYRIGHT = re.compile(
    r"^(?:©|\(c\)\s|copyright\b)|\ball rights reserved\.?$",
    re.IGNORECASE,
)


def is_boilerplate(line: str) -> bool:
    """Whether one stripped line is page furniture rather than article text."""
    if not line or len(line) > _LONGEST_BOILERPLATE:
        return False
    if line.strip(" .:|»›>").lower() in _NAVIGATION_WORDS:
        return True
    return bool(
        _SHORTCODE_LINE.match(line)
        or _COOKIE_NOTICE.match(line)
        or _PROMPT.match(line)
        or _COPYRIGHT.search(line)
    )


def strip_boilerplate(text: str) -> str:
    """The text without boilerplate lines, paragraph breaks kept as single blank lines.

    A dropped line never leaves a double blank behind, and leading or trailing blank lines
    go, so "Menu\\n\\nFirst paragraph" becomes "First paragraph".
    """
    kept: list[str] = []
    pending_break = False
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            pending_break = bool(kept)
            continue
        if is_boilerplate(line):
            continue
        if pending_break:
            kept.append("")
            pending_break = False
        kept.append(raw.rstrip())
    return "\n".join(kept)
