"""The templates carry exactly the canonical cell ids of shared/spec/report-tables.md."""
from checker.templates import template, format_for_year

REQUEST_ROWS_2021 = [
    "received", "carried_over", "granted", "partly_granted",
    "denied.state_secret", "denied.prohibited", "denied.security", "denied.third_party",
    "denied.internal", "denied.process", "denied.enforcement_file", "denied.inquiry",
    "unavailable.not_held", "unavailable.needs_creation", "unavailable.unclear",
    "not_processed.petition", "not_processed.duplicate", "not_processed.publication",
    "not_processed.excessive", "not_processed.confirmation",
    "other.no_correction", "other.unpaid_fee", "other.other", "handled_total", "carried_forward",
]
COLUMNS = ["natural_person", "commercial", "research", "nonprofit", "legal_services", "other_org", "total"]


def test_requests_ids_2021():
    ids = [c.id for c in template("2021").cells if c.table == "requests"]
    assert ids == [f"requests.{r}.{c}" for r in REQUEST_ROWS_2021 for c in COLUMNS]


def test_requests_2019_has_single_other_row():
    rows = [r.id for r in template("2019").table("requests").rows]
    assert "other" in rows and "other.other" not in rows and len(rows) == 23


def test_active_ids():
    t19, t21 = template("2019"), template("2021")
    assert "active.procurement.amount" in t19.index and t19.cell("active.procurement.amount").kind == "money"
    assert "active.licensing.change" in t19.index and t19.cell("active.licensing.change").kind == "signed"
    assert "active.fees.amount_wan" in t21.index and t21.cell("active.fees.amount_wan").kind == "wan"
    assert [c.id for c in t21.cells if c.table == "active"][:3] == [
        "active.regulations.issued", "active.regulations.repealed", "active.regulations.in_force"]
    assert len([c for c in t19.cells if c.table == "active"]) == 3 * 2 + 3 * 4 + 2 + 2


def test_appeals_ids():
    ids = [c.id for c in template("2021").cells if c.table == "appeals"]
    assert len(ids) == 15
    assert ids[0] == "appeals.count.review.upheld" and ids[-1] == "appeals.count.suit_after_review.total"


def test_legacy_ids_and_years():
    t = template("legacy")
    assert "legacy.requests.received" in t.index and "legacy.fees" in t.index
    assert format_for_year(2018) == "legacy" and format_for_year(2020) == "2019" and format_for_year(2023) == "2021"
