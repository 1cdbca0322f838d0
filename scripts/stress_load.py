#!/usr/bin/env python3
"""The clients and the invariants of scripts/stress (run it through scripts/stress).

Eight clients work for a while against a multi-worker Odoo over JSON-RPC, the
way the web client calls it (/web/session/authenticate, then
/web/dataset/call_kw): complaint intake and transfer, call records, leave
requests and their approvals, loans with deposits at two counters, counter
sales and voids, session closes with a blind count. Every call a client saw
succeed is remembered; afterwards the invariants are checked in the database.
Two phases: without faults, then with a worker killed and PostgreSQL restarted.
"""

import argparse
import http.cookiejar
import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from datetime import date, timedelta

import psycopg2

BUSINESS_ERRORS = ("UserError", "ValidationError", "AccessError", "MissingError", "RedirectWarning")


class RpcError(Exception):
    def __init__(self, name, message):
        super().__init__(f"{name}: {message}")
        self.name = name


class Actor:
    """One logged-in user with its own session, as a browser tab would be."""

    def __init__(self, url, db, login, password=None):
        self.url = url
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )
        result = self._post(
            "/web/session/authenticate",
            {"db": db, "login": login, "password": password or login},
        )
        self.uid = result["uid"]
        self.login = login

    def _post(self, path, params):
        body = json.dumps({"jsonrpc": "2.0", "method": "call", "params": params}).encode()
        request = urllib.request.Request(
            self.url + path, data=body, headers={"Content-Type": "application/json"}
        )
        with self.opener.open(request, timeout=60) as response:
            reply = json.load(response)
        if "error" in reply:
            data = reply["error"].get("data") or {}
            name = (data.get("name") or "error").rsplit(".", 1)[-1]
            raise RpcError(name, data.get("message") or reply["error"].get("message"))
        return reply["result"]

    def call(self, model, method, *args, **kwargs):
        return self._post(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": list(args), "kwargs": kwargs},
        )


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.served = Counter()
        self.refused = Counter()
        self.failed = Counter()
        self.acknowledged = []  # (model, id, field, expected value)

    def ok(self, what, *ack):
        with self.lock:
            self.served[what] += 1
            if ack:
                self.acknowledged.append(ack)

    def error(self, what, exc):
        with self.lock:
            if isinstance(exc, RpcError) and exc.name in BUSINESS_ERRORS:
                self.refused[f"{what}: {exc.name}"] += 1
            else:
                kind = exc.name if isinstance(exc, RpcError) else type(exc).__name__
                self.failed[f"{what}: {kind}"] += 1


class Scenario:
    """What the clients do; each ``step_*`` is one user action and its check."""

    def __init__(self, url, db, stats, seed, phase):
        self.url, self.db, self.stats = url, db, stats
        self.random = random.Random(seed * 10 + phase)
        # Leave requests a week apart (Mondays), each phase in a year of its own.
        self.day = date(2030 + 20 * phase, 1, 7) + timedelta(weeks=200 * seed)

    def actor(self, login):
        # Demo users log in with their login as password; the administrator with "admin".
        return Actor(self.url, self.db, login, "admin" if login == "admin" else login)

    def run(self, role, stop):
        actors = {}
        while not stop.is_set():
            try:
                step = getattr(self, f"step_{role}")
                step(actors)
            except Exception as exc:  # noqa: BLE001 - every failure is counted and reported
                self.stats.error(role, exc)
                actors.clear()  # a new session after a fault
                time.sleep(0.2)

    def _get(self, actors, login):
        if login not in actors:
            actors[login] = self.actor(login)
        return actors[login]

    # -- the customer-service center --------------------------------------
    def step_intake(self, actors):
        agent = self._get(actors, self.random.choice(["agent", "agent2"]))
        partner = agent.call("res.partner", "search", [("customer_rank", ">=", 0)], limit=30)
        complaint = agent.call(
            "cs.complaint",
            "create",
            [
                {
                    "subject": f"压力测试投诉 {self.random.randrange(10**6)}",
                    "partner_id": self.random.choice(partner),
                    "channel": self.random.choice(["phone", "email", "walk_in"]),
                }
            ],
        )[0]
        self.stats.ok("complaint created", "cs.complaint", complaint, None, None)
        if self.random.random() < 0.5:
            teams = agent.call("cs.team", "search", [])
            wizard = agent.call(
                "cs.complaint.transfer",
                "create",
                [
                    {
                        "complaint_id": complaint,
                        "team_id": self.random.choice(teams),
                        "reason": "转交",
                    }
                ],
            )[0]
            agent.call("cs.complaint.transfer", "action_transfer", [wizard])
            self.stats.ok("complaint transferred")

    def step_calls(self, actors):
        agent = self._get(actors, "agent2")
        call = agent.call(
            "cs.call.record",
            "create",
            [
                {
                    "caller_name": "来电客户",
                    "phone": f"1390000{self.random.randrange(10000):04d}",
                    "content": "咨询营业时间",
                }
            ],
        )[0]
        self.stats.ok("call recorded", "cs.call.record", call, None, None)

    # -- leave -------------------------------------------------------------
    def step_leave(self, actors):
        """The agent asks for a day or two; each level's approver approves in turn."""
        employee = self._get(actors, "agent")
        hr = self._get(actors, "hr")
        [emp] = employee.call("hr.employee", "search", [("user_id", "=", employee.uid)], limit=1)
        personal = hr.call("hr.leave.type", "search", [("cs_kind", "=", "personal")], limit=1)
        # Ten weeks apart: a year's requests stay within the personal-leave maximum.
        self.day += timedelta(weeks=10)
        leave = employee.call(
            "hr.leave",
            "create",
            [
                {
                    "holiday_status_id": personal[0],
                    "employee_id": emp,
                    "request_date_from": self.day.isoformat(),
                    "request_date_to": (
                        self.day + timedelta(days=self.random.choice([0, 1]))
                    ).isoformat(),
                }
            ],
        )[0]
        self.stats.ok("leave requested")
        for _level in range(4):
            [leave_data] = hr.call(
                "hr.leave", "read", [leave], ["state", "cs_level_user_ids", "cs_levels_done"]
            )
            if leave_data["state"] != "confirm":
                break
            approvers = leave_data["cs_level_user_ids"] or []
            approver = hr
            if leave_data["cs_levels_done"] < len(approvers):
                [user] = hr.call(
                    "res.users", "read", [approvers[leave_data["cs_levels_done"]]], ["login"]
                )
                approver = self._get(actors, user["login"])
            approver.call("hr.leave", "action_approve", [leave])
        self.stats.ok("leave approved", "hr.leave", leave, "state", "validate")

    # -- the front desk ----------------------------------------------------
    def _counter(self, desk, index):
        counters = desk.call("cs.desk.counter", "search", [], order="id")
        return counters[index % len(counters)]

    def _ensure_session(self, desk, counter):
        sessions = desk.call(
            "cs.desk.session", "search", [("counter_id", "=", counter), ("state", "=", "opened")]
        )
        if sessions:
            return sessions[0]
        session = desk.call(
            "cs.desk.session", "create", [{"counter_id": counter, "opening_float": 200.0}]
        )[0]
        self.stats.ok("session opened")
        return session

    def step_desk(self, actors, login="clerk", counter_index=0):
        desk = self._get(actors, login)
        counter = self._counter(desk, counter_index)
        umbrella = desk.call("cs.loan.item.type", "search", [("deposit_amount", ">", 0)], limit=1)
        if self.random.random() < 0.5 and umbrella:
            # The deposit goes into this counter's drawer: its session must be open.
            self._ensure_session(desk, counter)
            loan = desk.call(
                "cs.loan",
                "create",
                [
                    {
                        "item_type_id": umbrella[0],
                        "borrower_name": "借伞顾客",
                        "deposit_card": f"YS-{self.random.randrange(10**6)}",
                        "counter_id": counter,
                        "return_counter_id": counter,
                    }
                ],
            )[0]
            desk.call("cs.loan", "action_lend", [loan])
            self.stats.ok("umbrella lent")
            desk.call("cs.loan", "action_return", [loan])
            self.stats.ok("umbrella returned", "cs.loan", loan, "state", "returned")
            return
        self._ensure_session(desk, counter)
        services = desk.call("product.product", "search", [("cs_counter_service", "=", True)])
        sale = desk.call(
            "cs.desk.sale",
            "create",
            [
                {
                    "counter_id": counter,
                    "line_ids": [
                        [0, 0, {"product_id": self.random.choice(services), "quantity": 2}]
                    ],
                }
            ],
        )[0]
        desk.call("cs.desk.sale", "action_confirm", [sale])
        if self.random.random() < 0.15:
            desk.call("cs.desk.sale", "action_void", [sale])
            self.stats.ok("sale voided", "cs.desk.sale", sale, "state", "voided")
        else:
            self.stats.ok("sale paid", "cs.desk.sale", sale, "state", "paid")

    def step_desk_b(self, actors):
        self.step_desk(actors, login="shiftlead", counter_index=1)

    def step_close(self, actors):
        lead = self._get(actors, "shiftlead")
        time.sleep(3)
        counter = self._counter(lead, self.random.randrange(2))
        session = self._ensure_session(lead, counter)
        lines = lead.call("cs.desk.session.count", "search", [("session_id", "=", session)])
        lead.call("cs.desk.session.count", "write", lines[:1], {"pieces": 3})
        lead.call("cs.desk.session", "write", [session], {"difference_reason": "压力测试: 盲点数"})
        lead.call("cs.desk.session", "action_close", [session])
        self.stats.ok("session closed", "cs.desk.session", session, "state", "closed")
        self._ensure_session(lead, counter)

    def step_finance(self, actors):
        finance = self._get(actors, "finance")
        time.sleep(2)
        finance.call("cs.loan", "search_count", [("state", "=", "lent")])
        self.stats.ok("finance read")


ROLES = ["intake", "intake", "calls", "leave", "desk", "desk_b", "close", "finance"]


def run_phase(args, stats, seconds, faults):
    stop = threading.Event()
    threads = []
    for index in range(args.clients):
        scenario = Scenario(args.url, args.db, stats, seed=index, phase=int(faults))
        role = ROLES[index % len(ROLES)]
        thread = threading.Thread(target=scenario.run, args=(role, stop), daemon=True)
        thread.start()
        threads.append(thread)
    started = time.monotonic()
    if faults:
        time.sleep(seconds * 0.25)
        kill_one_worker(args.server_pid)
        time.sleep(seconds * 0.25)
        restart_postgres(args)
    time.sleep(max(0.0, seconds - (time.monotonic() - started)))
    stop.set()
    for thread in threads:
        thread.join(timeout=90)


def kill_one_worker(master):
    children = subprocess.run(
        ["pgrep", "-P", str(master)], capture_output=True, text=True, check=False
    ).stdout.split()
    workers = []
    for pid in children:
        with open(f"/proc/{pid}/cmdline", encoding="utf-8", errors="replace") as fh:
            if "gevent" not in fh.read():
                workers.append(int(pid))
    if workers:
        os.kill(workers[0], signal.SIGKILL)
        print(f"[stress] fault: killed Odoo worker {workers[0]} (master {master} respawns it)")
    else:
        print("[stress] fault: no Odoo worker found to kill")


def restart_postgres(args):
    if not args.pg_restart:
        print("[stress] fault: PostgreSQL restart skipped (not a cluster of ours)")
        return
    print("[stress] fault: restarting PostgreSQL")
    subprocess.run(args.pg_restart, shell=True, check=True)


# ---------------------------------------------------------------------------
# Invariants
# ---------------------------------------------------------------------------
def invariants(cr, stats):
    """(name, measured, holds) for each invariant of the issue."""
    results = []

    cr.execute(
        """SELECT j.code, m.sequence_prefix, count(*), count(DISTINCT m.sequence_number),
                  min(m.sequence_number), max(m.sequence_number)
             FROM account_move m JOIN account_journal j ON j.id = m.journal_id
            WHERE m.state = 'posted' AND m.sequence_number IS NOT NULL
              AND j.id IN (SELECT sale_journal_id FROM cs_desk_counter)
            GROUP BY 1, 2"""
    )
    rows = cr.fetchall()
    bad = [r for r in rows if not (r[2] == r[3] == r[5] - r[4] + 1)]
    receipts = sum(r[2] for r in rows)
    results.append(
        (f"receipt numbers gap-free per journal ({receipts} receipts)", len(bad), not bad)
    )

    cr.execute(
        "SELECT count(*) FROM (SELECT 1 FROM cs_complaint GROUP BY company_id, name "
        "HAVING count(*) > 1) d"
    )
    (dups,) = cr.fetchone()
    cr.execute("SELECT count(*) FROM cs_complaint")
    (complaints,) = cr.fetchone()
    results.append((f"complaint numbers unique ({complaints} complaints)", dups, dups == 0))

    cr.execute(
        """SELECT count(*) FROM (
             SELECT l.id FROM cs_loan l
               JOIN account_move_cs_loan_rel r ON r.cs_loan_id = l.id
              GROUP BY l.id HAVING count(*) > 2) d"""
    )
    (twice,) = cr.fetchone()
    results.append(("deposits refunded at most once (loans settled twice)", twice, twice == 0))

    cr.execute(
        """SELECT c.id, COALESCE((SELECT sum(deposit_amount) FROM cs_loan
                                   WHERE company_id = c.id AND state = 'lent'), 0),
                  COALESCE((SELECT -sum(l.balance) FROM account_move_line l
                             WHERE l.account_id = c.cs_deposit_account_id
                               AND l.company_id = c.id AND l.parent_state = 'posted'), 0)
             FROM res_company c"""
    )
    gaps = [
        (c, float(a), float(b)) for c, a, b in cr.fetchall() if abs(float(a) - float(b)) > 0.005
    ]
    results.append(("outstanding deposits = liability balance", gaps, not gaps))

    cr.execute(
        """SELECT s.id, s.cash_sales_total,
                  COALESCE((SELECT sum(amount_total) FROM cs_desk_sale
                             WHERE session_id = s.id AND state = 'paid'
                               AND payment_method = 'cash'), 0),
                  s.sale_count,
                  (SELECT count(*) FROM cs_desk_sale WHERE session_id = s.id AND state = 'paid')
             FROM cs_desk_session s"""
    )
    off = [r[0] for r in cr.fetchall() if abs(float(r[1]) - float(r[2])) > 0.005 or r[3] != r[4]]
    results.append(("session totals = their receipts", off, not off))

    cr.execute(
        """SELECT s.id FROM cs_desk_session s
            WHERE s.state = 'closed'
              AND abs(s.expected_cash - (
                    s.opening_float + s.cash_sales_total
                    + COALESCE((SELECT sum(deposit_amount) FROM cs_loan
                                 WHERE lend_session_id = s.id), 0)
                    - COALESCE((SELECT sum(refund_amount - charge_amount) FROM cs_loan
                                 WHERE settle_session_id = s.id), 0))) > 0.005"""
    )
    drawers = [r[0] for r in cr.fetchall()]
    results.append(
        (
            "closed drawers = float + cash receipts + their own deposit movements",
            drawers,
            not drawers,
        )
    )

    cr.execute(
        """SELECT count(*) FROM cs_desk_sale s LEFT JOIN account_move m ON m.id = s.move_id
            WHERE s.state IN ('paid', 'voided') AND (m.id IS NULL OR m.state != 'posted')"""
    )
    (unposted,) = cr.fetchone()
    results.append(("every paid sale has its posted receipt", unposted, unposted == 0))

    cr.execute(
        """SELECT count(*) FROM hr_leave
            WHERE state = 'validate' AND cs_levels IS NOT NULL AND cs_levels != ''
              AND cs_levels_done < array_length(string_to_array(cs_levels, ','), 1)"""
    )
    (early,) = cr.fetchone()
    results.append(("leaves validated only after their last level", early, early == 0))

    lost = []
    for model, record_id, field, expected in stats.acknowledged:
        table = model.replace(".", "_")
        if field:
            cr.execute(f"SELECT {field} FROM {table} WHERE id = %s", [record_id])  # noqa: S608
            row = cr.fetchone()
            if not row or row[0] != expected:
                lost.append((model, record_id))
        else:
            cr.execute(f"SELECT 1 FROM {table} WHERE id = %s", [record_id])  # noqa: S608
            if not cr.fetchone():
                lost.append((model, record_id))
    results.append(
        (f"acknowledged writes kept ({len(stats.acknowledged)} checked)", lost[:5], not lost)
    )
    return results


def report(title, stats, checks):
    print(f"\n== {title}")
    print(f"requests served: {sum(stats.served.values())}")
    for what, count in sorted(stats.served.items()):
        print(f"  {what:<32} {count}")
    print(f"refused with a business error: {sum(stats.refused.values())}")
    for what, count in sorted(stats.refused.items()):
        print(f"  {what:<50} {count}")
    print(f"errors: {sum(stats.failed.values())}")
    for what, count in sorted(stats.failed.items()):
        print(f"  {what:<50} {count}")
    for name, measured, holds in checks:
        print(f"  [{'ok' if holds else 'BROKEN'}] {name}: {measured}")
    return all(holds for _n, _m, holds in checks)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True)
    parser.add_argument("--db", required=True)
    parser.add_argument("--dsn", required=True, help="libpq connection string of the database")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--duration", type=int, default=60, help="seconds of load in all")
    parser.add_argument("--server-pid", type=int, required=True)
    parser.add_argument("--pg-restart", default="", help="shell command restarting PostgreSQL")
    parser.add_argument("--server-log", default="")
    parser.add_argument("--no-faults", action="store_true")
    args = parser.parse_args()

    with open("/proc/cpuinfo", encoding="utf-8") as fh:
        cpu = next(
            (line.split(":", 1)[1].strip() for line in fh if "model name" in line), "unknown CPU"
        )
    print(f"[stress] machine: {os.cpu_count()} cores, {cpu}")
    ok = True
    phases = [("without faults", False)] + ([] if args.no_faults else [("with faults", True)])
    for title, faults in phases:
        stats = Stats()
        print(f"[stress] {args.clients} clients for {args.duration // len(phases)} s {title}")
        run_phase(args, stats, args.duration // len(phases), faults)
        for _attempt in range(30):
            try:
                with psycopg2.connect(args.dsn) as conn, conn.cursor() as cr:
                    checks = invariants(cr, stats)
                break
            except psycopg2.OperationalError:
                time.sleep(1)
        unexpected = dict(stats.failed) if not faults else {}
        if unexpected:
            checks.append(("no error without faults", unexpected, False))
        ok = report(title, stats, checks) and ok
    if args.server_log and os.path.exists(args.server_log):
        with open(args.server_log, encoding="utf-8", errors="replace") as fh:
            log = fh.read()
        print(f"\nserialization conflicts retried by Odoo: {log.count('tries left')}")
    print("\nstress: " + ("every invariant holds" if ok else "INVARIANT BROKEN"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
