"""Maps: the interactive HTML map, the static map and the report fragment."""
