//! The words of the screens around the questions: the letter page, getting help, the route,
//! finishing, saving a draft, and the pieces every page shares.
//!
//! One struct per screen, fields named for what they say. `{}` in a template marks a gap that
//! the page fills with [`super::fill`]; the field's doc says what goes there.

/// Words every page can use.
#[derive(Clone, Copy, Debug)]
pub struct CommonWords {
    /// The Back link and button at the top of a page.
    pub back: &'static str,
    /// Read by screen readers before an error message, and put before the tab's title while a
    /// page has errors. Ends with a space.
    pub error_prefix: &'static str,
    /// The heading of the error summary.
    pub problem_title: &'static str,
}

/// The notices above every page, and the line about where answers are kept.
#[derive(Clone, Copy, Debug)]
pub struct FrameWords {
    /// The shared-computer setting at the top of every page: its question, hint, and the
    /// three answers (yes, no, not sure).
    pub device_legend: &'static str,
    pub device_hint: &'static str,
    pub device_options: [&'static str; 3],
    /// On the fresh start page after "Finish and clear".
    pub cleared_finished: &'static str,
    /// On the fresh start page after a shared computer was left alone.
    pub cleared_idle: &'static str,
    /// When the browser will not keep answers in the tab's storage.
    pub storage_failed: &'static str,
    /// While the finish steps' pages load (the first time only; then they are on the device).
    pub more_loading: &'static str,
    /// Those pages could not load (no connection before the offline copy was kept).
    pub more_failed: &'static str,
    /// The button that tries to load them again.
    pub more_again: &'static str,
}

/// The finish steps: what you wrote, the letter, its buttons and what happens next.
#[derive(Clone, Copy, Debug)]
pub struct LetterPageWords {
    /// Reads the person's own words aloud (on-device voices only).
    pub listen_words: &'static str,
    /// Reads the whole letter aloud.
    pub listen_letter: &'static str,
    /// "Step {} of 4", over each finish step's heading.
    pub progress: &'static str,
    pub wrote_heading: &'static str,
    pub what_happened_label: &'static str,
    pub what_happened_hint: &'static str,
    pub affected_label: &'static str,
    /// Before the link back to the answers; a full stop follows the link.
    pub change_else: &'static str,
    pub change_else_link: &'static str,
    pub letter_heading: &'static str,
    /// Above the letter, when care has stopped: what to get sorted today.
    pub today_heading: &'static str,
    pub letter_intro: &'static str,
    /// While the letter tools make the letter.
    pub making: &'static str,
    /// The letter tools were updated while the page was open.
    pub trouble_updated: &'static str,
    /// The letter tools did not answer, or failed.
    pub trouble_failed: &'static str,
    pub reload_button: &'static str,
    pub print_button: &'static str,
    pub copy_button: &'static str,
    pub large_print: &'static str,
    pub download_heading: &'static str,
    pub download_word: &'static str,
    pub download_text: &'static str,
    /// "... to send to {}": the email address.
    pub email_link: &'static str,
    /// When the letter is too long to go into an email link.
    pub too_long_for_email: &'static str,
    pub how_to_send_heading: &'static str,
    pub finish_link: &'static str,
    /// "Downloading {}": the file's name.
    pub downloading: &'static str,
    pub cannot_download: &'static str,
    pub copied_letter: &'static str,
    pub copied_list: &'static str,
    pub cannot_copy: &'static str,
    pub next_heading: &'static str,
    /// Several services: over the dates for each place with a copy, one tap away.
    pub copies_heading: &'static str,
    /// A date in "What happens next" that cannot be worked out yet.
    pub date_to_follow: &'static str,
    pub calendar_button: &'static str,
    pub print_list: &'static str,
    pub copy_list: &'static str,
    pub others_heading: &'static str,
    pub others_intro: &'static str,
    /// The buttons under each of the other letters; the letter's title follows, for screen
    /// readers.
    pub print_other: &'static str,
    pub copy_other: &'static str,
    pub download_word_other: &'static str,
    pub download_text_other: &'static str,
    /// Over the Easy Read page of what happens next, and its Print button.
    pub easy_read_heading: &'static str,
    pub easy_read_print: &'static str,
}

/// The "Before you send" check on the letter page.
#[derive(Clone, Copy, Debug)]
pub struct CheckWords {
    pub heading: &'static str,
    /// When the person has kept every flag.
    pub all_looked_at: &'static str,
    pub one_to_look_at: &'static str,
    /// "{} things to look at": how many (two or more).
    pub many_to_look_at: &'static str,
    pub keep_button: &'static str,
    pub change_button: &'static str,
    pub kept_one: &'static str,
    /// "You chose to keep {}": how many (two or more).
    pub kept_many: &'static str,
}

/// The crisis lines: the "Get help now" page, and the panels above a page.
#[derive(Clone, Copy, Debug)]
pub struct HelpWords {
    /// The heading of the "Get help now" page.
    pub page_heading: &'static str,
    /// The heading of the crisis panel above another page.
    pub panel_heading: &'static str,
    pub not_alone: &'static str,
    /// "Check: {}": the directory's caution about a line.
    pub caution: &'static str,
    /// Why the care panel is shown (it names no words and assumes nothing).
    pub care_why: &'static str,
    pub care_private: &'static str,
    pub hide_button: &'static str,
    /// On the help page, when the person came from the safety question.
    pub carry_on: &'static str,
    pub carry_on_button: &'static str,
}

/// How each kind of contact detail is labelled, and the notes about a directory entry.
#[derive(Clone, Copy, Debug)]
pub struct ContactWords {
    pub post: &'static str,
    pub email: &'static str,
    pub phone: &'static str,
    pub text: &'static str,
    pub textphone: &'static str,
    pub web_form: &'static str,
    pub website: &'static str,
    pub in_person: &'static str,
    /// The tag on a contact detail not yet confirmed.
    pub unconfirmed: &'static str,
    /// "Check before sending: {}": the directory's caution about an organisation.
    pub caution: &'static str,
    /// "Last checked: {}": the month and year the details were checked.
    pub checked: &'static str,
    pub sources: &'static str,
}

/// The route, on the finish steps "Send your letter", "What happens next" and "Free help".
#[derive(Clone, Copy, Debug)]
pub struct RouteWords {
    /// "Send it to: {}": the first place to send it.
    pub send_to: &'static str,
    /// "Or instead: {}": the other place.
    pub or_instead: &'static str,
    /// "Send a copy to: {}": another service's place, when it is about several.
    pub copy_to: &'static str,
    /// The tag on a note the route is not sure of.
    pub unconfirmed: &'static str,
    pub why_heading: &'static str,
    /// Over the warnings not shown on the page, one tap away.
    pub avoid_heading: &'static str,
    /// A date that cannot be worked out from the answers.
    pub no_date: &'static str,
    pub escalation_heading: &'static str,
    pub alongside_heading: &'static str,
    /// Over the free help after the first two, one tap away.
    pub more_help: &'static str,
}

/// "Finish and clear".
#[derive(Clone, Copy, Debug)]
pub struct FinishWords {
    pub heading: &'static str,
    pub before_you_go: &'static str,
    /// The checklist, one item each.
    pub checklist: &'static [&'static str],
    pub clear_button: &'static str,
    /// Logging a concern (not a complaint) from the finish: the sentence and its link.
    pub concern_note: &'static str,
    pub concern_link: &'static str,
    /// Clearing deletes the concern log too: how to keep it.
    pub keep_concerns: &'static str,
    pub keep_link: &'static str,
}

/// "Save or open a draft".
#[derive(Clone, Copy, Debug)]
pub struct SaveWords {
    pub heading: &'static str,
    /// The paragraphs under the heading.
    pub intro: &'static [&'static str],
    pub save_heading: &'static str,
    pub passphrase_label: &'static str,
    /// "At least {} letters": the shortest passphrase.
    pub passphrase_hint: &'static str,
    pub confirm_label: &'static str,
    pub save_here_button: &'static str,
    pub save_file_button: &'static str,
    pub file_hint: &'static str,
    pub open_heading: &'static str,
    pub open_passphrase_label: &'static str,
    pub open_here_button: &'static str,
    pub delete_button: &'static str,
    pub choose_file_label: &'static str,
    pub open_file_button: &'static str,
    pub open_hint: &'static str,
    pub working: &'static str,
    /// "At least {} letters": the shortest passphrase.
    pub passphrase_too_short: &'static str,
    pub passphrases_differ: &'static str,
    pub cannot_encrypt: &'static str,
    pub saved_here: &'static str,
    pub cannot_save_here: &'static str,
    /// "A file called {}": the draft's file name.
    pub saved_file: &'static str,
    pub cannot_save_file: &'static str,
    pub opened: &'static str,
    pub nothing_saved_here: &'static str,
    pub deleted: &'static str,
    pub no_file: &'static str,
    /// "Choose the file called {}": the draft's file name.
    pub file_too_big: &'static str,
    pub wrong_passphrase: &'static str,
    pub not_a_draft: &'static str,
    pub newer_version: &'static str,
    pub damaged: &'static str,
    /// The browser cannot decrypt at all.
    pub cannot_open: &'static str,
}

/// The words of every screen that is not a question page.
#[derive(Clone, Copy, Debug)]
pub struct ScreenWords {
    pub common: CommonWords,
    pub frame: FrameWords,
    pub letter: LetterPageWords,
    pub check: CheckWords,
    pub help: HelpWords,
    pub contacts: ContactWords,
    pub route: RouteWords,
    pub finish: FinishWords,
    pub save: SaveWords,
}
