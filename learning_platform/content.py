"""Learning content as people write it and as pages show it: Markdown lessons, question stems and worked solutions,
and the SVG figures of generated items.

- `render_markdown` turns Markdown (CommonMark, through markdown-it-py) into HTML and sanitises it with nh3 (the
  Rust `ammonia` sanitiser): only the tags and attributes of `MARKDOWN_TAGS` survive, links may only go to
  http(s), mailto or the site itself and open without the opener, and maths reads as text ("3/4", "5<sup>2</sup>")
  or MathML (`<math>`, `<mfrac>`, `<msup>`...), which browsers render natively.
- `check_markdown` is what an author (a school admin in the admin, an import) is told before anything is saved:
  raw HTML the sanitiser would drop, an HTML tag opened and never closed, a code fence never closed, a link to a
  scheme other than http(s)/mailto, or a control character, each with its line number. A body that passes renders
  to what its author wrote.
- `render_figure` sanitises a stored SVG figure to the drawing vocabulary the item generators use
  (`assessments.generators.figures`), so a figure can hold no script, no event handler, no style and no link.

Pure Python on top of the two libraries; no Django beyond `mark_safe` on the way out.
"""

from __future__ import annotations

import re
from functools import lru_cache
from html.parser import HTMLParser

import nh3
from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt

_MATHML_TAGS = {
    "math",
    "mrow",
    "mi",
    "mn",
    "mo",
    "mfrac",
    "msup",
    "msub",
    "msubsup",
    "msqrt",
    "mroot",
    "mtext",
    "mspace",
    "mtable",
    "mtr",
    "mtd",
    "semantics",
    "annotation",
}
MARKDOWN_TAGS = {
    "p",
    "br",
    "hr",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "strong",
    "em",
    "b",
    "i",
    "u",
    "s",
    "del",
    "ins",
    "mark",
    "sub",
    "sup",
    "small",
    "code",
    "pre",
    "kbd",
    "blockquote",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "a",
    "abbr",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "caption",
    "details",
    "summary",
    "span",
    "figure",
    "figcaption",
    *_MATHML_TAGS,
}
MARKDOWN_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "ol": {"start"},
    "th": {"scope", "colspan", "rowspan", "align"},
    "td": {"colspan", "rowspan", "align"},
    "math": {"display"},
    "mo": {"stretchy", "fence", "separator"},
    "mfrac": {"linethickness"},
}
URL_SCHEMES = {"http", "https", "mailto"}

_SVG_TAGS = {
    "svg",
    "title",
    "desc",
    "g",
    "rect",
    "circle",
    "ellipse",
    "line",
    "polyline",
    "polygon",
    "path",
    "text",
    "tspan",
}
_SVG_SHAPE = {
    "fill",
    "stroke",
    "stroke-width",
    "stroke-dasharray",
    "stroke-linecap",
    "stroke-linejoin",
    "opacity",
    "fill-opacity",
    "transform",
}
SVG_ATTRIBUTES = {
    # nh3 compares attribute names as written, and SVG's are case-sensitive.
    "svg": {"xmlns", "viewBox", "width", "height", "role", "aria-label", "class", "preserveAspectRatio"},
    "g": _SVG_SHAPE,
    "rect": {"x", "y", "width", "height", "rx", "ry", *_SVG_SHAPE},
    "circle": {"cx", "cy", "r", *_SVG_SHAPE},
    "ellipse": {"cx", "cy", "rx", "ry", *_SVG_SHAPE},
    "line": {"x1", "y1", "x2", "y2", *_SVG_SHAPE},
    "polyline": {"points", *_SVG_SHAPE},
    "polygon": {"points", *_SVG_SHAPE},
    "path": {"d", *_SVG_SHAPE},
    "text": {
        "x",
        "y",
        "dx",
        "dy",
        "font-size",
        "font-family",
        "font-weight",
        "text-anchor",
        "dominant-baseline",
        *_SVG_SHAPE,
    },
    "tspan": {"x", "y", "dx", "dy", "font-size", "font-weight", *_SVG_SHAPE},
}

# Text longer than this is no lesson a learner reads in one sitting; the cap also bounds the parser's work.
MAX_MARKDOWN_LENGTH = 100_000
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_VOID_TAGS = {"br", "hr", "mspace", "img", "wbr"}
# A Markdown link or image whose address has a scheme: markdown-it leaves a javascript: link as plain text, but
# the author should hear why their link does not work.
_BAD_LINK = re.compile(r"\]\(\s*<?(?!(?:https?|mailto):)([a-zA-Z][a-zA-Z0-9+.-]*):", re.IGNORECASE)


class ContentError(ValueError):
    """Content that cannot be saved as written; the message names the line and says what to change."""


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    # "commonmark" with tables: the CommonMark spec plus GitHub's pipe tables, which lessons use for data.
    return MarkdownIt("commonmark", {"html": True, "linkify": False, "typographer": False}).enable("table")


def _sanitise(html: str) -> str:
    return nh3.clean(
        html,
        tags=MARKDOWN_TAGS,
        attributes=MARKDOWN_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )


def render_markdown(text: str) -> SafeString:
    """`text` (Markdown) as sanitised HTML, safe to put on a page."""
    if not text:
        return mark_safe("")
    return mark_safe(_sanitise(_parser().render(_CONTROL.sub("", text))))


def render_inline(text: str) -> SafeString:
    """One line of Markdown (a choice, a hint) as sanitised inline HTML: no paragraphs or blocks."""
    if not text:
        return mark_safe("")
    return mark_safe(_sanitise(_parser().renderInline(_CONTROL.sub("", text))))


def render_figure(svg: str) -> SafeString:
    """A stored SVG figure, sanitised to the drawing vocabulary of the item generators."""
    if not svg:
        return mark_safe("")
    return mark_safe(nh3.clean(svg, tags=_SVG_TAGS, attributes=SVG_ATTRIBUTES, url_schemes=set(), strip_comments=True))


def check_markdown(text: str, *, field: str = "body") -> None:
    """Raise ContentError naming the first problem of `text` (see the module docstring); return quietly if none."""
    if len(text) > MAX_MARKDOWN_LENGTH:
        raise ContentError(f"The {field} is {len(text):,} characters long; the most is {MAX_MARKDOWN_LENGTH:,}.")
    if match := _CONTROL.search(text):
        raise ContentError(
            f"Line {_line_of(text, match.start())}: the {field} holds a control character "
            f"(U+{ord(match.group()):04X}); delete it."
        )
    if link := _BAD_LINK.search(_without_code(text)):
        raise ContentError(
            f"Line {_line_of(text, link.start())}: links may go to http, https or mailto addresses, "
            f"not '{link.group(1).lower()}:'."
        )
    events: list[tuple[str, str, list, int]] = []
    for token in _parser().parse(text):
        line = token.map[0] + 1 if token.map else 1
        if token.type == "fence" and not _fence_closed(text, token):
            raise ContentError(
                f"Line {line}: the code block that starts here with {token.markup} is never closed; "
                f"end it with a line of {token.markup}."
            )
        if token.type == "html_block":
            events += [
                (kind, tag, attrs, line + offset - 1) for kind, tag, attrs, offset in _html_events(token.content)
            ]
        child_line = line
        for child in token.children or ():
            if child.type in ("softbreak", "hardbreak"):
                child_line += 1
            elif child.type == "html_inline":
                events += [(kind, tag, attrs, child_line) for kind, tag, attrs, _ in _html_events(child.content)]
            elif child.type == "link_open":
                _check_link(str(child.attrGet("href") or ""), line=child_line)
    _check_tags(events, field=field)


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _fence_closed(text: str, token) -> bool:
    lines = text.split("\n")
    last = token.map[1] - 1
    if last <= token.map[0] or last >= len(lines):
        return False
    closing = lines[last].strip()
    return closing.startswith(token.markup[0] * len(token.markup)) and not closing.strip(token.markup[0])


def _check_link(href: str, *, line: int) -> None:
    scheme = href.split(":", 1)[0].lower() if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", href) else ""
    if scheme and scheme not in URL_SCHEMES:
        raise ContentError(f"Line {line}: links may go to http, https or mailto addresses, not '{scheme}:'.")


class _TagReader(HTMLParser):
    """Collects the tags and attributes of a piece of raw HTML, in order, with their line within it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.events: list[tuple[str, str, list[tuple[str, str | None]], int]] = []

    def handle_starttag(self, tag, attrs):
        self.events.append(("start", tag, attrs, self.getpos()[0]))

    def handle_startendtag(self, tag, attrs):
        self.events.append(("void", tag, attrs, self.getpos()[0]))

    def handle_endtag(self, tag):
        self.events.append(("end", tag, [], self.getpos()[0]))


def _html_events(html: str) -> list[tuple[str, str, list, int]]:
    reader = _TagReader()
    reader.feed(html)
    reader.close()
    return reader.events


def _check_tags(events: list[tuple[str, str, list, int]], *, field: str) -> None:
    """The raw HTML tags of a text (kind, tag, attributes, line) are allowed, have allowed attributes, and each
    one opened is closed, in order."""
    stack: list[tuple[str, int]] = []
    for kind, tag, attrs, line in events:
        if tag not in MARKDOWN_TAGS:
            raise ContentError(
                f"Line {line}: <{tag}> is not allowed in the {field}; write it in Markdown (allowed HTML: "
                f"{', '.join(sorted(MARKDOWN_TAGS - _MATHML_TAGS))} and MathML)."
            )
        allowed = MARKDOWN_ATTRIBUTES.get(tag, set())
        for name, value in attrs:
            if name not in allowed:
                raise ContentError(f"Line {line}: <{tag}> may not have the attribute '{name}'.")
            if name == "href":
                _check_link(value or "", line=line)
        if kind == "void" or tag in _VOID_TAGS:
            continue
        if kind == "start":
            stack.append((tag, line))
        elif stack and stack[-1][0] == tag:
            stack.pop()
        else:
            raise ContentError(f"Line {line}: </{tag}> closes a tag that is not open here.")
    if stack:
        tag, line = stack[-1]
        raise ContentError(f"Line {line}: <{tag}> is opened but never closed; add </{tag}>.")


def _without_code(text: str) -> str:
    """`text` with fenced and inline code blanked out (keeping its lines), since what is inside is not Markdown."""
    blanked = re.sub(r"(?ms)^(`{3,}|~{3,}).*?^\1", lambda match: "\n" * match.group().count("\n"), text)
    return re.sub(r"`[^`\n]*`", "", blanked)
