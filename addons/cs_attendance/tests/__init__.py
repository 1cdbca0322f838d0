from . import test_life_events
from . import test_approval_tiers
from . import test_working_calendar
from . import test_tour
