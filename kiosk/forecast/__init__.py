"""Tomorrow's expected sales (issue 14 item 11): the next business day's net sales with a range, its busy
hours and the reason in words, from the ledger's read models. No Qt; see docs/FORECAST.md."""

from kiosk.forecast.forecast import Forecast, HourRange, forecast_next_business_day

__all__ = ["Forecast", "HourRange", "forecast_next_business_day"]
