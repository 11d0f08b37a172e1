"""District hub workflows. Submodules:

- directory: departments, liaisons, the district admins' group
- inbound: apply a park's message (new case, information reply, rating) exactly once
- cases: what liaisons and district admins do with a case
- extensions: 延期 requested by a department, decided by a district admin
- deadlines: reminders (催办) and overdue marking, from beat
- outbox: hub → park messages
"""

from .directory import department_ensure, district_admin_group_ensure, liaison_create

__all__ = ["department_ensure", "district_admin_group_ensure", "liaison_create"]
