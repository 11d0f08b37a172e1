"""What service days tell the apps above them, without importing them.

`service_days_changed`: a day appeared, went or changed its date in the current park; the cms
app refreshes the park's cached pages (the home page lists upcoming days).
"""

from django.dispatch import Signal

service_days_changed = Signal()
