"""Time the demo's setup and its first pages, on a scratch database.

    .venv/bin/python bench/setup_and_pages.py [--requests 50]

Uses DATABASE_URL when set (give it a scratch database: it is migrated and seeded), otherwise a new
SQLite file in a temporary folder. Prints the time of `migrate`, of `import_standards` and `seed_demo`
(with --history-weeks of simulated assessments) run twice each, and the median and p95 of the home page
and the section API for each demo login.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from _common import percentile  # noqa: E402  (bench/ is on the path when a bench runs as a script)


def timed(label: str, action) -> None:
    started = time.perf_counter()
    with open(os.devnull, "w") as quiet, contextlib.redirect_stdout(quiet), contextlib.redirect_stderr(quiet):
        action()
    print(f"{label:<34} {time.perf_counter() - started:8.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=50, help="requests per page and login (default 50)")
    parser.add_argument("--history-weeks", type=int, default=4, help="weeks of demo history to seed (default 4)")
    args = parser.parse_args()
    scratch = tempfile.mkdtemp(prefix="waypoint-bench-")
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{scratch}/bench.sqlite3")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "learning_platform.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    print(f"database: {connection.vendor}")
    timed("migrate", lambda: call_command("migrate", verbosity=0))
    for run in ("first", "second"):
        timed(f"import_standards ({run} run)", lambda: call_command("import_standards", ROOT / "data" / "ccss-math"))
    for run in ("first", "second"):
        timed(f"seed_demo ({run} run)", lambda: call_command("seed_demo", quiet=True, history_weeks=args.history_weeks))

    client = Client(HTTP_HOST="127.0.0.1")
    print(f"\n{'page':<22} {'login':<22} {'median ms':>10} {'p95 ms':>8}")
    for login in ("demo-teacher", "demo-student", "demo-school-admin", "demo-district-admin"):
        assert client.login(username=login, password="waypoint-demo"), login
        for page in ("/", "/api/sections/"):
            samples = []
            for _ in range(args.requests):
                started = time.perf_counter()
                response = client.get(page)
                samples.append((time.perf_counter() - started) * 1000)
                assert response.status_code == 200, (page, login, response.status_code)
            print(f"{page:<22} {login:<22} {statistics.median(samples):10.1f} {percentile(samples, 0.95):8.1f}")
        client.logout()


if __name__ == "__main__":
    main()
