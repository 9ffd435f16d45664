"""Bytes on disk: GeoJSON, GeoPackage, CSV, the manifest, and the one atomic write."""
