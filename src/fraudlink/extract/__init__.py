"""Extraction: identifiers, amounts and names from free text in any language."""
