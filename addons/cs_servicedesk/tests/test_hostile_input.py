"""Hostile input: every create/write of the addon's models as every role (issue #15)."""

# Modules, not classes: a TestCase imported by name would run here too.
from odoo.addons.cs_base.tests import access_matrix, hostile
from odoo.addons.cs_servicedesk.tests import matrix_factories


class TestDeskHostileInput(matrix_factories.Factories, hostile.HostileInputCase):
    MATRIX_FILE = access_matrix.matrix_path(__file__)
