"""Authentication: every way to present a password is throttled (accounts/throttle.py)."""

AUTHENTICATION_BACKENDS = ["accounts.backends.ThrottledModelBackend"]

# Failed passwords allowed per window, by the account presented (user name, normalised) and by
# the client (its address, RATELIMIT_IP_META_KEY behind the proxy), over every park and the hub
# together. Past either, no password is checked until the window ends. django-ratelimit rates.
LOGIN_FAILURES_PER_ACCOUNT = "5/15m"
LOGIN_FAILURES_PER_CLIENT = "30/15m"

# At most one password-reset mail per account in this many seconds.
PASSWORD_RESET_MAIL_INTERVAL = 15 * 60

# Wagtail's admin logs in through a throttled form; its own password reset is off (its URLs
# answer 404): people reset at /accounts/password/reset/, which is throttled.
WAGTAILADMIN_USER_LOGIN_FORM = "accounts.forms.WagtailLoginForm"
WAGTAIL_PASSWORD_RESET_ENABLED = False

# Personal API tokens (accounts/tokens.py): the validities offered, in days.
API_TOKEN_DAYS = (30, 90, 180, 365)
