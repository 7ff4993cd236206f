"""Reading a saved web page: the article's main text and metadata via trafilatura (offline)."""

from __future__ import annotations

from dataclasses import dataclass

import trafilatura

from reckon.errors import InputError

# Below this many words the "article" is navigation, a cookie banner or a paywall stub.
MIN_BODY_WORDS = 12
# Trust the page's own date markup; do not scan the body text for dates (too many false hits),
# and allow any date up to far in the future (fictional examples, clock skew).
_DATE_PARAMS = {"original_date": True, "extensive_search": False, "max_date": "2999-12-31"}


@dataclass(frozen=True)
class HtmlArticle:
    text: str
    title: str | None
    published: str | None
    publisher: str | None
    url: str | None


def extract_html(data: bytes, file: str) -> HtmlArticle:
    """The main text and metadata of an HTML page; InputError when it has no article body."""
    result = trafilatura.bare_extraction(
        data,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        date_extraction_params=_DATE_PARAMS,
    )
    text = (result.text or "").strip() if result is not None else ""
    if len(text.split()) < MIN_BODY_WORDS:
        raise InputError(
            "has no article body (a front page, a paywall or a page built by JavaScript?)",
            file=file,
            fix="save the article page itself as it shows in the browser, or paste its text into a .txt file",
        )
    return HtmlArticle(
        text=text,
        title=result.title or None,
        published=_day(result.date),
        publisher=result.sitename or result.hostname or None,
        url=result.url or None,
    )


def _day(value: str | None) -> str | None:
    return value[:10] if value else None
