"""Date and time formats by language (FORMAT_MODULE_PATH); Django's own fill the rest.

Besides Django's names, templates use two of ours: WEEKDAY_DATE_FORMAT (weekday, day and
month, no year: a day of an event) and WEEKDAY_DATETIME_FORMAT (the same with the time).
"""
