"""The customer's ordering flow: a pure state machine, its clock-driven driver and checkout."""
