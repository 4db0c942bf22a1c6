"""The one set of parsers every form and API door uses for what a person sends: dates, numbers, ids, id lists
and text, and the JSON body itself.

Each parser takes the field's name and the raw value and returns the typed value, or raises Django's
`ValidationError({field: message})`: a page shows it as a message (`learning_platform.pages`), and the API's
serializer fields are built on them (`learning_platform.serializers`), so it answers a 400 naming the field in the
same words (`learning_platform.api.exception_handler`). So an impossible date, a
NUL byte, a wrong type or an id too large for the database is a clear refusal, never a 500.
"""

from __future__ import annotations

import datetime
import json
import re
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import dateparse
from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser

# The largest number accepted for a count or a setting: PostgreSQL's `integer`.
MAX_INT = 2**31 - 1
# The largest id accepted: ids are `bigint`; 18 digits stay below its largest value.
MAX_ID = 10**18 - 1
# How long an id list may be: more than any section or item bank holds, few enough to stay cheap.
MAX_IDS = 1000
# The longest free text accepted (a note, a reason, a comment): a few paragraphs.
MAX_TEXT = 5000
# How deeply a JSON body may nest. Our bodies nest three deep at most (answers of a multiple select); Python's
# json gives up with RecursionError near a thousand, which would be a 500.
MAX_JSON_DEPTH = 20
# Text PostgreSQL refuses (NUL) and other control characters no person types; tab and newlines are fine.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
_REQUIRED = object()


def _refuse(field: str, message: str):
    raise ValidationError({field: message})


def clean_text(field: str, value, *, max_length: int | None = None, required: bool = False, strip: bool = True) -> str:
    """Text a person typed: a string without NUL or other control characters, at most `max_length` long."""
    if value is None:
        value = ""
    if not isinstance(value, str):
        _refuse(field, "Must be text.")
    if _CONTROL.search(value):
        _refuse(field, "Must not contain control characters such as NUL.")
    if strip:
        value = value.strip()
    if required and not value:
        _refuse(field, "This field is required.")
    if max_length is not None and len(value) > max_length:
        _refuse(field, f"At most {max_length} characters (this has {len(value)}).")
    return value


def parse_date(field: str, value, *, default=_REQUIRED) -> datetime.date:
    """A date such as 2026-11-24; blank gives `default` (required when none is given). 2026-02-30 is refused."""
    if value is None or value == "":
        if default is _REQUIRED:
            _refuse(field, "Give a date such as 2026-11-24.")
        return default
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return value
    if not isinstance(value, str) or _CONTROL.search(value):
        _refuse(field, "Give a date such as 2026-11-24.")
    try:
        day = dateparse.parse_date(value.strip())
    except ValueError:  # well formed but impossible, such as 2026-02-30
        _refuse(field, f"{value.strip()} is not a day of the calendar.")
    if day is None:
        _refuse(field, "Give a date such as 2026-11-24.")
    return day


def parse_datetime(field: str, value) -> datetime.datetime:
    """A date and time such as 2026-11-24T08:00:00-06:00 (impossible ones refused). One with an offset comes back
    as the same moment in UTC: PostgreSQL refuses offsets past 15:59, which Python accepts."""
    message = "Give a date and time such as 2026-11-24T08:00:00-06:00."
    if not isinstance(value, str) or _CONTROL.search(value):
        _refuse(field, message)
    try:
        moment = dateparse.parse_datetime(value.strip())
        if moment is not None and moment.tzinfo is not None:
            moment = moment.astimezone(datetime.timezone.utc)
    except (ValueError, OverflowError):  # impossible, or outside the years a calendar holds once in UTC
        moment = None
    if moment is None:
        _refuse(field, message)
    return moment


def parse_int(
    field: str,
    value,
    *,
    min_value: int | None = None,
    max_value: int = MAX_INT,
    default=_REQUIRED,
    message: str | None = None,
) -> int:
    """A whole number (a JSON number or its digits as text), within bounds the database can hold."""
    if (value is None or value == "") and default is not _REQUIRED:
        return default
    text = value.strip() if isinstance(value, str) else None
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    elif text is not None and re.fullmatch(r"-?\d{1,18}", text):
        number = int(text)
    else:
        _refuse(field, message or "Must be a whole number.")
    lowest = -MAX_INT if min_value is None else min_value
    if not lowest <= number <= max_value:
        _refuse(field, message or f"Must be a whole number from {lowest} to {max_value}.")
    return number


def parse_id(field: str, value, *, message: str | None = None) -> int:
    """The id of a row: a whole number from 1 that the database can hold."""
    return parse_int(
        field, value, min_value=1, max_value=MAX_ID, message=message or "Must be the id of one of the choices."
    )


class IdConverter:
    """`<id:name>` in a URL: an id of at most 18 digits, so a longer one is a 404 rather than an overflow."""

    regex = "[0-9]{1,18}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value) -> str:
        return str(value)


def id_list(field: str, value, *, max_len: int = MAX_IDS, message: str | None = None) -> list[int]:
    """A list of ids (numbers, or their digits as text for form values), at most `max_len` of them."""
    if not isinstance(value, (list, tuple)):
        _refuse(field, message or "Must be a list of ids.")
    if len(value) > max_len:
        _refuse(field, f"At most {max_len} ids.")
    return [parse_id(field, item, message=message or "Must be a list of ids.") for item in value]


def parse_decimal(field: str, value, *, max_digits: int = 12, decimal_places: int = 2) -> Decimal:
    """A decimal number (a JSON number or text such as "1.50") with at most the given digits."""
    if isinstance(value, bool) or not isinstance(value, (int, float, str, Decimal)):
        _refuse(field, "Must be a number such as 1.50.")
    try:
        number = Decimal(str(value).strip())
    except InvalidOperation:
        _refuse(field, "Must be a number such as 1.50.")
    if not number.is_finite():
        _refuse(field, "Must be a number such as 1.50.")
    sign, digits, exponent = number.as_tuple()
    if -exponent > decimal_places or len(digits) - max(0, -exponent) > max_digits - decimal_places:
        _refuse(field, f"At most {max_digits - decimal_places} digits before the point and {decimal_places} after.")
    return number


def check_json(value, *, max_depth: int = MAX_JSON_DEPTH):
    """Refuse text PostgreSQL cannot store (NUL, lone surrogates) anywhere in a parsed JSON value, naming the
    top-level field it is under; returns the value."""
    stack = [(None, value)]
    while stack:
        field, node = stack.pop()
        if isinstance(node, dict):
            for key, member in node.items():
                where = field or str(key)
                if "\x00" in key or _surrogate(key):
                    _refuse(where, "Names must not contain NUL characters.")
                stack.append((where, member))
        elif isinstance(node, list):
            stack.extend((field, member) for member in node)
        elif isinstance(node, str) and ("\x00" in node or _surrogate(node)):
            _refuse(field or "non_field_errors", "Must not contain NUL characters.")
    return value


def _surrogate(text: str) -> bool:
    return any("\ud800" <= character <= "\udfff" for character in text)


_STRINGS = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_NOT_BRACKETS = re.compile(r"[^\[\]{}]+")


def json_depth(text: str) -> int:
    """How deeply the arrays and objects of a JSON text nest (strings left out), without parsing it."""
    depth = deepest = 0
    for bracket in _NOT_BRACKETS.sub("", _STRINGS.sub("", text)):
        depth += 1 if bracket in "[{" else -1
        deepest = max(deepest, depth)
    return deepest


class JSONBodyParser(JSONParser):
    """DRF's JSON parser, refusing with a 400 a body nested deeper than MAX_JSON_DEPTH (before parsing it, so
    Python's json never recurses into a RecursionError) and text PostgreSQL cannot store."""

    def parse(self, stream, media_type=None, parser_context=None):
        parser_context = parser_context or {}
        encoding = parser_context.get("encoding", settings.DEFAULT_CHARSET)
        raw = stream.read() if stream is not None else b""
        try:
            text = raw.decode(encoding)
        except (UnicodeDecodeError, LookupError) as error:
            raise ParseError(f"JSON parse error - {error}") from None
        if json_depth(text) > MAX_JSON_DEPTH:
            raise ParseError(f"The JSON body nests deeper than {MAX_JSON_DEPTH} levels.")
        try:
            value = json.loads(text, parse_constant=_no_constant)
        except (ValueError, RecursionError) as error:
            raise ParseError(f"JSON parse error - {error}") from None
        return check_json(value)


def _no_constant(name: str):
    raise ValueError(f"{name} is not valid JSON")
