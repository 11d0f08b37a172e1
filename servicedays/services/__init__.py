"""Service-day workflows. Import from the submodules:

- days: create a service day with its hosting departments and slots
- bookings: book, cancel, move (seats are taken and freed under the slot's row lock)
- waitlist: join a full slot's waitlist, promote the first in line, expire at the cutoff
- common: the checks and notices the workflows share, and the SlotFull error
"""
