from . import test_complaint_sla
from . import test_complaint_ownership
from . import test_calls_and_reports
from . import test_suggestion
from . import test_performance
from . import test_intake
from . import test_tour
