"""JSON Schemas generated from the Pydantic models (the models are the source of truth)."""

from __future__ import annotations

import json
from pathlib import Path

from papi_extract.models import ParseError, PlanDocument


def schemas() -> dict[str, dict]:
    return {
        "plan.schema.json": PlanDocument.model_json_schema(mode="serialization"),
        "error.schema.json": ParseError.model_json_schema(mode="serialization"),
    }


def render(schema: dict) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write_schemas(out_dir: Path) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in schemas().items():
        path = out_dir / name
        path.write_text(render(schema), encoding="utf-8")
        written.append(path)
    return written
