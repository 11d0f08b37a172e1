"""Processes started by the test suite (web server, worker) against the test database."""

from .test import *  # noqa: F401,F403

DEBUG = False
