"""The editorial engine: workflow, revisions, review, roles and public history for
every content model the content apps register (``editorial.registry``)."""
