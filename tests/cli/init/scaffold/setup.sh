rm -rf plans
