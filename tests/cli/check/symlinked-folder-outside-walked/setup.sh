cp "$FIXTURES/hostile/valid-minimal.yaml" plans/
mkdir -p ../outside
printf "token: s3cr3t-must-not-appear\n" > ../outside/secret.yaml
ln -s ../../outside plans/linked
