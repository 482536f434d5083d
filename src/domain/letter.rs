//! The complaint letter, as a pure function of the answers, the route and today's date.
//!
//! The person's own words are copied in **verbatim**: their paragraphs and line breaks are kept
//! and nothing is corrected or reworded. Any wording the app adds is clearly its own.

use super::answers::{has_text, Answers};
use super::date::Date;
use super::route::Route;

/// Renders the letter as plain text, the form used for copying and the preview.
pub fn letter_text(answers: &Answers, route: &Route, today: Date) -> String {
    let mut out = String::new();
    out.push_str(&today.long());
    out.push_str("\n\n");
    out.push_str(&format!("To: {}\n\n", route.primary.name()));
    out.push_str(&format!(
        "Formal complaint under {}\n\n",
        route.procedure.formal_name()
    ));
    out.push_str("Dear Sir or Madam,\n\n");
    out.push_str("I am writing to make a complaint. This is what happened, in my own words:\n\n");
    if has_text(&answers.what_happened) {
        out.push_str(&answers.what_happened);
    }
    out.push_str(
        "\n\nPlease acknowledge this complaint and tell me how you will look into it.\n\n",
    );
    out.push_str("Yours faithfully,\n\n");
    out.push_str(&answers.contact.name);
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::data;
    use crate::domain::route::route;

    #[test]
    fn keeps_the_persons_words_exactly() {
        let words = "They told me to leave.\n\n  I had nowhere to go.\r\nNobody called.";
        let answers = Answers {
            what_happened: words.into(),
            ..Answers::default()
        };
        let today = Date::new(2026, 11, 23).unwrap();
        let letter = letter_text(&answers, &route(&answers.situation, data(), today), today);
        assert!(letter.contains(words));
    }
}
