ln -s /etc/hostname owners.yaml
