# Two links pointing at each other: both reported (neither is dropped as a duplicate), and the
# message names the loop rather than calling it dangling.
cp "$FIXTURES/hostile/valid-minimal.yaml" plans/ok.yaml
ln -s b.yaml plans/a.yaml
ln -s a.yaml plans/b.yaml
