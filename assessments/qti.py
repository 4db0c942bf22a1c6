"""Read and write QTI 3.0 assessment items and the IMS content package manifest that lists them.

Pure Python on lxml, markdown-it and nh3 (through learning_platform.content); no Django models or settings.

Reading (`read_item`) turns one QTI 3.0 item file into a `QtiItem` (plain data a Waypoint Item is made from) or
a `QtiSkip` saying why Waypoint cannot take it. Files that are not QTI items at all raise `QtiError`, naming the
file and line: XML that is not well-formed (lxml's line), a root other than <qti-assessment-item>, an element
named like an interaction that QTI 3.0 does not define, or an integer/float response whose correct value is not a
number. The interactions map to Waypoint's item types (assessments.scoring):

- <qti-choice-interaction>: cardinality single -> `single_choice`, multiple -> `multiple_select`. Each
  <qti-simple-choice> is a choice (its identifier the id, its content one line of Markdown the text, a
  <qti-feedback-inline> inside it the choice's feedback); the key is <qti-correct-response>.
- <qti-text-entry-interaction>: base-type integer or float, or a correct value `scoring.parse_number` reads ->
  `numeric` {"value", "tolerance"} (tolerance from an absolute-tolerance <qti-equal> in the response processing,
  else "0"); otherwise -> `short_text` {"accepted": [...]} holding the correct values and the <qti-mapping>
  entries worth more than 0, with "case_sensitive": true when the correct value is matched exactly (no mapping)
  or a positive entry says case-sensitive="true" (QTI 3's default for an entry is false).
- <qti-extended-text-interaction> -> `open_response`. The rubric comes from the item's scorer
  <qti-rubric-block>: one that `write_item` wrote (a table per criterion, see `_rubric_block`) is read back
  exactly; for any other, and when there is none, the rubric is one criterion "Score" whose levels run from 0 to
  the item's maximum score (SCORE's normal-maximum, default 1), with another rubric block's text as the
  descriptor of the top level.
- <qti-inline-choice-interaction> -> `single_choice`, the interaction's place in the stem shown as BLANK.
- A `comparison` item is written as a single-choice interaction of class COMPARISON_CLASS with the choices
  lt "<", gt ">" and eq "=", and read back as a comparison.

Any other interaction, an item with several interactions or none, a templated (cloned) item, and an item whose
body holds images or media (Waypoint's Markdown has none, see content.MARKDOWN_TAGS) are skipped, as is a choice
or text-entry item without a correct response. The correct response is taken from <qti-correct-response>, or
for custom response processing from a <qti-match> of the response with a base value.

The stem is the item body (its interaction removed; the interaction's <qti-prompt> kept where the interaction
was; an inline interaction shown as BLANK, or dropped when it stands alone in its paragraph) converted to
CommonMark that `content.check_markdown` accepts: paragraphs, **strong**, *em*, `code`, fenced code, lists,
headings, block quotes, links, pipe tables (other tables and MathML as the HTML content allows), sub/sup and the
like as inline HTML. The conversion is canonical, so converting the HTML that a converted stem renders to gives
the same text back. Markdown written otherwise (a teacher's `_em_`, a soft line break) renders to the same HTML
but would not come back character for character; for those texts `write_item` also carries the Markdown in a
`data-markdown` attribute (HTML5 data-* attributes are allowed on QTI 3.0 content), and `read_item` takes it
only when it still renders to what the element holds, so an edit made to the XHTML elsewhere wins.

A worked solution travels in <qti-rubric-block use="worked-solution" view="author scorer tutor">; hints and
figures do not travel (a figure is not written; see assessments.qti_bank).

The manifest (`read_manifest`, `write_manifest`) is an IMS content package (imscp_v1p1 as QTI 3.0 uses it):
one resource of type imsqti_item_xmlv3p0 per item file. Learning targets travel as IMS Curriculum Standards
Metadata (imscsmd_v1p0) in each resource's metadata, one <labelledGUID> per target with the code as <label>;
difficulty as IEEE LOM educational/difficulty (LOMv1.0 vocabulary: easy = introductory, medium = core,
difficult = stretch; reading also takes "very easy" and "very difficult").
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Iterable

from lxml import etree
from lxml import html as lxml_html
from markdown_it.common.normalize_url import normalizeLink

from assessments import scoring
from learning_platform.content import (
    MARKDOWN_ATTRIBUTES,
    MARKDOWN_TAGS,
    URL_SCHEMES,
    ContentError,
    check_markdown,
    render_inline,
    render_markdown,
)

QTI_NS = "http://www.imsglobal.org/xsd/imsqtiasi_v3p0"
QTI_SCHEMA = "https://purl.imsglobal.org/spec/qti/v3p0/schema/xsd/imsqti_asiv3p0_v1p0.xsd"
MATHML_NS = "http://www.w3.org/1998/Math/MathML"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
CP_NS = "http://www.imsglobal.org/xsd/qti/qtiv3p0/imscp_v1p1"
CP_SCHEMA = "https://purl.imsglobal.org/spec/qti/v3p0/schema/xsd/imsqtiv3p0_imscpv1p2_v1p0.xsd"
CSM_NS = "http://www.imsglobal.org/xsd/imscsmd_v1p0"
LOM_NS = "http://ltsc.ieee.org/xsd/LOM"
TEMPLATES = "https://purl.imsglobal.org/spec/qti/v3p0/rptemplates/"
MATCH_CORRECT = TEMPLATES + "match_correct.xml"
MAP_RESPONSE = TEMPLATES + "map_response.xml"
ITEM_RESOURCE_TYPE = "imsqti_item_xmlv3p0"
CCSS_PROVIDER = "corestandards.org"

BLANK = "_____"
# A comparison item (<, >, =) is written as a choice interaction of this class, so it reads back as one.
COMPARISON_CLASS = "waypoint-comparison"
_COMPARISON_CHOICES = ({"id": "lt", "text": "<"}, {"id": "gt", "text": ">"}, {"id": "eq", "text": "="})
MARKDOWN_ATTRIBUTE = "data-markdown"
WORKED_SOLUTION_USE = "worked-solution"

# The interactions QTI 3.0 defines, by local name without "qti-" and "-interaction".
QTI_INTERACTIONS = frozenset(
    {
        "choice",
        "text-entry",
        "extended-text",
        "inline-choice",
        "order",
        "match",
        "associate",
        "gap-match",
        "graphic-gap-match",
        "graphic-order",
        "graphic-associate",
        "hotspot",
        "hottext",
        "select-point",
        "slider",
        "upload",
        "drawing",
        "media",
        "position-object",
        "portable-custom",
        "custom",
        "end-attempt",
    }
)
SUPPORTED_INTERACTIONS = frozenset({"choice", "text-entry", "extended-text", "inline-choice"})

# The kinds of skip, as the import report counts them.
SKIP_UNSUPPORTED = "interaction type not supported"
SKIP_SEVERAL = "more than one interaction"
SKIP_NONE = "no interaction"
SKIP_NO_CORRECT = "no correct response"
SKIP_MEDIA = "holds images or media"
SKIP_TEMPLATE = "templated (cloned) item"
SKIP_CONTENT = "content Waypoint cannot show"
SKIP_NOT_ITEM = "not an assessment item"

# assessments.models.Difficulty's values, repeated so this module needs no Django; a test keeps them equal.
DIFFICULTY_BY_LOM = {"very easy": 1, "easy": 1, "medium": 2, "difficult": 3, "very difficult": 3}
LOM_BY_DIFFICULTY = {1: "easy", 2: "medium", 3: "difficult"}

_MEDIA_TAGS = frozenset({"img", "object", "audio", "video", "picture", "svg", "iframe", "embed", "canvas"})
# QTI content that is not part of what a student reads as the question.
_DROPPED = frozenset(
    {
        "qti-feedback-block",
        "qti-feedback-inline",
        "qti-rubric-block",
        "qti-stylesheet",
        "qti-printed-variable",
        "qti-template-block",
        "qti-template-inline",
        "qti-catalog-info",
        "qti-companion-materials-info",
        "script",
        "style",
        "rp",
        "head",
        "title",
    }
)
_INLINE_HTML = frozenset({"sub", "sup", "u", "s", "del", "ins", "mark", "small", "kbd", "abbr"})
_CONTAINERS = frozenset(
    {
        "p",
        "div",
        "section",
        "article",
        "aside",
        "header",
        "footer",
        "nav",
        "main",
        "address",
        "figure",
        "figcaption",
        "details",
        "summary",
        "dl",
        "dt",
        "dd",
        "li",
        "center",
        "qti-prompt",
        "qti-content-body",
        "hgroup",
    }
)
_HEADINGS = {f"h{level}": level for level in range(1, 7)}
_MATH_UNWRAPPED = frozenset({"mstyle"})
_HTML_WS = re.compile(r"[ \t\n\r\f]+")
_ENTITY_LIKE = re.compile(r"&#?[A-Za-z0-9]+;")

_TEXT, _MARK, _BREAK = "text", "mark", "break"
# Marks the interaction while the item body is copied to make the stem.
_TARGET = "data-waypoint-interaction"
# A neighbour of text that is markup: neither space nor letter, so delimiters next to it are escaped.
_MARKUP_NEIGHBOUR = "\x00"


class QtiError(ValueError):
    """A file that is not a usable QTI item or manifest, located by file name and line."""

    def __init__(self, file_name: str, problem: str, *, line: int | None = None) -> None:
        self.file_name = file_name
        self.line = line
        self.problem = problem
        super().__init__(f"{file_name}{f' line {line}' if line else ''}: {problem}")


class _Unsupported(Exception):
    """Content Waypoint cannot carry; becomes a QtiSkip."""

    def __init__(self, kind: str, reason: str) -> None:
        super().__init__(reason)
        self.kind = kind
        self.reason = reason


@dataclass(frozen=True)
class QtiItem:
    """One item as Waypoint stores it (see assessments.scoring for choices/key/rubric)."""

    identifier: str
    title: str
    interaction: str
    item_type: str
    stem: str
    choices: list = field(default_factory=list)
    key: dict = field(default_factory=dict)
    rubric: dict = field(default_factory=dict)
    max_points: Decimal = Decimal("1")
    worked_solution: str = ""
    target_codes: tuple[str, ...] = ()
    difficulty: int | None = None
    file_name: str = ""


@dataclass(frozen=True)
class QtiSkip:
    """An item file Waypoint does not import: `kind` is one of the SKIP_ constants, `reason` says more."""

    file_name: str
    identifier: str
    interaction: str
    kind: str
    reason: str


@dataclass(frozen=True)
class ManifestEntry:
    """What a manifest says about one item file (`href`, relative to the manifest)."""

    identifier: str
    href: str
    target_codes: tuple[str, ...] = ()
    difficulty: int | None = None
    line: int | None = None


# ---------------------------------------------------------------------------------------------------------
# Parsing


def _local(element) -> str | None:
    """The element's local name, lowercase ("qti-item-body", "p", "math"); None for comments and PIs."""
    if not isinstance(element.tag, str):
        return None
    return etree.QName(element).localname


def _is_qti(element) -> bool:
    # Some packages (one in the sample data) put QTI elements in no namespace with xmlns="".
    return etree.QName(element).namespace in (QTI_NS, None)


def parse_xml(data: bytes, *, file_name: str) -> etree._Element:
    """The root element of `data`; QtiError with lxml's line when it is not well-formed XML.

    A repeated XML declaration at the very start (two `<?xml ...?>` lines, as 58 of the sample files have) is
    dropped first: it is the only malformation tolerated, and line numbers still count from the file's first line.
    """
    text = data
    offset = 0
    stripped = text.lstrip()
    if stripped.startswith(b"<?xml") and b"?>" in stripped:
        first_end = stripped.index(b"?>") + 2
        rest = stripped[first_end:]
        if rest.lstrip().startswith(b"<?xml"):
            offset = text[: len(text) - len(stripped) + first_end].count(b"\n") + rest[
                : len(rest) - len(rest.lstrip())
            ].count(b"\n")
            text = rest.lstrip()
    parser = etree.XMLParser(resolve_entities=False, no_network=True, remove_comments=True, huge_tree=False)
    try:
        root = etree.fromstring(text, parser)
    except etree.XMLSyntaxError as error:
        line = (error.lineno or 0) + offset if error.lineno else None
        raise QtiError(file_name, f"is not well-formed XML: {error.msg}", line=line) from None
    if offset:
        for element in root.iter():
            if element.sourceline:
                element.sourceline += offset
    return root


def read_item(data: bytes, *, file_name: str) -> QtiItem | QtiSkip:
    """Read one QTI 3.0 item file (see the module docstring)."""
    root = parse_xml(data, file_name=file_name)
    name = _local(root)
    if name in ("qti-assessment-stimulus", "qti-assessment-test", "qti-assessment-section") and _is_qti(root):
        return QtiSkip(file_name, root.get("identifier", ""), "", SKIP_NOT_ITEM, f"a <{name}>, not an item")
    if name != "qti-assessment-item" or not _is_qti(root):
        raise QtiError(
            file_name, f"is not a QTI 3.0 assessment item: the root element is <{root.tag}>", line=root.sourceline
        )
    return _ItemReader(root, file_name).read()


class _ItemReader:
    def __init__(self, root, file_name: str) -> None:
        self.root = root
        self.file_name = file_name
        self.identifier = (root.get("identifier") or "").strip()
        if not self.identifier:
            raise QtiError(file_name, "the item has no identifier", line=root.sourceline)
        self.declarations = {
            element.get("identifier"): element for element in self._children(root, "qti-response-declaration")
        }
        self._check_numeric_values()

    def _children(self, element, name: str) -> list:
        return [child for child in element if _local(child) == name]

    def _all(self, element, name: str) -> list:
        return [child for child in element.iter() if _local(child) == name]

    def _error(self, element, problem: str) -> QtiError:
        return QtiError(self.file_name, problem, line=element.sourceline)

    def _skip(self, interaction: str, kind: str, reason: str) -> QtiSkip:
        return QtiSkip(self.file_name, self.identifier, interaction, kind, reason)

    def _check_numeric_values(self) -> None:
        for declaration in self.declarations.values():
            if declaration.get("base-type") not in ("integer", "float"):
                continue
            for value in self._all(declaration, "qti-value"):
                if _number_text(value.text or "") is None:
                    raise self._error(
                        value,
                        f"the {declaration.get('base-type')} response {declaration.get('identifier')} has "
                        f"the value '{(value.text or '').strip()}', which is not a number",
                    )

    def read(self) -> QtiItem | QtiSkip:
        body = next(iter(self._children(self.root, "qti-item-body")), None)
        interactions = []
        for element in body.iter() if body is not None else ():
            name = _local(element)
            if name and name.startswith("qti-") and name.endswith("-interaction"):
                kind = name[len("qti-") : -len("-interaction")]
                if kind not in QTI_INTERACTIONS:
                    raise self._error(element, f"<{name}> is not a QTI 3.0 interaction")
                interactions.append((kind, element))
        label = " ".join(sorted({kind for kind, _ in interactions}))
        if not interactions:
            return self._skip("", SKIP_NONE, "the item has no interaction")
        if len(interactions) > 1:
            return self._skip(label, SKIP_SEVERAL, f"{len(interactions)} interactions ({label})")
        kind, interaction = interactions[0]
        if kind not in SUPPORTED_INTERACTIONS:
            return self._skip(kind, SKIP_UNSUPPORTED, f"Waypoint has no {kind} items")
        if self._children(self.root, "qti-template-declaration"):
            return self._skip(kind, SKIP_TEMPLATE, "its values are drawn by template processing")
        for element in body.iter():
            if _local(element) in _MEDIA_TAGS:
                return self._skip(kind, SKIP_MEDIA, f"the body holds <{_local(element)}>, which Waypoint cannot show")
        try:
            return getattr(self, f"_read_{kind.replace('-', '_')}")(body, interaction)
        except _Unsupported as problem:
            return self._skip(kind, problem.kind, problem.reason)

    # -- shared parts

    def _declaration(self, interaction):
        declaration = self.declarations.get(interaction.get("response-identifier"))
        if declaration is None:
            raise self._error(
                interaction, f"no <qti-response-declaration> for '{interaction.get('response-identifier')}'"
            )
        return declaration

    def _correct_values(self, declaration) -> list[str]:
        values = [
            (value.text or "").strip()
            for correct in self._children(declaration, "qti-correct-response")
            for value in self._children(correct, "qti-value")
        ]
        if values:
            return values
        return self._values_matched_in_processing(declaration.get("identifier"))

    def _values_matched_in_processing(self, response_id: str) -> list[str]:
        """Values a custom response processing compares the response with (<qti-match> of the variable and a
        base value, or a multiple of base values)."""
        for processing in self._children(self.root, "qti-response-processing"):
            for match in self._all(processing, "qti-match"):
                operands = [child for child in match if _local(child)]
                names = [_local(child) for child in operands]
                if len(operands) != 2 or "qti-variable" not in names:
                    continue
                variable = operands[names.index("qti-variable")]
                other = operands[1 - names.index("qti-variable")]
                if variable.get("identifier") != response_id:
                    continue
                if _local(other) == "qti-base-value":
                    return [(other.text or "").strip()]
                if _local(other) == "qti-multiple":
                    return [(value.text or "").strip() for value in self._children(other, "qti-base-value")]
        return []

    def _tolerance(self, response_id: str) -> str:
        for processing in self._children(self.root, "qti-response-processing"):
            for equal in self._all(processing, "qti-equal"):
                if equal.get("tolerance-mode") != "absolute":
                    continue
                if not any(_local(v) == "qti-variable" and v.get("identifier") == response_id for v in equal):
                    continue
                tolerance = _number_text((equal.get("tolerance") or "0").split()[0])
                if tolerance is None:
                    raise self._error(equal, f"the tolerance '{equal.get('tolerance')}' is not a number")
                return tolerance
        return "0"

    def _max_points(self) -> Decimal:
        return self._normal_maximum() or Decimal("1")

    def _normal_maximum(self) -> Decimal | None:
        for outcome in self._children(self.root, "qti-outcome-declaration"):
            if outcome.get("identifier") == "SCORE" and outcome.get("normal-maximum"):
                text = _number_text(outcome.get("normal-maximum"))
                if text is None or Decimal(text) <= 0:
                    raise self._error(
                        outcome, f"SCORE's normal-maximum '{outcome.get('normal-maximum')}' is not a number more than 0"
                    )
                return Decimal(text)
        return None

    def _stem(self, body, interaction, *, inline: bool) -> str:
        interaction.set(_TARGET, "")
        try:
            body = _copy(body)
        finally:
            del interaction.attrib[_TARGET]
        target = next(element for element in body.iter() if element.get(_TARGET) is not None)
        if inline:
            _replace_inline(target)
        else:
            prompt = [_copy(child) for child in target if _local(child) == "qti-prompt"]
            _replace_with(target, prompt)
        converted = markdown_from_xhtml(body)
        stem = _carried(body, converted, inline=False)
        self._check(stem, "stem")
        return stem

    def _check(self, text: str, field_name: str) -> None:
        try:
            check_markdown(text, field=field_name)
        except ContentError as error:
            raise _Unsupported(SKIP_CONTENT, f"the {field_name} would not be valid Markdown: {error}") from None
        if field_name == "stem" and not text.strip():
            raise _Unsupported(SKIP_CONTENT, "the stem is empty")

    def _worked_solution(self) -> str:
        for block in self._all(self.root, "qti-rubric-block"):
            if block.get("use") in (WORKED_SOLUTION_USE, "solution"):
                content = _copy(block)
                converted = markdown_from_xhtml(content)
                text = _carried(content, converted, inline=False)
                self._check(text, "worked solution")
                return text
        return ""

    def _item(self, kind: str, item_type: str, stem: str, **values) -> QtiItem:
        return QtiItem(
            identifier=self.identifier,
            title=self.root.get("title", ""),
            interaction=kind,
            item_type=item_type,
            stem=stem,
            worked_solution=self._worked_solution(),
            file_name=self.file_name,
            max_points=values.pop("max_points", None) or self._max_points(),
            **values,
        )

    # -- the interactions

    def _read_choice(self, body, interaction) -> QtiItem:
        declaration = self._declaration(interaction)
        multiple = declaration.get("cardinality") == "multiple" or interaction.get("max-choices", "1") != "1"
        choices = [self._choice(choice) for choice in interaction.iter() if _local(choice) == "qti-simple-choice"]
        correct = self._correct_values(declaration)
        if not correct:
            mapping = self._mapping(declaration)
            correct = [key for key, value, _ in mapping if value > 0] if multiple else []
        if not correct:
            raise _Unsupported(SKIP_NO_CORRECT, "no correct response")
        stem = self._stem(body, interaction, inline=False)
        symbols = {choice["id"]: symbol for symbol, choice in zip(scoring.COMPARISON_SYMBOLS, _COMPARISON_CHOICES)}
        if COMPARISON_CLASS in (interaction.get("class") or "").split() and not multiple and correct[0] in symbols:
            return self._item("choice", "comparison", stem, key={"correct": symbols[correct[0]]})
        if multiple:
            return self._item("choice", "multiple_select", stem, choices=choices, key={"correct": correct})
        return self._item("choice", "single_choice", stem, choices=choices, key={"correct": correct[0]})

    def _choice(self, element) -> dict:
        content = _copy(element)
        feedback = ""
        for inline in [child for child in content.iter() if _local(child) == "qti-feedback-inline"]:
            converted = inline_markdown_from_xhtml(inline)
            feedback = _carried(inline, converted, inline=True)
        text = _carried(content, inline_markdown_from_xhtml(content), inline=True)
        choice = {"id": element.get("identifier", ""), "text": text}
        if feedback:
            choice["feedback"] = feedback
        return choice

    def _read_inline_choice(self, body, interaction) -> QtiItem:
        declaration = self._declaration(interaction)
        choices = [self._choice(choice) for choice in interaction if _local(choice) == "qti-inline-choice"]
        correct = self._correct_values(declaration)
        if not correct:
            raise _Unsupported(SKIP_NO_CORRECT, "no correct response")
        stem = self._stem(body, interaction, inline=True)
        return self._item("inline-choice", "single_choice", stem, choices=choices, key={"correct": correct[0]})

    def _mapping(self, declaration) -> list[tuple[str, Decimal, bool]]:
        entries = []
        for mapping in self._children(declaration, "qti-mapping"):
            for entry in self._children(mapping, "qti-map-entry"):
                value = _number_text(entry.get("mapped-value") or "")
                if value is None:
                    raise self._error(entry, f"mapped-value '{entry.get('mapped-value')}' is not a number")
                sensitive = (entry.get("case-sensitive") or "false").strip() == "true"
                entries.append((entry.get("map-key") or "", Decimal(value), sensitive))
        return entries

    def _read_text_entry(self, body, interaction) -> QtiItem:
        declaration = self._declaration(interaction)
        correct = self._correct_values(declaration)
        mapping = self._mapping(declaration)
        stem = self._stem(body, interaction, inline=True)
        numbers = [_number_text(value) for value in correct]
        numeric_type = declaration.get("base-type") in ("integer", "float")
        if correct and (numeric_type or (all(numbers) and not mapping)):
            key = {"value": numbers[0], "tolerance": self._tolerance(declaration.get("identifier"))}
            return self._item("text-entry", "numeric", stem, key=key)
        positive = [(entry, sensitive) for entry, value, sensitive in mapping if value > 0]
        accepted = list(dict.fromkeys([*correct, *(entry for entry, _ in positive)]))
        accepted = [answer for answer in accepted if answer.strip()]
        if not accepted:
            raise _Unsupported(SKIP_NO_CORRECT, "no correct response")
        key: dict = {"accepted": accepted}
        if not mapping or any(sensitive for _, sensitive in positive):
            key["case_sensitive"] = True
        return self._item("text-entry", "short_text", stem, key=key)

    def _read_extended_text(self, body, interaction) -> QtiItem:
        stem = self._stem(body, interaction, inline=False)
        max_points = self._max_points()
        blocks = [
            block
            for block in self._all(self.root, "qti-rubric-block")
            if block.get("use") not in (WORKED_SOLUTION_USE, "solution")
        ]
        rubric = None
        for block in blocks:
            rubric = _rubric_from_block(block)
            if rubric:
                break
        if rubric is None:
            descriptor = _HTML_WS.sub(" ", " ".join(blocks[0].itertext())).strip() if blocks else ""
            rubric = default_rubric(max_points, descriptor=descriptor)
        else:
            max_points = self._normal_maximum() or _rubric_total(rubric)
        return self._item("extended-text", "open_response", stem, rubric=rubric, max_points=max_points)


def default_rubric(max_points: Decimal, *, descriptor: str = "") -> dict:
    """One criterion "Score" with a level for each whole point from 0 to `max_points` (0 and `max_points` when it
    is not whole); `descriptor` describes the top level."""
    points = list(range(int(max_points) + 1)) if max_points == int(max_points) else [0, float(max_points)]
    levels = [
        {"id": str(value), "label": f"{value} point{'' if value == 1 else 's'}", "points": value} for value in points
    ]
    if descriptor:
        levels[-1]["descriptor"] = descriptor
    return {"criteria": [{"id": "score", "name": "Score", "levels": levels}]}


def _rubric_total(rubric: dict) -> Decimal:
    return sum(
        (max(Decimal(repr(level["points"])) for level in criterion["levels"]) for criterion in rubric["criteria"]),
        Decimal(0),
    )


def _rubric_from_block(block) -> dict | None:
    """The rubric `_rubric_block` wrote, or None when `block` is some other rubric."""
    criteria = []
    for table in block.iter():
        if _local(table) != "table" or table.get("data-criterion") is None:
            continue
        caption = next((child for child in table if _local(child) == "caption"), None)
        levels = []
        for row in table.iter():
            if _local(row) != "tr" or row.get("data-level") is None:
                continue
            cells = [cell for cell in row if _local(cell) in ("td", "th")]
            if len(cells) < 3:
                return None
            label, points, descriptor = ("".join(cell.itertext()) for cell in cells[:3])
            number = _number_text(points)
            if number is None:
                return None
            value = Decimal(number)
            level = {
                "id": row.get("data-level"),
                "label": label,
                "points": int(value) if value == int(value) else float(number),
            }
            if descriptor:
                level["descriptor"] = descriptor
            levels.append(level)
        criteria.append(
            {
                "id": table.get("data-criterion"),
                "name": "".join(caption.itertext()) if caption is not None else "",
                "levels": levels,
            }
        )
    return {"criteria": criteria} if criteria else None


def _number_text(text: str) -> str | None:
    """`text` trimmed if `scoring.parse_number` reads it, else the plain notation of a float such as "1e3";
    None when it is no number."""
    text = (text or "").strip()
    try:
        scoring.parse_number(text)
        return text
    except ValueError:
        pass
    try:
        value = Decimal(text)
    except InvalidOperation:
        return None
    return format(value, "f") if value.is_finite() else None


def _copy(element):
    return etree.fromstring(etree.tostring(element))


def _replace_with(element, replacements: list) -> None:
    """Put `replacements` where `element` is, keeping the text after it."""
    parent = element.getparent()
    tail = element.tail
    index = parent.index(element)
    parent.remove(element)
    wrapper = etree.Element("div")
    for replacement in replacements:
        wrapper.append(replacement)
    if replacements:
        parent.insert(index, wrapper)
        wrapper.tail = tail
    else:
        _append_text(parent, index, tail)


def _append_text(parent, index: int, text: str | None) -> None:
    if not text:
        return
    if index == 0:
        parent.text = (parent.text or "") + text
    else:
        previous = parent[index - 1]
        previous.tail = (previous.tail or "") + text


def _replace_inline(element) -> None:
    """Replace an inline interaction by BLANK, or drop it when it is all its paragraph holds."""
    parent = element.getparent()
    alone = (
        len(parent) == 1
        and not (parent.text or "").strip()
        and not (element.tail or "").strip()
        and _local(parent) in _CONTAINERS
    )
    index = parent.index(element)
    tail = element.tail
    parent.remove(element)
    _append_text(parent, index, ("" if alone else BLANK) + (tail or ""))


# ---------------------------------------------------------------------------------------------------------
# XHTML -> Markdown


def markdown_from_xhtml(element) -> str:
    """The content of `element` (XHTML, QTI or not) as canonical Markdown (see the module docstring)."""
    return "\n\n".join(text for _, text in _blocks(element))


def inline_markdown_from_xhtml(element) -> str:
    """The content of `element` as one line of Markdown (a choice); paragraphs are joined with hard breaks.
    Raises _Unsupported for lists, tables, code blocks and headings, which a choice cannot hold."""
    blocks = _blocks(element)
    if any(kind != "p" for kind, _ in blocks):
        raise _Unsupported(SKIP_CONTENT, "a choice holds a list, table, heading or code block")
    return "\\\n".join(text for _, text in blocks)


def _blocks(element) -> list[tuple[str, str]]:
    blocks: list[tuple[str, str]] = []
    run: list[tuple[str, str]] = []

    def flush() -> None:
        paragraph = _paragraph(run)
        run.clear()
        if paragraph:
            blocks.append(("p", paragraph))

    if element.text:
        run.append((_TEXT, element.text))
    for child in element:
        name = _local(child)
        if name is None or name in _DROPPED:
            pass
        elif name in ("ul", "ol"):
            flush()
            # Two lists in a row would be read as one unless the second uses the other marker ("*" or ")").
            previous = blocks[-1][0] if blocks else ""
            blocks.extend(_list(child, ordered=name == "ol", other_marker=previous == name))
        elif name in _CONTAINERS or name in _HEADINGS or name in ("blockquote", "pre", "hr", "table"):
            flush()
            blocks.extend(_block(child, name))
        else:
            _inline_element(child, run)
        if child.tail:
            run.append((_TEXT, child.tail))
    flush()
    return blocks


def _block(element, name: str) -> list[tuple[str, str]]:
    if name in _CONTAINERS:
        return _blocks(element)
    if name in _HEADINGS:
        run: list[tuple[str, str]] = []
        _inline(element, run)
        text = _paragraph(run).replace("\\\n", " ")
        return [("h", "#" * max(2, _HEADINGS[name]) + " " + text)] if text else []
    if name == "blockquote":
        inner = "\n\n".join(text for _, text in _blocks(element))
        return [("quote", "\n".join(f"> {line}" if line else ">" for line in inner.split("\n")))] if inner else []
    if name == "pre":
        return [("code", _fence(element))]
    if name == "hr":
        # Underscores, so that a rule inside a "-" or "*" list item cannot read as a rule made of the markers.
        return [("hr", "___")]
    return [("table", _table(element))]


def _list(element, *, ordered: bool, other_marker: bool = False) -> list[tuple[str, str]]:
    items = [child for child in element if _local(child) == "li"]
    if not items:
        return []
    loose = any(_local(child) == "p" for item in items for child in item)
    try:
        start = int(element.get("start") or 1) if ordered else 1
    except ValueError:
        start = 1
    separator = "\n\n" if loose else "\n"
    rendered = []
    for number, item in enumerate(items, start=start):
        marker = f"{number}{')' if other_marker else '.'}" if ordered else ("*" if other_marker else "-")
        indent = " " * (len(marker) + 1)
        lines = separator.join(text for _, text in _blocks(item)).split("\n")
        text = marker + (f" {lines[0]}" if lines[0] else "")
        text += "".join("\n" + (indent + line if line else "") for line in lines[1:])
        rendered.append(text)
    # The kind is the element's name, except that a list after a list of the same kind switched markers.
    return [(("ol" if ordered else "ul") + ("*" if other_marker else ""), separator.join(rendered))]


def _fence(pre) -> str:
    children = [child for child in pre if _local(child)]
    code = children[0] if len(children) == 1 and _local(children[0]) == "code" and not (pre.text or "").strip() else pre
    text = "".join(code.itertext())
    if text.endswith("\n"):
        text = text[:-1]
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}\n{text}\n{fence}"


def _table(table) -> str:
    caption = None
    head_rows, body_rows = [], []
    for child in table:
        name = _local(child)
        if name == "caption":
            caption = child
        elif name == "thead":
            head_rows += [row for row in child if _local(row) == "tr"]
        elif name in ("tbody", "tfoot"):
            body_rows += [row for row in child if _local(row) == "tr"]
        elif name == "tr":
            body_rows.append(child)
    cells = lambda row: [cell for cell in row if _local(cell) in ("th", "td")]  # noqa: E731
    header, rows = None, body_rows
    if len(head_rows) == 1:
        header = head_rows[0]
    elif not head_rows and body_rows and all(_local(cell) == "th" for cell in cells(body_rows[0])):
        header, rows = body_rows[0], body_rows[1:]
    simple = (
        caption is None
        and header is not None
        and cells(header)
        and all(len(cells(row)) == len(cells(header)) for row in rows)
        and all(_simple_cell(cell) for row in [header, *rows] for cell in cells(row))
    )
    if not simple:
        return _html_table(caption, head_rows, body_rows)
    lines = [_pipe_row(header), "| " + " | ".join("---" for _ in cells(header)) + " |"]
    lines += [_pipe_row(row) for row in rows]
    return "\n".join(lines)


def _simple_cell(cell) -> bool:
    if (cell.get("colspan") or "1") != "1" or (cell.get("rowspan") or "1") != "1":
        return False
    blockish = _CONTAINERS | set(_HEADINGS) | {"blockquote", "ul", "ol", "pre", "hr", "table"}
    return not any(_local(element) in blockish for element in cell.iter() if element is not cell)


def _pipe_row(row) -> str:
    texts = []
    for cell in row:
        if _local(cell) not in ("th", "td"):
            continue
        run: list[tuple[str, str]] = []
        _inline(cell, run, cell=True)
        texts.append(_paragraph(run, cell=True))
    return "| " + " | ".join(texts) + " |"


def _html_table(caption, head_rows, body_rows) -> str:
    parts = ["<table>"]
    if caption is not None:
        parts.append(f"<caption>{_html_content(caption)}</caption>")
    if head_rows:
        parts.append("<thead>" + "".join(_html_row(row) for row in head_rows) + "</thead>")
    if body_rows:
        parts.append("<tbody>" + "".join(_html_row(row) for row in body_rows) + "</tbody>")
    parts.append("</table>")
    return "".join(parts)


def _html_row(row) -> str:
    cells = []
    for cell in row:
        name = _local(cell)
        if name in ("th", "td"):
            cells.append(f"<{name}{_attributes(cell, name)}>{_html_content(cell)}</{name}>")
    return "<tr>" + "".join(cells) + "</tr>"


def _attributes(element, name: str) -> str:
    allowed = MARKDOWN_ATTRIBUTES.get(name, set())
    pairs = sorted(
        (etree.QName(key).localname, value)
        for key, value in element.attrib.items()
        if etree.QName(key).localname in allowed
    )
    pairs = [(key, value) for key, value in pairs if key != "href" or _link_target(value)]
    return "".join(f' {key}="{html.escape(value, quote=True)}"' for key, value in pairs)


def _html_content(element) -> str:
    """The content of `element` as sanitised one-line HTML (for tables Markdown cannot write)."""
    math = _local(element) == "math" or etree.QName(element).namespace == MATHML_NS
    parts = [_html_text(element.text, math)]
    for child in element:
        name = _local(child)
        if name is not None and name not in _DROPPED:
            if name in _MEDIA_TAGS:
                raise _Unsupported(SKIP_MEDIA, f"<{name}>")
            inner = _html_content(child)
            child_math = name == "math" or etree.QName(child).namespace == MATHML_NS
            if child_math and name not in MARKDOWN_TAGS and name not in _MATH_UNWRAPPED:
                raise _Unsupported(SKIP_CONTENT, f"MathML <{name}> is not supported")
            if name in MARKDOWN_TAGS and (name != "a" or _link_target(child.get("href") or "")):
                if name in ("br", "hr", "mspace"):
                    parts.append(f"<{name}{_attributes(child, name)}>")
                else:
                    parts.append(f"<{name}{_attributes(child, name)}>{inner}</{name}>")
            else:
                parts.append(inner)
        parts.append(_html_text(child.tail, math))
    return "".join(parts).strip() if not math else "".join(parts)


def _html_text(text: str | None, math: bool) -> str:
    if not text or (math and not text.strip()):
        return ""
    return html.escape(_HTML_WS.sub(" ", text), quote=False)


def _inline(element, run: list, *, cell: bool = False) -> None:
    if element.text:
        run.append((_TEXT, element.text))
    for child in element:
        _inline_element(child, run, cell=cell)
        if child.tail:
            run.append((_TEXT, child.tail))


def _inline_element(element, run: list, *, cell: bool = False) -> None:
    name = _local(element)
    if name is None or name in _DROPPED:
        return
    if name in _MEDIA_TAGS:
        raise _Unsupported(SKIP_MEDIA, f"<{name}>")
    if name == "math" or etree.QName(element).namespace == MATHML_NS:
        _math(element, run)
    elif name == "br":
        run.append((_MARK, "<br>") if cell else (_BREAK, ""))
    elif name in ("em", "i", "strong", "b"):
        kind = ("em", "i") if name in ("em", "i") else ("strong", "b")
        if any(_local(ancestor) in kind for ancestor in element.iterancestors()):
            # Emphasis inside the same emphasis looks the same, and "**" would read as strong.
            _inline(element, run, cell=cell)
        else:
            _delimited(element, run, "*" if kind[0] == "em" else "**", cell=cell)
    elif name == "code":
        _code_span(element, run)
    elif name == "a" and (target := _link_target(element.get("href") or "")):
        title = element.get("title") or ""
        title = f' "{title}"' if title and not set(title) & {'"', "\\", "\n"} else ""
        run.append((_MARK, "["))
        _inline(element, run, cell=cell)
        run.append((_MARK, f"]({target}{title})"))
    elif name in _INLINE_HTML:
        run.append((_MARK, f"<{name}{_attributes(element, name)}>"))
        _inline(element, run, cell=cell)
        run.append((_MARK, f"</{name}>"))
    elif name == "rt":
        run.append((_TEXT, "("))
        _inline(element, run, cell=cell)
        run.append((_TEXT, ")"))
    else:
        _inline(element, run, cell=cell)


def _link_target(href: str) -> str:
    """The Markdown destination for `href`, or "" when Waypoint does not link there (package files, scripts)."""
    href = href.strip()
    scheme = href.split(":", 1)[0].lower() if ":" in href else ""
    if scheme not in URL_SCHEMES or set(href) & set(" <>()\\\n\t"):
        return ""
    return normalizeLink(href)


def _delimited(element, run: list, delimiter: str, *, cell: bool) -> None:
    inner: list[tuple[str, str]] = []
    _inline(element, inner, cell=cell)
    inner = _merged(inner)
    visible = [segment for segment in inner if segment[0] != _TEXT or segment[1].strip()]
    if not visible:
        run.extend(segment for segment in inner if segment[0] == _TEXT)
        return
    lead = trail = ""
    if inner[0][0] == _TEXT and inner[0][1][:1].isspace():
        lead = " "
        inner[0] = (_TEXT, inner[0][1].lstrip())
    if inner[-1][0] == _TEXT and inner[-1][1][-1:].isspace():
        trail = " "
        inner[-1] = (_TEXT, inner[-1][1].rstrip())
    if lead:
        run.append((_TEXT, lead))
    run.append((_MARK, delimiter))
    run.extend(inner)
    run.append((_MARK, delimiter))
    if trail:
        run.append((_TEXT, trail))


def _code_span(element, run: list) -> None:
    text = _HTML_WS.sub(" ", "".join(element.itertext()))
    if not text:
        return
    longest = max((len(match) for match in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text[0] == "`" or text[-1] == "`" or (text[0] == " " and text[-1] == " " and text.strip()) else ""
    run.append((_MARK, f"{fence}{pad}{text}{pad}{fence}"))


def _math(element, run: list) -> None:
    name = _local(element)
    if name in _MATH_UNWRAPPED:
        children = True
    elif name in MARKDOWN_TAGS:
        children = False
        run.append((_MARK, f"<{name}{_attributes(element, name)}>"))
    else:
        raise _Unsupported(SKIP_CONTENT, f"MathML <{name}> is not supported")
    if element.text and element.text.strip():
        run.append((_TEXT, element.text))
    for child in element:
        if _local(child):
            _math(child, run)
        if child.tail and child.tail.strip():
            run.append((_TEXT, child.tail))
    if not children:
        run.append((_MARK, f"</{name}>"))


def _merged(run: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Adjacent text joined, runs of whitespace collapsed to one space."""
    merged: list[tuple[str, str]] = []
    for kind, text in run:
        if kind == _TEXT and merged and merged[-1][0] == _TEXT:
            merged[-1] = (_TEXT, merged[-1][1] + text)
        else:
            merged.append((kind, text))
    return [(kind, _HTML_WS.sub(" ", text) if kind == _TEXT else text) for kind, text in merged]


def _paragraph(run: list[tuple[str, str]], *, cell: bool = False) -> str:
    lines: list[list[tuple[str, str]]] = [[]]
    for segment in _merged(run):
        if segment[0] == _BREAK:
            lines.append([])
        else:
            lines[-1].append(segment)
    texts = []
    for line in lines:
        line = [segment for segment in line if segment[0] != _TEXT or segment[1]]
        if line and line[0][0] == _TEXT:
            line[0] = (_TEXT, line[0][1].lstrip())
        if line and line[-1][0] == _TEXT:
            line[-1] = (_TEXT, line[-1][1].rstrip())
        out = []
        for index, (kind, text) in enumerate(line):
            if kind != _TEXT:
                out.append(text)
                continue
            before = "" if index == 0 else _MARKUP_NEIGHBOUR
            after = "" if index == len(line) - 1 else _MARKUP_NEIGHBOUR
            out.append(_escape(text, before, after, cell=cell))
        text = "".join(out)
        if text.strip():
            texts.append(text if cell else _escape_line_start(text))
    return "\\\n".join(texts)


def _keeps_delimiters(char: str, before: str, after: str) -> bool:
    space = lambda neighbour: neighbour == "" or neighbour.isspace()  # noqa: E731
    if space(before) and space(after):
        return True
    return char == "_" and before.isalnum() and after.isalnum()


def _escape(text: str, before: str, after: str, *, cell: bool) -> str:
    """Backslash-escape what Markdown would read as syntax in `text`, and only that (see the module docstring)."""
    out = []
    index, length = 0, len(text)
    while index < length:
        char = text[index]
        if char in "*_":
            end = index
            while end < length and text[end] == char:
                end += 1
            previous = text[index - 1] if index else before
            following = text[end] if end < length else after
            run = text[index:end]
            out.append(run if _keeps_delimiters(char, previous, following) else "".join("\\" + c for c in run))
            index = end
            continue
        following = text[index + 1] if index + 1 < length else after
        if char in "\\`[]":
            out.append("\\" + char)
        elif char == "<" and not (following == "" or following.isspace() or following.isdigit()):
            out.append("\\<")
        elif char == "&" and _ENTITY_LIKE.match(text, index):
            out.append("\\&")
        elif char == "|" and cell:
            out.append("\\|")
        else:
            out.append(char)
        index += 1
    return "".join(out)


_THEMATIC_BREAK = re.compile(r"([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_BLOCK_START = re.compile(r"#{1,6}(?:[ \t]|$)|>|[-+*](?:[ \t]|$)|=+[ \t]*$|~~~")
_ORDERED_START = re.compile(r"(\d{1,9})([.)])(?=[ \t]|$)")


def _escape_line_start(line: str) -> str:
    if _BLOCK_START.match(line) or _THEMATIC_BREAK.match(line):
        return "\\" + line
    if match := _ORDERED_START.match(line):
        return match.group(1) + "\\" + match.group(2) + line[match.end() :]
    return line


# ---------------------------------------------------------------------------------------------------------
# Markdown -> XHTML


def xhtml_from_markdown(text: str, *, inline: bool = False) -> etree._Element:
    """`text` rendered as Waypoint shows it (content.render_markdown / render_inline), as the children of a
    <div> in the QTI namespace (MathML in its own)."""
    rendered = str(render_inline(text) if inline else render_markdown(text))
    parsed = lxml_html.fragment_fromstring(rendered or "", create_parent="div")
    return _to_xhtml(parsed, QTI_NS)


def _to_xhtml(element, namespace: str):
    tag = element.tag if isinstance(element.tag, str) else None
    name = tag.lower()
    if name == "math":
        namespace = MATHML_NS
    copy = etree.Element(f"{{{namespace}}}{name}", nsmap={None: namespace} if name == "math" else None)
    for key, value in element.attrib.items():
        if key != "rel":
            copy.set(key, value)
    copy.text = element.text
    for child in element:
        if isinstance(child.tag, str):
            converted = _to_xhtml(child, namespace)
            converted.tail = child.tail
            copy.append(converted)
        elif child.tail:
            _append_text(copy, len(copy), child.tail)
    return copy


def _carried(element, converted: str, *, inline: bool) -> str:
    """The Markdown an element carries in data-markdown when it still renders to the element's content (the
    element converts to `converted`), else `converted`."""
    carried = element.get(MARKDOWN_ATTRIBUTE)
    if carried is None or carried == converted:
        return converted
    try:
        again = xhtml_from_markdown(carried, inline=inline)
        reconverted = inline_markdown_from_xhtml(again) if inline else markdown_from_xhtml(again)
    except (_Unsupported, ValueError, etree.Error):
        return converted
    return carried if reconverted == converted else converted


def _markdown_elements(parent, text: str, *, inline: bool = False) -> None:
    """Append `text` rendered to `parent` (a QTI element), with data-markdown when conversion would not give
    `text` back."""
    rendered = xhtml_from_markdown(text, inline=inline)
    try:
        converted = inline_markdown_from_xhtml(rendered) if inline else markdown_from_xhtml(rendered)
    except _Unsupported:
        converted = None
    if converted != text:
        parent.set(MARKDOWN_ATTRIBUTE, text)
    _append_text(parent, len(parent), rendered.text)
    for child in list(rendered):
        parent.append(child)


# ---------------------------------------------------------------------------------------------------------
# Writing items


def _q(name: str) -> str:
    return f"{{{QTI_NS}}}{name}"


def _sub(parent, name: str, text: str | None = None, **attributes) -> etree._Element:
    element = etree.SubElement(
        parent, _q(name), {key.replace("_", "-"): str(value) for key, value in attributes.items()}
    )
    if text is not None:
        element.text = text
    return element


def write_item(item: QtiItem) -> bytes:
    """`item` as a QTI 3.0 item file (UTF-8, with its XML declaration). Reading it back gives `item` again, up to
    the file name, the manifest's target codes and difficulty, and a short_text key's "case_sensitive": false
    (left out, as it is the default)."""
    root = etree.Element(_q("qti-assessment-item"), nsmap={None: QTI_NS, "xsi": XSI_NS})
    root.set(f"{{{XSI_NS}}}schemaLocation", f"{QTI_NS} {QTI_SCHEMA}")
    root.set("identifier", item.identifier)
    root.set("title", item.title or item.identifier)
    root.set("adaptive", "false")
    root.set("time-dependent", "false")
    max_points = _decimal_text(item.max_points)
    feedback = any(choice.get("feedback") for choice in item.choices)
    processing = None

    if item.item_type == "comparison":
        position = scoring.COMPARISON_SYMBOLS.index(item.key["correct"])
        item = QtiItem(
            **{
                **item.__dict__,
                "choices": list(_COMPARISON_CHOICES),
                "key": {"correct": _COMPARISON_CHOICES[position]["id"]},
            }
        )
        comparison = True
    else:
        comparison = False
    if item.item_type in ("single_choice", "multiple_select", "comparison"):
        multiple = item.item_type == "multiple_select"
        declaration = _sub(
            root,
            "qti-response-declaration",
            identifier="RESPONSE",
            cardinality="multiple" if multiple else "single",
            base_type="identifier",
        )
        correct = item.key["correct"] if multiple else [item.key["correct"]]
        values = _sub(declaration, "qti-correct-response")
        for value in correct:
            _sub(values, "qti-value", value)
        if multiple:
            # Waypoint's partial credit: max(0, right - wrong) / len(correct) * max_points.
            share = item.max_points / len(correct)
            mapping = _sub(declaration, "qti-mapping", default_value="0", lower_bound="0", upper_bound=max_points)
            for choice in item.choices:
                mapped = share if choice["id"] in correct else -share
                _sub(mapping, "qti-map-entry", map_key=choice["id"], mapped_value=_decimal_text(mapped))
            processing = MAP_RESPONSE
        else:
            processing = MATCH_CORRECT
    elif item.item_type == "numeric":
        value = item.key["value"]
        decimal = _decimal_or_none(value)
        declaration = _sub(
            root,
            "qti-response-declaration",
            identifier="RESPONSE",
            cardinality="single",
            base_type="float" if decimal is not None else "string",
        )
        _sub(_sub(declaration, "qti-correct-response"), "qti-value", value)
        tolerance = item.key.get("tolerance", "0")
        processing = MATCH_CORRECT if scoring.parse_number(tolerance) == 0 else ("tolerance", tolerance)
    elif item.item_type == "short_text":
        declaration = _sub(
            root, "qti-response-declaration", identifier="RESPONSE", cardinality="single", base_type="string"
        )
        _sub(_sub(declaration, "qti-correct-response"), "qti-value", item.key["accepted"][0])
        mapping = _sub(declaration, "qti-mapping", default_value="0", lower_bound="0", upper_bound=max_points)
        sensitive = "true" if item.key.get("case_sensitive") else "false"
        for answer in item.key["accepted"]:
            _sub(mapping, "qti-map-entry", map_key=answer, mapped_value=max_points, case_sensitive=sensitive)
        processing = MAP_RESPONSE
    elif item.item_type == "open_response":
        _sub(root, "qti-response-declaration", identifier="RESPONSE", cardinality="single", base_type="string")
    else:
        raise ValueError(f"QTI export has no interaction for {item.item_type} items")

    outcome = _sub(
        root,
        "qti-outcome-declaration",
        identifier="SCORE",
        cardinality="single",
        base_type="float",
        normal_maximum=max_points,
    )
    if item.item_type == "open_response":
        outcome.set("external-scored", "human")
    if feedback:
        _sub(root, "qti-outcome-declaration", identifier="FEEDBACK", cardinality="single", base_type="identifier")

    body = _sub(root, "qti-item-body")
    _markdown_elements(body, item.stem)
    if item.item_type in ("single_choice", "multiple_select", "comparison"):
        interaction = _sub(
            body,
            "qti-choice-interaction",
            response_identifier="RESPONSE",
            shuffle="false",
            max_choices="0" if item.item_type == "multiple_select" else "1",
        )
        if comparison:
            interaction.set("class", COMPARISON_CLASS)
        for choice in item.choices:
            element = _sub(interaction, "qti-simple-choice", identifier=choice["id"])
            _markdown_elements(element, choice["text"], inline=True)
            if choice.get("feedback"):
                inline = _sub(
                    element,
                    "qti-feedback-inline",
                    outcome_identifier="FEEDBACK",
                    identifier=choice["id"],
                    show_hide="show",
                )
                _markdown_elements(inline, choice["feedback"], inline=True)
    elif item.item_type in ("numeric", "short_text"):
        _place_text_entry(body)
    else:
        _sub(body, "qti-extended-text-interaction", response_identifier="RESPONSE")
        _rubric_block(body, item.rubric)
    if item.worked_solution:
        block = _sub(body, "qti-rubric-block", use=WORKED_SOLUTION_USE, view="author scorer tutor")
        _markdown_elements(_sub(block, "qti-content-body"), item.worked_solution)
        content = block[0]
        if content.get(MARKDOWN_ATTRIBUTE) is not None:
            block.set(MARKDOWN_ATTRIBUTE, content.attrib.pop(MARKDOWN_ATTRIBUTE))

    if processing in (MATCH_CORRECT, MAP_RESPONSE) and not feedback:
        _sub(root, "qti-response-processing", template=processing)
    elif processing is not None:
        _custom_processing(root, processing, feedback=feedback)
    etree.cleanup_namespaces(root)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _place_text_entry(body) -> None:
    """The text entry where the stem shows BLANK (when it shows it once), else in a paragraph of its own."""
    holders = [element for element in body.iter() if BLANK in (element.text or "") or BLANK in (element.tail or "")]
    places = sum((element.text or "").count(BLANK) + (element.tail or "").count(BLANK) for element in holders)
    if places == 1:
        holder = holders[0]
        interaction = etree.Element(_q("qti-text-entry-interaction"), {"response-identifier": "RESPONSE"})
        if BLANK in (holder.text or ""):
            before, after = holder.text.split(BLANK)
            holder.text = before
            holder.insert(0, interaction)
        else:
            before, after = holder.tail.split(BLANK)
            holder.tail = before
            holder.addnext(interaction)
        interaction.tail = after
        return
    _sub(_sub(body, "p"), "qti-text-entry-interaction", response_identifier="RESPONSE")


def _rubric_block(body, rubric: dict) -> None:
    """The rubric as a scorer rubric block: a table per criterion (data-criterion its id, the caption its name),
    a row per level (data-level its id; label, points, descriptor)."""
    content = _sub(_sub(body, "qti-rubric-block", use="scoring", view="scorer"), "qti-content-body")
    for criterion in rubric["criteria"]:
        table = _sub(content, "table", data_criterion=criterion["id"])
        _sub(table, "caption", criterion["name"])
        header = _sub(_sub(table, "thead"), "tr")
        for heading in ("Level", "Points", "Descriptor"):
            _sub(header, "th", heading)
        rows = _sub(table, "tbody")
        for level in criterion["levels"]:
            row = _sub(rows, "tr", data_level=level["id"])
            _sub(row, "td", level["label"])
            _sub(row, "td", _decimal_text(Decimal(repr(level["points"]))))
            _sub(row, "td", level.get("descriptor", ""))


def _custom_processing(root, processing, *, feedback: bool) -> None:
    """match_correct / map_response spelled out (plus FEEDBACK set to the chosen choice), or an absolute
    tolerance on a numeric answer."""
    rp = _sub(root, "qti-response-processing")
    if feedback:
        set_feedback = _sub(rp, "qti-set-outcome-value", identifier="FEEDBACK")
        _sub(set_feedback, "qti-variable", identifier="RESPONSE")
    if processing == MAP_RESPONSE:
        condition = _sub(rp, "qti-response-condition")
        branch = _sub(condition, "qti-response-if")
        _sub(_sub(branch, "qti-is-null"), "qti-variable", identifier="RESPONSE")
        _sub(_sub(branch, "qti-set-outcome-value", identifier="SCORE"), "qti-base-value", "0.0", base_type="float")
        otherwise = _sub(condition, "qti-response-else")
        _sub(_sub(otherwise, "qti-set-outcome-value", identifier="SCORE"), "qti-map-response", identifier="RESPONSE")
        return
    condition = _sub(rp, "qti-response-condition")
    branch = _sub(condition, "qti-response-if")
    if processing == MATCH_CORRECT:
        test = _sub(branch, "qti-match")
    else:
        tolerance = processing[1]
        test = _sub(branch, "qti-equal", tolerance_mode="absolute", tolerance=f"{tolerance} {tolerance}")
    _sub(test, "qti-variable", identifier="RESPONSE")
    _sub(test, "qti-correct", identifier="RESPONSE")
    maximum = next(o.get("normal-maximum") for o in root if _local(o) == "qti-outcome-declaration")
    _sub(_sub(branch, "qti-set-outcome-value", identifier="SCORE"), "qti-base-value", maximum, base_type="float")
    otherwise = _sub(condition, "qti-response-else")
    _sub(_sub(otherwise, "qti-set-outcome-value", identifier="SCORE"), "qti-base-value", "0", base_type="float")


def _decimal_text(value: Decimal) -> str:
    text = format(Decimal(value).normalize(), "f")
    return text


def _decimal_or_none(text: str) -> Decimal | None:
    try:
        value = Decimal(text.strip())
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


# ---------------------------------------------------------------------------------------------------------
# The manifest


def _anywhere(element, name: str) -> list:
    return [child for child in element.iter() if _local(child) == name]


def read_manifest(data: bytes, *, file_name: str = "imsmanifest.xml") -> list[ManifestEntry]:
    """The item resources of an IMS content package manifest, with their target codes and difficulty. Element
    names are matched whatever the namespace, so CP 1.1 and 1.2 manifests both read."""
    root = parse_xml(data, file_name=file_name)
    if _local(root) != "manifest":
        raise QtiError(file_name, f"is not an IMS manifest: the root element is <{root.tag}>", line=root.sourceline)
    entries = []
    for resource in _anywhere(root, "resource"):
        if not (resource.get("type") or "").startswith("imsqti_item"):
            continue
        href = resource.get("href") or next(
            (file.get("href") for file in resource if _local(file) == "file" and file.get("href")), None
        )
        if not href:
            raise QtiError(
                file_name, f"resource '{resource.get('identifier')}' names no file", line=resource.sourceline
            )
        codes = tuple(
            dict.fromkeys(
                (label.text or "").strip()
                for label in _anywhere(resource, "label")
                if (label.text or "").strip() and _local(label.getparent()) == "labelledGUID"
            )
        )
        difficulty = None
        for element in _anywhere(resource, "difficulty"):
            words = [(value.text or "").strip().lower() for value in _anywhere(element, "value")]
            words = words or [("".join(element.itertext())).strip().lower()]
            if words[0] not in DIFFICULTY_BY_LOM:
                raise QtiError(
                    file_name,
                    f"difficulty '{words[0]}' is not one of {', '.join(DIFFICULTY_BY_LOM)}",
                    line=element.sourceline,
                )
            difficulty = DIFFICULTY_BY_LOM[words[0]]
        entries.append(
            ManifestEntry(
                identifier=resource.get("identifier") or "",
                href=href,
                target_codes=codes,
                difficulty=difficulty,
                line=resource.sourceline,
            )
        )
    return entries


def write_manifest(entries: Iterable[ManifestEntry], *, identifier: str = "waypoint-items") -> bytes:
    """An IMS content package manifest listing `entries` (item files), with targets and difficulty."""
    cp = lambda name: f"{{{CP_NS}}}{name}"  # noqa: E731
    csm = lambda name: f"{{{CSM_NS}}}{name}"  # noqa: E731
    lom = lambda name: f"{{{LOM_NS}}}{name}"  # noqa: E731
    root = etree.Element(cp("manifest"), nsmap={None: CP_NS, "xsi": XSI_NS, "csm": CSM_NS, "lom": LOM_NS})
    root.set(f"{{{XSI_NS}}}schemaLocation", f"{CP_NS} {CP_SCHEMA}")
    root.set("identifier", identifier)
    metadata = etree.SubElement(root, cp("metadata"))
    etree.SubElement(metadata, cp("schema")).text = "QTI Package"
    etree.SubElement(metadata, cp("schemaversion")).text = "3.0.0"
    etree.SubElement(root, cp("organizations"))
    resources = etree.SubElement(root, cp("resources"))
    for entry in entries:
        resource = etree.SubElement(
            resources, cp("resource"), identifier=entry.identifier, type=ITEM_RESOURCE_TYPE, href=entry.href
        )
        if entry.target_codes or entry.difficulty:
            meta = etree.SubElement(resource, cp("metadata"))
            if entry.difficulty:
                educational = etree.SubElement(etree.SubElement(meta, lom("lom")), lom("educational"))
                difficulty = etree.SubElement(educational, lom("difficulty"))
                etree.SubElement(difficulty, lom("source")).text = "LOMv1.0"
                etree.SubElement(difficulty, lom("value")).text = LOM_BY_DIFFICULTY[entry.difficulty]
            if entry.target_codes:
                standards = etree.SubElement(
                    etree.SubElement(meta, csm("curriculumStandardsMetadataSet")),
                    csm("curriculumStandardsMetadata"),
                    providerId=CCSS_PROVIDER,
                )
                guids = etree.SubElement(standards, csm("setOfGUIDs"), region="US")
                for code in entry.target_codes:
                    labelled = etree.SubElement(guids, csm("labelledGUID"))
                    etree.SubElement(labelled, csm("label")).text = code
                    etree.SubElement(labelled, csm("GUID")).text = code
        etree.SubElement(resource, cp("file"), href=entry.href)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
