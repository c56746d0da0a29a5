"""Peers' public test suites (Recognizers-Text, quantulum3) run through `checker.extract.extract`."""
