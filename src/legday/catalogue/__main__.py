"""`python -m legday.catalogue`: validate the exercise files and rewrite bundle.json."""

from legday.catalogue.loader import write_bundle

print(f"wrote {write_bundle()}")
