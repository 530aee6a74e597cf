# A folder outside the repository (next to it, inside the test's temporary directory) holding a
# secret, reached through a symbolic link to the folder rather than to the file.
mkdir -p ../outside
printf 'token: s3cr3t-must-not-appear\n' > ../outside/secret.yaml
ln -s ../../outside plans/linked
