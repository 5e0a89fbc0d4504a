"""Deploy-safe loading of the curated content fixtures, and their export.

Which models go in which file comes from the editorial registry (``fixture=``).
"""
