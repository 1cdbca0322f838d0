"""Sane bounds of what an agent types into a complaint, call, callback or
suggestion (issue #15: a clear refusal instead of a traceback).

Plain Python: no Odoo import.
"""

# Longest phone number kept: E.164 numbers have at most 15 digits; the rest leaves
# room for a prefix, an extension and spaces. Its digits are indexed, and
# PostgreSQL refuses an index row of a few kilobytes.
PHONE_MAX_LENGTH = 40

# Longest name and email address a visitor may give on the public form (RFC 5321
# limits an address to 254 characters); a customer's name is indexed.
NAME_MAX_LENGTH = 128
EMAIL_MAX_LENGTH = 254

# Longest ringing or talk time of one call, in seconds: a day.
CALL_MAX_SECONDS = 24 * 60 * 60


def year_in_range(value, first_year, last_year):
    """True for an empty date or one dated within the sane years (the company's
    setting): outside, a date is a typing mistake (20260 for 2026), and the
    working-calendar and repeat-window arithmetic overflows near years 1 and 9999."""
    return not value or first_year <= value.year <= last_year


def phone_fits(phone):
    return not phone or len(phone) <= PHONE_MAX_LENGTH


def seconds_in_range(seconds):
    """True for a duration of a call from zero to a day (empty counts as zero)."""
    return 0 <= (seconds or 0) <= CALL_MAX_SECONDS
