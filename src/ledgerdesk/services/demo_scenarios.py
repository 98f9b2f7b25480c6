"""What happens to a cluster of documents in the demo book: one function per story.

Each scenario gets a ``PlanBook``, a side (sales or purchases), a contact and a day, and
plans documents, payments and credit applications through the PlanBook, which keeps the
outstanding amounts and refuses anything dated after today.  Purchases mirror sales.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections.abc import Callable

from ledgerdesk.domain.documents import Lifecycle, Side
from ledgerdesk.services.demo_data import CREDIT_REASONS
from ledgerdesk.services.demo_plan import PlanBook, PlanContact, days

Scenario = Callable[[PlanBook, Side, PlanContact, dt.date], None]


def paid_in_full(pb: PlanBook, side: Side, contact: PlanContact, day: dt.date) -> None:
    """One document, paid in one go around its due date (unless that is still to come)."""
    doc = pb.document(side, contact, day)
    pb.pay(side, contact, pb.pay_day(doc), [(doc, doc.outstanding)])


def instalments(pb: PlanBook, side: Side, contact: PlanContact, day: dt.date) -> None:
    """Two to five payments, each a round share; the last one clears the balance."""
    doc = pb.document(side, contact, day)
    date = doc.issue
    for _ in range(pb.randint(1, 4)):
        date += days(pb.randint(7, 35))
        part = pb.round_part(doc.outstanding, 20, 50)
        if not 0 < part < doc.outstanding or pb.pay(side, contact, date, [(doc, part)]) is None:
            return
    pb.pay(side, contact, date + days(pb.randint(7, 35)), [(doc, doc.outstanding)])


def several_at_once(pb: PlanBook, side: Side, contact: PlanContact, day: dt.date) -> None:
    """Two to four documents settled by one payment (sometimes one document left open)."""
    docs = [pb.document(side, contact, day + days(pb.randint(0, 6)))
            for _ in range(pb.randint(2, 4))]
    latest = max(docs, key=lambda d: d.issue)
    left_open = docs[-1] if pb.random() < 0.2 else None
    pb.pay(side, contact, pb.pay_day(latest),
           [(doc, doc.outstanding) for doc in docs if doc is not left_open])


def partly_paid(pb: PlanBook, side: Side, contact: PlanContact, day: dt.date) -> None:
    """One payment of a round quarter to three quarters; the rest stays owed."""
    doc = pb.document(side, contact, day)
    part = pb.round_part(doc.total, 25, 75)
    if 0 < part < doc.outstanding:
        pb.pay(side, contact, pb.pay_day(doc), [(doc, part)])


def unpaid(pb: PlanBook, side: Side, contact: PlanContact, day: dt.date) -> None:
    """Nothing paid yet: open, or overdue once its due date has passed."""
    pb.document(side, contact, day)


def credit_note_applied(pb: PlanBook, side: Side, contact: PlanContact, day: dt.date) -> None:
    """An invoice, a credit note for part of it applied to it, the rest paid."""
    doc = pb.document(side, contact, day)
    when = day + days(pb.randint(1, 12))
    if when > pb.today:
        return
    reason = CREDIT_REASONS[int(pb.random() * len(CREDIT_REASONS))]
    note = pb.credit_note(side, contact, when, doc, reason)
    if pb.apply(note, when, doc):
        pb.pay(side, contact, max(pb.pay_day(doc), when), [(doc, doc.outstanding)])


def credit_note_unused(pb: PlanBook, side: Side, contact: PlanContact, day: dt.date) -> None:
    """A paid invoice, a goodwill credit note not yet used, and a newer invoice still open:
    the credit waits to be applied (or refunded), as the Apply credit form shows."""
    doc = pb.document(side, contact, day)
    paid = pb.pay(side, contact, pb.pay_day(doc), [(doc, doc.outstanding)])
    if paid is None or paid.date + days(10) > pb.today:
        return
    when = paid.date + days(pb.randint(1, 10))
    pb.credit_note(side, contact, when, doc, "Goodwill discount")
    pb.document(side, contact, when)


def refunded_credit_note(pb: PlanBook, side: Side, contact: PlanContact, day: dt.date) -> None:
    """A paid invoice, then goods returned: a credit note paid back as a refund."""
    doc = pb.document(side, contact, day)
    paid = pb.pay(side, contact, pb.pay_day(doc), [(doc, doc.outstanding)])
    if paid is None or paid.date + days(5) > pb.today:
        return
    note = pb.credit_note(side, contact, paid.date + days(pb.randint(1, 5)), doc,
                          "Returned goods")
    pb.pay(side, contact, note.issue + days(pb.randint(0, 7)), [(note, note.outstanding)],
           refund=True)


def excess_kept_as_credit(pb: PlanBook, side: Side, contact: PlanContact, day: dt.date) -> None:
    """A round-sum payment above the invoice; the excess is kept and used on the next one."""
    doc = pb.document(side, contact, day)
    step = 50 * pb.unit
    excess = step - doc.total % step
    paid = pb.pay(side, contact, pb.pay_day(doc), [(doc, doc.outstanding)], excess=excess)
    if paid is None or paid.credit is None:
        return
    later = paid.date + days(pb.randint(3, 30))
    if later > pb.today:
        return
    following = pb.document(side, contact, later)
    pb.apply(paid.credit, later, following)
    pb.pay(side, contact, pb.pay_day(following), [(following, following.outstanding)])


def voided_document(pb: PlanBook, side: Side, contact: PlanContact, day: dt.date) -> None:
    """An authorised document voided (a mistake), then a correct one issued and paid."""
    wrong = pb.document(side, contact, day)
    pb.void(wrong, day + days(pb.randint(0, 3)))
    paid_in_full(pb, side, contact, wrong.void_on or day)


def voided_payment(pb: PlanBook, side: Side, contact: PlanContact, day: dt.date) -> None:
    """A payment recorded by mistake and voided, then recorded again properly."""
    doc = pb.document(side, contact, day)
    date = pb.pay_day(doc)
    undone = date + days(pb.randint(0, 4))
    if pb.pay(side, contact, date, [(doc, doc.outstanding)], void_on=undone) is not None:
        pb.pay(side, contact, undone + days(1), [(doc, doc.outstanding)])


def draft(pb: PlanBook, side: Side, contact: PlanContact, day: dt.date) -> None:
    """A document saved but never authorised: no number, nothing posted."""
    pb.document(side, contact, day, lifecycle=Lifecycle.DRAFT)


#: Each story once per chunk, so even the small demo shows every status.
EVERY_STORY: tuple[Scenario, ...] = (
    credit_note_applied, refunded_credit_note, excess_kept_as_credit, voided_document,
    voided_payment, draft, draft, partly_paid, several_at_once, unpaid, credit_note_unused,
)

#: The usual mix; about 1.5 payments per invoice or bill once recent documents are counted.
WEIGHTED: tuple[tuple[Scenario, int], ...] = (
    (paid_in_full, 330),
    (instalments, 390),
    (several_at_once, 90),
    (partly_paid, 70),
    (unpaid, 35),
    (credit_note_applied, 25),
    (excess_kept_as_credit, 20),
    (refunded_credit_note, 8),
    (voided_document, 8),
    (voided_payment, 8),
    (draft, 8),
)
_STORIES = tuple(story for story, _ in WEIGHTED)
_CUMULATIVE = tuple(sum(weight for _, weight in WEIGHTED[: i + 1]) for i in range(len(WEIGHTED)))


def plan_chunk(
    pb: PlanBook, customers: list[PlanContact], suppliers: list[PlanContact],
    target: int, first: dt.date, last: dt.date,
) -> None:
    """Plan stories dated between ``first`` and ``last`` until ``target`` invoices and bills.

    Every story runs once per side first, early in the window, so each chunk (and so the
    small demo) has credit notes, refunds, kept credit, voids and drafts.
    """
    rand, randint = pb.random, pb.randint
    span = (last - first).days
    for story in EVERY_STORY:
        for side, contacts in ((Side.SALES, customers), (Side.PURCHASES, suppliers)):
            day = first + days(randint(0, span * 7 // 10))
            story(pb, side, contacts[int(rand() * len(contacts))], day)
    total = _CUMULATIVE[-1]
    plan = pb.plan
    while plan.invoices_and_bills < target:
        sales = rand() < 0.5
        contacts = customers if sales else suppliers
        story = _STORIES[bisect_right(_CUMULATIVE, rand() * total)]
        story(pb, Side.SALES if sales else Side.PURCHASES,
              contacts[int(rand() * len(contacts))], first + days(randint(0, span)))
