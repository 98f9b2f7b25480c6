"""The payment and credit rules: pure validators that return every problem, with numbers.

``outstanding = total - sum(active allocations)`` is computed by the book (SQL); these rules
take the freshly read outstanding amounts and never change the draft.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal

from ledgerdesk.domain.i18n import N_, Translated, _
from ledgerdesk.domain.money import Money
from ledgerdesk.domain.payments import Allocation, OpenDocument, Payment, PaymentKind
from ledgerdesk.domain.problems import Problem


def validate_allocations(
    allocations: Sequence[Allocation],
    documents: Mapping[int, OpenDocument],
    *,
    contact_id: int,
    currency: str,
    allowed_kinds: frozenset,
    what: str,
    available: Money | None,
) -> list[Problem]:
    """Check each allocation against its document, then the sum against ``available``.

    ``available`` is the money being allocated (a payment's amount or a credit's remaining);
    ``None`` means no limit beyond each document's outstanding.  Several allocations to the
    same document count together against its outstanding.
    """
    problems: list[Problem] = []
    taken: dict[int, Money] = {}
    grand = _sum_in(allocations, currency)
    for i, alloc in enumerate(allocations):
        path = f"allocations[{i}]"
        doc = documents.get(alloc.document_id)
        if doc is None:
            problems.append(Problem(f"{path}.document", "not_found", _("No such document.")))
            continue
        if doc.kind not in allowed_kinds:
            problems.append(Problem(
                f"{path}.document", "wrong_kind",
                _("A {what} cannot be allocated to {label} {number}.").format(
                    what=what,
                    label=doc.kind.label,
                    number=doc.number),
            ))
            continue
        if doc.contact_id != contact_id:
            problems.append(Problem(
                f"{path}.document", "other_contact",
                _("{number} belongs to another contact.").format(number=doc.number),
            ))
            continue
        if not doc.authorised:
            problems.append(Problem(
                f"{path}.document", "not_open",
                _("{number} is not authorised; only authorised documents can be paid.").format(
                    number=doc.number),
            ))
            continue
        if alloc.amount.currency != currency or doc.currency != currency:
            problems.append(Problem(
                f"{path}.amount", "currency",
                _("{number} is in {currency}; this {what} is in {currency2}.").format(
                    number=doc.number,
                    currency=doc.currency,
                    what=what,
                    currency2=currency),
            ))
            continue
        if not alloc.amount.is_positive:
            problems.append(Problem(
                f"{path}.amount", "not_positive", _("An allocation must be more than zero."),
                {"attempted": alloc.amount.amount},
            ))
            continue
        before = taken.get(doc.id, Money.zero(currency))
        room = doc.outstanding - before
        if alloc.amount > room:
            # The exact maximum also leaves room for the payment's other allocations.
            cap = None if available is None else available.amount - (grand - alloc.amount.amount)
            problems.append(_over_document(path, doc, alloc.amount, room, cap))
        taken[doc.id] = before + alloc.amount
    if available is not None:
        problems.extend(_over_available(allocations, available, what, currency))
    return problems


def _sum_in(allocations: Sequence[Allocation], currency: str):
    return sum((a.amount.amount for a in allocations if a.amount.currency == currency),
               Decimal(0))


def _over_document(
    path: str, doc: OpenDocument, attempted: Money, room: Money, cap
) -> Problem:
    maximum = max(room.amount if cap is None else min(room.amount, cap), Decimal(0))
    return Problem(
        f"{path}.amount", "exceeds_outstanding",
        _("{amount} is more than the {amount2} outstanding on {number}; at most {maximum} can be "
          "allocated to it.").format(
            amount=attempted.amount,
            amount2=doc.outstanding.amount,
            number=doc.number,
            maximum=maximum),
        {"outstanding": doc.outstanding.amount, "attempted": attempted.amount,
         "maximum": maximum},
    )


def _over_available(
    allocations: Sequence[Allocation], available: Money, what: str, currency: str
) -> list[Problem]:
    allocated = _sum_in(allocations, currency)
    if allocated <= available.amount:
        return []
    return [Problem(
        "allocations", "exceeds_amount",
        _("The allocations add up to {allocated}, more than this {what}'s {amount}; at most "
          "{amount} can be allocated.").format(
            allocated=allocated,
            what=what,
            amount=available.amount),
        {"amount": available.amount, "attempted": allocated, "maximum": available.amount},
    )]


#: A payment's kind as a sentence names it ("this customer receipt's 80.00").
_KIND_WORDS = Translated({
    PaymentKind.CUSTOMER_RECEIPT: N_("customer receipt"),
    PaymentKind.SUPPLIER_PAYMENT: N_("supplier payment"),
    PaymentKind.CUSTOMER_REFUND: N_("customer refund"),
    PaymentKind.SUPPLIER_REFUND: N_("supplier refund"),
})


def validate_payment(payment: Payment, documents: Mapping[int, OpenDocument]) -> list[Problem]:
    """Every problem with a payment draft, given fresh outstanding amounts of its documents."""
    problems: list[Problem] = []
    what = _KIND_WORDS[payment.kind]
    if not payment.amount.is_positive:
        problems.append(Problem(
            "amount", "not_positive", _("The payment amount must be more than zero."),
            {"attempted": payment.amount.amount},
        ))
        return problems
    # A payment in another currency than its documents' (a CHF payment for a EUR invoice)
    # brings what arrived for all of them: only each document's outstanding limits it.
    problems.extend(validate_allocations(
        payment.allocations, documents, contact_id=payment.contact_id,
        currency=payment.settles_in, allowed_kinds=payment.kind.target_kinds, what=what,
        available=None if payment.cross_currency else payment.amount,
    ))
    excess = payment.excess
    if excess.is_positive and not payment.keep_excess_as_credit:
        problems.append(_unallocated(payment, excess))
    elif excess.is_positive and payment.kind.prepayment_kind is None:
        problems.append(Problem(
            "keep_excess_as_credit", "not_for_refunds",
            _("A refund cannot leave money as credit: allocate all of it."),
            {"amount": payment.amount.amount, "allocated": payment.allocated.amount},
        ))
    return problems


def _unallocated(payment: Payment, excess: Money) -> Problem:
    allocated = payment.allocated.amount
    if payment.kind.prepayment_kind is None:
        advice = "allocate it all or lower the amount."
    else:
        advice = "allocate it, lower the amount, or choose to keep the excess as credit."
    return Problem(
        "amount", "unallocated",
        _("{amount} of this {amount2} payment is not allocated (allocated {allocated}); "
          "{advice}").format(
            amount=excess.amount,
            amount2=payment.amount.amount,
            allocated=allocated,
            advice=advice),
        {"amount": payment.amount.amount, "allocated": allocated, "excess": excess.amount},
    )


def allocate_oldest_first(
    amount: Money, documents: Sequence[OpenDocument], first: int | None = None
) -> tuple[Allocation, ...]:
    """Spread ``amount`` over ``documents`` by due date, oldest first (what a form proposes);
    the document with id ``first`` (the one a payment was started from) before all others."""
    result: list[Allocation] = []
    left = amount
    for doc in sorted(documents, key=lambda d: (d.id != first, d.due_date, d.issue_date, d.id)):
        if not left.is_positive:
            break
        if not doc.outstanding.is_positive:
            continue
        share = min(left, doc.outstanding)
        result.append(Allocation(doc.id, share))
        left = left - share
    return tuple(result)
