"""Editor dialogs: invoices, bills and credit notes, and payments."""
