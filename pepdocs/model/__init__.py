"""The canonical PEP model: schemas, code lists, identifiers and validation."""

from pepdocs.model.catalog import FieldInfo, field_catalog, leaf_paths

__all__ = ["FieldInfo", "field_catalog", "leaf_paths"]
