from . import cs_guarded_mixin
from . import cs_sequence_mixin
