"""The Django admin under the site's Content-Security-Policy: its scripts run (they are all files), and no page
breaks the policy (the `page` fixture fails the test on a violation)."""

from playwright.sync_api import expect

from learning_platform.models import User

PASSWORD = "correct-horse-battery"


def test_a_superuser_signs_in_to_the_admin_and_its_scripts_work(page, world):
    User.objects.create_superuser(username="root", email="root@example.org", password=PASSWORD)

    # the admin's own sign-in page
    page.goto("/admin/")
    page.get_by_label("Username").fill("root")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Site administration")).to_be_visible()

    # a change list: actions.js ticks every row from the header's box and counts them
    page.goto("/admin/learning_platform/user/")
    page.locator("#action-toggle").check()
    expect(page.locator(".action-counter")).to_contain_text("selected")
    expect(page.locator("input.action-select:checked")).not_to_have_count(0)

    # a change form with its widgets, and the access attempts' list
    page.goto(f"/admin/learning_platform/user/{world.teacher.pk}/change/")
    expect(page.get_by_role("heading", name="Change user")).to_be_visible()
    page.goto("/admin/learning_platform/section/add/")
    expect(page.get_by_role("heading", name="Add section")).to_be_visible()
    page.goto("/admin/axes/accessattempt/")
    expect(page.get_by_role("heading", name="Select access attempt to view")).to_be_visible()
