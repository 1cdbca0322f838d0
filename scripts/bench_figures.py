#!/usr/bin/env python3
"""The figures of scripts/bench (run it through scripts/bench).

Each figure builds its own volume data in a transaction that is rolled back
afterwards, measures our code and, in the same run, a baseline from Odoo's own
core, then reports the value, the target and the ratio. Absolute seconds
depend on the machine and its load: read the ratios.
"""

import argparse
import json
import os
import resource
import sys
import time
import tracemalloc
from datetime import date, datetime, timedelta

FIGURES = {}


def figure(code):
    def register(func):
        FIGURES[code] = func
        return func

    return register


class Measure:
    def __init__(self, env):
        self.env = env

    def __call__(self, func):
        """(seconds, queries, result) of ``func`` with everything flushed."""
        cr = self.env.cr
        self.env.flush_all()
        queries = cr.sql_log_count
        start = time.perf_counter()
        result = func()
        self.env.flush_all()
        return time.perf_counter() - start, cr.sql_log_count - queries, result


def row(code, name, value, unit, target, ok, baseline=None, ratio=None, queries=None, note=""):
    return {
        "figure": code,
        "name": name,
        "value": round(value, 3) if isinstance(value, float) else value,
        "unit": unit,
        "target": target,
        "met": ok,
        "baseline": baseline,
        "ratio": round(ratio, 3) if isinstance(ratio, float) else ratio,
        "queries": queries,
        "note": note,
    }


# ---------------------------------------------------------------------------
# Volume data
# ---------------------------------------------------------------------------
def bench_company(env):
    """A company of its own in China with a working calendar, holidays and a
    make-up working day, one team, partners."""
    cny = env.ref("base.CNY")
    cny.active = True
    company = env["res.company"].create(
        {
            "name": f"Bench {time.time_ns()}",
            "currency_id": cny.id,
            "country_id": env.ref("base.cn").id,
        }
    )
    calendar = company.resource_calendar_id
    calendar.tz = "Asia/Shanghai"
    env["resource.calendar.leaves"].create(
        [
            {
                "name": "国庆节",
                "calendar_id": calendar.id,
                "date_from": datetime(2026, 9, 30, 16, 0),
                "date_to": datetime(2026, 10, 7, 16, 0),
                "company_id": company.id,
            }
        ]
    )
    if "cs.workday.extra" in env:
        env["cs.workday.extra"].create(
            {"name": "调休上班", "date": date(2026, 10, 10), "company_id": company.id}
        )
    env = env(context=dict(env.context, allowed_company_ids=company.ids))
    team = env["cs.team"].create({"name": "Bench", "resource_calendar_id": calendar.id})
    return env, company, team


def sql_complaints(env, company, team, count, breached_every=0, start=None):
    """``count`` complaints inserted in one statement (volume data, not the
    code under test); every ``breached_every``-th one is past its deadline."""
    start = start or datetime(2026, 3, 2, 1, 0)
    env.flush_all()
    env.cr.execute(
        """INSERT INTO cs_complaint (name, subject, company_id, team_id, channel, urgency,
                                     complexity, state, received_at, response_deadline,
                                     create_uid, write_uid, create_date, write_date)
           SELECT 'BENCH-' || g, 'Bench complaint ' || g, %(company)s, %(team)s, 'phone',
                  'normal', 'simple', 'in_progress', %(start)s + g * interval '1 minute',
                  CASE WHEN %(every)s > 0 AND g %% %(every)s = 0
                       THEN %(start)s ELSE now() + interval '10 days' END,
                  1, 1, now(), now()
             FROM generate_series(1, %(count)s) g""",
        {
            "company": company.id,
            "team": team.id,
            "count": count,
            "every": breached_every,
            "start": start,
        },
    )
    # Fresh statistics, as autovacuum would give a real database: without them
    # PostgreSQL plans for an empty table.
    env.cr.execute("ANALYZE cs_complaint")
    env.cr.execute("SELECT id FROM cs_complaint WHERE company_id = %s ORDER BY id", [company.id])
    return env["cs.complaint"].browse([r[0] for r in env.cr.fetchall()])


def partners(env, count):
    return env["res.partner"].create([{"name": f"客户 {i}"} for i in range(count)])


# ---------------------------------------------------------------------------
# Figures
# ---------------------------------------------------------------------------
@figure("P1")
def p1_intake(env, scale):
    """Batch-create complaints with SLA deadlines (tracking on) against
    batch-creating the same number of crm.lead for the same partners."""
    n = int(5000 * scale)
    env, company, team = bench_company(env)
    people = partners(env, 200)
    measure = Measure(env)
    lead_s, lead_q, _ = measure(
        lambda: env["crm.lead"].create(
            [{"name": f"Lead {i}", "partner_id": people[i % 200].id} for i in range(n)]
        )
    )
    ours_s, ours_q, _ = measure(
        lambda: env["cs.complaint"].create(
            [
                {
                    "subject": f"投诉 {i}",
                    "partner_id": people[i % 200].id,
                    "team_id": team.id,
                    "channel": ("phone", "email", "chat")[i % 3],
                    "urgency": "urgent" if i % 5 == 0 else "normal",
                }
                for i in range(n)
            ]
        )
    )
    ratio = ours_s / lead_s
    return [
        row(
            "P1",
            f"create {n} complaints with deadlines",
            ours_s,
            "s",
            "≤ 0.6 × crm.lead",
            ratio <= 0.6,
            baseline=f"{n} crm.lead: {lead_s:.2f} s",
            ratio=ratio,
            queries=ours_q,
            note=f"{ours_q / n:.1f} queries/complaint, leads {lead_q / n:.1f}",
        )
    ]


@figure("P2")
def p2_deadlines(env, scale):
    """SLA deadlines of 10,000 complaints on a calendar with holidays and a
    make-up day, against plan_hours called per complaint."""
    n = int(10000 * scale)
    env, company, team = bench_company(env)
    complaints = sql_complaints(env, company, team, n)
    measure = Measure(env)
    ours_s, ours_q, _ = measure(complaints._plan_deadlines)
    calendar = company.resource_calendar_id
    sample = complaints[: max(200, n // 50)]
    base_s, _q, _ = measure(
        lambda: [
            calendar.plan_hours(h, c.received_at, compute_leaves=True)
            for c in sample
            for h in (2.0, 4.0, 24.0)
        ]
    )
    base_s *= n / len(sample)
    speedup = base_s / ours_s
    return [
        row(
            "P2",
            f"deadlines of {n} complaints",
            ours_s,
            "s",
            "≥ 10 × faster",
            speedup >= 10,
            baseline=f"plan_hours per complaint: {base_s:.1f} s (extrapolated)",
            ratio=speedup,
            queries=ours_q,
        )
    ]


@figure("P3")
def p3_breaches(env, scale):
    """Breach scan over 200,000 complaints (1 % breached), then escalation."""
    n = int(200000 * scale)
    env, company, team = bench_company(env)
    sql_complaints(env, company, team, n, breached_every=100)
    env.invalidate_all()
    Complaint = env["cs.complaint"]
    measure = Measure(env)
    find_s, find_q, found = measure(lambda: Complaint._breach_candidates())
    esc_s, esc_q, escalated = measure(lambda: Complaint._cron_escalate_breaches())
    return [
        row(
            "P3a",
            f"find the breached among {n}",
            find_s,
            "s",
            "≤ 1 s",
            find_s <= 1.0,
            queries=find_q,
            note=f"{len(found)} found",
        ),
        row(
            "P3b",
            f"escalate {len(escalated)} (message + activity)",
            esc_s,
            "s",
            "≤ 5 s",
            esc_s <= 5.0,
            queries=esc_q,
            note=f"{esc_q / max(1, len(escalated)):.1f} queries/complaint",
        ),
    ]


@figure("P4")
def p4_settlement(env, scale):
    """The monthly settlement of 1,000 employees (one month of evaluated days,
    ~22,000 days from ~44,000 punches), and 2,000 for the growth."""
    if "cs.attendance.settlement" not in env:
        return [row("P4", "monthly settlement", 0.0, "s", "≤ 15 s", None, note="not installed")]
    rows = []
    times = {}
    for heads in (int(1000 * scale), int(2000 * scale)):
        env2, company, _team = bench_company(env)
        staff = env2["hr.employee"].create(
            [{"name": f"员工 {i}", "company_id": company.id} for i in range(heads)]
        )
        env2.flush_all()
        # Evaluated days as the nightly evaluation leaves them (volume data).
        env2.cr.execute(
            """INSERT INTO cs_attendance_day (employee_id, company_id, date, period_start,
                                              state, scheduled_hours, worked_hours,
                                              late_minutes, early_minutes, absent,
                                              create_uid, write_uid, create_date, write_date)
               SELECT e.id, %(company)s, d::date, %(start)s, 'done', 8, 8 - (e.id %% 3) * 0.25,
                      (e.id + extract(day FROM d)::int) %% 7, 0,
                      (e.id + extract(day FROM d)::int) %% 53 = 0, 1, 1, now(), now()
                 FROM unnest(%(ids)s) AS e(id),
                      generate_series(%(start)s::date, %(end)s::date, interval '1 day') d
                WHERE extract(isodow FROM d) < 6""",
            {
                "company": company.id,
                "ids": staff.ids,
                "start": date(2026, 2, 21),
                "end": date(2026, 3, 20),
            },
        )
        env2.cr.execute("ANALYZE cs_attendance_day")
        env2.invalidate_all()
        seconds, queries, _ = Measure(env2)(
            lambda e=env2, s=staff: e["cs.attendance.settlement"]._cs_compute_period(
                s, date(2026, 3, 1)
            )
        )
        times[heads] = (seconds, queries)
    (t1, q1), (t2, q2) = times.values()
    heads = int(1000 * scale)
    rows.append(
        row(
            "P4",
            f"settlement, {heads} employees",
            t1,
            "s",
            "≤ 15 s, ≤ 100 queries",
            t1 <= 15 and q1 <= 100,
            queries=q1,
        )
    )
    rows.append(
        row(
            "P4b",
            f"settlement, {2 * heads} employees",
            t2,
            "s",
            "≤ 2.2 × P4",
            t2 <= 2.2 * t1 and q2 <= 100,
            ratio=t2 / t1,
            queries=q2,
        )
    )
    return rows


@figure("P5")
def p5_leave(env, scale):
    """One leave request through three approval tiers."""
    if "cs_levels" not in env["hr.leave"]._fields:
        return [
            row(
                "P5",
                "leave through three tiers",
                0.0,
                "s",
                "≤ 60 queries",
                None,
                note="cs_attendance not installed",
            )
        ]
    env, company, _team = bench_company(env)
    Users, Employee = env["res.users"], env["hr.employee"]

    def person(name, **vals):
        user = Users.create(
            {
                "name": name,
                "login": f"{name}-{time.time_ns()}",
                "company_id": company.id,
                "company_ids": [company.id],
            }
        )
        return Employee.create({"name": name, "user_id": user.id, "company_id": company.id, **vals})

    head = person("王总")
    store = env["hr.department"].create(
        {"name": "Store", "manager_id": head.id, "company_id": company.id}
    )
    manager = person("陈经理", department_id=store.id, parent_id=head.id)
    dept = env["hr.department"].create(
        {"name": "CS", "parent_id": store.id, "manager_id": manager.id, "company_id": company.id}
    )
    supervisor = person("刘组长", department_id=dept.id, parent_id=manager.id)
    employee = person("李娜", department_id=dept.id, parent_id=supervisor.id)
    personal = env.ref("cs_attendance.leave_type_personal")
    measure = Measure(env)

    def flow(monday=date(2026, 11, 2)):
        leave = (
            env["hr.leave"]
            .with_user(employee.user_id)
            .create(
                {
                    "holiday_status_id": personal.id,
                    "employee_id": employee.id,
                    "request_date_from": monday,
                    "request_date_to": monday + timedelta(days=4),
                }
            )
        )
        for approver in (supervisor, manager, head):
            leave.with_user(approver.user_id).sudo(False).action_approve()
        return leave

    # A first request warms Odoo's caches (access rules, defaults, views), as
    # a running server has them; the second is measured.
    measure(lambda: flow(date(2026, 10, 12)))

    seconds, queries, leave = measure(flow)
    return [
        row(
            "P5",
            "leave request → three tiers approved",
            seconds,
            "s",
            "≤ 60 queries, ≤ 0.2 s",
            queries <= 60 and seconds <= 0.2,
            queries=queries,
            note=f"state {leave.state}",
        )
    ]


@figure("P6")
def p6_sheet(env, scale):
    """The tracking sheet of 100,000 complaints as xlsx."""
    n = int(100000 * scale)
    env, company, team = bench_company(env)
    sql_complaints(env, company, team, n)
    env.invalidate_all()
    sheet = env["cs.tracking.sheet"].create({"date_from": "2026-01-01", "date_to": "2027-12-31"})
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # Timed without tracemalloc (it slows Python down), then measured with it.
    seconds, queries, data = Measure(env)(sheet._xlsx)
    env.invalidate_all()
    tracemalloc.start()
    sheet._xlsx()
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    peak_mb = peak / 2**20
    rss_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss_before) / 1024
    return [
        row(
            "P6",
            f"tracking sheet, {n} complaints",
            seconds,
            "s",
            "≤ 20 s, ≤ 150 MB",
            seconds <= 20 and peak_mb <= 150,
            queries=queries,
            note=f"peak Python memory {peak_mb:.0f} MB, RSS growth {rss_mb:.0f} MB, "
            f"{len(data) / 2**20:.1f} MiB file",
        )
    ]


@figure("P7")
def p7_session(env, scale):
    """Closing a counter session of 5,000 receipts."""
    n = int(5000 * scale)
    env, company, _team = bench_company(env)
    env["account.chart.template"].try_loading("generic_coa", company, install_demo=False)
    counter = env["cs.desk.counter"].create({"name": f"Bench {time.time_ns()}"})
    session = env["cs.desk.session"].create({"counter_id": counter.id})
    env.flush_all()
    env.cr.execute(
        """INSERT INTO cs_desk_sale (name, company_id, counter_id, session_id, user_id,
                                     amount_total, payment_method, state, paid_at,
                                     create_uid, write_uid, create_date, write_date)
           SELECT 'R-' || g, %(company)s, %(counter)s, %(session)s, 1, 2.0, 'cash', 'paid',
                  now(), 1, 1, now(), now()
             FROM generate_series(1, %(n)s) g""",
        {"company": company.id, "counter": counter.id, "session": session.id, "n": n},
    )
    env.invalidate_all()
    session._compute_totals()
    session.count_line_ids[:1].pieces = int(2 * n / max(session.count_line_ids[:1].denomination, 1))
    session.difference_reason = "bench"
    env.user.group_ids |= env.ref("cs_servicedesk.group_desk_shift_lead")
    seconds, queries, _ = Measure(env)(session.action_close)
    return [
        row(
            "P7",
            f"close a session of {n} receipts",
            seconds,
            "s",
            "≤ 10 s",
            seconds <= 10,
            queries=queries,
            note=f"expected {session.expected_cash:.0f}",
        )
    ]


def p8_rpc(registry, url, db, seconds=20, clients=8):
    """Complaints created over JSON-RPC, as the web client calls it, by eight
    clients against Odoo with two workers on loopback."""
    import threading

    from stress_load import Actor

    import odoo

    login = f"bench-agent-{time.time_ns()}"
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        env["res.users"].create(
            {
                "name": "Bench Agent",
                "login": login,
                "password": login,
                "group_ids": [(4, env.ref("cs_center.group_cs_agent").id)],
            }
        )

    def load(model, vals, duration):
        """(created ids, latencies, seconds) of ``clients`` clients creating ``model``."""
        latencies, created, lock = [], [], threading.Lock()
        stop = time.monotonic() + duration

        def client():
            actor = Actor(url, db, login, login)
            while time.monotonic() < stop:
                start = time.perf_counter()
                [new_id] = actor.call(model, "create", [vals])
                with lock:
                    latencies.append(time.perf_counter() - start)
                    created.append(new_id)

        threads = [threading.Thread(target=client) for _ in range(clients)]
        begin = time.monotonic()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        return created, latencies, time.monotonic() - begin

    # Baseline: Odoo's own contacts created the same way, on the same server.
    partners, _lat, partner_s = load("res.partner", {"name": "RPC 联系人"}, seconds / 2)
    created, latencies, elapsed = load(
        "cs.complaint", {"subject": "RPC 投诉", "channel": "web"}, seconds
    )
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        env["cs.complaint"].browse(created).unlink()
        env["res.partner"].browse(partners).unlink()
        env["res.users"].search([("login", "=", login)]).action_archive()
    partner_rate = len(partners) / partner_s
    rate = len(created) / elapsed
    p95 = sorted(latencies)[int(0.95 * (len(latencies) - 1))] if latencies else 0.0
    return [
        row(
            "P8",
            f"JSON-RPC create, {clients} clients, 2 workers",
            rate,
            "/s",
            "≥ 50/s, p95 ≤ 300 ms",
            rate >= 50 and p95 <= 0.3,
            baseline=f"res.partner over JSON-RPC: {partner_rate:.0f}/s",
            ratio=rate / partner_rate,
            note=f"{len(created)} in {elapsed:.0f} s, p95 {p95 * 1000:.0f} ms",
        )
    ]


GROWTH = {"P1": "complaint", "P3": "complaint", "P6": "complaint"}


def growth(rows_1, rows_4):
    """P9: at 4x the volume the time grows at most linearly (10 % slack) and
    the queries per record do not grow."""
    out = []
    for small, big in zip(rows_1, rows_4, strict=True):
        if not isinstance(small["value"], float) or not small["value"]:
            continue
        time_ratio = big["value"] / small["value"]
        q_small = (small["queries"] or 0) / 1
        q_big = (big["queries"] or 0) / 4
        ok = time_ratio <= 4.4 and (not q_small or q_big <= q_small * 1.05)
        out.append(
            row(
                "P9",
                f"{small['figure']} at 4x: time ratio",
                time_ratio,
                "x",
                "≤ 4.4 x, queries/record flat",
                ok,
                note=(
                    f"queries {small['queries']} -> {big['queries']} "
                    f"(per record x{q_big / q_small:.2f})"
                )
                if q_small
                else "",
            )
        )
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--conf", required=True)
    parser.add_argument("--db", required=True)
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--only", default="", help="comma-separated figures, e.g. P1,P3")
    parser.add_argument("--json", default="")
    parser.add_argument("--url", default="", help="a multi-worker Odoo serving --db, for P8")
    args = parser.parse_args()

    import odoo
    from odoo.modules.registry import Registry

    odoo.tools.config.parse_config(["-c", args.conf, "-d", args.db], setup_logging=False)
    registry = Registry(args.db)
    wanted = [c for c in args.only.split(",") if c] or [*FIGURES, "P8", "P9"]

    def run(code, scale):
        with registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            try:
                return FIGURES[code](env, scale)
            except Exception as exc:  # noqa: BLE001 - a figure that breaks is reported
                return [row(code, "failed", 0.0, "", "", False, note=repr(exc)[:300])]
            finally:
                cr.rollback()

    # Figures with an absolute target are also given as a ratio to Odoo's own
    # core on the same machine in the same run: creating 1,000 contacts.
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        reference, _q, _r = Measure(env)(
            lambda: env["res.partner"].create([{"name": f"参考 {i}"} for i in range(1000)])
        )
        cr.rollback()

    rows = []
    for code in wanted:
        if code in FIGURES:
            rows += run(code, args.scale)
        elif code == "P8":
            if args.url:
                rows += p8_rpc(registry, args.url, args.db)
            else:
                rows.append(row("P8", "JSON-RPC", 0.0, "", "", None, note="no server (--url)"))
        elif code == "P9":
            for base in GROWTH:
                rows += growth(run(base, args.scale), run(base, 4 * args.scale))
    for r in rows:
        if r["ratio"] is None and isinstance(r["value"], float) and r["unit"] == "s":
            r["ratio"] = round(r["value"] / reference, 3)
            r["baseline"] = r["baseline"] or f"1,000 res.partner: {reference:.2f} s"
    print_table(rows)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump(
                {"machine": machine(), "scale": args.scale, "rows": rows},
                fh,
                indent=2,
                ensure_ascii=False,
            )
    return 0


def machine():
    with open("/proc/cpuinfo", encoding="utf-8") as fh:
        cpu = next((line.split(":", 1)[1].strip() for line in fh if "model name" in line), "?")
    return f"{os.cpu_count()} cores, {cpu}"


def print_table(rows):
    print(f"machine: {machine()}")
    print(
        f"{'fig':<5} {'measure':<42} {'value':>9} {'target':<24} {'met':<4} {'ratio':>7} "
        f"{'queries':>8}  baseline / note"
    )
    for r in rows:
        met = {True: "yes", False: "NO", None: "-"}[r["met"]]
        ratio = "" if r["ratio"] is None else f"{r['ratio']:.2f}"
        value = f"{r['value']:.2f} {r['unit']}" if isinstance(r["value"], float) else r["value"]
        print(
            f"{r['figure']:<5} {r['name'][:42]:<42} {value:>9} {r['target']:<24} {met:<4} "
            f"{ratio:>7} {r['queries'] if r['queries'] is not None else '':>8}  "
            f"{r['baseline'] or ''} {r['note']}"
        )


if __name__ == "__main__":
    sys.exit(main())
