mkdir plans/x.yaml
