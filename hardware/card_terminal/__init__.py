"""The card terminal over serial, in the file names every hardware/<device>/ uses: driver.py (the reference
adapter: the `CardTerminal` port over pyserial), simulator.py (a pty simulator), plus codec.py (the STX … ETX
+ LRC frames, ACK/NAK) and demo.py (the demo's terminal: the simulator with a customer's tap delay). The
payment side builds it (app/builders/payments.py)."""
