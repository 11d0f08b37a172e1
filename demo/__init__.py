"""Demo data: the five Longgang parks, their content, a year of appeals and service days.

The top layer: it depends on every app, and no app depends on it. Everything is made through
the apps' real services on a simulated clock (`demo.clock`), with tasks muted
(`core.tasks.tasks_muted`) because every message is delivered synchronously here.
`manage.py seed_demo` runs it; `make run` calls that.
"""
