"""The bottom layer: plumbing every app shares, importing no app of this project.

What lives here is domain-neutral: the park ↔ hub delivery protocol and its outbox/receipt
bases, the one on-commit task sender, the loop over active parks, the working-day calendar,
attachment checks and private storage, the `Rate` value, the timeline-event base, form helpers
and phrases. ARCHITECTURE.md shows where it sits.
"""
