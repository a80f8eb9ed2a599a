#!/bin/sh
# ippeveprinter's print command for the test A4 laser (run once per job, the document in $1).
# A text/plain document is a test's state change: its lines are ippeveprinter's STATE: / ATTR:
# messages. A PDF is "printed": saved as $A4_OUT/job-N.pdf, unless $A4_CONTROL/jam says the
# paper jams ("once": this job only; "always"), in which case the job is lost with media-jam.
control=$A4_CONTROL
if [ "$CONTENT_TYPE" = "text/plain" ]; then
    cat "$1" >&2
    exit 0
fi
if [ -f "$control/jam" ]; then
    echo "STATE: +media-jam-error" >&2
    if [ "$(cat "$control/jam")" = "once" ]; then rm -f "$control/jam"; fi
    exit 1
fi
echo "STATE: -media-jam-error" >&2
if [ -f "$control/delay" ]; then sleep "$(cat "$control/delay")"; fi
cp "$1" "$A4_OUT/.job-$IPP_JOB_ID.pdf" && mv "$A4_OUT/.job-$IPP_JOB_ID.pdf" "$A4_OUT/job-$IPP_JOB_ID.pdf"
exit 0
