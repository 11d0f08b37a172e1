"""Authentication: every way to present a password is throttled (accounts/throttle.py)."""
