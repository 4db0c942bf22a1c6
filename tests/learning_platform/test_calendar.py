"""The school calendar: a school's today, its school days (weekdays inside its terms), and days as moments."""

from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError

from learning_platform.calendar import (
    is_school_day,
    next_school_day,
    school_days_between,
    school_days_span,
    school_today,
)
from tests.factories import SchoolFactory, TermFactory

pytestmark = pytest.mark.django_db

FRIDAY = datetime.date(2026, 10, 16)
MONDAY = datetime.date(2026, 10, 19)


@pytest.fixture
def school():
    """A school in Chicago with a fall term ending Friday Oct 23 and a spring term starting Monday Nov 2."""
    school = SchoolFactory(time_zone="America/Chicago")
    TermFactory(school=school, name="Fall", starts_on=datetime.date(2026, 8, 24), ends_on=datetime.date(2026, 10, 23))
    TermFactory(school=school, name="Spring", starts_on=datetime.date(2026, 11, 2), ends_on=datetime.date(2027, 6, 18))
    return school


def test_school_today_is_the_date_on_the_schools_clocks(school):
    # 03:30 UTC on Oct 17 is still the evening of Oct 16 in Chicago
    now = datetime.datetime(2026, 10, 17, 3, 30, tzinfo=ZoneInfo("UTC"))
    assert school_today(school, now) == FRIDAY


def test_weekends_and_days_between_terms_are_not_school_days(school):
    assert is_school_day(school, FRIDAY) is True
    assert is_school_day(school, FRIDAY + datetime.timedelta(days=1)) is False  # Saturday
    assert is_school_day(school, datetime.date(2026, 10, 27)) is False  # a Tuesday between the terms


def test_school_days_between_lists_the_weekdays_inside_terms_in_order(school):
    assert school_days_between(school, datetime.date(2026, 10, 22), datetime.date(2026, 11, 3)) == [
        datetime.date(2026, 10, 22),
        datetime.date(2026, 10, 23),
        datetime.date(2026, 11, 2),
        datetime.date(2026, 11, 3),
    ]
    assert school_days_between(school, MONDAY, FRIDAY) == []


def test_the_next_school_day_skips_the_weekend_and_the_break(school):
    assert next_school_day(school, FRIDAY) == MONDAY
    assert next_school_day(school, datetime.date(2026, 10, 23)) == datetime.date(2026, 11, 2)


def test_with_no_term_ahead_the_next_school_day_is_the_next_weekday():
    school = SchoolFactory()
    assert next_school_day(school, FRIDAY) == MONDAY


def test_school_days_span_runs_from_the_first_mornings_start_to_the_last_evening(school):
    zone = ZoneInfo("America/Chicago")
    assert school_days_span(school, FRIDAY, MONDAY) == (
        datetime.datetime(2026, 10, 16, 0, 0, tzinfo=zone),
        datetime.datetime(2026, 10, 19, 23, 59, tzinfo=zone),
    )
    with pytest.raises(ValidationError):
        school_days_span(school, MONDAY, FRIDAY)
