//! What every page is drawn from: the model, the two ways to change it, and helpers that
//! turn a text box's record and words into the props of the text component.

use super::components::{text_field, TextProps};
use super::state::{Action, Model};
use crate::domain::fields::{Shape, TextField};
use crate::domain::interview::Edit;
use crate::domain::situation::YesNo;
use crate::words::words;
use yew::prelude::*;

/// What a page needs: the model and the two ways to change it.
pub struct View<'a> {
    pub model: &'a Model,
    pub edit: Callback<Edit>,
    pub dispatch: Callback<Action>,
}

impl View<'_> {
    /// The error message for a field, if the last Continue found one.
    pub fn error(&self, field: &str) -> Option<AttrValue> {
        self.model
            .errors
            .iter()
            .find(|e| e.field == field)
            .map(|e| AttrValue::from(e.message))
    }

    /// Props for a text box bound to one answer, with its words from the catalogue.
    pub fn field_props(&self, field: TextField) -> TextProps {
        let input = field.input();
        let id = field.id();
        let (label, hint) = words()
            .field(field)
            .map_or(("", None), |w| (w.label, w.hint));
        TextProps {
            is_page_heading: false,
            hint: hint.map(AttrValue::from),
            error: self.error(id),
            multiline: matches!(input.shape, Shape::Lines | Shape::Tall),
            class: classes!(match input.shape {
                Shape::Medium => Some("app-input--medium"),
                Shape::Short => Some("app-input--short"),
                Shape::Tall => Some("app-textarea--tall"),
                Shape::Line | Shape::Lines => None,
            }),
            // A purpose helps a person fill in their own details on their own device; on a shared
            // computer (or when they were not sure) the browser is told to remember nothing.
            autocomplete: input
                .autocomplete
                .filter(|_| self.model.answers.shared_computer == Some(YesNo::No))
                .map(AttrValue::from),
            input_type: input.kind,
            inputmode: input.numeric.then(|| AttrValue::from("numeric")),
            spellcheck: input.spellcheck,
            ..TextProps::new(
                id,
                label,
                field.get(&self.model.answers).to_string(),
                self.edit.reform(move |text| Edit::Text(field, text)),
            )
        }
    }

    pub fn field(&self, field: TextField) -> Html {
        text_field(&self.field_props(field))
    }

    /// A text box whose label is the page's heading.
    pub fn heading_field(&self, field: TextField, label: String, hint: Option<AttrValue>) -> Html {
        text_field(&TextProps {
            label: label.into(),
            is_page_heading: true,
            hint,
            ..self.field_props(field)
        })
    }
}
