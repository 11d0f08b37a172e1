"""What the hub tells the apps above it, without importing them.

`park_message_arrived` carries a hub → park message into the park's schema (kwargs: key, kind,
appeal_id, payload); the appeals app applies it. Its receiver must raise if it cannot apply the
message, so the message stays undelivered and is re-sent.
"""

from django.dispatch import Signal

park_message_arrived = Signal()
