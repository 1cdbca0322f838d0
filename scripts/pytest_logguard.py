"""pytest plugin: fail the run when Odoo logs a WARNING or ERROR during the tests.

OCA's CI fails on any warning or error in Odoo's log; pytest-odoo sends Odoo's
log through Python logging, so a handler on the root logger sees every record
that a test did not silence with ``mute_logger``. Load it with
``-p pytest_logguard`` (``scripts/`` on PYTHONPATH).
"""

import logging

import pytest

# Raised by the test framework itself when a test fails: the failure is
# already reported by pytest, so the record adds nothing.
FRAMEWORK_LOGGERS = ("odoo.tests",)


class _Collector(logging.Handler):
    def __init__(self):
        super().__init__(level=logging.WARNING)
        self.records = []

    def emit(self, record):
        if record.name.startswith("odoo") and not record.name.startswith(FRAMEWORK_LOGGERS):
            self.records.append(record)


_collector = _Collector()


def pytest_sessionstart(session):
    logging.getLogger().addHandler(_collector)


def pytest_sessionfinish(session, exitstatus):
    logging.getLogger().removeHandler(_collector)
    if not _collector.records:
        return
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    reporter.section("Odoo log: WARNING/ERROR lines during the tests", sep="=", red=True)
    for record in _collector.records:
        reporter.write_line(f"{record.levelname} {record.name}: {record.getMessage()[:500]}")
    if session.exitstatus == pytest.ExitCode.OK:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
