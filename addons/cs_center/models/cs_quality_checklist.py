from odoo import fields, models

# What a spot check inspects (seed 001 服务质量监督 1: 抽查服务记录、监听电话录音、
# 查看在线聊天记录).
QA_CHANNELS = [
    ("phone", "Phone Call"),
    ("chat", "Online Chat"),
    ("walk_in", "Front Desk"),
    ("record", "Complaint Record"),
]


class CsQualityChecklist(models.Model):
    """The service standards a spot check scores, per channel (seed 000 值班制度 3;
    001 服务质量标准 1-2; 003 5.3.8-5.3.10)."""

    _name = "cs.quality.checklist"
    _description = "Quality Checklist"
    _inherit = ["cs.guarded.mixin", "cs.filled.mixin"]
    _order = "sequence, id"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        comodel_name="res.company",
        index=True,
        default=lambda self: self.env.company,
        help="Leave empty for a checklist every company of the database uses.",
    )
    channel = fields.Selection(selection=QA_CHANNELS, required=True, default="phone")
    item_ids = fields.One2many(
        comodel_name="cs.quality.checklist.item",
        inverse_name="checklist_id",
        string="Items",
        copy=True,
    )
