"""The load generator behind `manage.py seed_load`: appeals at real volume (压测数据) in parks
load01..loadNN, written with their appraisal facts straight into the hub (see `run`)."""
