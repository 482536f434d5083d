//! "When did it happen?": the date boxes exactly as typed, and what they mean.
//!
//! The boxes are kept as text so nothing the person typed is lost while a date is not valid
//! yet. [`WhenInput::value`] reads them kindly ("04", "April", "apr"); [`WhenInput::problem`]
//! says what is wrong, as a [`DateProblem`] the wording catalogue turns into plain words.

use super::date::Date;
use super::situation::WhenItHappened;
use serde::{Deserialize, Serialize};

/// Which way of giving the date the person chose.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum WhenChoice {
    ExactDate,
    Roughly,
    NotSure,
    /// "It is still happening". Last, so answers saved before it existed read the same.
    StillHappening,
    /// "It happens on and off", with the year it started when they know it (the "roughly"
    /// year box). Ongoing, like `StillHappening`: never late. After it, for the same reason.
    OnAndOff,
}

/// The date fields exactly as typed, so nothing is lost when a date is not valid yet.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct WhenInput {
    pub choice: Option<WhenChoice>,
    #[serde(deserialize_with = "in_my_words_basics::schema::text")]
    pub day: String,
    #[serde(deserialize_with = "in_my_words_basics::schema::text")]
    pub month: String,
    #[serde(deserialize_with = "in_my_words_basics::schema::text")]
    pub year: String,
    #[serde(deserialize_with = "in_my_words_basics::schema::text")]
    pub rough_month: String,
    #[serde(deserialize_with = "in_my_words_basics::schema::text")]
    pub rough_year: String,
}

/// What is wrong with a typed date. Each has one plain message in the catalogue.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DateProblem {
    /// "I know the date" with every box empty.
    NoDate,
    /// A date after today.
    Future,
    /// A year that is not 4 numbers.
    Year,
    /// Numbers that make no date, like 31 February.
    NotReal,
    /// "Roughly": a year after this one.
    RoughFuture,
    /// "Roughly": a month typed that we do not understand (the month may be left blank).
    RoughMonth,
    /// "Roughly": no year we understand.
    RoughYear,
}

impl DateProblem {
    /// The box the message belongs to (the error summary links to it).
    pub fn field(self) -> &'static str {
        match self {
            DateProblem::NoDate
            | DateProblem::Future
            | DateProblem::Year
            | DateProblem::NotReal => "when-day",
            _ => "when-rough-month",
        }
    }
}

fn number(text: &str) -> Option<i64> {
    text.trim().parse().ok()
}

fn has(text: &str) -> bool {
    !text.trim().is_empty()
}

/// Understands a month typed as a number ("4", "04") or a name ("April", "apr").
pub fn parse_month(text: &str) -> Option<u8> {
    if let Some(n) = number(text) {
        return u8::try_from(n).ok().filter(|m| (1..=12).contains(m));
    }
    // Month names are English and ASCII, so ASCII case folding is enough.
    let lower = text.trim().to_ascii_lowercase();
    if lower.len() < 3 {
        return None;
    }
    (1..=12u8).find(|m| {
        Date::month_name(*m).is_some_and(|name| name.to_ascii_lowercase().starts_with(&lower))
    })
}

impl WhenInput {
    /// The date this input means, if it is complete and valid.
    pub fn value(&self, today: Date) -> Option<WhenItHappened> {
        match self.choice? {
            WhenChoice::NotSure => Some(WhenItHappened::NotSure),
            WhenChoice::StillHappening => Some(WhenItHappened::Ongoing),
            // The year is optional; one typed must be a year that has come.
            WhenChoice::OnAndOff => (!has(&self.rough_year) || self.since_year(today).is_some())
                .then_some(WhenItHappened::Ongoing),
            WhenChoice::ExactDate => past_date(&self.day, &self.month, &self.year, today)
                .map(|date| WhenItHappened::OnDate { date }),
            WhenChoice::Roughly => {
                let year = i32::try_from(number(&self.rough_year)?).ok()?;
                if year > today.year() || year < 1900 {
                    return None;
                }
                // A year alone is enough: people remember "2022" when the month is long gone.
                if !has(&self.rough_month) {
                    return Some(WhenItHappened::InYear { year });
                }
                let month = parse_month(&self.rough_month)?;
                let first = Date::new(year, month, 1)?;
                (first <= today).then_some(WhenItHappened::AroundMonth { year, month })
            }
        }
    }

    /// What is wrong with the typed date, if anything. The question itself is optional, so
    /// no choice is no problem.
    pub fn problem(&self, today: Date) -> Option<DateProblem> {
        let choice = self.choice?;
        if self.value(today).is_some() {
            return None;
        }
        let typed_future = |year: &str| number(year).is_some_and(|y| y > i64::from(today.year()));
        match choice {
            WhenChoice::NotSure | WhenChoice::StillHappening => None,
            WhenChoice::OnAndOff => Some(if typed_future(&self.rough_year) {
                DateProblem::RoughFuture
            } else {
                DateProblem::RoughYear
            }),
            WhenChoice::ExactDate => Some(
                if [&self.day, &self.month, &self.year].iter().all(|t| !has(t)) {
                    DateProblem::NoDate
                } else if typed_future(&self.year) || self.typed_date().is_some_and(|d| d > today) {
                    DateProblem::Future
                } else if !has(&self.year) || number(&self.year).is_some_and(|y| y < 1000) {
                    DateProblem::Year
                } else {
                    DateProblem::NotReal
                },
            ),
            WhenChoice::Roughly => Some(if typed_future(&self.rough_year) {
                DateProblem::RoughFuture
            } else if has(&self.rough_month) && parse_month(&self.rough_month).is_none() {
                DateProblem::RoughMonth
            } else {
                DateProblem::RoughYear
            }),
        }
    }

    /// "On and off since": the year it started, when one that has come was typed.
    pub fn since_year(&self, today: Date) -> Option<i32> {
        let year = i32::try_from(number(&self.rough_year)?).ok()?;
        (self.choice == Some(WhenChoice::OnAndOff) && (1900..=today.year()).contains(&year))
            .then_some(year)
    }

    /// The exact date typed, whether or not it is in the future.
    fn typed_date(&self) -> Option<Date> {
        date_of(&self.day, &self.month, &self.year)
    }
}

/// The day three date boxes name, if it is a real one from 1900 to `today`: "When did it
/// happen?" and the date of birth.
pub(super) fn past_date(day: &str, month: &str, year: &str, today: Date) -> Option<Date> {
    date_of(day, month, year).filter(|date| *date <= today && date.year() >= 1900)
}

/// The day these three parts name, if they name a real one (the month as a number or a name).
pub(super) fn date_of(day: &str, month: &str, year: &str) -> Option<Date> {
    Date::new(
        i32::try_from(number(year)?).ok()?,
        parse_month(month)?,
        u8::try_from(number(day)?).ok()?,
    )
}
