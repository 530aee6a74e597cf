ln -s missing.yaml plans/gone.yaml
