//! The words of the letter page that the domain writes: where to send the complaint and why
//! (`domain::route`), the dates that matter (`domain::route`, `domain::timeline`), the letters'
//! headings (`domain::tools`) and how to send a letter (`domain::letter`); and the words of the
//! private concern log (`domain::concerns`).
//!
//! Every piece is a named field, so a second language's catalogue must give each one (the
//! compiler checks). `{}` marks a gap, filled in order with [`super::fill`]. The letters' own
//! sentences are not here: they are written in the person's voice, and a letter in another
//! language needs its own grammar, not only other words. The one exception is the sentence
//! that lists the days a concern was raised ([`ConcernWords::raised_with_you`]), which is
//! made from the concern log and read by the letters.
//!
//! Wording from the data files (rules, the directory) stays in those files, with its sources.

/// Everything the domain writes for the letter page, for one language: see
/// [`super::domain_words`].
#[derive(Clone, Copy, Debug)]
pub struct DomainWords {
    pub route: RouteWords,
    pub roles: RoleWords,
    pub deadlines: DeadlineWords,
    pub timeline: TimelineWords,
    pub tools: ToolsWords,
    pub place: PlaceWords,
    pub letter: LetterPageWords,
    pub easy_read: EasyReadWords,
    pub concerns: ConcernWords,
}

/// Where to send it, and why: the route's assumptions, reasons and "do not" lines.
#[derive(Clone, Copy, Debug)]
pub struct RouteWords {
    /// Why a copy goes to another service's place.
    pub copy_reason: &'static str,
    /// "... Send it to {lead} first ...": the route's why, for several services.
    pub several_why: &'static str,
    /// England, NHS and council social care together: both ombudsmen can look at it.
    pub joint_ombudsmen: &'static str,
    /// No nation given.
    pub assumed_england: &'static str,
    /// "We could not use the area you chose for {nation}, ..."
    pub area_not_used: &'static str,
    /// No stage given.
    pub assumed_not_raised: &'static str,
    /// No service given.
    pub service_unknown: &'static str,
    /// Privately funded care of an unknown kind.
    pub private_care_unknown: &'static str,
    /// "We have shown {trust}, which runs this kind of NHS care in your area. ..."
    pub trust_assumed: &'static str,
    /// "We have shown {board}. It is the NHS board for the place you gave. ..."
    pub board_assumed: &'static str,
    /// The council that runs social care where the person is, when the place they gave says
    /// which: who ("The complaints team") ...
    pub council_team: &'static str,
    /// ... and where ("at the council for {Kent}") ...
    pub council_at: &'static str,
    /// ... and what that assumed: "We have shown the council for {}. ..."
    pub council_assumed: &'static str,
    /// When no routing rule matched: who to send it to ("The complaints manager")...
    pub fallback_role: &'static str,
    /// ... where ("at the service") ...
    pub fallback_at: &'static str,
    /// ... how to find them ...
    pub fallback_how_to_find: &'static str,
    /// ... and why.
    pub fallback_why: &'static str,
    /// Why the service itself is now the other choice, when the body that pays for it comes
    /// first.
    pub commissioner_first_reason: &'static str,
    /// Why the body that pays for the service comes first.
    pub commissioner_first_why: &'static str,
    /// "Do not send the same complaint to both {first} and {other}. ..."
    pub do_not_both: &'static str,
    /// "Do not go to {ombudsman} yet. ..."
    pub do_not_ombudsman_yet: &'static str,
    /// Why, when the person raised it informally.
    pub raised_informally_why: &'static str,
    /// Why, when nobody acknowledged the complaint.
    pub no_acknowledgement_why: &'static str,
    /// Why, when the answer is late: "... why it is late.{late_ombudsman}", the gap filled
    /// with [`RouteWords::late_ombudsman`] or nothing.
    pub late_why: &'static str,
    /// " If they still do not answer, {ombudsman} may agree to look at it ..."
    pub late_ombudsman: &'static str,
}

/// Plain names for a local role, used when the area has no directory entry for it. Each name
/// reads on its own, because these recipients have no separate "at".
#[derive(Clone, Copy, Debug)]
pub struct RoleWords {
    pub icb: &'static str,
    pub health_board: &'static str,
    pub advocacy: &'static str,
    pub healthwatch: &'static str,
    pub council: &'static str,
    pub acute_trust: &'static str,
    pub mental_health_trust: &'static str,
    pub community_trust: &'static str,
    pub ambulance_trust: &'static str,
    /// Any other role.
    pub other: &'static str,
}

/// The dates that matter: each label once, and what each date means.
#[derive(Clone, Copy, Debug)]
pub struct DeadlineWords {
    pub complain_by: &'static str,
    pub acknowledge_by: &'static str,
    pub answer_by: &'static str,
    pub written_answer_by: &'static str,
    pub talk_by: &'static str,
    pub stage_one_answer_by: &'static str,
    pub stage_two_acknowledge_by: &'static str,
    pub stage_two_answer_by: &'static str,
    pub appeal_by: &'static str,
    /// "Take it to {body} by".
    pub take_it_to_by: &'static str,
    /// The usual time limit to complain: 12 months.
    pub limit_twelve_months: &'static str,
    /// Scotland's time limit.
    pub limit_scotland: &'static str,
    /// Northern Ireland's time limit.
    pub limit_northern_ireland: &'static str,
    /// Private hospitals and clinics (ISCAS).
    pub limit_private_hospital: &'static str,
    /// Care the person pays for themselves.
    pub limit_private_care: &'static str,
    /// Immigration removal centres.
    pub limit_detention: &'static str,
    /// Healthcare in police custody, where the police complaints system applies.
    pub limit_police: &'static str,
    /// Added to a note when it is still happening.
    pub ongoing_when: &'static str,
    /// Added to a note when the date counts from when it happened, and that is not known.
    pub unknown_when: &'static str,
    /// Added when the date counts from the final response, which has not come.
    pub unknown_final_response: &'static str,
    /// Added when the time limit to complain has passed.
    pub complain_by_passed: &'static str,
    /// Added when the time limit for the ombudsman has passed.
    pub ombudsman_by_passed: &'static str,
    /// Fills the gap at the end of the notes below that count from today.
    pub arrives_today: &'static str,
    /// "In England, a complaint should be acknowledged ... {arrives_today}"
    pub england_acknowledge: &'static str,
    pub england_answer: &'static str,
    /// "In Wales, a concern should be acknowledged ... {arrives_today}"
    pub wales_acknowledge: &'static str,
    pub wales_answer: &'static str,
    /// Immigration removal centres: "... {arrives_today}"
    pub detention_answer: &'static str,
    /// A council in Wales: "... {arrives_today}"
    pub wales_council_acknowledge: &'static str,
    pub wales_council_talk: &'static str,
    /// Scotland, stage 1: "... {arrives_today}"
    pub scotland_stage_one: &'static str,
    /// Scotland, stage 2: "... {arrives_today}"
    pub scotland_stage_two_acknowledge: &'static str,
    pub scotland_stage_two_answer: &'static str,
    /// Northern Ireland, stage 1 (NIPSO's model procedure, since 1 January 2026): "...
    /// {arrives_today}"
    pub northern_ireland_stage_one: &'static str,
    /// Northern Ireland, stage 2: when they should say they have it.
    pub northern_ireland_stage_two_acknowledge: &'static str,
    /// Northern Ireland, stage 2: when the full answer is due.
    pub northern_ireland_stage_two_answer: &'static str,
    /// Appealing a Special Allocation Scheme placement.
    pub appeal: &'static str,
    /// Added when the letter's exact date is not known.
    pub appeal_unknown: &'static str,
    /// Added when the time to appeal has passed.
    pub appeal_passed: &'static str,
}

/// What happens next: the timeline's own items, and its plain text and reminders.
#[derive(Clone, Copy, Debug)]
pub struct TimelineWords {
    pub send_label: &'static str,
    pub send_note: &'static str,
    pub chase_label: &'static str,
    pub chase_note: &'static str,
    pub six_months_label: &'static str,
    pub six_months_note: &'static str,
    /// The end of a deadline's label that the timeline leaves off ("Expect a full answer by"
    /// becomes "Expect a full answer").
    pub label_end: &'static str,
    /// Put before a deadline's label, whose first letter is made lower case: "Take it to ..."
    /// becomes "Last day to take it to ...".
    pub last_day_to: &'static str,
    /// "Last day to take it to {body}", when the route has no such date.
    pub last_day_take_it_to: &'static str,
    /// The plain text's heading.
    pub heading: &'static str,
    /// In place of a date that cannot be worked out yet.
    pub date_unknown: &'static str,
    /// The title of every calendar event and alarm: neutral, because a lock screen shows it.
    pub reminder: &'static str,
    /// Several services: a copy's acknowledgement, "{body} has a copy of your letter. {what to
    /// expect}".
    pub copy_strand: &'static str,
    /// Several bodies with a copy, due the same day: "{bodies} have a copy of your letter. ..."
    pub copies_strand: &'static str,
    /// Between the last two names of a list: " and ".
    pub and: &'static str,
    /// Several services: chasing a body that has a copy, "Chase {body, in a sentence} if ...".
    pub chase_copy: &'static str,
    /// What to do when chasing a copy: "... Ask them to work with {lead, in a sentence} ...".
    pub chase_copy_note: &'static str,
}

/// A heading for each kind of letter, in the person's terms.
#[derive(Clone, Copy, Debug)]
pub struct ToolsWords {
    pub complaint: &'static str,
    pub chaser: &'static str,
    pub not_satisfied: &'static str,
    pub ombudsman: &'static str,
    pub sas_review: &'static str,
    pub consent_form: &'static str,
    pub informal_note: &'static str,
}

/// What "Where did this happen?" says about the postcode or place typed (the letter tools look
/// it up and write this; the page shows it as it is).
#[derive(Clone, Copy, Debug)]
pub struct PlaceWords {
    /// "We have chosen {}." (a council, or an area)
    pub chosen: &'static str,
    /// A postcode district in more than one council area.
    pub straddles: &'static str,
    /// Words that match more than one council's name.
    pub several_names: &'static str,
    /// A post town whose postcodes lie in more than one council area, or towns of one name in
    /// several ("Bangor", in Wales and in Northern Ireland).
    pub town_straddles: &'static str,
    /// After either of those, when there are too many councils to list.
    pub too_many: &'static str,
    /// After "We have chosen {}.", before the other places the words could mean.
    pub also: &'static str,
    /// "For {council}, choose {area}."
    pub for_choose: &'static str,
    /// "For {council}, type {council} in the box.": for a council in an area the list does not
    /// show (NHS Fife's area), found by typing the council's whole name.
    pub for_type: &'static str,
    pub nothing: &'static str,
    /// The table could not be had on this device.
    pub unavailable: &'static str,
}

/// Guidance the letter page gives beside the letter.
#[derive(Clone, Copy, Debug)]
pub struct LetterPageWords {
    /// Things to do when sending any letter, in the order a person does them.
    pub how_to_send: &'static [&'static str],
}

/// The Easy Read page of what happens next: one short sentence for each idea.
#[derive(Clone, Copy, Debug)]
pub struct EasyReadWords {
    /// "Send your letter to {}."
    pub send_to: &'static str,
    /// "Send a copy of the same letter to {}." (several services)
    pub copy_to: &'static str,
    pub keep_copy: &'static str,
    /// "{date}: {what happens}."
    pub dated: &'static str,
    /// "{what happens}." when there is no date yet.
    pub undated: &'static str,
    /// "Next, go to: {}": the next place to go.
    pub not_happy: &'static str,
    /// "You can get free help from {}": the first free help.
    pub free_help: &'static str,
    pub not_alone: &'static str,
}

/// The private concern log: what each concern was about, what happened after, the worker's
/// export and the sentence the letters add about the days it was raised.
#[derive(Clone, Copy, Debug)]
pub struct ConcernWords {
    /// What a concern was about, by id (`domain::concerns::CATEGORIES`), in the order offered.
    pub categories: &'static [(&'static str, &'static str)],
    /// What happened after, by id (`domain::concerns::FOLLOW_UP_KINDS`), in the order offered.
    pub follow_up_kinds: &'static [(&'static str, &'static str)],
    /// The export's header row: month, service kind, area, category, follow-ups, summary.
    pub columns: [&'static str; 6],
    /// "I raised this with you {}.", the gap filled with the days, each [`Self::on_day`]:
    /// in a letter to the service.
    pub raised_with_you: &'static str,
    /// "I raised this with them {}.": the same, in a letter to an ombudsman.
    pub raised_with_them: &'static str,
    /// "on {}": one day, written out.
    pub on_day: &'static str,
    /// Between the days but the last two: ", ".
    pub comma: &'static str,
    /// Between the last two days: " and ".
    pub and: &'static str,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Takes a words struct apart field by field (no `..`, so a new field does not compile
    /// until it is named here) and adds every piece to `all`.
    macro_rules! pieces {
        ($all:ident, $value:expr, $ty:ident { $($field:ident),* $(,)? }) => {
            let $ty { $($field),* } = $value;
            $all.extend([$($field),*]);
        };
    }

    /// Every piece of wording in `words`. The patterns name every field (no `..`), so a new
    /// field cannot be left out of the check.
    fn all(words: &DomainWords) -> Vec<&'static str> {
        let DomainWords {
            route,
            roles,
            deadlines,
            timeline,
            tools,
            place,
            letter: LetterPageWords { how_to_send },
            easy_read,
            concerns:
                ConcernWords {
                    categories,
                    follow_up_kinds,
                    columns,
                    raised_with_you,
                    raised_with_them,
                    on_day,
                    comma,
                    and: concern_and,
                },
        } = *words;
        let mut all = how_to_send.to_vec();
        all.extend(
            categories
                .iter()
                .chain(follow_up_kinds)
                .map(|(_, text)| *text),
        );
        all.extend(columns);
        all.extend([
            raised_with_you,
            raised_with_them,
            on_day,
            comma,
            concern_and,
        ]);
        pieces!(
            all,
            route,
            RouteWords {
                copy_reason,
                several_why,
                joint_ombudsmen,
                assumed_england,
                area_not_used,
                assumed_not_raised,
                service_unknown,
                private_care_unknown,
                trust_assumed,
                board_assumed,
                council_team,
                council_at,
                council_assumed,
                fallback_role,
                fallback_at,
                fallback_how_to_find,
                fallback_why,
                commissioner_first_reason,
                commissioner_first_why,
                do_not_both,
                do_not_ombudsman_yet,
                raised_informally_why,
                no_acknowledgement_why,
                late_why,
                late_ombudsman,
            }
        );
        pieces!(
            all,
            roles,
            RoleWords {
                icb,
                health_board,
                advocacy,
                healthwatch,
                council,
                acute_trust,
                mental_health_trust,
                community_trust,
                ambulance_trust,
                other,
            }
        );
        pieces!(
            all,
            deadlines,
            DeadlineWords {
                complain_by,
                acknowledge_by,
                answer_by,
                written_answer_by,
                talk_by,
                stage_one_answer_by,
                stage_two_acknowledge_by,
                stage_two_answer_by,
                appeal_by,
                take_it_to_by,
                limit_twelve_months,
                limit_scotland,
                limit_northern_ireland,
                limit_private_hospital,
                limit_private_care,
                limit_detention,
                limit_police,
                ongoing_when,
                unknown_when,
                unknown_final_response,
                complain_by_passed,
                ombudsman_by_passed,
                arrives_today,
                england_acknowledge,
                england_answer,
                wales_acknowledge,
                wales_answer,
                detention_answer,
                wales_council_acknowledge,
                wales_council_talk,
                scotland_stage_one,
                scotland_stage_two_acknowledge,
                scotland_stage_two_answer,
                northern_ireland_stage_one,
                northern_ireland_stage_two_acknowledge,
                northern_ireland_stage_two_answer,
                appeal,
                appeal_unknown,
                appeal_passed,
            }
        );
        pieces!(
            all,
            easy_read,
            EasyReadWords {
                send_to,
                copy_to,
                keep_copy,
                dated,
                undated,
                not_happy,
                free_help,
                not_alone,
            }
        );
        pieces!(
            all,
            timeline,
            TimelineWords {
                send_label,
                send_note,
                chase_label,
                chase_note,
                six_months_label,
                six_months_note,
                label_end,
                last_day_to,
                last_day_take_it_to,
                heading,
                date_unknown,
                reminder,
                copy_strand,
                copies_strand,
                and,
                chase_copy,
                chase_copy_note,
            }
        );
        pieces!(
            all,
            tools,
            ToolsWords {
                complaint,
                chaser,
                not_satisfied,
                ombudsman,
                sas_review,
                consent_form,
                informal_note,
            }
        );
        pieces!(
            all,
            place,
            PlaceWords {
                chosen,
                straddles,
                several_names,
                town_straddles,
                too_many,
                also,
                for_choose,
                for_type,
                nothing,
                unavailable,
            }
        );
        all
    }

    /// Every English piece has words. None holds a Unicode private-use character either: the
    /// letter tools mark the gaps for the person's words with those, and some of this text goes
    /// into the letters (see `no_private_use_characters_in_the_apps_own_text`).
    #[test]
    fn every_english_piece_has_words() {
        let english = all(super::super::domain_words());
        assert!(english.len() > 80, "{} pieces", english.len());
        for (i, text) in english.iter().enumerate() {
            let before = i.checked_sub(1).map(|at| english[at]);
            assert!(
                !text.trim().is_empty(),
                "piece {i} is empty (after {before:?})"
            );
            assert!(
                !text.chars().any(|c| ('\u{E000}'..='\u{F8FF}').contains(&c)),
                "{text:?} holds a private-use character"
            );
        }
    }
}
