"""How the deck's reports look in real Calc (format_scenarios.py): styles, number formats,
merged titles, widths, frozen rows."""
from test_sidebar import run


def test_score_header_style_and_whole_percent(office):
    run(office, "format_scenarios.score_header_style_and_whole_percent")


def test_forecast_styles_formats_merges_widths_frozen(office):
    run(office, "format_scenarios.forecast_styles_formats_merges_widths_frozen")


def test_forecast_in_the_source_currency(office):
    run(office, "format_scenarios.forecast_in_the_source_currency")


def test_funnel_styles_formats_merges(office):
    run(office, "format_scenarios.funnel_styles_formats_merges")


def test_a_restyled_header_is_kept(office):
    run(office, "format_scenarios.a_restyled_header_is_kept")
