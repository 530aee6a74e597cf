mkfifo plans/fifo.yaml
