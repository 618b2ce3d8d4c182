"""Netværksspejlet's benchmark: `python -m bench`. Speed is measured here, never asserted in tests."""
