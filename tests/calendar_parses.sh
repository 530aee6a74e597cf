#!/usr/bin/env bash
# The .ics file of the bundled plans is read by an independent iCalendar parser (Python's
# icalendar, from Debian): every event has UID, DTSTAMP, an all-day DTSTART and a SUMMARY, and
# the UIDs are unique.
set -eu
bbg=$1
src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$bbg" --root "$src" calendar -o "$work/plans.ics" 2>/dev/null
# Debian's python3 (python3-icalendar), not another python3 earlier on PATH.
/usr/bin/python3 - "$work/plans.ics" <<'PY'
import datetime, sys
import icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
events = list(cal.walk('VEVENT'))
assert events, 'no events'
uids = [str(e['UID']) for e in events]
assert len(uids) == len(set(uids)), 'duplicate UIDs'
for e in events:
    for prop in ('UID', 'DTSTAMP', 'DTSTART', 'DTEND', 'SUMMARY'):
        assert prop in e, f'{prop} missing in {e.get("SUMMARY")}'
    start = e.decoded('DTSTART')
    assert isinstance(start, datetime.date) and not isinstance(start, datetime.datetime), 'not an all-day event'
    assert e.decoded('DTEND') - start == datetime.timedelta(days=1)
print(f'{len(events)} events parsed')
PY
