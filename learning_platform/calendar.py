"""The school calendar: a school's local time and today, its school days, and school days as moments.

A learner's "day" is the school's local date; a school day is a weekday inside one of the school's terms.
"""

from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.utils import timezone

# How far ahead `next_school_day` looks for a term's weekday before falling back to the next weekday.
NEXT_SCHOOL_DAY_HORIZON = 21


def school_zone(school) -> ZoneInfo:
    """The school's time zone."""
    return ZoneInfo(school.time_zone)


def local_time_in(time_zone: str, now: datetime.datetime | None = None) -> datetime.datetime:
    """`now` (default: this moment) on the clocks of the zone named `time_zone`."""
    return timezone.localtime(now or timezone.now(), ZoneInfo(time_zone))


def school_local_time(school, now: datetime.datetime | None = None) -> datetime.datetime:
    """`now` (default: this moment) on the school's clocks."""
    return local_time_in(school.time_zone, now)


def school_today(school, now: datetime.datetime | None = None) -> datetime.date:
    """Today's date where the school is."""
    return school_local_time(school, now).date()


def school_days_between(school, first: datetime.date, last: datetime.date) -> list[datetime.date]:
    """The school days from `first` to `last` (both included), in order: the weekdays inside the school's terms."""
    if last < first:
        return []
    terms = list(school.terms.filter(starts_on__lte=last, ends_on__gte=first).values_list("starts_on", "ends_on"))
    days = (first + datetime.timedelta(days=offset) for offset in range((last - first).days + 1))
    return [day for day in days if day.weekday() < 5 and any(start <= day <= end for start, end in terms)]


def is_school_day(school, day: datetime.date) -> bool:
    """A weekday inside one of the school's terms."""
    return school_days_between(school, day, day) == [day]


def next_school_day(school, after: datetime.date) -> datetime.date:
    """The first school day after `after`, or the next weekday when no term says within three weeks."""
    ahead = school_days_between(
        school, after + datetime.timedelta(days=1), after + datetime.timedelta(days=NEXT_SCHOOL_DAY_HORIZON)
    )
    return ahead[0] if ahead else _weekday_step(after, 1)


def weekdays_back(day: datetime.date, count: int) -> datetime.date:
    """The weekday `count` weekdays before `day` (weekends skipped; terms not consulted)."""
    for _ in range(count):
        day = _weekday_step(day, -1)
    return day


def _weekday_step(day: datetime.date, step: int) -> datetime.date:
    """The nearest weekday after (`step` 1) or before (`step` -1) `day`."""
    day += datetime.timedelta(days=step)
    while day.weekday() >= 5:
        day += datetime.timedelta(days=step)
    return day


def school_days_span(school, first: datetime.date, last: datetime.date) -> tuple[datetime.datetime, datetime.datetime]:
    """From the start of `first` to 23:59 on `last`, where the school is (a ValidationError when `last` comes before `first`)."""
    if last < first:
        raise ValidationError({"due": "The due date comes before the first day."})
    zone = school_zone(school)
    return (
        datetime.datetime.combine(first, datetime.time.min, tzinfo=zone),
        datetime.datetime.combine(last, datetime.time(23, 59), tzinfo=zone),
    )
