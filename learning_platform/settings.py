"""Waypoint settings: everything comes from the environment, with safe local defaults.

Every variable read here is listed, with its default, in `.env.example` and the README.
"""

from pathlib import Path
import datetime
import os

import dj_database_url
from celery.schedules import crontab
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")


def env_list(name: str, default: str) -> list[str]:
    return [part.strip() for part in os.environ.get(name, default).split(",") if part.strip()]


def env_int(name: str, default: int, *, minimum: int = 0) -> int:
    value = os.environ.get(name, "")
    if value == "":
        return default
    try:
        number = int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}") from None
    if number < minimum:
        raise ImproperlyConfigured(f"{name} must be at least {minimum}, not {number}")
    return number


GENERATE_SECRET_KEY = 'python -c "import secrets; print(secrets.token_urlsafe(50))"'


def weak_secret_key_reason(key: str) -> str:
    """Why `key` is too weak to sign sessions in production, or "" if it is strong enough.

    The same rule as Django's `check --deploy` (security.W009): at least 50 characters, at least 5 distinct ones,
    and not the `django-insecure-` prefix that `startproject` writes.
    """
    if not key:
        return "SECRET_KEY must be set when DEBUG is off"
    if key.startswith("django-insecure-"):
        return "SECRET_KEY starts with 'django-insecure-', the throwaway prefix of a generated development key"
    if len(key) < 50:
        return f"SECRET_KEY is {len(key)} characters long; it needs at least 50"
    if len(set(key)) < 5:
        return f"SECRET_KEY has {len(set(key))} distinct characters; it needs at least 5"
    return ""


DEBUG = env_bool("DEBUG", True)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not DEBUG and (reason := weak_secret_key_reason(SECRET_KEY)):
    raise ImproperlyConfigured(f"{reason}. Generate one with: {GENERATE_SECRET_KEY}")
if not SECRET_KEY:
    # Only ever used with DEBUG on, on a developer's machine.
    SECRET_KEY = "waypoint-local-development-key-not-for-production-use-0123456789"
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    # The API's OpenAPI schema and its Swagger UI, served from our own static files (no CDN).
    "drf_spectacular",
    "drf_spectacular_sidecar",
    # OAuth2 client credentials for machine clients (an SIS, a warehouse); the browser keeps its session.
    "oauth2_provider",
    "axes",
    "csp",
    "auditlog",
    # htmx for the pages that update in place (its vendored copy and `{% htmx_script %}`), and `request.htmx`.
    "django_htmx",
    "learning_platform",
    "learners",
    "assessments",
    "playlists",
    "analytics",
    "demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "csp.middleware.CSPMiddleware",
    "learning_platform.middleware.DroppedConnectionRetryMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Puts the request's user on every audit entry written during the request (learning_platform.audit).
    "learning_platform.audit.RequestActorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Sets `request.htmx`: the fragment views answer htmx's requests with the piece of the page to swap in.
    "django_htmx.middleware.HtmxMiddleware",
    # Last, as django-axes asks: it turns a lockout found during sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

if not DEBUG:
    # Static files come from `collectstatic` output in production; runserver serves them in development.
    MIDDLEWARE.insert(1, "whitenoise.middleware.WhiteNoiseMiddleware")

ROOT_URLCONF = "learning_platform.urls"
WSGI_APPLICATION = "learning_platform.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'waypoint.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        # A reused connection is checked before a request's first query, so one the server dropped (a restart,
        # a failover, an idle timeout) is replaced instead of failing the request with "connection already closed".
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The demo and the local tests serve several requests at once (an assessment autosaves as it is typed).
    # WAL lets readers run beside the one writer; IMMEDIATE takes the write lock when a transaction starts, so
    # two writers queue on the busy timeout instead of one failing with "database is locked" when it upgrades.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    # A file, not pytest-django's shared in-memory database: the browser tests' live server answers each request
    # in a thread of its own, and an in-memory database makes them all share one connection, so two requests at
    # once collide inside one transaction ("cannot start a transaction within a transaction"). One file per test
    # run (the process id), so two runs in one checkout never share it.
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / f".test-waypoint-{os.getpid()}.sqlite3")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "learning_platform.User"

# Argon2 first (new and changed passwords); the others still verify older hashes, which Django rehashes with
# Argon2 at the next sign-in.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.BCryptSHA256PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
# django-axes first, so a locked-out username or address is refused before its password is checked.
AUTHENTICATION_BACKENDS = [
    "learning_platform.login_throttle.SignInThrottleBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# The audit log's entries carry their school and kind (learning_platform.audit); a changed foreign key is
# recorded as the object's name, so an entry reads the same after the object is gone.
AUDITLOG_LOGENTRY_MODEL = "learning_platform.AuditEntry"
AUDITLOG_USE_FK_STRING_REPRESENTATION = True
# auditlog's own migrations would create the table of the entry model it no longer uses (a table Django then
# never flushes, which blocks TRUNCATE on PostgreSQL); the entries' table comes from learning_platform's.
MIGRATION_MODULES = {"auditlog": None}

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "en-us"
# The server's zone; a learner's school day follows School.time_zone.
TIME_ZONE = os.environ.get("TIME_ZONE", "America/New_York")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# Redis, when configured, is both the Celery broker and the cache; without it tasks run
# in-process (eager) and the cache is local memory, so a laptop needs nothing running.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = None
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = TIME_ZONE
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# A send gives up within about two seconds when Redis is down or hangs: the request that asked for it has
# committed, and the sweepers send what was lost (learning_platform.queue).
CELERY_BROKER_TRANSPORT_OPTIONS = {"socket_connect_timeout": 2, "socket_timeout": 5}
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 2, "interval_start": 0, "interval_step": 0.2, "interval_max": 0.5}
# Two queues: `interactive` for work a person is waiting on (a rebuild after an assessment),
# `batch` for nightly and bulk work, so a long batch never delays a student.
CELERY_TASK_DEFAULT_QUEUE = "interactive"
CELERY_TASK_ROUTES = {
    "*.nightly_*": {"queue": "batch"},
    "*.batch_*": {"queue": "batch"},
}
CELERY_BEAT_SCHEDULE = {
    "nightly-clear-expired-sessions": {
        "task": "learning_platform.nightly_clear_expired_sessions",
        "schedule": crontab(hour=2, minute=15),
    },
    "nightly-fit-mastery-params": {
        "task": "learners.nightly_fit_mastery_params",
        "schedule": crontab(hour=1, minute=30),
    },
    "close-expired-attempts": {
        "task": "assessments.batch_close_expired_attempts",
        "schedule": 60.0,
    },
    "sweep-stale-paths": {
        "task": "playlists.sweep_stale_paths",
        "schedule": 60.0,
    },
    "sweep-unlogged-attempts": {
        "task": "learners.sweep_unlogged_attempts",
        "schedule": 60.0,
    },
    # Every quarter hour, so each school's run starts soon after its own local hour, and unfinished batches
    # of a crashed run are sent again.
    "nightly-build-paths": {
        "task": "playlists.nightly_build_paths",
        "schedule": crontab(minute="*/15"),
    },
    # The same quarter-hour beat for the dashboards' snapshots (see analytics.services.SNAPSHOT_HOUR).
    "nightly-snapshots": {
        "task": "analytics.nightly_snapshots",
        "schedule": crontab(minute="*/15"),
    },
}

REST_FRAMEWORK = {
    # The session first: an anonymous request answers 403 (the session's answer) rather than a Bearer 401.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "learning_platform.api.ClientCredentialsAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": [
        "rest_framework.permissions.IsAuthenticated",
        "learning_platform.api.TokenScopePermission",
        "learning_platform.permissions.ObjectRulePermission",
    ],
    # JSON only: the API serves the pages' scripts, and the browsable API's templates carry inline styles the
    # Content-Security-Policy refuses.
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    # Every list is a page at a time, narrowed by its django-filter filter set (an invalid filter is a 400).
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "EXCEPTION_HANDLER": "learning_platform.api.exception_handler",
    # JSON bodies are refused past a nesting depth and with NUL text (learning_platform.validation).
    "DEFAULT_PARSER_CLASSES": [
        "learning_platform.validation.JSONBodyParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "DEFAULT_SCHEMA_CLASS": "learning_platform.api_schema.WaypointAutoSchema",
}

# The OpenAPI 3 schema (/api/v1/schema/) and its Swagger UI (/api/v1/docs/), from drf-spectacular.
API_TOKEN_URL = "/api/v1/oauth/token/"
API_SCOPES = {
    "read": "Read what the application's owner may read.",
    "write": "Change what the application's owner may change.",
    "roster": "Read sections' rosters and learner profiles (also needs read).",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Waypoint API",
    "DESCRIPTION": (
        "Waypoint's API, version 1. The browser signs in and sends its session cookie (and the CSRF token on "
        "writes); a machine client gets a bearer token with the OAuth2 client-credentials grant at "
        f"{API_TOKEN_URL} and acts as its application's owner, within the token's scopes. Every refusal is JSON "
        "with a `detail` sentence; a 400 also names each field's messages under `errors`."
    ),
    "VERSION": "1",
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    # Only the versioned paths: the unversioned /api/... aliases answer the same, undocumented.
    "PREPROCESSING_HOOKS": ["learning_platform.api_urls.only_versioned_paths"],
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "learning_platform.api_schema.shared_rows_have_no_school",
    ],
    "COMPONENT_SPLIT_REQUEST": True,
    # Two `action` fields with different choices: each enum named for what it is.
    "ENUM_NAME_OVERRIDES": {"OverrideActionEnum": "playlists.models.PathOverride.Action"},
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "OAUTH2_FLOWS": ["clientCredentials"],
    "OAUTH2_TOKEN_URL": API_TOKEN_URL,
    "OAUTH2_SCOPES": API_SCOPES,
}

# django-oauth-toolkit: machine clients only (client credentials), their tokens an hour long. The RFC 9700
# (OAuth 2.0 Security BCP) behaviours on, as `check --deploy` asks: no implicit or password grant, no plain PKCE,
# tokens never in the query string, tokens stored hashed, https redirect URIs only.
OAUTH2_PROVIDER = {
    "SCOPES": API_SCOPES,
    "DEFAULT_SCOPES": ["read"],
    "ACCESS_TOKEN_EXPIRE_SECONDS": 3600,
    "PKCE_REQUIRED": True,
    "COMPLIANT_BCP_RFC9700_IMPLICIT_GRANT": True,
    "COMPLIANT_BCP_RFC9700_PASSWORD_GRANT": True,
    "COMPLIANT_BCP_RFC9700_PKCE_METHOD": True,
    "COMPLIANT_BCP_RFC9700_ACCESS_TOKEN_TRANSPORT": True,
    "COMPLIANT_BCP_RFC9700_AUTHZ_RESPONSE_ISS": True,
    "COMPLIANT_BCP_RFC9700_TOKEN_STORAGE": True,
    "REFRESH_TOKEN_REUSE_PROTECTION": True,
    "ALLOWED_REDIRECT_URI_SCHEMES": ["https"],
}

# Production hardening: on whenever DEBUG is off (`manage.py check --deploy` passes).
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_HSTS_SECONDS = 0 if DEBUG else int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Load balancers probe /health/ over plain HTTP inside the network.
SECURE_REDIRECT_EXEMPT = [r"^health/$"]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Sign-in throttling (django-axes). A username is locked after LOGIN_FAILURE_LIMIT failed sign-ins, an address
# after LOGIN_ADDRESS_FAILURE_LIMIT (a whole school often signs in from one address, so that limit is higher),
# each for LOGIN_COOLOFF_MINUTES after its last failure. Admins unlock in the admin (Access attempts) or with
# `manage.py axes_reset_username NAME` / `axes_reset_ip ADDRESS`.
LOGIN_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5, minimum=1)
LOGIN_ADDRESS_FAILURE_LIMIT = env_int("LOGIN_ADDRESS_FAILURE_LIMIT", 50, minimum=1)
LOGIN_COOLOFF_MINUTES = env_int("LOGIN_COOLOFF_MINUTES", 15, minimum=1)
AXES_HANDLER = "learning_platform.login_throttle.UsernameAndAddressHandler"
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_FAILURE_LIMIT = LOGIN_FAILURE_LIMIT
AXES_COOLOFF_TIME = datetime.timedelta(minutes=LOGIN_COOLOFF_MINUTES)
AXES_RESET_ON_SUCCESS = True
# A try during the lockout does not extend it: the pause runs from the failure that caused it, so someone who
# keeps trying cannot keep a student locked out for good.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
# No start-up banner on every manage.py command; failures and lockouts are still logged (axes.handlers).
AXES_VERBOSE = False
# How many proxies in front of the site append to X-Forwarded-For (0: the address is REMOTE_ADDR). Behind one
# HTTPS proxy set it to 1, or every sign-in comes from the proxy's address.
LOGIN_TRUSTED_PROXIES = env_int("LOGIN_TRUSTED_PROXIES", 0)
AXES_CLIENT_IP_CALLABLE = "learning_platform.login_throttle.client_address"

# Content-Security-Policy (django-csp): nothing inline, nothing from elsewhere. A template that ever needs an inline
# script adds nonce="{{ CSP_NONCE }}" to it; no page does now.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    },
}
# Permissions-Policy (django-permissions-policy): browser features Waypoint never uses, denied to every origin.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "encrypted-media",
        "fullscreen",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "picture-in-picture",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}
