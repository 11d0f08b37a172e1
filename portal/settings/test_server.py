"""Processes started by the test suite (web server, worker) against the test database."""

from .test import *  # noqa: F403

DEBUG = False
