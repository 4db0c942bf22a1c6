"""Signing in through a real browser: a teacher lands on their home with their section; a wrong password is refused."""

import re

from playwright.sync_api import expect

from tests.e2e.conftest import sign_in

PASSWORD = "correct-horse-battery"  # the factories' password (tests/factories.py)


def test_a_teacher_signs_in_and_sees_their_section(page, world, screenshot):
    sign_in(page, world.teacher.username, PASSWORD)

    expect(page).not_to_have_url(re.compile(r"/accounts/login/"))
    expect(page.get_by_role("navigation", name="Account")).to_contain_text(str(world.teacher))
    expect(page.get_by_role("heading", name=world.section.name, exact=True)).to_be_visible()
    expect(page.get_by_role("heading", name=world.other_section.name, exact=True)).to_have_count(0)
    screenshot("teacher-home")


def test_a_wrong_password_shows_the_error(page, world):
    sign_in(page, world.teacher.username, "not-the-password")

    expect(page).to_have_url(re.compile(r"/accounts/login/$"))
    expect(page.get_by_role("alert")).to_have_text("Your username and password didn't match. Please try again.")
    expect(page.get_by_label("Username")).to_have_value(world.teacher.username)
    expect(page.get_by_role("navigation", name="Account")).to_have_count(0)


def test_five_wrong_passwords_lock_the_account_and_the_page_says_so(page, world):
    for _ in range(5):
        sign_in(page, world.teacher.username, "not-the-password")

    sign_in(page, world.teacher.username, PASSWORD)

    expect(page).to_have_url(re.compile(r"/accounts/login/$"))
    expect(page.get_by_role("alert")).to_have_text(
        "Too many failed sign-ins. Signing in as teacher from here is paused for 15 minutes; try again then, or ask "
        "your school's admin to unlock the account."
    )
    expect(page.get_by_role("navigation", name="Account")).to_have_count(0)
    expect(page.get_by_label("Username")).to_have_value(world.teacher.username)
