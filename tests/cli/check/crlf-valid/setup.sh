# The minimal valid plan with Windows line endings (CRLF), generated so that git cannot normalise them.
sed 's/$/\r/' "$FIXTURES/hostile/valid-minimal.yaml" > plans/crlf.yaml
