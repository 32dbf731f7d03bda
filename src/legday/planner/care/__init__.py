"""Injury care in the plan: routines between strength days, and care's say in sessions.

One module a job, each importing only those listed before it (`lint-imports` checks):

- `guards`: what each problem's care governs in a session (the movements it guards);
- `loads`: the weight and effort of care work, fitted to the athlete's kit;
- `schedule`: the stage and dose each problem's care holds, week by week;
- `in_session`: a strength session's main block held to the care stage;
- `routines`: which days hold a care routine, and what each one holds and says;
- `first_times`: first times start gently, and care work climbs a week at a time.

Pure: protocols, days and sessions in, routines and fitted sessions out.
"""
