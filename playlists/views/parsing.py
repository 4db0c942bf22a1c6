"""Reading the teacher's path forms: days, ids and notes, each a ValidationError with the page's words."""

from __future__ import annotations

import datetime

from learning_platform.models import Section
from learning_platform.permissions import get_for_user
from learning_platform.validation import MAX_TEXT, clean_text, parse_date, parse_id


def day_of(value: str | None, default: datetime.date | None, name: str = "day") -> datetime.date | None:
    return parse_date(name, value, default=default)


def note_of(post, name: str = "note") -> str:
    return clean_text("note", post.get(name), max_length=MAX_TEXT)


def id_of(value, name: str) -> int:
    words = name.replace("_", " ")
    return parse_id(name, value, message=f"Choose {'an' if words[0] in 'aeiou' else 'a'} {words}.")


def optional_id_of(post, name: str) -> int | None:
    """The id the form names in `name`, or None when the field is missing or empty."""
    value = post.get(name)
    return id_of(value, name) if value else None


def section_for_staff(user, section_id: int) -> Section:
    return get_for_user(user, Section.objects.select_related("school", "term"), section_id, "change")
