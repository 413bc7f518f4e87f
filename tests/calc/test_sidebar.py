"""The sidebar's actions in real headless Calc, through org.pipecalc.PipelineActions - the
code the panel's buttons run. Each test runs one scenario of sidebar_scenarios.py in a
helper process that knows our interface type (see sidebar_driver.py)."""
import atexit
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
_rdbs = {}


def types_rdb(oxt):
    """Our type library, taken out of OXT itself (an .oxt may be anywhere, not only in
    build/out beside its ext/ folder), once per .oxt."""
    if oxt not in _rdbs:
        d = tempfile.mkdtemp(prefix="pipecalc-rdb-")
        atexit.register(shutil.rmtree, d, True)
        with zipfile.ZipFile(oxt) as z:
            _rdbs[oxt] = z.extract("pipecalc.rdb", d)
    return _rdbs[oxt]


def run(office, scenario):
    rdb = types_rdb(office.oxt)
    types = "<file://%s/types>* file://%s" % (os.environ.get("PIPECALC_OFFICE", "/usr/lib/libreoffice/program"), rdb)
    env = dict(os.environ, URE_MORE_TYPES=types)
    r = subprocess.run([sys.executable, os.path.join(HERE, "sidebar_driver.py"), rdb, office.pipe, scenario],
                       env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=600)
    print(r.stdout, end="")
    assert r.returncode == 0, "scenario %s failed (exit %d)" % (scenario, r.returncode)


def test_sidebar_describe_recognises_roles(office):
    run(office, "describe_recognises_roles")


def test_sidebar_our_outputs_are_no_lead_tables(office):
    run(office, "our_outputs_and_lookup_tables_are_no_lead_tables")


def test_sidebar_roles_make_a_lead_table(office):
    run(office, "roles_make_an_unknown_table_a_lead_table")


def test_sidebar_score_values_and_undo(office):
    run(office, "score_writes_values_and_one_undo_restores")


def test_sidebar_score_refuses_protected_sheet(office):
    run(office, "score_refuses_protected_sheet")


def test_sidebar_score_refuses_user_cell(office):
    run(office, "score_refuses_user_cell_in_the_way")


def test_sidebar_score_needs_won_and_lost(office):
    run(office, "score_needs_won_and_lost")


def test_sidebar_zero_row_tables(office):
    run(office, "zero_row_tables_are_refused_by_every_action")


def test_sidebar_readonly_document(office):
    run(office, "readonly_document_is_refused")


def test_sidebar_forecast_sheet_and_undo(office):
    run(office, "forecast_sheet_chart_and_one_undo")


def test_sidebar_forecast_chart_axis_format(office):
    run(office, "forecast_chart_axis_in_the_amount_format")


def test_sidebar_forecast_live_formulas(office):
    run(office, "forecast_live_formulas_when_stages_say_won_lost")


def test_sidebar_forecast_live_formulas_status_column(office):
    run(office, "forecast_live_formulas_with_a_status_column")


def test_sidebar_forecast_makes_room(office):
    run(office, "forecast_makes_room_on_a_new_sheet")


def test_sidebar_hidden_document_undo(office):
    run(office, "hidden_document_new_sheet_is_safe_to_undo")


def test_sidebar_markers_survive_reload(office):
    run(office, "markers_survive_save_and_reload")


def test_sidebar_score_100000_rows(office):
    run(office, "score_100000_rows_timing")


def test_sidebar_a_million_rows(office):
    run(office, "score_and_forecast_a_million_rows")


def test_sidebar_explain_cell_errors(office):
    run(office, "explain_says_why_a_cell_shows_its_error")


def test_sidebar_explain_forecast_array(office):
    run(office, "explain_reads_the_forecast_sheets_array")


def test_sidebar_explain_names_errors_as_calc_shows_them(office):
    run(office, "explain_names_errors_as_calc_shows_them")


def test_sidebar_data_checks_and_percent_fix(office):
    run(office, "checks_report_problems_and_fix_percent_in_one_undo")


def test_sidebar_data_checks_products_without_a_win(office):
    run(office, "checks_products_without_a_win")


def test_sidebar_patterns_with_a_named_log(office):
    run(office, "patterns_with_a_named_log_and_refusals")


def test_sidebar_snapshot_blocks_and_undo(office):
    run(office, "snapshot_appends_blocks_in_one_undo_each")


def test_sidebar_categories_and_targets(office):
    run(office, "categories_targets_typed_probability_and_one_undo")


def test_sidebar_what_changed_waterfall_and_undo(office):
    run(office, "changes_waterfall_chart_refusals_and_one_undo")


def test_sidebar_data_checks_unknown_stages(office):
    run(office, "checks_unknown_stages_against_the_forecast_sheet")


def test_sidebar_funnel_sheet_and_undo(office):
    run(office, "funnel_sheet_chart_refusals_and_one_undo")


def test_sidebar_funnel_refusals(office):
    run(office, "funnel_refuses_user_cells_and_protected_sheet")


def test_sidebar_share_copy_with_values(office):
    run(office, "share_copy_replaces_our_formulas_by_values")


def test_sidebar_forecast_period(office):
    run(office, "forecast_period_quarter_and_custom")


def test_sidebar_lead_factors(office):
    run(office, "lead_factors_explain_the_score")


def test_sidebar_score_without_attributes_is_the_forecast(office):
    run(office, "score_without_attributes_is_the_forecasts_stage_probability")


def test_sidebar_roles_chosen_by_the_manager(office):
    run(office, "roles_chosen_in_the_panel_drive_actions_and_survive_reload")


def test_sidebar_role_box_sets_one_role(office):
    run(office, "role_box_gives_one_role_to_another_column")


def test_sidebar_score_from_history_table(office):
    run(office, "score_learns_from_a_history_table")


def test_sidebar_forecast_with_stage_probabilities(office):
    run(office, "forecast_with_edited_probabilities_and_a_stage_table")


def test_sidebar_score_colour_scale_undo(office):
    run(office, "score_colour_scale_undo_with_the_column")
