"""What the PostgreSQL benchmarks share: progress on stderr, and a database of their own."""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def with_path(url: str, path: str) -> str:
    return urlsplit(url)._replace(path=path).geturl()


def postgres_url(script: str) -> str:
    """DATABASE_URL, which must name a PostgreSQL server; exit with the reason otherwise."""
    url = os.environ.get("DATABASE_URL", "")
    if urlsplit(url).scheme not in ("postgres", "postgresql"):
        sys.exit(f"{script}: set DATABASE_URL to a PostgreSQL server, e.g. postgres://postgres@127.0.0.1:5432/postgres")
    return url


@contextlib.contextmanager
def scratch_database(server_url: str, name: str, *, keep: bool = False):
    """Create the database `name` afresh on `server_url`'s server, point DATABASE_URL at it, and drop it at the
    end (unless `keep`), ending any connection still open to it."""
    import psycopg2

    # The server's maintenance database (libpq reads the URL itself); CREATE/DROP DATABASE need autocommit.
    def run(*statements: str) -> None:
        # A connection per use: a bench may restart the server on purpose (a fault under load) in between.
        server = psycopg2.connect(with_path(server_url, "/postgres"))
        server.autocommit = True
        try:
            with server.cursor() as cursor:
                for statement in statements:
                    cursor.execute(statement)
        finally:
            server.close()

    run(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)", f"CREATE DATABASE {name}")
    os.environ["DATABASE_URL"] = with_path(server_url, f"/{name}")
    try:
        yield
    finally:
        if "django" in sys.modules:
            from django.db import connections

            connections.close_all()
        if not keep:
            run(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def percentile(samples: list[float], share: float) -> float:
    """The sample at `share` (0.5, 0.95) of the sorted samples, nearest rank."""
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def start_worker(log_path: Path, *, script: str, name: str, concurrency: int, loglevel: str = "warning"):
    """A real `celery worker` (prefork, both queues) on this process's database and Redis, once it answers a ping
    (within 60 s; otherwise the bench exits, naming `script`). Its output goes to `log_path`."""
    import subprocess
    import time

    from learning_platform.celery import app

    worker = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "learning_platform",
            "worker",
            "-Q",
            "interactive,batch",
            "--concurrency",
            str(concurrency),
            "--pool",
            "prefork",
            "-l",
            loglevel,
            "-n",
            f"{name}-{os.getpid()}@%h",
        ],
        cwd=ROOT,
        env=dict(os.environ),
        stdout=log_path.open("w"),
        stderr=subprocess.STDOUT,
    )
    worker.log_path = log_path
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if worker.poll() is not None:
            sys.exit(f"{script}: the worker exited with status {worker.returncode}:\n{log_path.read_text()[-4000:]}")
        if app.control.ping(timeout=0.5):
            return worker
    stop_worker(worker)
    sys.exit(f"{script}: the worker did not answer a ping within 60 s:\n{log_path.read_text()[-4000:]}")


def stop_worker(worker) -> None:
    """A warm shutdown (SIGTERM), then SIGKILL if it takes over 20 s."""
    import signal
    import subprocess

    worker.send_signal(signal.SIGTERM)
    try:
        worker.wait(timeout=20)
    except subprocess.TimeoutExpired:
        worker.kill()
        worker.wait()
