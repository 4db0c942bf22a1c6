"""Learning content: Markdown rendered and sanitised, what an author is told before anything is saved, and SVG
figures sanitised to the generators' drawing vocabulary. Pure: no database."""

import pytest

from learning_platform.content import ContentError, check_markdown, render_figure, render_inline, render_markdown


def test_markdown_renders_headings_emphasis_tables_and_maths_as_text_or_mathml():
    html = render_markdown(
        "## Unit rates\n\nA **rate** compares *two* quantities: 3/4 of a mile in 5<sup>2</sup> minutes.\n\n"
        "| miles | minutes |\n|---|---|\n| 3 | 4 |\n\n"
        "<math><mfrac><mn>3</mn><mn>4</mn></mfrac></math>\n"
    )
    assert "<h2>Unit rates</h2>" in html
    assert "<strong>rate</strong>" in html and "<em>two</em>" in html and "5<sup>2</sup>" in html
    assert "<th>miles</th>" in html and "<td>4</td>" in html
    assert "<math><mfrac><mn>3</mn><mn>4</mn></mfrac></math>" in html


@pytest.mark.parametrize(
    ("text", "kept_out"),
    [
        ("<script>alert(1)</script>hi", "<script"),
        ('<img src=x onerror="alert(1)">', "onerror"),
        ("[a](javascript:alert(1))", 'href="javascript'),
        ('<a href="https://example.org" onclick="x()">site</a>', "onclick"),
        ('<p style="color:red">red</p>', "style="),
        ("<iframe src='https://example.org'></iframe>", "<iframe"),
    ],
)
def test_rendering_never_lets_script_styles_or_frames_through(text, kept_out):
    assert kept_out not in render_markdown(text)


def test_links_open_without_the_opener_and_inline_text_has_no_paragraph():
    assert 'rel="noopener noreferrer"' in render_markdown("[site](https://example.org)")
    assert render_inline("Add **3** and 4") == "Add <strong>3</strong> and 4"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "Intro\n\n```\nx = 1\n",
            "Line 3: the code block that starts here with ``` is never closed; end it with a line of ```.",
        ),
        ("One\ntwo <script>alert(1)</script>", "Line 2: <script> is not allowed in the body; write it in Markdown"),
        ("5<sup>2 is 25", "Line 1: <sup> is opened but never closed; add </sup>."),
        ("a </sup> b", "Line 1: </sup> closes a tag that is not open here."),
        ('<span onclick="x()">hi</span>', "Line 1: <span> may not have the attribute 'onclick'."),
        (
            "Intro\n\n[click](javascript:alert(1))",
            "Line 3: links may go to http, https or mailto addresses, not 'javascript:'.",
        ),
        ("Tab\x00bed", "Line 1: the body holds a control character (U+0000); delete it."),
        ("x" * 100_001, "The body is 100,001 characters long; the most is 100,000."),
    ],
)
def test_a_broken_body_is_refused_naming_its_line(text, message):
    with pytest.raises(ContentError) as refused:
        check_markdown(text)
    assert str(refused.value).startswith(message)


@pytest.mark.parametrize(
    "text",
    [
        "Compare: 3 < 4 and 7 > 2, so x<y here.",
        "```\n<script>code in a block is text</script>\n```\n",
        "Use `<b>` for bold.",
        "<details><summary>Hint</summary>\n\nLine up the decimal points.\n\n</details>",
        "- one\n- two\n\n1. first\n2. second",
    ],
)
def test_ordinary_lessons_pass_the_check(text):
    check_markdown(text)


def test_figures_keep_their_drawing_and_lose_anything_active():
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" role="img" aria-label="A square">'
        '<title>A square</title><rect x="1" y="1" width="8" height="8" fill="#5b8def" style="fill:red" '
        'onclick="x()"/><script>alert(1)</script><a href="https://example.org"><text x="1" y="9">A</text></a></svg>'
    )
    clean = render_figure(svg)
    assert 'viewBox="0 0 10 10"' in clean and 'aria-label="A square"' in clean and 'fill="#5b8def"' in clean
    for kept_out in ("style=", "onclick", "<script", "<a ", "href"):
        assert kept_out not in clean
    assert '<text x="1" y="9">A</text>' in clean
