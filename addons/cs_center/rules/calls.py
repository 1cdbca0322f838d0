"""Call-handling rules (seed 003 第三篇 6: 电话铃响三声之内接听; 第五篇 四)."""

from datetime import timedelta


def rings(ring_seconds, seconds_per_ring):
    """Rings heard before the call was answered (a started ring counts)."""
    if seconds_per_ring <= 0:
        raise ValueError("a ring lasts some seconds")
    return -(-int(ring_seconds) // int(seconds_per_ring)) if ring_seconds > 0 else 0


def answered_in_time(ring_seconds, seconds_per_ring, max_rings):
    return rings(ring_seconds, seconds_per_ring) <= max_rings


def is_repeat(call_at, previous_calls_at, window_days):
    """True when another call from the same caller came within ``window_days`` before."""
    start = call_at - timedelta(days=window_days)
    return any(start <= other < call_at for other in previous_calls_at)
