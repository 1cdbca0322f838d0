from . import models
from . import wizards


def _cs_post_init(env):
    """Companies that had a chart of accounts before the desk was installed get
    the desk's accounts now (later ones get them with their chart)."""
    env["res.company"].search([("chart_template", "!=", False)])._cs_setup_desk_accounting()
