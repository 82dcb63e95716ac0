"""The composition root's builders: every object graph (`kiosk run`'s window and each CLI command) is built
here from the settings and passed down; ui/ and the commands receive built services."""
