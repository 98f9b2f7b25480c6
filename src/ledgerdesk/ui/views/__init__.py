"""The pages of an open book: dashboard and lists."""
