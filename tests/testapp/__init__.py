"""A throwaway content app, installed by the test settings only: it proves that a
new content model needs its own app's files and one registration line to get
roles, history, review, public history, updates and the page cache's
invalidation from the editorial engine."""
