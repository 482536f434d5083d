//! The English catalogue's screen words: none is empty, and each `{}` template has exactly
//! the gaps its page fills (a plain sentence has none, so no stray `{}` reaches a page).
//!
//! Each screen's struct is taken apart field by field with no `..`, so a new field does not
//! compile until it is listed here too.

use in_my_words::words::en::ENGLISH;
use in_my_words::words::screens::{
    CheckWords, CommonWords, ContactWords, FinishWords, FrameWords, HelpWords, LetterPageWords,
    RouteWords, SaveWords, ScreenWords,
};

/// Every screen word as (name, text, how many `{}` gaps its page fills).
fn screen_words(screens: &ScreenWords) -> Vec<(&'static str, &'static str, usize)> {
    let ScreenWords {
        common,
        frame,
        letter,
        check,
        help,
        contacts,
        route,
        finish,
        save,
    } = *screens;
    let mut all = Vec::new();

    let CommonWords {
        back,
        error_prefix,
        problem_title,
    } = common;
    all.extend([
        ("common.back", back, 0),
        ("common.error_prefix", error_prefix, 0),
        ("common.problem_title", problem_title, 0),
    ]);

    let FrameWords {
        device_legend,
        device_hint,
        device_options,
        cleared_finished,
        cleared_idle,
        storage_failed,
        more_loading,
        more_failed,
        more_again,
    } = frame;
    for option in device_options {
        all.push(("frame.device_options", option, 0));
    }
    all.extend([
        ("frame.device_legend", device_legend, 0),
        ("frame.device_hint", device_hint, 0),
        ("frame.cleared_finished", cleared_finished, 0),
        ("frame.cleared_idle", cleared_idle, 0),
        ("frame.storage_failed", storage_failed, 0),
        ("frame.more_loading", more_loading, 0),
        ("frame.more_failed", more_failed, 0),
        ("frame.more_again", more_again, 0),
    ]);

    let LetterPageWords {
        listen_words,
        listen_letter,
        progress,
        wrote_heading,
        what_happened_label,
        what_happened_hint,
        affected_label,
        change_else,
        change_else_link,
        letter_heading,
        letter_intro,
        making,
        trouble_updated,
        trouble_failed,
        reload_button,
        print_button,
        copy_button,
        large_print,
        download_heading,
        download_word,
        download_text,
        email_link,
        too_long_for_email,
        how_to_send_heading,
        finish_link,
        downloading,
        cannot_download,
        copied_letter,
        copied_list,
        cannot_copy,
        next_heading,
        copies_heading,
        date_to_follow,
        calendar_button,
        print_list,
        copy_list,
        others_heading,
        others_intro,
        print_other,
        copy_other,
        download_word_other,
        download_text_other,
        easy_read_heading,
        easy_read_print,
        today_heading,
    } = letter;
    all.extend([
        ("letter.listen_words", listen_words, 0),
        ("letter.listen_letter", listen_letter, 0),
        ("letter.progress", progress, 2),
        ("letter.wrote_heading", wrote_heading, 0),
        ("letter.what_happened_label", what_happened_label, 0),
        ("letter.what_happened_hint", what_happened_hint, 0),
        ("letter.affected_label", affected_label, 0),
        ("letter.change_else", change_else, 0),
        ("letter.change_else_link", change_else_link, 0),
        ("letter.letter_heading", letter_heading, 0),
        ("letter.today_heading", today_heading, 0),
        ("letter.letter_intro", letter_intro, 0),
        ("letter.making", making, 0),
        ("letter.trouble_updated", trouble_updated, 0),
        ("letter.trouble_failed", trouble_failed, 0),
        ("letter.reload_button", reload_button, 0),
        ("letter.print_button", print_button, 0),
        ("letter.copy_button", copy_button, 0),
        ("letter.large_print", large_print, 0),
        ("letter.download_heading", download_heading, 0),
        ("letter.download_word", download_word, 0),
        ("letter.download_text", download_text, 0),
        ("letter.email_link", email_link, 1),
        ("letter.too_long_for_email", too_long_for_email, 0),
        ("letter.how_to_send_heading", how_to_send_heading, 0),
        ("letter.finish_link", finish_link, 0),
        ("letter.downloading", downloading, 1),
        ("letter.cannot_download", cannot_download, 0),
        ("letter.copied_letter", copied_letter, 0),
        ("letter.copied_list", copied_list, 0),
        ("letter.cannot_copy", cannot_copy, 0),
        ("letter.next_heading", next_heading, 0),
        ("letter.copies_heading", copies_heading, 0),
        ("letter.date_to_follow", date_to_follow, 0),
        ("letter.calendar_button", calendar_button, 0),
        ("letter.print_list", print_list, 0),
        ("letter.copy_list", copy_list, 0),
        ("letter.others_heading", others_heading, 0),
        ("letter.others_intro", others_intro, 0),
        ("letter.print_other", print_other, 0),
        ("letter.copy_other", copy_other, 0),
        ("letter.download_word_other", download_word_other, 0),
        ("letter.download_text_other", download_text_other, 0),
        ("letter.easy_read_heading", easy_read_heading, 0),
        ("letter.easy_read_print", easy_read_print, 0),
    ]);

    let CheckWords {
        heading,
        all_looked_at,
        one_to_look_at,
        many_to_look_at,
        keep_button,
        change_button,
        kept_one,
        kept_many,
    } = check;
    all.extend([
        ("check.heading", heading, 0),
        ("check.all_looked_at", all_looked_at, 0),
        ("check.one_to_look_at", one_to_look_at, 0),
        ("check.many_to_look_at", many_to_look_at, 1),
        ("check.keep_button", keep_button, 0),
        ("check.change_button", change_button, 0),
        ("check.kept_one", kept_one, 0),
        ("check.kept_many", kept_many, 1),
    ]);

    let HelpWords {
        page_heading,
        panel_heading,
        not_alone,
        caution,
        care_why,
        care_private,
        hide_button,
        carry_on,
        carry_on_button,
    } = help;
    all.extend([
        ("help.page_heading", page_heading, 0),
        ("help.panel_heading", panel_heading, 0),
        ("help.not_alone", not_alone, 0),
        ("help.caution", caution, 1),
        ("help.care_why", care_why, 0),
        ("help.care_private", care_private, 0),
        ("help.hide_button", hide_button, 0),
        ("help.carry_on", carry_on, 0),
        ("help.carry_on_button", carry_on_button, 0),
    ]);

    let ContactWords {
        post,
        email,
        phone,
        text,
        textphone,
        web_form,
        website,
        in_person,
        unconfirmed,
        caution,
        checked,
        sources,
    } = contacts;
    all.extend([
        ("contacts.post", post, 0),
        ("contacts.email", email, 0),
        ("contacts.phone", phone, 0),
        ("contacts.text", text, 0),
        ("contacts.textphone", textphone, 0),
        ("contacts.web_form", web_form, 0),
        ("contacts.website", website, 0),
        ("contacts.in_person", in_person, 0),
        ("contacts.unconfirmed", unconfirmed, 0),
        ("contacts.caution", caution, 1),
        ("contacts.checked", checked, 1),
        ("contacts.sources", sources, 0),
    ]);

    let RouteWords {
        send_to,
        or_instead,
        copy_to,
        unconfirmed,
        why_heading,
        avoid_heading,
        no_date,
        escalation_heading,
        alongside_heading,
        more_help,
    } = route;
    all.extend([
        ("route.send_to", send_to, 1),
        ("route.or_instead", or_instead, 1),
        ("route.copy_to", copy_to, 1),
        ("route.unconfirmed", unconfirmed, 0),
        ("route.why_heading", why_heading, 0),
        ("route.avoid_heading", avoid_heading, 0),
        ("route.no_date", no_date, 0),
        ("route.escalation_heading", escalation_heading, 0),
        ("route.alongside_heading", alongside_heading, 0),
        ("route.more_help", more_help, 0),
    ]);

    let FinishWords {
        heading,
        before_you_go,
        checklist,
        clear_button,
        concern_note,
        concern_link,
        keep_concerns,
        keep_link,
    } = finish;
    all.extend([
        ("finish.concern_note", concern_note, 0),
        ("finish.concern_link", concern_link, 0),
        ("finish.keep_concerns", keep_concerns, 0),
        ("finish.keep_link", keep_link, 0),
        ("finish.heading", heading, 0),
        ("finish.before_you_go", before_you_go, 0),
        ("finish.clear_button", clear_button, 0),
    ]);
    assert!(!checklist.is_empty(), "finish.checklist has no items");
    all.extend(checklist.iter().map(|item| ("finish.checklist", *item, 0)));

    let SaveWords {
        heading,
        intro,
        save_heading,
        passphrase_label,
        passphrase_hint,
        confirm_label,
        save_here_button,
        save_file_button,
        file_hint,
        open_heading,
        open_passphrase_label,
        open_here_button,
        delete_button,
        choose_file_label,
        open_file_button,
        open_hint,
        working,
        passphrase_too_short,
        passphrases_differ,
        cannot_encrypt,
        saved_here,
        cannot_save_here,
        saved_file,
        cannot_save_file,
        opened,
        nothing_saved_here,
        deleted,
        no_file,
        file_too_big,
        wrong_passphrase,
        not_a_draft,
        newer_version,
        damaged,
        cannot_open,
    } = save;
    assert!(!intro.is_empty(), "save.intro has no paragraphs");
    all.extend(intro.iter().map(|paragraph| ("save.intro", *paragraph, 0)));
    all.extend([
        ("save.heading", heading, 0),
        ("save.save_heading", save_heading, 0),
        ("save.passphrase_label", passphrase_label, 0),
        ("save.passphrase_hint", passphrase_hint, 1),
        ("save.confirm_label", confirm_label, 0),
        ("save.save_here_button", save_here_button, 0),
        ("save.save_file_button", save_file_button, 0),
        ("save.file_hint", file_hint, 0),
        ("save.open_heading", open_heading, 0),
        ("save.open_passphrase_label", open_passphrase_label, 0),
        ("save.open_here_button", open_here_button, 0),
        ("save.delete_button", delete_button, 0),
        ("save.choose_file_label", choose_file_label, 0),
        ("save.open_file_button", open_file_button, 0),
        ("save.open_hint", open_hint, 0),
        ("save.working", working, 0),
        ("save.passphrase_too_short", passphrase_too_short, 1),
        ("save.passphrases_differ", passphrases_differ, 0),
        ("save.cannot_encrypt", cannot_encrypt, 0),
        ("save.saved_here", saved_here, 0),
        ("save.cannot_save_here", cannot_save_here, 0),
        ("save.saved_file", saved_file, 1),
        ("save.cannot_save_file", cannot_save_file, 0),
        ("save.opened", opened, 0),
        ("save.nothing_saved_here", nothing_saved_here, 0),
        ("save.deleted", deleted, 0),
        ("save.no_file", no_file, 0),
        ("save.file_too_big", file_too_big, 1),
        ("save.wrong_passphrase", wrong_passphrase, 0),
        ("save.not_a_draft", not_a_draft, 0),
        ("save.newer_version", newer_version, 0),
        ("save.damaged", damaged, 0),
        ("save.cannot_open", cannot_open, 0),
    ]);
    all
}

#[test]
fn every_english_screen_word_is_there_with_the_gaps_its_page_fills() {
    let all = screen_words(&ENGLISH.screens);
    let mut problems = Vec::new();
    for (name, text, gaps) in &all {
        if text.trim().is_empty() {
            problems.push(format!("{name} is empty"));
        }
        let found = text.matches("{}").count();
        if found != *gaps {
            problems.push(format!(
                "{name} has {found} {{}} gaps, its page fills {gaps}"
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_words_that_are_followed_by_more_text_end_with_a_space() {
    // "Error: " comes before the message in the same line of text: without the space the words
    // run together.
    let screens = &ENGLISH.screens;
    for (name, text) in [
        ("common.error_prefix", screens.common.error_prefix),
        ("letter.change_else", screens.letter.change_else),
    ] {
        assert!(text.ends_with(' '), "{name} should end with a space");
    }
}

/// The concern log's page words: none empty, each `{}` template with the gaps its page fills,
/// and every kind of service offered a service the routes know (or "other").
#[test]
fn every_concern_page_word_is_there_with_the_gaps_its_page_fills() {
    use in_my_words::domain::situation::Service;
    use in_my_words::words::{concern_pages, concerns::ConcernPageWords};
    let ConcernPageWords {
        list_intro,
        kept_tab,
        kept_tab_link,
        complaint_started,
        raised_legend,
        raised_yes,
        raised_no,
        next_kind_missing,
        next_added,
        list_empty,
        log_link,
        log_another,
        item_heading,
        no_date,
        no_service,
        item_updates,
        item_open,
        item_choose,
        complaint_legend,
        complaint_hint,
        complaint_button,
        complaint_none,
        share_link,
        start_link,
        concern_intro,
        date_legend,
        date_hint,
        day,
        month,
        year,
        service_legend,
        services,
        service_name,
        category_legend,
        what_happened,
        what_happened_hint,
        what_happened_missing,
        spoke_to,
        they_said,
        wants,
        summary,
        summary_hint,
        done_button,
        kept_note,
        next_heading,
        next_none,
        next_kind_legend,
        next_date_legend,
        next_words,
        next_add,
        informal_heading,
        informal_intro,
        script_opening,
        script_when,
        script_wants,
        script_reply,
        copy_button,
        copied,
        cannot_copy,
        informal_follow_up,
        formal_button,
        share_intro,
        share_leaves_out,
        share_consent,
        share_consent_hint,
        share_table_caption,
        share_download,
        share_print,
        share_none,
        share_file,
        downloaded,
        cannot_download,
    } = *concern_pages();
    let mut all = vec![
        (item_heading, 2),
        (item_updates, 1),
        (script_when, 1),
        (script_reply, 1),
        (informal_follow_up, 1),
        (downloaded, 1),
    ];
    all.extend(
        [
            list_intro,
            kept_tab,
            kept_tab_link,
            complaint_started,
            raised_legend,
            raised_yes,
            raised_no,
            next_kind_missing,
            next_added,
            list_empty,
            log_link,
            log_another,
            no_date,
            no_service,
            item_open,
            item_choose,
            complaint_legend,
            complaint_hint,
            complaint_button,
            complaint_none,
            share_link,
            start_link,
            concern_intro,
            date_legend,
            date_hint,
            day,
            month,
            year,
            service_legend,
            service_name,
            category_legend,
            what_happened,
            what_happened_hint,
            what_happened_missing,
            spoke_to,
            they_said,
            wants,
            summary,
            summary_hint,
            done_button,
            kept_note,
            next_heading,
            next_none,
            next_kind_legend,
            next_date_legend,
            next_words,
            next_add,
            informal_heading,
            informal_intro,
            script_opening,
            script_wants,
            copy_button,
            copied,
            cannot_copy,
            formal_button,
            share_intro,
            share_leaves_out,
            share_consent,
            share_consent_hint,
            share_table_caption,
            share_download,
            share_print,
            share_none,
            share_file,
            cannot_download,
        ]
        .map(|text| (text, 0)),
    );
    for (text, gaps) in all {
        assert!(!text.trim().is_empty(), "an empty concern page word");
        assert_eq!(text.matches("{}").count(), gaps, "{text:?}");
    }
    for (id, label) in services {
        assert!(!label.trim().is_empty());
        assert!(
            *id == "other" || Service::from_id(id).is_some(),
            "{id} is not a service"
        );
    }
}
