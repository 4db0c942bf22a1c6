"""The browser enforces the site's Content-Security-Policy, and the `page` fixture's watch catches a violation.

Every other browser test fails at teardown on a violation (tests/e2e/conftest.py); this one makes two on purpose,
in a context of its own, to show that they are blocked and reported.
"""

from django.urls import reverse
from playwright.sync_api import expect

from tests.e2e.conftest import REPORT_CSP_VIOLATIONS, csp_violations


def test_an_inline_script_and_an_inline_style_are_blocked_and_reported(browser, live_server, transactional_db):
    # given the sign-in page, watched the way the `page` fixture watches every page
    context = browser.new_context(base_url=live_server.url)
    context.add_init_script(REPORT_CSP_VIOLATIONS)
    page = context.new_page()
    messages: list[str] = []
    page.on("console", lambda message: messages.append(message.text))
    try:
        response = page.goto(reverse("login"))
        assert "script-src 'self'" in response.headers["content-security-policy"]
        expect(page.get_by_role("button", name="Sign in")).to_be_visible()
        assert csp_violations(messages) == []

        # when something puts an inline script and a style attribute on it
        page.evaluate("""() => {
          const script = document.createElement("script");
          script.textContent = "window.inlineScriptRan = true";
          document.body.appendChild(script);
          document.querySelector("h1").setAttribute("style", "color: red");
        }""")

        def reported() -> list[str]:
            return [text for text in csp_violations(messages) if text.startswith("CSP violation:")]

        for _ in range(100):  # the events are dispatched after the DOM changes; give them up to 5 s
            if len(reported()) >= 2:
                break
            page.wait_for_timeout(50)

        # then neither takes effect, and both are reported
        assert page.evaluate("window.inlineScriptRan === undefined") is True
        assert page.evaluate("getComputedStyle(document.querySelector('h1')).color") != "rgb(255, 0, 0)"
        assert sorted(text.split(" blocked ")[0] for text in reported()) == [
            "CSP violation: script-src-elem",
            "CSP violation: style-src-attr",
        ]
    finally:
        context.close()
