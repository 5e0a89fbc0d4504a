"""Development-only tools: scale-data generation, the benchmark harness and its
framework-floor view. Production settings do not install this app."""
