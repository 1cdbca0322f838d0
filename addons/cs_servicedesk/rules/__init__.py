"""Rulebook arithmetic: plain Python, importing nothing from Odoo."""
