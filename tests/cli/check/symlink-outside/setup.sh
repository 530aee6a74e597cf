ln -s /etc/passwd plans/passwd.yaml
