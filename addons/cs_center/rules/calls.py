"""Call-handling rules (seed 003 第三篇 6: 电话铃响三声之内接听; 第五篇 四: 多次来电的反映问题
重点跟踪, 并在日小结中上报).

Plain Python: no Odoo import. The policy numbers (rings, seconds per ring, repeat
window) come from the company settings and are passed in by the caller.
"""

from datetime import timedelta


def rings(ring_seconds, seconds_per_ring):
    """Rings heard before the call was answered (a started ring counts)."""
    if seconds_per_ring <= 0:
        raise ValueError("a ring lasts some seconds")
    return -(-int(ring_seconds) // int(seconds_per_ring)) if ring_seconds > 0 else 0


def answered_in_time(ring_seconds, seconds_per_ring, max_rings):
    """True when the phone was picked up within ``max_rings`` rings."""
    return rings(ring_seconds, seconds_per_ring) <= max_rings


def phone_key(phone):
    """The digits of a phone number, so that '139 0731 8888' and '13907318888' match.

    A leading China country code (+86 / 0086) is dropped; an empty number gives ''.
    """
    digits = "".join(ch for ch in (phone or "") if ch.isdigit())
    for prefix in ("0086", "86"):
        if digits.startswith(prefix) and len(digits) - len(prefix) >= 11:
            return digits[len(prefix) :]
    return digits


def is_repeat(call_at, previous_calls_at, window_days):
    """True when another call from the same caller came within ``window_days`` before.

    The window is closed at its start: a call exactly ``window_days`` earlier counts.
    """
    start = call_at - timedelta(days=window_days)
    return any(start <= other < call_at for other in previous_calls_at)
