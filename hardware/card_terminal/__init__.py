"""The card terminal over serial: frame codec (STX … ETX + LRC, ACK/NAK), reference adapter, simulator."""
