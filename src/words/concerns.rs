//! The words of the concern log's pages (the list, one concern, sharing them with a support
//! worker). They are read only by the second program (see `ui::more`), so they live apart from
//! the journey's catalogue and cost the first visit nothing.

/// The concern log's pages.
#[derive(Clone, Copy, Debug)]
pub struct ConcernPageWords {
    /// The list: its introduction, and what it says when there is nothing in it yet.
    pub list_intro: &'static str,
    /// Where the log is kept, and how to keep it longer: the sentence, then its link.
    pub kept_tab: &'static str,
    pub kept_tab_link: &'static str,
    /// A complaint is started already: the concerns' words are added to it.
    pub complaint_started: &'static str,
    /// "Did you tell the service about it?" and its two answers.
    pub raised_legend: &'static str,
    pub raised_yes: &'static str,
    pub raised_no: &'static str,
    /// What happened next: no kind chosen when adding, and the word that it was added.
    pub next_kind_missing: &'static str,
    pub next_added: &'static str,
    pub list_empty: &'static str,
    /// "Log a concern" (the link and the button).
    pub log_link: &'static str,
    pub log_another: &'static str,
    /// One concern in the list: "{date}: {service}", and the words for no date or service.
    pub item_heading: &'static str,
    pub no_date: &'static str,
    pub no_service: &'static str,
    /// "What happened next: {} updates" (the number).
    pub item_updates: &'static str,
    pub item_open: &'static str,
    /// The tick box on each concern: turn it into a complaint with the others ticked.
    pub item_choose: &'static str,
    pub complaint_legend: &'static str,
    pub complaint_hint: &'static str,
    pub complaint_button: &'static str,
    pub complaint_none: &'static str,
    pub share_link: &'static str,
    pub start_link: &'static str,

    /// One concern: the form.
    pub concern_intro: &'static str,
    pub date_legend: &'static str,
    pub date_hint: &'static str,
    pub day: &'static str,
    pub month: &'static str,
    pub year: &'static str,
    pub service_legend: &'static str,
    /// The kinds of service offered, by `Service` id ("other" for something else, which is
    /// not a service the routes know, so a complaint made from it asks which service).
    pub services: &'static [(&'static str, &'static str)],
    pub service_name: &'static str,
    pub category_legend: &'static str,
    pub what_happened: &'static str,
    pub what_happened_hint: &'static str,
    pub what_happened_missing: &'static str,
    pub spoke_to: &'static str,
    pub they_said: &'static str,
    pub wants: &'static str,
    pub summary: &'static str,
    pub summary_hint: &'static str,
    pub done_button: &'static str,
    pub kept_note: &'static str,

    /// What happened next.
    pub next_heading: &'static str,
    pub next_none: &'static str,
    pub next_kind_legend: &'static str,
    pub next_date_legend: &'static str,
    pub next_words: &'static str,
    pub next_add: &'static str,

    /// Raising it informally: the heading, what it is, the script's sentences (each gap the
    /// person's words or a date, kept as typed), the copy button and what happens if nothing
    /// changes.
    pub informal_heading: &'static str,
    pub informal_intro: &'static str,
    pub script_opening: &'static str,
    pub script_when: &'static str,
    pub script_wants: &'static str,
    pub script_reply: &'static str,
    pub copy_button: &'static str,
    pub copied: &'static str,
    pub cannot_copy: &'static str,
    pub informal_follow_up: &'static str,
    pub formal_button: &'static str,

    /// Sharing with a support worker.
    pub share_intro: &'static str,
    pub share_leaves_out: &'static str,
    pub share_consent: &'static str,
    pub share_consent_hint: &'static str,
    pub share_table_caption: &'static str,
    pub share_download: &'static str,
    pub share_print: &'static str,
    pub share_none: &'static str,
    pub share_file: &'static str,
    pub downloaded: &'static str,
    pub cannot_download: &'static str,
}
