"""Integrity of complaints, calls and callbacks (issue #15).

Each test does over the ORM, as the real role (``with_user``), what a hostile
user did over JSON-RPC, and checks both the refusal and that nothing changed.
"""

from datetime import datetime

import psycopg2

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Command
from odoo.tests import freeze_time, new_test_user, tagged
from odoo.tools import mute_logger

from .common import CsCenterCommon

MONDAY_9 = datetime(2026, 3, 2, 9, 0)
PROTECTED_SNAPSHOT = (
    "name",
    "state",
    "response_deadline",
    "reply_deadline",
    "resolve_deadline",
    "progress_deadline",
    "responded_at",
    "replied_at",
    "resolved_at",
    "response_breached",
    "reply_breached",
    "resolve_breached",
    "sla_breached",
    "escalated",
    "referred",
    "transfer_count",
    "customer_confirmed",
    "first_owner_id",
    "key_account_group_id",
)


@tagged("post_install", "-at_install")
class TestComplaintWrittenByItsActions(CsCenterCommon):
    """Integrity #7: state, number, deadlines, SLA stamps and flags change only
    through the complaint's buttons."""

    def _snapshot(self, complaint):
        complaint.invalidate_recordset()
        return {name: complaint[name] for name in PROTECTED_SNAPSHOT}

    def _breached(self):
        complaint = self.complaint(urgency="urgent", received_at=MONDAY_9)
        complaint.with_user(self.agent).action_acknowledge()  # long after the 30 minutes
        self.assertTrue(complaint.response_breached)
        return complaint

    def test_agent_cannot_close_a_complaint_by_writing_its_state(self):
        """Integrity #7: an agent wrote state=closed over JSON-RPC, closing a
        complaint the customer never confirmed."""
        complaint = self.complaint()
        complaint.with_user(self.agent).action_acknowledge()
        complaint.with_user(self.agent).action_resolve()
        before = self._snapshot(complaint)
        for state in ("closed", "callback_done", "new"):
            with self.subTest(state=state), self.assertRaises(UserError):
                complaint.with_user(self.agent).write({"state": state})
        self.assertEqual(self._snapshot(complaint), before)
        self.assertEqual(complaint.state, "resolved")

    def test_agent_cannot_clear_breach_flags_or_move_deadlines(self):
        """Integrity #7: the agent of a breached complaint cleared its breach flags
        and moved its deadlines a year ahead."""
        complaint = self._breached()
        before = self._snapshot(complaint)
        later = datetime(2027, 3, 2, 9, 0)
        for vals in (
            {"response_breached": False},
            {"reply_breached": False, "resolve_breached": False},
            {"response_deadline": later},
            {"resolve_deadline": later, "reply_deadline": later},
            {"progress_deadline": later},
            {"responded_at": MONDAY_9},
            {"replied_at": MONDAY_9, "paused_at": MONDAY_9},
            {"escalated": True},
        ):
            with self.subTest(vals=vals), self.assertRaises(UserError):
                complaint.with_user(self.agent).write(vals)
        self.assertEqual(self._snapshot(complaint), before)
        self.assertTrue(complaint.sla_breached)

    def test_manager_assistant_cannot_forge_transfers_referral_or_escalation(self):
        """Integrity #7: a manager assistant wrote transfer_count, referred and
        escalated without transferring, referring or escalating."""
        complaint = self.complaint()
        before = self._snapshot(complaint)
        for vals in ({"transfer_count": 0}, {"referred": True}, {"escalated": True}):
            with self.subTest(vals=vals), self.assertRaises(UserError):
                complaint.with_user(self.assistant).write(vals)
        self.assertEqual(self._snapshot(complaint), before)

    def test_caller_supplied_number_is_refused(self):
        """Integrity #7: an agent created a complaint with another complaint's
        number, and renamed one: the number comes from the sequence only."""
        first = self.complaint()
        second = self.complaint()
        count = self.env["cs.complaint"].search_count([])
        with self.assertRaises(UserError):
            self.complaint(name=first.name)
        self.assertEqual(self.env["cs.complaint"].search_count([]), count)
        before = self._snapshot(second)
        with self.assertRaises(UserError):
            second.with_user(self.agent).write({"name": first.name})
        self.assertEqual(self._snapshot(second), before)
        self.assertNotEqual(second.name, first.name)

    @mute_logger("odoo.sql_db")
    def test_numbers_are_unique_per_company_in_the_database(self):
        """Integrity #7: two complaints of a company never share a number, even
        written by trusted code (a unique index, not a Python check)."""
        first, second = self.complaint(), self.complaint()
        with self.assertRaises(psycopg2.IntegrityError):
            second.sudo().write({"name": first.name})
            self.env.flush_all()

    def test_workflow_values_in_the_context_are_ignored_at_creation(self):
        """Integrity #7: an agent created a complaint with default_state=closed
        and default_resolve_breached in the context."""
        complaint = (
            self.env["cs.complaint"]
            .with_user(self.agent)
            .with_context(
                default_state="closed",
                default_customer_confirmed=True,
                default_first_owner_id=self.agent_2.id,
                default_escalated=True,
            )
            .create({"subject": "Broken item", "partner_id": self.customer.id})
        )
        self.assertEqual(complaint.state, "new")
        self.assertFalse(complaint.customer_confirmed)
        self.assertFalse(complaint.escalated)
        self.assertEqual(complaint.first_owner_id, self.agent)

    def test_workflow_values_are_refused_at_creation(self):
        """Integrity #7: an agent created a complaint already closed, confirmed
        and without deadlines."""
        count = self.env["cs.complaint"].search_count([])
        for vals in (
            {"state": "closed"},
            {"customer_confirmed": True},
            {"resolve_deadline": False},
            {"key_account_group_id": False},
        ):
            with self.subTest(vals=vals), self.assertRaises(UserError):
                self.complaint(**vals)
        self.assertEqual(self.env["cs.complaint"].search_count([]), count)

    def test_agent_cannot_make_another_agent_first_owner(self):
        """Integrity #7 (首问责任制): an agent created a complaint in another
        agent's name; the first owner is whoever takes the contact."""
        count = self.env["cs.complaint"].search_count([])
        with self.assertRaisesRegex(UserError, "first owner"):
            self.complaint(first_owner_id=self.agent_2.id)
        self.assertEqual(self.env["cs.complaint"].search_count([]), count)
        web = (
            self.env["cs.complaint"]
            .sudo()
            ._create_from_web_form(
                {"name": "赵女士", "phone": "13811112222", "subject": "停车收费不合理"}
            )
        )
        with self.assertRaisesRegex(UserError, "first owner"):
            web.with_user(self.agent).write({"first_owner_id": self.agent_2.id})
        self.assertFalse(web.first_owner_id)

    def test_customer_confirmation_is_not_typed_in(self):
        """Integrity #7: an agent ticked customer_confirmed and closed the
        complaint; the confirmation comes from a callback or the survey."""
        complaint = self.complaint()
        complaint.with_user(self.agent).action_acknowledge()
        complaint.with_user(self.agent).action_resolve()
        with self.assertRaises(UserError):
            complaint.with_user(self.agent).write({"customer_confirmed": True})
        with self.assertRaisesRegex(UserError, "not confirmed"):
            complaint.with_user(self.agent).action_close()
        complaint.invalidate_recordset()
        self.assertFalse(complaint.customer_confirmed)
        self.assertEqual(complaint.state, "resolved")

    def test_agent_cannot_close_with_a_reason_only_a_manager_may_give(self):
        """Integrity #7: an agent wrote a close-override reason and closed the
        complaint himself."""
        complaint = self.complaint()
        complaint.with_user(self.agent).action_acknowledge()
        complaint.with_user(self.agent).action_resolve()
        complaint.with_user(self.agent).write({"close_override_reason": "Customer unreachable"})
        with self.assertRaisesRegex(UserError, "Only a CS manager"):
            complaint.with_user(self.agent).action_close()
        self.assertEqual(complaint.state, "resolved")
        complaint.with_user(self.manager).action_close()
        self.assertEqual(complaint.state, "closed")

    def test_a_copy_starts_its_own_workflow(self):
        """Integrity #7: an agent duplicated a closed, breached complaint of
        another agent to get a closed complaint in his name."""
        complaint = self._breached()
        complaint.with_user(self.agent).action_resolve()
        duplicate = complaint.with_user(self.agent_2).copy()
        self.assertEqual(duplicate.state, "new")
        self.assertFalse(duplicate.response_breached)
        self.assertFalse(duplicate.resolved_at)
        self.assertEqual(duplicate.first_owner_id, self.agent_2)
        self.assertNotEqual(duplicate.name, complaint.name)

    def test_the_actions_still_work_for_the_agent(self):
        """Integrity #7: the buttons write what the agent may not type."""
        complaint = self.complaint(urgency="urgent", received_at=MONDAY_9)
        agent_complaint = complaint.with_user(self.agent)
        agent_complaint.action_acknowledge()
        agent_complaint.action_log_progress()
        agent_complaint.action_wait_customer()
        agent_complaint.action_resume()
        agent_complaint._transfer(team=self.team_2, reason="desk")
        agent_complaint.write({"referral_body": "自来水公司", "referral_contact": "96390"})
        agent_complaint.action_refer()
        agent_complaint.action_resolve()
        self.assertEqual(complaint.state, "resolved")
        self.assertTrue(complaint.replied_at)
        self.assertEqual(complaint.transfer_count, 1)
        self.assertTrue(complaint.referred)
        self.assertEqual(complaint.first_owner_id, self.agent)


@tagged("post_install", "-at_install")
class TestStateChangesAreTracked(CsCenterCommon):
    def _tracked(self, complaint, field):
        self.env.flush_all()
        self.env.cr.flush()  # runs the tracking hooks, as the commit does
        complaint.invalidate_recordset()
        return complaint.sudo().message_ids.tracking_value_ids.filtered(
            lambda value: value.field_id.name == field
        )

    def test_state_and_escalation_changes_are_in_the_chatter(self):
        """Integrity #7: every change of the workflow is in the chatter with who and
        when; the escalation of a breach left no trace."""
        complaint = self.complaint(urgency="urgent", received_at=MONDAY_9).with_context(
            tracking_disable=False
        )
        self._tracked(complaint, "state")  # the creation's own window closes
        with freeze_time(datetime(2026, 3, 2, 9, 40)):
            complaint.env["cs.complaint"].sudo()._cron_escalate_breaches()
        self.assertTrue(complaint.escalated)
        self.assertEqual(self._tracked(complaint, "escalated").mapped("new_value_integer"), [1])
        complaint.with_user(self.agent).action_acknowledge()
        state = self._tracked(complaint, "state")
        self.assertEqual(state.mapped("new_value_char"), ["Acknowledged"])
        self.assertEqual(state.mail_message_id.author_id, self.agent.partner_id)
        self.assertTrue(state.mail_message_id.date)


@tagged("post_install", "-at_install")
class TestKeyAccountGroupFollowsThePartner(CsCenterCommon):
    def test_agent_cannot_clear_the_key_account_group(self):
        """Integrity #8: the agent who took a key-account complaint wrote
        key_account_group_id=False, making it visible to every agent."""
        complaint = self.complaint(partner_id=self.key_contact.id)
        self.assertEqual(complaint.key_account_group_id, self.ka_group)
        with self.assertRaises(UserError):
            complaint.with_user(self.agent).write({"key_account_group_id": False})
        other_group = self.env["cs.key.account.group"].create({"name": "Other"})
        with self.assertRaises(UserError):
            complaint.with_user(self.agent).write({"key_account_group_id": other_group.id})
        complaint.invalidate_recordset()
        self.assertEqual(complaint.key_account_group_id, self.ka_group)
        Complaint = self.env["cs.complaint"].with_user(self.agent_2)
        self.assertFalse(Complaint.search([("id", "=", complaint.id)]))
        with self.assertRaises(AccessError):
            complaint.with_user(self.agent_2).read(["subject"])

    def test_the_group_follows_a_change_of_customer(self):
        """Integrity #8: the group is computed from the customer, so changing the
        customer (a tracked edit) is the only way it changes."""
        complaint = self.complaint()
        self.assertFalse(complaint.key_account_group_id)
        complaint.with_user(self.agent).write({"partner_id": self.key_contact.id})
        self.assertEqual(complaint.key_account_group_id, self.ka_group)
        self.assertFalse(
            self.env["cs.complaint"].with_user(self.agent_2).search([("id", "=", complaint.id)])
        )


@tagged("post_install", "-at_install")
class TestCallbacksStayInTheirCompany(CsCenterCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_b = cls.env["res.company"].create({"name": "Plaza B"})
        cls.agent_b = new_test_user(
            cls.env,
            "t_agent_b",
            groups="cs_center.group_cs_agent",
            company_id=cls.company_b.id,
            company_ids=[Command.set(cls.company_b.ids)],
        )

    def _callback_of_company_a(self):
        complaint = self.complaint()
        complaint.with_user(self.agent).action_acknowledge()
        complaint.with_user(self.agent).action_resolve()
        callback = (
            self.env["cs.complaint.callback"]
            .with_user(self.agent)
            .create({"complaint_id": complaint.id, "score": 2, "comments": "Still broken"})
        )
        self.assertEqual(callback.company_id, self.env.company)
        return callback

    def test_agent_of_another_company_cannot_read_or_write_a_callback(self):
        """Integrity #9: an agent of company B read company A's callback and
        rewrote its score and comments."""
        callback = self._callback_of_company_a()
        Callback = self.env["cs.complaint.callback"].with_user(self.agent_b)
        self.assertFalse(Callback.search([("id", "=", callback.id)]))
        with self.assertRaises(AccessError):
            callback.with_user(self.agent_b).read(["comments"])
        with self.assertRaises(AccessError):
            callback.with_user(self.agent_b).write({"comments": "Very happy"})
        callback.invalidate_recordset()
        self.assertEqual(callback.comments, "Still broken")
        self.assertEqual(callback.score, 2)

    def test_agent_of_another_company_cannot_add_a_callback(self):
        """Integrity #9: an agent of company B recorded a good callback on company
        A's complaint, confirming it."""
        complaint = self.complaint()
        complaint.with_user(self.agent).action_acknowledge()
        complaint.with_user(self.agent).action_resolve()
        with self.assertRaises(AccessError):
            self.env["cs.complaint.callback"].with_user(self.agent_b).create(
                {"complaint_id": complaint.id, "score": 5}
            )
        complaint.invalidate_recordset()
        self.assertFalse(complaint.callback_ids)
        self.assertFalse(complaint.customer_confirmed)
        self.assertEqual(complaint.state, "resolved")

    def test_a_callback_score_is_not_rewritten(self):
        """Integrity #9: an agent turned a low callback score into a good one
        afterwards, hiding the reopening from the satisfaction report."""
        callback = self._callback_of_company_a()
        for vals in ({"score": 5}, {"complaint_id": self.complaint().id}):
            with self.subTest(vals=vals), self.assertRaises(UserError):
                callback.with_user(self.agent).write(vals)
        callback.invalidate_recordset()
        self.assertEqual(callback.score, 2)
        self.assertEqual(callback.complaint_id.satisfaction_score, 2)

    def test_a_callback_score_out_of_range_is_a_validation_error(self):
        """Integrity #14: a callback score of 0 or 10**12 came back as a database
        error instead of a clear refusal."""
        complaint = self.complaint()
        complaint.with_user(self.agent).action_acknowledge()
        complaint.with_user(self.agent).action_resolve()
        for score in (0, 6, 10**12):
            with self.subTest(score=score), self.assertRaises(ValidationError):
                self.env["cs.complaint.callback"].with_user(self.agent).create(
                    {"complaint_id": complaint.id, "score": score}
                )
        self.assertFalse(complaint.callback_ids)
        self.assertEqual(complaint.state, "resolved")

    def test_a_callback_comes_after_the_resolution(self):
        """Integrity #7: an agent recorded a good callback on a complaint still
        new, so that it counted as confirmed by the customer."""
        complaint = self.complaint()
        with self.assertRaises(UserError):
            self.env["cs.complaint.callback"].with_user(self.agent).create(
                {"complaint_id": complaint.id, "score": 5}
            )
        complaint.invalidate_recordset()
        self.assertFalse(complaint.callback_ids)
        self.assertFalse(complaint.customer_confirmed)


@tagged("post_install", "-at_install")
class TestWebFormMatchesCustomersExactly(CsCenterCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.vip = cls.env["res.partner"].create({"name": "VIP", "email": "a_b@x.com"})

    def _file(self, email):
        return (
            self.env["cs.complaint"]
            .sudo()
            ._create_from_web_form(
                {"name": "Anonymous", "email": email, "phone": "", "subject": "Hello"}
            )
        )

    def test_wildcards_never_attach_a_complaint_to_an_existing_customer(self):
        """Integrity #11: an anonymous visitor sent email '%' (and 'a%', '_@x.com')
        and the complaint was attached to an existing customer."""
        for email in ("%", "a%", "%@x.com", "a_b@x.co%", "_%"):
            with self.subTest(email=email):
                complaint = self._file(email)
                self.assertNotEqual(complaint.partner_id, self.vip)
                self.assertEqual(complaint.partner_id.name, "Anonymous")

    def test_underscore_matches_only_itself(self):
        """Integrity #11: a visitor giving 'a_b@x.com' was attached to the customer
        'axb@x.com' (the '_' of LIKE matches any character)."""
        self.vip.email = "vip@x.com"
        other = self.env["res.partner"].create({"name": "Other", "email": "axb@x.com"})
        complaint = self._file("a_b@x.com")
        self.assertNotIn(complaint.partner_id, other | self.vip)
        self.assertEqual(complaint.partner_id.name, "Anonymous")
        self.assertFalse(
            self.env["cs.complaint"].search([("partner_id", "in", (other | self.vip).ids)])
        )

    def test_the_exact_email_in_any_case_finds_the_customer(self):
        """Integrity #11: the customer's own address, in any case, still finds them."""
        self.assertEqual(self._file("A_B@X.com").partner_id, self.vip)
        self.assertEqual(self._file("  a_b@x.com ").partner_id, self.vip)


@tagged("post_install", "-at_install")
class TestNonsenseIsRefusedClearly(CsCenterCommon):
    def _call(self, **vals):
        return (
            self.env["cs.call.record"]
            .with_user(self.agent)
            .create({"phone": "13800001111", "content": "x", **vals})
        )

    def test_complaint_in_year_9999_is_a_validation_error(self):
        """Integrity #14: an agent created a complaint received in year 9999 and
        got an OverflowError from the working-calendar arithmetic."""
        count = self.env["cs.complaint"].search_count([])
        for received in (datetime(9999, 12, 31, 10, 0), datetime(1, 1, 1, 10, 0)):
            with self.subTest(received=received), self.assertRaises(ValidationError):
                self.complaint(received_at=received)
        self.assertEqual(self.env["cs.complaint"].search_count([]), count)
        complaint = self.complaint(received_at=MONDAY_9)
        with self.assertRaises(ValidationError):
            complaint.with_user(self.agent).write({"received_at": datetime(9999, 1, 1)})
        with self.assertRaises(ValidationError):
            complaint.with_user(self.agent).write({"promised_date": datetime(9999, 1, 1)})
        complaint.invalidate_recordset()
        self.assertEqual(complaint.received_at, MONDAY_9)
        self.assertFalse(complaint.promised_date)

    def test_call_in_year_1_is_a_validation_error(self):
        """Integrity #14: a call dated year 1 crashed the repeat-caller check
        with an OverflowError."""
        count = self.env["cs.call.record"].search_count([])
        with self.assertRaises(ValidationError):
            self._call(call_at=datetime(1, 1, 1, 10, 0))
            self.env.flush_all()
        self.assertEqual(self.env["cs.call.record"].search_count([]), count)
        call = self._call()
        with self.assertRaises(ValidationError):
            call.with_user(self.agent).write({"call_at": datetime(9999, 12, 31)})
        call.invalidate_recordset()
        self.assertEqual(call.call_at.year, datetime.now().year)

    def test_a_100000_digit_phone_number_is_a_validation_error(self):
        """Integrity #14: a 100,000-digit phone number hit PostgreSQL's index
        row size limit (psycopg2 error) instead of a clear refusal."""
        number = "13800001111" * 9091
        calls = self.env["cs.call.record"].search_count([])
        complaints = self.env["cs.complaint"].search_count([])
        with self.assertRaises(ValidationError):
            self._call(phone=number)
        with self.assertRaises(ValidationError):
            self.complaint(phone=number)
        with self.assertRaises(ValidationError):
            self.env["cs.suggestion"].with_user(self.agent).create(
                {"subject": "x", "content": "x", "phone": number}
            )
        self.assertEqual(self.env["cs.call.record"].search_count([]), calls)
        self.assertEqual(self.env["cs.complaint"].search_count([]), complaints)
        call = self._call()
        with self.assertRaises(ValidationError):
            call.with_user(self.agent).write({"phone": number})
        self.assertEqual(call.phone, "13800001111")

    def test_negative_ring_seconds_are_refused(self):
        """Integrity #14: a call that rang -60 seconds counted as answered within
        the three rings."""
        count = self.env["cs.call.record"].search_count([])
        for vals in ({"ring_seconds": -60}, {"talk_seconds": -1}, {"ring_seconds": 10**12}):
            with self.subTest(vals=vals), self.assertRaises(ValidationError):
                self._call(**vals)
        self.assertEqual(self.env["cs.call.record"].search_count([]), count)
        call = self._call(ring_seconds=20)
        self.assertFalse(call.answered_in_time)
        with self.assertRaises(ValidationError):
            call.with_user(self.agent).write({"ring_seconds": -60})
        call.invalidate_recordset()
        self.assertEqual(call.ring_seconds, 20)
        self.assertFalse(call.answered_in_time)

    def test_call_links_change_only_through_the_buttons(self):
        """Integrity #7: an agent linked a call to another agent's complaint by
        writing complaint_id, and renumbered it."""
        call = self._call()
        complaint = self.complaint(user=self.agent_2)
        for vals in ({"complaint_id": complaint.id}, {"name": "LD2026-000001"}):
            with self.subTest(vals=vals), self.assertRaises(UserError):
                call.with_user(self.agent).write(vals)
        call.invalidate_recordset()
        self.assertFalse(call.complaint_id)
        call.with_user(self.agent).action_to_complaint()
        self.assertEqual(call.complaint_id.call_id, call)


@tagged("post_install", "-at_install")
class TestSecondCompanyAfterInstall(CsCenterCommon):
    """Integrity #16: a company created after install runs complaints with
    deadlines, with nothing of the first company visible."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_a = cls.env.company
        # The reference company's own policy, as the manager set it: copied, not the seed's literal.
        cls.env.ref("cs_center.sla_email").response_minutes = 90
        cny = cls.env.ref("base.CNY")
        cny.active = True
        cls.shanghai_hours = cls.env["resource.calendar"].create(
            {
                "name": "Shanghai 9-18",
                "tz": "Asia/Shanghai",
                "hours_per_day": 9,
                "company_id": False,
                "attendance_ids": [
                    Command.create(
                        {
                            "name": f"Day {day}",
                            "dayofweek": str(day),
                            "hour_from": 9,
                            "hour_to": 18,
                            "day_period": "morning",
                        }
                    )
                    for day in range(5)
                ],
            }
        )
        cls.company_b = cls.env["res.company"].create(
            {
                "name": "上海广场",
                "currency_id": cny.id,
                "resource_calendar_id": cls.shanghai_hours.id,
            }
        )
        cls.agent_b = new_test_user(
            cls.env,
            "t_agent_sh",
            groups="cs_center.group_cs_agent",
            company_id=cls.company_b.id,
            company_ids=[Command.set(cls.company_b.ids)],
            tz="Asia/Shanghai",
        )

    def test_new_company_gets_the_reference_companys_service_levels(self):
        """Integrity #16: a company created after install had no SLA rows."""
        rows = self.env["cs.sla.policy"].search([("company_id", "=", self.company_b.id)])
        self.assertEqual(len(rows), 4)
        email = rows.filtered(lambda r: r.channel == "email")
        self.assertEqual((email.response_minutes, email.reply_minutes), (90, 240))
        self.assertEqual(rows.filtered(lambda r: r.complexity == "complex").progress_days, 3)

    def test_complaint_of_the_new_company_has_deadlines(self):
        """Integrity #16: the new company's complaints silently got no deadlines."""
        # Monday 10:00 in Shanghai is 02:00 UTC.
        complaint = (
            self.env["cs.complaint"]
            .with_user(self.agent_b)
            .create(
                {
                    "subject": "电梯停运",
                    "channel": "email",
                    "received_at": datetime(2026, 3, 2, 2, 0),
                }
            )
        )
        self.assertEqual(complaint.company_id, self.company_b)
        self.assertEqual(complaint.response_deadline, datetime(2026, 3, 2, 3, 30))
        self.assertEqual(complaint.reply_deadline, datetime(2026, 3, 2, 6, 0))
        # 24 working hours: 8 on Monday, 9 on Tuesday, 7 on Wednesday until 16:00.
        self.assertEqual(complaint.resolve_deadline, datetime(2026, 3, 4, 8, 0))

    def test_nothing_of_the_first_company_is_visible(self):
        """Integrity #9, #16: an agent of the new company saw the first company's
        callbacks (no multi-company rule)."""
        complaint = self.complaint()
        complaint.with_user(self.agent).action_acknowledge()
        complaint.with_user(self.agent).action_resolve()
        self.env["cs.complaint.callback"].with_user(self.agent).create(
            {"complaint_id": complaint.id, "score": 5}
        )
        self.env["cs.call.record"].with_user(self.agent).create({"content": "x", "phone": "1"})
        self.env["cs.suggestion"].with_user(self.agent).create({"subject": "x", "content": "x"})
        own = (
            self.env["cs.complaint"]
            .with_user(self.agent_b)
            .create({"subject": "电梯停运", "phone": "13900001111"})
        )
        for model in (
            "cs.complaint",
            "cs.complaint.callback",
            "cs.call.record",
            "cs.suggestion",
            "cs.team",
            "cs.sla.policy",
            "cs.key.account.group",
        ):
            with self.subTest(model=model):
                seen = self.env[model].with_user(self.agent_b).search([])
                self.assertFalse(seen.company_id - self.company_b)
                theirs = self.env[model].search([("company_id", "=", self.company_a.id)])
                self.assertTrue(theirs, "the first company has records to hide")
                with self.assertRaises(AccessError):
                    theirs[:1].with_user(self.agent_b).read(["company_id"])
        self.assertIn(own, self.env["cs.complaint"].with_user(self.agent_b).search([]))
