//! The shape of one language's strings. A missing translation is a compile
//! error, not a blank on screen. `{}` and `{name}` mark values filled in.

/// Every user-visible string of one language.
#[allow(clippy::struct_field_names)]
pub struct Strings {
    pub hours_unit: &'static str,
    pub weekdays_short: [&'static str; 7],
    pub weekdays_long: [&'static str; 7],
    pub months: [&'static str; 12],
    /// In the order of `domain::holidays::Holiday`.
    pub holidays: [&'static str; 12],
    /// In the order of `ShiftKind`.
    pub kinds: [&'static str; 3],
    /// In the order of `ShiftStatus`.
    pub statuses: [&'static str; 4],
    /// In the order of `Missing`.
    pub missing: [&'static str; 3],
    pub flex_names: [&'static str; 3],
    /// Medication outcomes: given, not given, refused, not applicable.
    pub outcomes: [&'static str; 4],

    // Frame
    pub tabs: [&'static str; 6],
    pub recipient: &'static str,
    pub arbeidsleder: &'static str,
    pub week_n: &'static str,
    pub allocated: &'static str,
    pub scheduled: &'static str,
    pub worked: &'static str,
    pub remaining: &'static str,
    pub over: &'static str,
    pub too_small: &'static str,
    pub no_allocation_short: &'static str,
    pub saved: &'static str,
    pub reloaded: &'static str,

    // Key labels
    pub key_help: &'static str,
    pub key_quit: &'static str,
    pub key_recipient: &'static str,
    pub key_next_screen: &'static str,
    pub key_prev_screen: &'static str,
    pub key_screen_n: &'static str,
    pub key_prev_week: &'static str,
    pub key_next_week: &'static str,
    pub key_this_week: &'static str,
    pub key_up: &'static str,
    pub key_down: &'static str,
    pub key_add: &'static str,
    pub key_edit: &'static str,
    pub key_save: &'static str,
    pub key_cancel: &'static str,
    pub key_next_field: &'static str,
    pub key_prev_field: &'static str,
    pub key_choose: &'static str,
    pub key_close: &'static str,
    pub key_yes: &'static str,
    pub key_no: &'static str,
    pub key_prev_month: &'static str,
    pub key_prev_day: &'static str,
    pub key_next_day: &'static str,
    pub key_today: &'static str,
    pub key_next_month: &'static str,
    pub help_title: &'static str,
    pub help_global: &'static str,
    pub help_form: &'static str,

    // Overview
    pub this_week: &'static str,
    pub last_12_weeks: &'static str,
    pub flex_balance: &'static str,
    pub flex_saved: &'static str,
    pub flex_overdrawn: &'static str,
    pub flex_left_in_period: &'static str,
    pub flex_none: &'static str,
    pub allocation_ends: &'static str,
    pub allocation_open_ended: &'static str,
    pub appeal_deadline_next: &'static str,
    pub appeal_deadline_none: &'static str,
    pub no_allocation: &'static str,
    pub over_marker: &'static str,

    // Week
    pub today: &'static str,
    pub open_shift: &'static str,
    pub no_shifts_day: &'static str,
    pub week_empty: &'static str,

    // Assistants
    pub col_name: &'static str,
    pub col_phone: &'static str,
    pub col_ready: &'static str,
    pub ready: &'static str,
    pub not_ready: &'static str,
    pub former: &'static str,
    pub assistants_empty: &'static str,

    // Log
    pub col_time: &'static str,
    pub col_assistant: &'static str,
    pub col_task: &'static str,
    pub col_note: &'static str,
    pub log_empty: &'static str,
    pub log_day: &'static str,

    // Allocation
    pub col_purpose: &'static str,
    pub col_per_week: &'static str,
    pub col_from: &'static str,
    pub col_to: &'static str,
    pub col_flex: &'static str,
    pub col_deadline: &'static str,
    pub allocation_empty: &'static str,
    pub allocation_form_new: &'static str,
    pub allocation_form_edit: &'static str,
    pub end_previous_question: &'static str,
    pub f_purpose: &'static str,
    pub f_hours: &'static str,
    pub f_from: &'static str,
    pub f_to: &'static str,
    pub f_received: &'static str,
    pub f_deadline: &'static str,
    pub f_reference: &'static str,
    pub f_flex: &'static str,
    pub f_factor_sleeping: &'static str,
    pub f_notes: &'static str,
    pub deadline_default_hint: &'static str,

    // Reports
    pub report_week: &'static str,
    pub report_month: &'static str,
    pub per_assistant: &'static str,
    pub nobody: &'static str,
    pub more_lines: &'static str,
    pub col_work_week: &'static str,
    pub week_n_dates: &'static str,

    // Guided start
    pub setup_title: &'static str,
    pub setup_intro: &'static str,
    pub setup_choice_own: &'static str,
    pub setup_choice_demo: &'static str,
    pub setup_choice_quit: &'static str,
    pub setup_form_title: &'static str,
    pub setup_add_title: &'static str,
    pub f_recipient_name: &'static str,
    pub f_who_leads: &'static str,
    pub who_self: &'static str,
    pub who_representative: &'static str,
    pub f_rep_name: &'static str,
    pub f_rep_relation: &'static str,
    pub setup_allocation_heading: &'static str,
    pub setup_done: &'static str,
    pub demo_done: &'static str,
    pub discard_question: &'static str,
    pub pick_recipient_title: &'static str,
    pub add_recipient: &'static str,

    // Validation
    pub err_required: &'static str,
    pub err_date: &'static str,
    pub err_year: &'static str,
    pub err_time: &'static str,
    pub err_period: &'static str,
    /// An active period outside the shift: `{}` is the period.
    pub err_period_outside: &'static str,
    pub err_hours: &'static str,
    pub err_factor: &'static str,
    pub err_in_field: &'static str,
    pub err_save: &'static str,
    pub err_no_allocation: &'static str,

    // Assistants
    pub assistant_form_new: &'static str,
    pub assistant_form_edit: &'static str,
    pub f_name: &'static str,
    pub f_phone: &'static str,
    pub f_email: &'static str,
    pub f_percent: &'static str,
    pub f_contract_hours: &'static str,
    pub f_employed_from: &'static str,
    pub f_employed_to: &'static str,
    pub f_police: &'static str,
    pub f_confidentiality: &'static str,
    pub f_contract: &'static str,
    pub f_active: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub confirm_delete_assistant: &'static str,
    pub confirm_deactivate_assistant: &'static str,
    pub deleted: &'static str,
    pub err_percent: &'static str,

    // Services and rotas
    pub service_provider: &'static str,
    pub service_what: &'static str,
    pub col_week: &'static str,
    pub from_rota: &'static str,
    pub rota_applied: &'static str,
    pub other_service: &'static str,

    pub key_service: &'static str,
    pub service_form: &'static str,
    pub f_provider: &'static str,
    pub f_what: &'static str,
    pub f_weekly: &'static str,
    pub once: &'static str,
    pub every_week: &'static str,
    pub f_until: &'static str,

    pub key_rota: &'static str,
    pub rota_form: &'static str,
    pub f_rota: &'static str,
    pub f_from_day: &'static str,
    pub f_to_day: &'static str,
    pub no_rotas: &'static str,
    pub confirm_rota: &'static str,
    pub none_word: &'static str,

    // Backups
    pub backup_done: &'static str,
    pub restore_done: &'static str,
    pub verify_ok: &'static str,
    pub verify_problems: &'static str,
    pub last_backup: &'static str,
    pub backup_old: &'static str,
    pub no_backup: &'static str,
    pub backup_failed: &'static str,

    // The log
    pub col_category: &'static str,
    pub col_requires: &'static str,
    pub col_medication: &'static str,
    pub untrained_missing: &'static str,
    pub untrained_expired: &'static str,
    pub err_drug: &'static str,
    pub err_reason: &'static str,
    pub training_valid: &'static str,
    pub training_expiring: &'static str,
    pub training_expired: &'static str,
    pub training_missing: &'static str,

    pub report_health: &'static str,
    pub report_incidents: &'static str,
    pub report_training: &'static str,
    pub report_need: &'static str,
    pub col_severity: &'static str,
    pub col_what: &'static str,
    pub col_action: &'static str,
    pub col_status: &'static str,
    pub col_unmet: &'static str,
    pub applications_title: &'static str,
    pub reply_due: &'static str,
    pub appeal_word: &'static str,

    pub key_log_add: &'static str,
    pub key_correct: &'static str,
    pub key_incident: &'static str,
    pub key_need: &'static str,
    pub key_health_only: &'static str,
    pub key_search: &'static str,
    pub log_form_new: &'static str,
    pub log_form_correct: &'static str,
    pub incident_form: &'static str,
    pub need_form: &'static str,
    pub search_form: &'static str,
    pub f_task: &'static str,
    pub f_log_assistant: &'static str,
    pub f_time: &'static str,
    pub f_drug: &'static str,
    pub f_dose: &'static str,
    pub f_planned: &'static str,
    pub f_outcome: &'static str,
    pub f_reason: &'static str,
    pub f_given_by: &'static str,
    pub f_what_happened: &'static str,
    pub f_severity: &'static str,
    pub f_action: &'static str,
    pub f_follow_up: &'static str,
    pub f_need_hours: &'static str,
    pub f_need_what: &'static str,
    pub f_need_reason: &'static str,
    pub f_search: &'static str,
    pub confirm_untrained: &'static str,
    pub err_no_task: &'static str,
    pub log_filter_health: &'static str,
    pub log_filter_search: &'static str,
    /// Given by: assistant, home nursing, the recipient.
    pub given_by: [&'static str; 3],
    pub severities: [&'static str; 3],
    pub need_reasons: [&'static str; 3],
    /// Incident status: open, closed.
    pub incident_statuses: [&'static str; 2],

    pub key_matrix: &'static str,
    pub matrix_title: &'static str,
    pub matrix_empty: &'static str,
    pub trainings_expiring: &'static str,
    pub trainings_expired: &'static str,
    pub application_pending: &'static str,
    pub application_overdue: &'static str,

    pub key_tick: &'static str,
    pub tick_form: &'static str,
    pub f_item: &'static str,
    pub routine_title: &'static str,
    pub nothing_to_tick: &'static str,

    pub key_who: &'static str,
    pub who_title: &'static str,
    pub f_who: &'static str,
    pub at_keyboard: &'static str,
    pub role_co_supervisor: &'static str,
    pub role_assistant: &'static str,

    pub key_report_view: &'static str,
    pub report_views: &'static str,

    // Week editing
    pub key_delete: &'static str,
    pub key_worked: &'static str,
    pub key_absent: &'static str,
    pub key_copy: &'static str,
    pub key_move: &'static str,
    pub key_copy_week: &'static str,
    pub key_undo: &'static str,
    pub key_go_week: &'static str,
    pub shift_form_new: &'static str,
    pub shift_form_edit: &'static str,
    pub shift_form_copy: &'static str,
    pub worked_title: &'static str,
    pub absent_title: &'static str,
    pub go_week_title: &'static str,
    pub f_assistant: &'static str,
    pub f_date: &'static str,
    pub f_start: &'static str,
    pub f_end: &'static str,
    pub f_kind: &'static str,
    pub f_allocation: &'static str,
    pub f_note: &'static str,
    pub f_actual_start: &'static str,
    pub f_actual_end: &'static str,
    pub f_active_periods: &'static str,
    pub f_employee_number: &'static str,
    /// Where an export went: `{}` is the path.
    /// An existing file or folder of bpa's was made private at start.
    pub made_private: &'static str,
    pub written_to: &'static str,

    // Approval and payroll
    /// `{month}` and `{name}`.
    pub approve_heading: &'static str,
    /// `{}` is the assistant's name.
    pub surprise_no_employee_number: &'static str,
    /// `{id}`, `{when}`.
    pub surprise_not_marked: &'static str,
    /// `{id}`, `{when}`.
    pub surprise_not_ended: &'static str,
    pub approve_question: &'static str,
    /// `{}` more things to look at than the question shows.
    pub approve_more: &'static str,
    pub approve_needs_yes: &'static str,
    pub approve_not_done: &'static str,
    /// `{month}`, `{name}`, `{count}` shifts.
    pub approved: &'static str,
    /// `{month}`, `{name}`.
    pub unapproved: &'static str,
    /// `{month}`, `{name}`.
    pub not_approved: &'static str,
    /// `{month}`, `{name}`, `{when}`, `{who}`.
    pub already_approved: &'static str,

    // The Timesheet view and the Export form
    pub tsv_title: &'static str,
    pub tsv_month: &'static str,
    pub tsv_none: &'static str,
    pub tsv_no_assistants: &'static str,
    /// Paid, passive, evening/night, weekend, holiday: at most 6 columns each.
    pub tsv_columns: [&'static str; 5],
    pub tsv_no_number: &'static str,
    /// `{}` is the agreement's code.
    pub tsv_agreement: &'static str,
    /// `{when}`, `{who}`.
    pub tsv_approved: &'static str,
    pub tsv_open: &'static str,
    pub tsv_date: &'static str,
    pub tsv_time: &'static str,
    pub tsv_status: &'static str,
    pub tsv_total: &'static str,
    /// `{allocated}`, `{scheduled}`.
    pub tsv_month_hours: &'static str,
    pub tsv_overlap: &'static str,
    /// `{month}`, `{name}`.
    pub tsv_confirm_approve: &'static str,
    /// `{month}`, `{name}`.
    pub tsv_confirm_unapprove: &'static str,
    pub export_title: &'static str,
    pub export_what: &'static str,
    /// In the order of `exports::ExportKind::ALL`.
    pub export_kinds: [&'static str; 7],
    pub export_whom: &'static str,
    pub export_all: &'static str,
    pub export_file: &'static str,
    pub export_hint: &'static str,
    pub export_needs_assistant: &'static str,
    /// `{}` is the path.
    pub export_overwrite: &'static str,
    /// `{path}`, `{why}`.
    pub export_failed: &'static str,
    /// Date, time, kind, status, then the six buckets of `timesheet::BUCKET_KEYS`.
    pub ts_columns: [&'static str; 10],
    pub ts_recipient: &'static str,
    /// Signature lines: assistant, arbeidsleder, date.
    pub ts_sign: [&'static str; 3],
    /// How sleeping nights are paid: third, clock.
    pub ts_rules: [&'static str; 2],
    /// `{month}`, `{names}`.
    pub payroll_not_approved: &'static str,
    /// `{month}`.
    pub payroll_nothing: &'static str,
    /// `{names}`.
    pub payroll_no_number: &'static str,
    /// `{keys}`.
    pub payroll_no_wage_type: &'static str,
    pub key_timesheet: &'static str,
    pub key_approve: &'static str,
    pub key_export: &'static str,
    pub f_substitute: &'static str,
    pub f_week: &'static str,
    pub confirm_delete_shift: &'static str,
    pub confirm_copy_week: &'static str,
    pub nothing_to_copy: &'static str,
    pub undone: &'static str,
    pub nothing_to_undo: &'static str,
    pub err_no_assistant: &'static str,
    pub err_many_assistants: &'static str,
    pub err_week: &'static str,
    pub suggestions: &'static str,
    pub copied: &'static str,
    pub saved_with_warnings: &'static str,
    pub select_shift_first: &'static str,
    pub open_shift_label: &'static str,

    // Rules: `{name}`, `{day}`, `{from}`, `{to}`, `{rest}`, `{required}`, `{work}`, `{limit}`, `{week}`, `{over}`, `{missing}`
    pub rule_overlap: &'static str,
    pub rule_daily_rest: &'static str,
    pub rule_weekly_rest: &'static str,
    pub rule_work_24h: &'static str,
    pub rule_weekly_limit: &'static str,
    pub rule_not_ready: &'static str,
    pub rule_inactive: &'static str,
    pub rule_outside_employment: &'static str,
    pub rule_over_allocation: &'static str,
    pub rule_flex_overdrawn: &'static str,
    pub rule_untrained_task: &'static str,
    pub warnings_title: &'static str,
    pub no_warnings: &'static str,
    pub err_alloc_hours: &'static str,
    pub err_alloc_end_before: &'static str,
    pub err_alloc_factor: &'static str,
    pub err_alloc_overlap: &'static str,

    // Shift commands
    /// Column headers of `bpa shift list`.
    pub col_id: &'static str,
    pub col_hours: &'static str,
    pub col_active: &'static str,
    /// Below `bpa shift list` when a time marked `*` is an actual one.
    pub actual_times_note: &'static str,
    /// `{from}`, `{to}`
    pub shifts_none: &'static str,
    /// A shift named by its id: `{}`
    pub shift_label: &'static str,
    /// `{shift}`, `{times}`, `{planned}`, `{active}`
    pub shift_worked: &'static str,
    /// The planned times beside the actual ones: `{}`
    pub shift_planned_was: &'static str,
    /// Actual times beside the plan: `{}`
    pub shift_actual_was: &'static str,
    /// The active periods recorded: `{}`
    pub shift_active_part: &'static str,
    /// `{shift}`, then one of the two below
    pub shift_absent: &'static str,
    /// `{name}`, `{id}`
    pub shift_substitute: &'static str,
    pub shift_no_substitute: &'static str,
    /// The shift as it now is: `{}`
    pub shift_edited: &'static str,
    /// The shift that was deleted: `{}`
    pub shift_deleted: &'static str,
    pub delete_question: &'static str,
    pub nothing_deleted: &'static str,
    /// `{name}`, `{fields}`
    pub assistant_edited: &'static str,
    /// `{}`: the name
    pub assistant_deactivated: &'static str,
    /// `{}`: the name
    pub assistant_already_former: &'static str,
    // Export and import
    /// The calendar's name in a phone's list of calendars.
    pub ics_calendar_name: &'static str,
    /// An event's title: `{assistant}`, `{kind}`.
    pub ics_summary: &'static str,
    /// With `--with-recipient`: `{assistant}`, `{recipient}`, `{kind}`.
    pub ics_summary_with_recipient: &'static str,
    /// Who works an open shift.
    pub ics_open_shift: &'static str,
    /// `{}` is the file.
    pub import_refused: &'static str,
    /// `{line}`, `{reason}`.
    pub import_line: &'static str,
    /// `{added}`, `{skipped}`.
    pub assistants_imported: &'static str,
    /// `{rows}`, `{tables}`, `{file}`.
    pub json_restored: &'static str,
}
