"""Head metadata the families print: Open Graph, article:* times, author tags, JSON-LD.

Dates go into metadata only on pages whose own date is machine-readable (``where ==
"metadata"``); text-dated and undated pages carry no published or modified time anywhere in
their metadata. Authors go in when the page names them (visibly or in metadata only); an
undated-author page may name the publisher organisation, which is not an author.
"""

from __future__ import annotations

from typing import Any

from crawler.simulator.markup.kit import attr, script_json
from crawler.simulator.markup.page import Page


def description(page: Page, words: int = 24) -> str:
    return " ".join(page.paragraphs[0].split()[:words]) + "..."


def open_graph(page: Page, site_name: bool = True, image: bool = True) -> str:
    a = page.article
    tags = ['<meta property="og:locale" content="ar_AR">',
            '<meta property="og:type" content="article">',
            f'<meta property="og:title" content="{attr(a.title)}">',
            f'<meta property="og:description" content="{attr(description(page))}">',
            f'<meta property="og:url" content="{attr(a.url)}">']
    if site_name:
        tags.append(f'<meta property="og:site_name" content="{attr(page.label)}">')
    if image and page.image:
        tags.append(f'<meta property="og:image" content="{attr(page.image.url)}">')
    return "\n".join(tags) + "\n"


def article_times(page: Page, modified: bool = True) -> str:
    """article:published_time / modified_time (metadata-dated pages only)."""
    if page.date.where != "metadata" or page.date.machine is None:
        return ""
    out = f'<meta property="article:published_time" content="{page.date.machine.value}">\n'
    if modified and page.date.modified_machine:
        out += (f'<meta property="article:modified_time" '
                f'content="{page.date.modified_machine}">\n')
    return out


def meta_authors(page: Page, name: str = "author") -> str:
    """<meta name="author"> for the names the page gives (required when metadata-only)."""
    if page.byline.form == "none" or not page.byline.names:
        return ""
    return f'<meta name="{name}" content="{attr("، ".join(page.byline.names))}">\n'


def ld_authors(page: Page, organisation_fallback: bool = True) -> Any:
    if page.byline.form != "none" and page.byline.names:
        people = [{"@type": "Person", "name": n} for n in page.byline.names]
        return people[0] if len(people) == 1 else people
    if organisation_fallback:
        return {"@type": "Organization", "name": page.label}
    return None


def news_article(page: Page, kind: str = "NewsArticle", **extra: Any) -> dict[str, Any]:
    """A schema.org article object; dates only when the page's date is in metadata."""
    a = page.article
    data: dict[str, Any] = {"@context": "https://schema.org", "@type": kind,
                            "mainEntityOfPage": {"@type": "WebPage", "@id": a.url},
                            "headline": a.title}
    if page.date.where == "metadata" and page.date.machine is not None:
        data["datePublished"] = page.date.machine.value
        if page.date.modified_machine:
            data["dateModified"] = page.date.modified_machine
    if page.image:
        data["image"] = {"@type": "ImageObject", "url": page.image.url}
    author = ld_authors(page)
    if author is not None:
        data["author"] = author
    data["publisher"] = {"@type": "Organization", "name": page.label,
                         "logo": {"@type": "ImageObject",
                                  "url": f"https://img.{page.site.domain}/logo.png"}}
    data.update(extra)
    return data


def ld_script(data: Any, indent: int | None = None) -> str:
    return f'<script type="application/ld+json">{script_json(data, indent)}</script>\n'


def breadcrumb_list(items: list[tuple[str, str]]) -> dict[str, Any]:
    return {"@context": "https://schema.org", "@type": "BreadcrumbList",
            "itemListElement": [{"@type": "ListItem", "position": i + 1, "name": name,
                                 "item": url} for i, (name, url) in enumerate(items)]}
