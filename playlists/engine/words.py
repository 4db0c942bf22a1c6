"""The words of the reasons and flags: ways of learning, numbers, due dates and how long ago, and lists of
names.
"""

from __future__ import annotations

from datetime import date


THE_MODALITY = {
    "video": "the video",
    "reading": "the reading",
    "worked_examples": "the worked examples",
    "practice": "the practice",
    "hands_on": "the hands-on activity",
    "small_group": "the small-group work",
    "peer_work": "the work with a partner",
}
HERE_IS_MODALITY = {
    "video": "here is a video",
    "reading": "here is a reading",
    "worked_examples": "here are some worked examples",
    "practice": "here is some practice",
    "hands_on": "here is a hands-on activity",
    "small_group": "here is some small-group work",
    "peer_work": "here is some work with a partner",
}
NUMBER_WORDS = (
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def _teacher_reason(name: str, assigned: bool, pinned: bool, due: date | None, today: date) -> str:
    did = (
        "assigned this and pinned it to your path"
        if assigned and pinned
        else "assigned this"
        if assigned
        else ("pinned this to your path")
    )
    when = f"; {_due_words(due, today)}" if due is not None else ""
    return f"Your teacher {did} for {name}{when}."


def _due_words(due: date, today: date) -> str:
    days = (due - today).days
    if days < 0:
        return f"it was due on {_month_day(due)}"
    if days == 0:
        return "it is due today"
    if days == 1:
        return "it is due tomorrow"
    if days < 7:
        return f"it is due on {WEEKDAYS[due.weekday()]}"
    return f"it is due on {_month_day(due)}"


def _ago_words(days: int) -> str:
    """How long ago, in words, for seven days or more."""
    if days < 14:
        return "a week ago"
    if days < 30:
        return f"{_number(days // 7)} weeks ago"
    if days < 60:
        return "a month ago"
    if days < 365:
        return f"{_number(days // 30)} months ago"
    return "over a year ago"


def _times_words(count: int) -> str:
    return {1: "once", 2: "twice"}.get(count, f"{_number(count)} times")


def _number(count: int) -> str:
    return NUMBER_WORDS[count] if count < len(NUMBER_WORDS) else str(count)


def _month_day(day: date) -> str:
    return f"{MONTHS[day.month - 1]} {day.day}"


def _and_list(words: list[str]) -> str:
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"
