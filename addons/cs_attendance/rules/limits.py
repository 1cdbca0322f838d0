"""Sane bounds of the figures HR enters for leave.

Beyond them a figure is a typo (or a request forged over JSON-RPC), and the
entitlement arithmetic would fail with a Python error instead of a clear refusal:
dates near year 9999 overflow when months and years are added, a thousand babies
grant a thousand extra weeks.
"""

# Life events, make-up working days and holiday years of this century: the
# validity months, childcare years and leave blocks stay far from year 9999.
FIRST_YEAR = 2000
LAST_YEAR = 2100

# Days of leave a jurisdiction or a company policy may set for one figure: a year.
MAX_DAYS = 366
# Months of a validity or of sickness before the long-sickness floors: ten years.
MAX_MONTHS = 120
# Hours in a day (nursing time).
MAX_HOURS = 24
# A local monthly minimum wage: the highest in China is under 3,000 yuan; one
# million keeps any currency's figure while refusing a typo such as 1e12.
MAX_MINIMUM_WAGE = 1_000_000
# Babies of one birth, and months of a pregnancy.
MAX_BABIES = 10
MAX_PREGNANCY_MONTHS = 10
# A jurisdiction's code (CN-GD-SZ) is unique, hence indexed: a short text.
MAX_CODE_LENGTH = 16
