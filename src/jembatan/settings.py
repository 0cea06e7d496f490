"""The one settings module. Every deployment difference comes from environment variables."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path
from typing import Literal

import dj_database_url
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from jembatan.env import envbool, envint, envlist, envstr, local_secret_key

PACKAGE_DIR = Path(__file__).resolve().parent
BASE_DIR = Path(envstr("JEMBATAN_HOME", str(Path.cwd())))
VAR_DIR = Path(envstr("JEMBATAN_VAR_DIR", str(BASE_DIR / "var")))

DEBUG = envbool("DEBUG", False)
SECRET_KEY = envstr("SECRET_KEY") or local_secret_key(VAR_DIR)
ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rules.apps.AutodiscoverRulesConfig",
    "rest_framework",
    # API tokens: knox keeps only a digest of each key, with an expiry (docs/security.md).
    "knox",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_htmx",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    # Recovery codes; only a keyed digest of each code is stored (accounts/domain/two_factor.py).
    "django_otp.plugins.otp_static",
    "jembatan.core",
    "jembatan.accounts",
    "jembatan.notifications",
    # Below registry and opportunities: they register what can be translated.
    "jembatan.translations",
    "jembatan.registry",
    "jembatan.opportunities",
    "jembatan.engagement",
    # Products and the public showcase: uses registry, matching and engagement.
    "jembatan.catalogue",
    "jembatan.events",
    "jembatan.vocational",
    "jembatan.matching",
    "jembatan.privacy",
    # Above the apps it reads (registry, opportunities, engagement, events).
    "jembatan.indicators",
    "jembatan.web",
    # Last: the demo imports every app above and none imports it.
    "jembatan.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "jembatan.accounts.middleware.UserLanguageMiddleware",
    "jembatan.accounts.middleware.UserTimeZoneMiddleware",
    # After the language: the code page it sends to is in the user's language.
    "jembatan.accounts.middleware.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # After messages (it leaves one) and the user's language (so the message is in it).
    "jembatan.accounts.middleware.IdleSessionMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # After every other process_view: it runs the views it marks for replica reads.
    "jembatan.core.replicas.ReplicaReadsMiddleware",
    # Last, as django-axes asks: it turns a locked-out sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "jembatan.urls"
WSGI_APPLICATION = "jembatan.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "jembatan.notifications.context_processors.unread_notifications",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        envstr("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'jembatan.sqlite3'}",
        conn_max_age=envint("DATABASE_CONN_MAX_AGE", 0),
        # With persistent connections, one cut by a database restart is found and replaced
        # before the request uses it (docs/security.md, "Faults").
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web process read while an import or a worker writes.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    DATABASES["default"]["TEST"] = {"NAME": envstr("SQLITE_TEST_NAME") or None}
# A PostgreSQL streaming replica (docs/scaling.md): when set, the directory, company pages,
# the showcase and the API's read-only lists read from it (core/replicas.py); a browser that
# has just written reads from the primary for DATABASE_REPLICA_PIN_SECONDS.
if replica_url := envstr("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = dj_database_url.parse(
        replica_url,
        conn_max_age=envint("DATABASE_CONN_MAX_AGE", 0),
        conn_health_checks=True,
    )
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
DATABASE_REPLICA_PIN_SECONDS = envint("DATABASE_REPLICA_PIN_SECONDS", 30)
DATABASE_ROUTERS = ["jembatan.core.replicas.ReplicaRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    # First: refuses every sign-in (web, admin, API token) from a locked-out account or address.
    "jembatan.accounts.lockout.LockoutBackend",
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Argon2 hashes new passwords; the others stay so that older hashes still verify, and Django
# rehashes them with Argon2 at the next sign-in.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.BCryptSHA256PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]

# Password guessing (django-axes; see docs/security.md). After JEMBATAN_LOGIN_FAILURE_LIMIT
# failed sign-ins, the account and the address are each locked for JEMBATAN_LOGIN_COOLOFF_MINUTES.
# JEMBATAN_LOCKOUT_PARAMETERS: comma-separated, each item one lock; `+` joins parameters into a
# combination ("username+ip_address" locks a name only from the address that guessed it).
AXES_FAILURE_LIMIT = envint("JEMBATAN_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=envint("JEMBATAN_LOGIN_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [
    item.split("+") if "+" in item else item
    for item in envlist("JEMBATAN_LOCKOUT_PARAMETERS", "username,ip_address")
]
AXES_RESET_ON_SUCCESS = True
AXES_ENABLE_ACCESS_FAILURE_LOG = True  # each failure, with address and user agent, in the admin
# The log names the address (to block it upstream) but not the name typed: people type their
# password into the username field.
AXES_SENSITIVE_PARAMETERS = ["username"]
AXES_VERBOSE = False  # log the locked parameters only; no start-up banner on every command
LOCKOUT_HANDLERS = {
    "database": "axes.handlers.database.AxesDatabaseHandler",
    "cache": "axes.handlers.cache.AxesCacheHandler",
}
if (lockout_store := envstr("JEMBATAN_LOCKOUT_STORE", "database")) not in LOCKOUT_HANDLERS:
    raise ImproperlyConfigured(
        f"JEMBATAN_LOCKOUT_STORE is {lockout_store!r}; it must be 'database' or 'cache'."
    )
AXES_HANDLER = LOCKOUT_HANDLERS[lockout_store]
AXES_CACHE = "axes"
# Addresses: X-Forwarded-For is read only behind JEMBATAN_PROXY_COUNT trusted proxies (0: never).
JEMBATAN_PROXY_COUNT = envint("JEMBATAN_PROXY_COUNT", 0)
AXES_CLIENT_IP_CALLABLE = "jembatan.accounts.domain.addresses.client_address"
AXES_LOCKOUT_CALLABLE = "jembatan.accounts.lockout.lockout_response"
# Two-factor sign-in (django-otp TOTP; docs/security.md): optional for officers and
# administrators, required of them when JEMBATAN_REQUIRE_2FA is set. Each wrong code doubles
# the wait before the next is checked (the throttle factor, in seconds; 0 would turn it off).
JEMBATAN_REQUIRE_2FA = envbool("JEMBATAN_REQUIRE_2FA", False)
OTP_TOTP_ISSUER = "Jembatan"
OTP_TOTP_THROTTLE_FACTOR = 1
OTP_STATIC_THROTTLE_FACTOR = 1
# How long the indicators dashboard's figures are served before being computed again.
JEMBATAN_DASHBOARD_CACHE_SECONDS = envint("JEMBATAN_DASHBOARD_CACHE_SECONDS", 600)
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    # The indicators dashboard's computed figures (indicators/domain/dashboard_cache.py):
    # shared by every process on the machine (files), or by every machine (Redis).
    "indicators": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": shared}
    if (shared := envstr("JEMBATAN_CACHE_URL"))
    else {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": str(VAR_DIR / "cache" / "indicators"),
    },
    # Keyword search's candidate rows per query (matching/domain/keyword_store.py), shared
    # by the web processes like the dashboard's figures; a document's change invalidates.
    "search": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": shared}
    if shared
    else {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": str(VAR_DIR / "cache" / "search"),
        "OPTIONS": {"MAX_ENTRIES": 2000},
    },
    # The lockout counters when JEMBATAN_LOCKOUT_STORE=cache: shared by every web process only
    # when JEMBATAN_LOCKOUT_CACHE_URL names a Redis server.
    "axes": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": lockout_cache}
    if (lockout_cache := envstr("JEMBATAN_LOCKOUT_CACHE_URL"))
    else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "axes"},
}

# Times are stored in UTC and shown in the user's or the event's zone.
USE_TZ = True
TIME_ZONE = envstr("TIME_ZONE", "Asia/Jakarta")
USE_I18N = True
LANGUAGE_CODE = "id"
LANGUAGES = [("id", _("Indonesian")), ("ja", _("Japanese")), ("en", _("English"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
# Form labels start with a capital letter whatever the code writes (see web/forms.py).
FORM_RENDERER = "jembatan.web.forms.CapitalisedLabels"
FORMAT_MODULE_PATH = ["jembatan.formats"]  # dates as each language writes them
LANGUAGE_COOKIE_NAME = "jembatan_language"

STATIC_URL = "/static/"
STATIC_ROOT = Path(envstr("STATIC_ROOT", str(VAR_DIR / "static")))
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # WhiteNoise warns when it is missing
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(envstr("MEDIA_ROOT", str(VAR_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedStaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

EMAIL_BACKEND = envstr("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = envstr("EMAIL_HOST", "localhost")
EMAIL_PORT = envint("EMAIL_PORT", 25)
EMAIL_HOST_USER = envstr("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = envstr("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = envbool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = envstr("DEFAULT_FROM_EMAIL", "Jembatan <noreply@jembatan.local>")
# The address e-mails link to (notifications), and how their e-mails leave: "auto" (a Celery
# task with a broker, a background thread without), "inline" (right after commit, in the same
# thread) or "cron" (only `jembatan notifications deliver`). See docs/notifications.md.
JEMBATAN_SITE_URL = envstr("JEMBATAN_SITE_URL", "http://127.0.0.1:8000")
JEMBATAN_NOTIFICATIONS_DELIVERY = envstr("JEMBATAN_NOTIFICATIONS_DELIVERY", "auto")

# Background work: inline without a broker, Celery workers with one.
CELERY_BROKER_URL = envstr("CELERY_BROKER_URL")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
# A task is acknowledged when it ends, not when a worker takes it: a worker killed half-way
# (out of memory, a deployment, a lost machine) leaves its message to be delivered again,
# and every task is idempotent so a second delivery does the rest of the work, not it twice
# (docs/operations.md, "Background workers"; tests/security/test_worker_faults.py).
CELERY_TASK_ACKS_LATE = True
# A pool process that dies (SIGKILL, the OOM killer) requeues its task at once instead of
# marking it failed; the message is taken again by the next free process.
CELERY_TASK_REJECT_ON_WORKER_LOST = True
# Each process reserves one message at a time: with late acks, messages a dead worker had
# only reserved would otherwise wait for the visibility timeout as well.
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_TRANSPORT_OPTIONS = {
    # Redis: a message taken but not acknowledged within this many seconds is given to
    # another worker (what happens when the whole worker, not one process, dies). It must
    # exceed the longest task and any retry countdown, or a slow task runs twice at once.
    "visibility_timeout": envint("CELERY_BROKER_VISIBILITY_TIMEOUT", 3600),
    # How often (seconds) each worker looks for such messages; kombu's default is about
    # every 100 s.
    "unacked_restore_interval": envint("CELERY_BROKER_RESTORE_INTERVAL", 60),
    "unacked_restore_throttle": 1,
}
CELERY_TASK_SERIALIZER = "json"
# Queues for workers on several machines (docs/scaling.md): with JEMBATAN_TASK_QUEUES=1 the
# tasks below go to their queue ("imports", "index": everything that writes the vector
# indexes, "scheduling"); the rest stay on Celery's default queue ("celery"). Off by
# default, so that one `celery worker` without -Q runs every task.
JEMBATAN_TASK_QUEUES = {
    "jembatan.registry.tasks.task_run_import_job": "imports",
    "jembatan.matching.tasks.task_embed_profile": "index",
    "jembatan.matching.tasks.task_embed_company": "index",
    "jembatan.matching.tasks.task_embed_companies": "index",
    "jembatan.matching.tasks.task_forget": "index",
    "jembatan.matching.tasks.task_encode_objects": "embedding",
    "jembatan.catalogue.tasks.task_index_products": "index",
    "jembatan.events.tasks.task_schedule_event": "scheduling",
}
if envbool("JEMBATAN_TASK_QUEUES", False):
    CELERY_TASK_ROUTES = {name: {"queue": queue} for name, queue in JEMBATAN_TASK_QUEUES.items()}
# Periodic work for `celery beat`; without a broker, run `jembatan profiles expire` and
# `jembatan security prune` daily and `jembatan matching digest` weekly from cron instead,
# and the notification commands
# (docs/notifications.md: deliver every 5 minutes, digest and `events remind` daily;
# `events remind-meetings` every 5 minutes).
CELERY_BEAT_SCHEDULE = {
    "expire-profiles": {
        "task": "jembatan.opportunities.tasks.task_expire_profiles",
        "schedule": crontab(hour=1, minute=0),
    },
    "recheck-anonymous-labels": {
        "task": "jembatan.opportunities.tasks.task_recheck_anonymous_labels",
        "schedule": crontab(hour=1, minute=30),
    },
    "deliver-notifications": {
        "task": "jembatan.notifications.tasks.task_deliver_notifications",
        "schedule": crontab(minute="*/5"),
    },
    "notification-digests": {
        "task": "jembatan.notifications.tasks.task_send_notification_digests",
        "schedule": crontab(hour=6, minute=0),
    },
    "saved-search-alerts": {
        "task": "jembatan.matching.tasks.task_send_saved_search_alerts",
        "schedule": crontab(hour=6, minute=30),
    },
    "event-reminders": {
        "task": "jembatan.events.tasks.task_send_event_reminders",
        "schedule": crontab(hour=8, minute=0),
    },
    "warm-dashboards": {
        "task": "jembatan.indicators.tasks.task_warm_dashboards",
        "schedule": crontab(minute="*/5"),
    },
    "meeting-reminders": {
        "task": "jembatan.events.tasks.task_send_meeting_reminders",
        "schedule": crontab(minute="*/5"),
    },
    "vocational-follow-ups": {
        "task": "jembatan.vocational.programme_tasks.task_ask_follow_ups",
        "schedule": crontab(hour=3, minute=0),
    },
    "follow-up-interests": {
        "task": "jembatan.engagement.tasks.task_follow_up_interests",
        "schedule": crontab(hour=2, minute=0),
    },
    "fill-translations": {
        "task": "jembatan.translations.tasks.task_fill_translations",
        "schedule": crontab(hour=2, minute=0),
    },
    "agreement-outcome-check-ins": {
        "task": "jembatan.engagement.agreement_tasks.task_send_outcome_check_ins",
        "schedule": crontab(hour=2, minute=30),
    },
    "introduction-follow-ups": {
        "task": "jembatan.engagement.agreement_tasks.task_ask_for_updates",
        "schedule": crontab(hour=2, minute=15),
    },
    "event-meetings-to-pipeline": {
        "task": "jembatan.events.tasks.task_sync_event_meetings",
        "schedule": crontab(minute=5),
    },
    "vocational-mou-reminders": {
        "task": "jembatan.vocational.tasks.task_send_mou_reminders",
        "schedule": crontab(hour=3, minute=0),
    },
    "prune-security-log": {
        "task": "jembatan.accounts.tasks.task_prune_security_log",
        "schedule": crontab(hour=4, minute=0),
    },
    "weekly-digest": {
        "task": "jembatan.matching.tasks.task_send_weekly_digests",
        "schedule": crontab(hour=7, minute=0, day_of_week="mon"),
    },
}

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "jembatan.accounts.api_auth.ApiTokenAuthentication",
    ],
    # DRF's handler, plus a security-log entry for every 403 (accounts/api.py).
    "EXCEPTION_HANDLER": "jembatan.accounts.api.exception_handler",
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticatedOrReadOnly"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    # Throttles key on the address; X-Forwarded-For only behind the configured proxies.
    "NUM_PROXIES": JEMBATAN_PROXY_COUNT,
}
# API tokens (django-rest-knox): `Authorization: Token <key>`, as before knox; a key's
# lifetime is chosen when it is made (30, 90 or 365 days), this many days by default.
JEMBATAN_API_TOKEN_DAYS = envint("JEMBATAN_API_TOKEN_DAYS", 90)
# knox's model is swappable; its migrations need the setting.
KNOX_TOKEN_MODEL = "knox.AuthToken"  # noqa: S105 (a model name, not a password)
REST_KNOX = {
    "AUTH_HEADER_PREFIX": "Token",
    "TOKEN_TTL": timedelta(days=JEMBATAN_API_TOKEN_DAYS),
    "AUTO_REFRESH": False,
}
# Security log entries (failed sign-ins, lockouts, token use from new addresses, API
# refusals) older than this are deleted daily.
JEMBATAN_SECURITY_LOG_DAYS = envint("JEMBATAN_SECURITY_LOG_DAYS", 365)
SPECTACULAR_SETTINGS = {
    "TITLE": "Jembatan API",
    "DESCRIPTION": "Companies, classifications and partnership data of the Indonesia-Japan SME programme.",
    "VERSION": "1.0.0",
    # 3.1: a nullable reference is oneOf [ref, null]; 3.0.3 has no way to say it (its
    # allOf + nullable does not admit null), and validators rightly refused our nulls.
    "OAS_VERSION": "3.1.0",
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "jembatan.core.schema.nullable_as_null_type",
        "jembatan.core.schema.document_generic_errors",
    ],
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "ENUM_NAME_OVERRIDES": {
        "CountryEnum": "jembatan.registry.models.company.Country.choices",
        "AgreementTypeEnum": "jembatan.engagement.models.agreement.AgreementType.choices",
        "CurrencyEnum": "jembatan.engagement.models.agreement.Currency.choices",
        "ObjectTypeEnum": "jembatan.matching.models.embedding.ObjectType.choices",
        "ProgrammeKindEnum": "jembatan.vocational.models.programme.ProgrammeKind.choices",
        "VocationalInstitutionTypeEnum": "jembatan.vocational.models.InstitutionType.choices",
        "VocationalDepartmentKindEnum": "jembatan.vocational.models.DepartmentKind.choices",
        "MouScopeKindEnum": "jembatan.vocational.models.ScopeKind.choices",
        "MouStatusEnum": "jembatan.vocational.models.MouStatus.choices",
        "MouRenewalEnum": "jembatan.vocational.models.Renewal.choices",
        "PromotionKindEnum": "jembatan.catalogue.models.promotion.PromotionKind.choices",
    },
    # Swagger UI would otherwise send the schema to validator.swagger.io: no outside calls.
    "SWAGGER_UI_SETTINGS": {"deepLinking": True, "validatorUrl": None},
}

# Where the official classification files live (KBLI 2020, JSIC Rev.14, ISIC Rev.4);
# `jembatan demo` loads them from here when set. See README.
JEMBATAN_REFERENCE_DATA = envstr("JEMBATAN_REFERENCE_DATA")

# Company imports (docs/import.md): the largest file accepted (1 GiB: a national registry of
# 4 million rows is about 600 MB of CSV; uploads over FILE_UPLOAD_MAX_MEMORY_SIZE stream to
# disk, and a request declaring more is refused before its body is read), and for XLSX the
# most its parts may hold once unzipped (a zip bomb is refused before it is read).
JEMBATAN_IMPORT_MAX_BYTES = envint("JEMBATAN_IMPORT_MAX_BYTES", 1024 * 1024 * 1024)
# Files larger than this are not previewed (a dry run of every row inside the request would
# outlast any proxy's timeout): they are checked in full by the import job itself.
JEMBATAN_IMPORT_PREVIEW_MAX_BYTES = envint("JEMBATAN_IMPORT_PREVIEW_MAX_BYTES", 20 * 1024 * 1024)
# How often an import waiting for the registry's lock tries it again (seconds).
JEMBATAN_IMPORT_LOCK_POLL_S = envint("JEMBATAN_IMPORT_LOCK_POLL_S", 2)
JEMBATAN_IMPORT_MAX_UNZIPPED_BYTES = envint(
    "JEMBATAN_IMPORT_MAX_UNZIPPED_BYTES", 1024 * 1024 * 1024
)

# Self sign-ups (docs/accounts.md): at most this many per client address and hour (0: no limit).
JEMBATAN_SIGNUPS_PER_HOUR = envint("JEMBATAN_SIGNUPS_PER_HOUR", 10)

# The neutral label of an anonymous profile never narrows its poster to fewer than this many
# published companies (docs/profiles.md).
JEMBATAN_ANONYMITY_K = envint("JEMBATAN_ANONYMITY_K", 10)
# The public indicators page hides every breakdown cell under this many (shown "< 5").
JEMBATAN_PUBLIC_MIN_CELL = envint("JEMBATAN_PUBLIC_MIN_CELL", 5)

# Expressions of interest and introductions (docs/engagement.md).
JEMBATAN_MAX_OPEN_INTERESTS = envint("JEMBATAN_MAX_OPEN_INTERESTS", 5)
JEMBATAN_INTEREST_REMINDER_DAYS = envint("JEMBATAN_INTEREST_REMINDER_DAYS", 7)
JEMBATAN_INTEREST_EXPIRY_DAYS = envint("JEMBATAN_INTEREST_EXPIRY_DAYS", 21)
JEMBATAN_MEDIATED_INTRODUCTIONS = envbool("JEMBATAN_MEDIATED_INTRODUCTIONS", False)
# Follow-up (docs/agreements.md): an introduction quiet this many days asks both sides for an
# update; the e-mail's one-click links stay valid this many days.
JEMBATAN_STALE_INTRODUCTION_DAYS = envint("JEMBATAN_STALE_INTRODUCTION_DAYS", 30)
# A scheduling run still "running" this many seconds after its time limit ran out lost its
# worker (killed, machine gone): the next delivery of its task takes it over (docs/events.md).
JEMBATAN_SCHEDULER_RUN_GRACE = envint("JEMBATAN_SCHEDULER_RUN_GRACE", 60)
# The public showcase (docs/catalogue.md) is in this language unless the reader chose one.
JEMBATAN_SHOWCASE_LANGUAGE = envstr("JEMBATAN_SHOWCASE_LANGUAGE", "ja")
JEMBATAN_FOLLOW_UP_TOKEN_DAYS = envint("JEMBATAN_FOLLOW_UP_TOKEN_DAYS", 45)

# Matching: the sentence encoder (a dotted class path; the bundled multilingual-e5-small when
# empty), its options as JSON, and where the vector indexes are kept. See docs/matching.md.
JEMBATAN_ENCODER = envstr("JEMBATAN_ENCODER") or None
JEMBATAN_ENCODER_OPTIONS = json.loads(envstr("JEMBATAN_ENCODER_OPTIONS") or "{}")
JEMBATAN_INDEX_DIR = Path(envstr("JEMBATAN_INDEX_DIR", str(VAR_DIR / "index")))

# Machine translation of profiles and company descriptions (docs/translations.md): off when
# JEMBATAN_TRANSLATOR is empty; "libretranslate", "openai" (chat completions) or a dotted
# class path, with the service's base URL, key, model and a timeout in seconds per call.
JEMBATAN_TRANSLATOR = envstr("JEMBATAN_TRANSLATOR")
JEMBATAN_TRANSLATOR_URL = envstr("JEMBATAN_TRANSLATOR_URL")
JEMBATAN_TRANSLATOR_API_KEY = envstr("JEMBATAN_TRANSLATOR_API_KEY")
JEMBATAN_TRANSLATOR_MODEL = envstr("JEMBATAN_TRANSLATOR_MODEL")
JEMBATAN_TRANSLATOR_NAME = envstr("JEMBATAN_TRANSLATOR_NAME")
JEMBATAN_TRANSLATOR_TIMEOUT = envint("JEMBATAN_TRANSLATOR_TIMEOUT", 30)

# One console handler, on the root logger: Django's own "django" handler is replaced by none
# (records propagate to the root once, not twice); "django.server" keeps Django's own
# handler (one line per request, not propagated). A 4xx is one warning line, no traceback.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "client_error_without_traceback": {
            "()": "jembatan.core.log_filters.ClientErrorWithoutTraceback"
        }
    },
    "formatters": {"line": {"format": "%(levelname)s %(name)s: %(message)s"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "line",
            "filters": ["client_error_without_traceback"],
        }
    },
    "root": {"handlers": ["console"], "level": envstr("LOG_LEVEL", "INFO")},
    "loggers": {
        "django": {"handlers": [], "level": envstr("LOG_LEVEL", "INFO"), "propagate": True},
        "django.db.backends": {"level": "INFO"},
        # Failed sign-ins and lockouts (WARNING), not django-axes' notes on every sign-in.
        "axes": {"level": "WARNING"},
    },
}

# HTTPS: JEMBATAN_HTTPS=1 turns every setting below on; each can also be set on its own.
JEMBATAN_HTTPS = envbool("JEMBATAN_HTTPS", False)
SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", JEMBATAN_HTTPS)
SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 31_536_000 if JEMBATAN_HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = envbool("SECURE_HSTS_INCLUDE_SUBDOMAINS", JEMBATAN_HTTPS)
SECURE_HSTS_PRELOAD = envbool("SECURE_HSTS_PRELOAD", JEMBATAN_HTTPS)
SESSION_COOKIE_SECURE = envbool("SESSION_COOKIE_SECURE", JEMBATAN_HTTPS)
CSRF_COOKIE_SECURE = envbool("CSRF_COOKIE_SECURE", JEMBATAN_HTTPS)
LANGUAGE_COOKIE_SECURE = SESSION_COOKIE_SECURE
if envbool("JEMBATAN_TRUST_X_FORWARDED_PROTO", JEMBATAN_HTTPS):
    # Only behind a proxy that sets this header itself and drops the client's own.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Headers and cookies, the same with DEBUG on or off (docs/security.md).
SESSION_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_SAMESITE: Literal["Lax"] = "Lax"
CSRF_COOKIE_SAMESITE: Literal["Lax"] = "Lax"
LANGUAGE_COOKIE_SAMESITE: Literal["Lax"] = "Lax"

# Sessions end after this many minutes without a request (jembatan.accounts.middleware);
# officers and superusers, who see more, sooner. The cookie itself lasts two weeks at most.
JEMBATAN_SESSION_IDLE_MINUTES = envint("JEMBATAN_SESSION_IDLE_MINUTES", 120)
JEMBATAN_OFFICER_SESSION_IDLE_MINUTES = envint("JEMBATAN_OFFICER_SESSION_IDLE_MINUTES", 30)
SESSION_COOKIE_AGE = envint("SESSION_COOKIE_AGE", 14 * 24 * 3600)

# Content-Security-Policy (django-csp). Every script and stylesheet is a file under /static/
# or served by the app itself; no inline code, no third-party origin. JEMBATAN_CSP_REPORT_ONLY=1
# sends the same policy as Content-Security-Policy-Report-Only: browsers report, block nothing.
_CSP = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}
JEMBATAN_CSP_REPORT_ONLY = envbool("JEMBATAN_CSP_REPORT_ONLY", False)
if JEMBATAN_CSP_REPORT_ONLY:
    CONTENT_SECURITY_POLICY_REPORT_ONLY = _CSP
else:
    CONTENT_SECURITY_POLICY = _CSP

# Hostile uploads (docs/security.md, "Hostile uploads and formula injection"): checked by
# jembatan.core.interfaces.uploads before any parser reads a file. XLSX parts and their
# compression ratio are read from the zip's directory; images over this many pixels are
# refused before they are decoded (Pillow's own default, made explicit).
JEMBATAN_UPLOAD_XLSX_MAX_ENTRIES = envint("JEMBATAN_UPLOAD_XLSX_MAX_ENTRIES", 1000)
JEMBATAN_UPLOAD_XLSX_MAX_RATIO = envint("JEMBATAN_UPLOAD_XLSX_MAX_RATIO", 200)
JEMBATAN_UPLOAD_XLSX_MAX_SHARED_STRINGS_BYTES = envint(
    "JEMBATAN_UPLOAD_XLSX_MAX_SHARED_STRINGS_BYTES", 128 * 1024 * 1024
)
JEMBATAN_UPLOAD_MAX_IMAGE_PIXELS = envint("JEMBATAN_UPLOAD_MAX_IMAGE_PIXELS", 89_478_485)
