"""Adapters that turn a `Plan` into files people use: JSON, Markdown, HTML, iCalendar, FIT.

Each format lives in its own module and imports its heavy library inside the function, so
importing this package stays cheap. Wording shared by the human-readable formats lives in
`_describe`, so the calendar, the printout and the watch all say the same thing.
"""
