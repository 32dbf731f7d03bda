"""`python -m legday.catalogue`: validate the exercise files and the care protocols, and
rewrite their bundle.json files."""

from legday.care.loader import write_bundle as write_care_bundle
from legday.catalogue.loader import write_bundle

print(f"wrote {write_bundle()}")
print(f"wrote {write_care_bundle()}")
