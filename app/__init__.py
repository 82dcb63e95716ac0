"""The composition root: the `kiosk` command. It builds the object graph from the settings and hands
references down to kiosk/ (core), hardware/ (devices) and ui/ (Qt). Nothing else wires objects."""
