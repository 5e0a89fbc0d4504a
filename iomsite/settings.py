"""Settings for iomsite.

The environment is read here and nowhere else. With DJANGO_DEBUG off (the
default), start-up stops with a message naming any production setting that is
missing, rather than running half-configured. (manage.py alone turns
DJANGO_DEBUG on when neither it nor DJANGO_SECRET_KEY is set, for a developer's
machine; the app server never does.)
"""

import os
import secrets
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_flag(name):
    return os.environ.get(name, "").strip().lower() in {"1", "true", "yes", "on"}


def env_switch(name, default):
    """A yes/no setting that is on (or off) unless the environment says otherwise."""
    value = os.environ.get(name, "").strip().lower()
    return default if not value else value in {"1", "true", "yes", "on"}


def env_list(name):
    return [item.strip() for item in os.environ.get(name, "").split(",") if item.strip()]


def env_seconds(name, default):
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        seconds = float(value)
    except ValueError:
        seconds = -1
    if not 0 < seconds < 3600:
        raise ImproperlyConfigured(f"{name} must be a number of seconds above 0, not {value!r}.")
    return seconds


def required_in_production(name, hint):
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(f"{name} must be set when DJANGO_DEBUG is off ({hint}).")
    return value


def development_secret_key():
    """A key kept in the project folder so local sessions survive restarts."""
    key_file = BASE_DIR / ".dev-secret-key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


DEBUG = env_flag("DJANGO_DEBUG")

if DEBUG:
    SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY") or development_secret_key()
    ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS") or ["127.0.0.1", "localhost", "[::1]"]
else:
    SECRET_KEY = required_in_production("DJANGO_SECRET_KEY", "a long random string")
    ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS") or required_in_production(
        "DJANGO_ALLOWED_HOSTS", "comma-separated host names"
    )

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=60,
        conn_health_checks=True,
    )
}

REDIS_URL = os.environ.get("REDIS_URL", "").strip()
# Seconds to connect to Redis, and to wait for each answer: past them, the page is
# served uncached rather than keeping a worker waiting (see iomsite.cache_health).
REDIS_TIMEOUT = env_seconds("REDIS_TIMEOUT", 0.5)
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {"socket_connect_timeout": REDIS_TIMEOUT, "socket_timeout": REDIS_TIMEOUT},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# The admin's address, e.g. "editors/"; a less guessable one keeps most scanners away.
ADMIN_PATH = (os.environ.get("DJANGO_ADMIN_PATH", "").strip().strip("/") or "admin") + "/"

INSTALLED_APPS = [
    # django.contrib.admin, with the reviewers' queue added to its site.
    "editorial.apps.EditorsAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "django.contrib.sitemaps",
    "django_filters",
    "simple_history",
    "axes",
    "iomsite",
    "editorial",
    "loader",
    "orgs",
    "timeline",
    "critiques",
    "django_countries",
    "members",
    "api",
]
if DEBUG:
    # Development only: the scale-data generator and measure_pages (see devtools).
    INSTALLED_APPS.append("devtools")

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Answers If-None-Match with 304 Not Modified, for cached and fresh pages alike.
    "django.middleware.http.ConditionalGetMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The language is the address's: /fr/… French, /es/… Spanish, anything else English.
    "iomsite.languages.PathLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Below every middleware that adds headers, so cached pages get them too.
    "iomsite.page_cache.PageCacheMiddleware",
    # Last, as django-axes requires: turns a throttled login into its own page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "iomsite.urls"
WSGI_APPLICATION = "iomsite.wsgi.application"

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
                "iomsite.context_processors.site",
            ],
        },
    },
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Login throttle (django-axes): 5 failed logins for one user name, or from one
# address, refuse further attempts for 15 minutes. Attempts are kept in the
# database, so every app server behind a load balancer sees the same counts.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_LOCKOUT_CALLABLE = "iomsite.security.login_throttled"
AXES_CLIENT_IP_CALLABLE = "iomsite.security.client_ip"
# Lift a lockout early with `manage.py axes_reset_username NAME` (or axes_reset_ip).
AXES_ENABLE_ADMIN = False

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("fr", _("French")), ("es", _("Spanish"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Dates and numbers as each language writes them ("5 December 1951", "1er décembre
# 1951", "2,5 milliards de dollars US"): Django's formats, adjusted in iomsite/formats.
FORMAT_MODULE_PATH = ["iomsite.formats"]
USE_I18N = True
TIME_ZONE = "UTC"
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT") or BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Browsers keep files with a content hash in their name (site.3f9a….css) for ten
# years, as immutable; WhiteNoise does that by itself. Any other file: ten minutes.
WHITENOISE_MAX_AGE = 600

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# One JSON object per line on stderr, for a log collector. Every record goes
# through the root handler once: Django's own "django" handlers are removed.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "iomsite.logging.JSONFormatter"}},
    "handlers": {"stderr": {"class": "logging.StreamHandler", "formatter": "json"}},
    "root": {"handlers": ["stderr"], "level": "INFO"},
    "loggers": {
        "django": {"handlers": [], "level": "INFO", "propagate": True},
        # Failed logins and lockouts are warnings; skip the start-up banner and chatter.
        "axes": {"level": "WARNING"},
    },
}

# Security headers on every response, in every environment.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Only this site's own files: no inline script or style, no third-party origin.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
if DEBUG:
    # Django's debug error pages carry inline styles and scripts: in development
    # the policy only reports (in the browser console) what it would block.
    SECURE_CSP_REPORT_ONLY, SECURE_CSP = SECURE_CSP, {}
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True

# TLS ends at a load balancer that sets X-Forwarded-Proto (and drops any a client sent).
BEHIND_TLS_PROXY = env_flag("DJANGO_BEHIND_TLS_PROXY")
if BEHIND_TLS_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Load balancers probe /healthz over plain http.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
if not DEBUG:
    SECURE_SSL_REDIRECT = env_switch("DJANGO_SECURE_SSL_REDIRECT", True)
    if not SECURE_SSL_REDIRECT:
        # Switched off on purpose (plain http on loopback, or a proxy that redirects).
        SILENCED_SYSTEM_CHECKS = ["security.W008"]
    SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    # Only allows the domain's owner to submit it to the browsers' preload list.
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

# Whole public pages are cached for anonymous readers (see iomsite.page_cache):
# in local memory by default, in Redis when REDIS_URL is set.
IOMSITE_PAGE_CACHE = env_switch("IOMSITE_PAGE_CACHE", True)
IOMSITE_PAGE_CACHE_SECONDS = 60 * 60
# Never cached: the health check must answer live.
IOMSITE_PAGE_CACHE_EXEMPT = ("/healthz",)
# While the cache fails, it is tried again at most this often (per process).
IOMSITE_PAGE_CACHE_RETRY_SECONDS = 2
# With Redis, each process compares Redis's copy of the content version with the
# database at most this long after its last comparison (see iomsite.content_version).
IOMSITE_CONTENT_VERSION_RECHECK_SECONDS = 5

# The organization the site is about; its overview is the home page.
IOMSITE_ORGANIZATION = "iom"

# django-countries 9.1 names Nauru "Naoero"; ISO 3166 and the IOM say Nauru, which
# is also its name in French and Spanish.
COUNTRIES_OVERRIDE = {"NR": "Nauru"}
