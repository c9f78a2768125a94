"""Maatwerk: case management and client portal for Work & Income (Participatiewet)."""
