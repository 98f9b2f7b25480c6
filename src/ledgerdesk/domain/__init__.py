"""Pure-Python bookkeeping rules: money, documents, payments, allocations and the ledger.

Nothing in here imports anything outside the standard library.
"""
