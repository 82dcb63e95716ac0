"""One APIRouter per area: journal (terminals), enrollment and catalog, fleet (operators), the payment
provider simulation and the test clock (demo / test mode only)."""
