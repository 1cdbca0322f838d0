"""Counters shared the company's front desk cash journal before 19.0.1.1.0; now
each counter has a cash drawer of its own (a unique index). The first counter of
a shared journal keeps it, the others get their own after the update."""


def migrate(cr, version):
    cr.execute(
        """
        UPDATE cs_desk_counter counter
           SET cash_journal_id = NULL
         WHERE cash_journal_id IS NOT NULL
           AND id <> (SELECT min(other.id) FROM cs_desk_counter other
                       WHERE other.cash_journal_id = counter.cash_journal_id)
        """
    )
