"""Our own virtual contactless card for tests and demos (speaks the vpcd protocol; not vsmartcard's code)."""

from hardware.vcard.card import CardProfile, VirtualCardApplet
from hardware.vcard.vpcd import VirtualCard

__all__ = ["CardProfile", "VirtualCard", "VirtualCardApplet"]
