"""The committed JSON Schemas are generated from the models; a drift fails here."""

from __future__ import annotations

from conftest import ROOT

from papi_extract.schema import render, schemas


def test_committed_schemas_match_models() -> None:
    for name, schema in schemas().items():
        committed = (ROOT / "schemas" / name).read_text(encoding="utf-8")
        assert committed == render(schema), f"schemas/{name} is stale: run `papi-extract schema`"


def test_schema_field_names_follow_the_spec() -> None:
    plan = schemas()["plan.schema.json"]
    required_top = {
        "record_type", "schema_version", "parser_version", "status", "doc_id", "source", "number", "symbol",
        "doc_type", "issuer", "place", "issued_date", "issued_year", "title", "period", "legal_basis", "signer",
        "recipients", "sections", "indicators", "scores", "tasks", "warnings",
    }
    assert required_top <= set(plan["properties"])
    task = plan["$defs"]["Task"]["properties"]
    assert {"id", "label", "text", "section", "dimension", "subdimension", "lead", "support", "directing",
            "output", "deadlines", "origin", "method", "span"} <= set(task)
