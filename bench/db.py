"""The bench's own database: DATABASE_URL with the name replaced, dropped and created afresh."""

import os
from urllib.parse import urlsplit, urlunsplit

import psycopg
from psycopg import sql

# Overridable so that several benches can run side by side on one server.
BENCH_DB_NAME = os.environ.get("BENCH_DB_NAME") or "parkportal_bench"
MAINTENANCE_DB_NAME = "postgres"


def with_database(url: str, name: str) -> str:
    """The same server, user and options (e.g. ?host=/socket/dir), another database."""
    parts = urlsplit(url)
    if parts.scheme not in {"postgres", "postgresql"}:
        raise SystemExit("DATABASE_URL must start with postgres:// or postgresql://")
    return urlunsplit((parts.scheme, parts.netloc, "/" + name, parts.query, parts.fragment))


def bench_url(database_url: str) -> str:
    return with_database(database_url, BENCH_DB_NAME)


def recreate(database_url: str) -> str:
    """Drop and create the bench database; returns its URL."""
    maintenance = with_database(database_url, MAINTENANCE_DB_NAME)
    name = sql.Identifier(BENCH_DB_NAME)
    with psycopg.connect(maintenance, autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(name))
        conn.execute(sql.SQL("CREATE DATABASE {} ENCODING 'UTF8' TEMPLATE template0").format(name))
    return bench_url(database_url)


def copy(database_url: str, suffix: str) -> str:
    """A copy of the bench database (no one may be connected to it), dropped and made afresh;
    returns its URL."""
    maintenance = with_database(database_url, MAINTENANCE_DB_NAME)
    name = sql.Identifier(BENCH_DB_NAME + suffix)
    with psycopg.connect(maintenance, autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(name))
        conn.execute(
            sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(name, sql.Identifier(BENCH_DB_NAME))
        )
    return with_database(database_url, BENCH_DB_NAME + suffix)


def drop(database_url: str, suffix: str) -> None:
    maintenance = with_database(database_url, MAINTENANCE_DB_NAME)
    name = sql.Identifier(BENCH_DB_NAME + suffix)
    with psycopg.connect(maintenance, autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(name))
