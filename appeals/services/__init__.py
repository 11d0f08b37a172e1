"""Appeal workflows on the park side. Import from the submodules:

- intake: submit, resubmit after 补正
- window: accept (dispatch to the hub), return, reject, answer at the window
- journey: reply to a department's question
- rating: rate the answer (重办 when dissatisfied), close unrated answers
- inbound: apply a message from the hub (exactly once)
- outbox: write, deliver and sweep messages to the hub
"""
