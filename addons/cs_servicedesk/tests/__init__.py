from . import test_menus
from . import test_loan_deposit
from . import test_registers
from . import test_counter
