from odoo import models


class AccountChartTemplate(models.AbstractModel):
    _inherit = "account.chart.template"

    def _post_load_data(self, template_code, company, template_data):
        # A company given a chart gets the desk's accounts with it, once.
        super()._post_load_data(template_code, company, template_data)
        (company or self.env.company)._cs_setup_desk_accounting()
