cp "$FIXTURES/hostile/trailing-document-marker.yaml" plans/
