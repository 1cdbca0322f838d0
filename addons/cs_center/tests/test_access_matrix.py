"""The access matrix of the README, cell by cell (issue #15)."""

# Modules, not classes: a TestCase imported by name would run here too.
from odoo.addons.cs_base.tests import access_matrix
from odoo.addons.cs_center.tests import matrix_factories


class TestCenterAccessMatrix(matrix_factories.Factories, access_matrix.AccessMatrixCase):
    MATRIX_FILE = access_matrix.matrix_path(__file__)
