"""Our own virtual contactless card for tests and demos (speaks the vpcd protocol; not vsmartcard's code)."""

from hardware.vcard.card import CardProfile, VirtualCardApplet, luhn_valid
from hardware.vcard.vpcd import VirtualCard

__all__ = ["CardProfile", "VirtualCard", "VirtualCardApplet", "luhn_valid"]
