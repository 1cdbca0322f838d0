from . import test_menus
from . import test_loan_deposit
from . import test_registers
from . import test_counter
from . import test_integrity_counter
from . import test_integrity_registers
from . import test_access_matrix
from . import test_hostile_input
