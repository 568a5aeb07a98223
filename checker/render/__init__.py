"""Rendering results for people (rich tables, Chinese) and programs (JSON, CSV)."""
