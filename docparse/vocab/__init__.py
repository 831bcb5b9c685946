"""The vocabulary floor: what every stage knows about how calls are written, defined once.

Numbering families and their levels (`families`), markers, field labels, leaders, bullets and
navigation texts (`markers`), character classes such as CJK (`chars`). Readers, normalize,
segment, outline and check import their knowledge from here; nothing here imports a stage.
"""
