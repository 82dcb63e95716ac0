"""Device ports: what the core needs from printers, readers, scanners and card terminals."""
