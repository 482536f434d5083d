#![cfg(not(target_arch = "wasm32"))]
//! The crisis lines every nation must show, on the "Get help now" page and in the panel that
//! words saying someone is not safe bring up: an emergency number, the way to call it without
//! speaking, a mental health line, and a line for someone being hurt or controlled at home.
//! "Not safe" can mean violence as well as self-harm, so both kinds of help must be there.

use in_my_words::data::journey;
use in_my_words::domain::situation::Nation;

/// For each nation: the lines that must be there, and the order the first ones must come in.
const MUST: [(Nation, &[&str]); 4] = [
    (
        Nation::England,
        &[
            "emergency-999",
            "silent-999",
            "nhs-111-mental-health",
            "national-domestic-abuse-helpline",
            "samaritans",
            "streetlink",
        ],
    ),
    (
        Nation::Wales,
        &[
            "emergency-999",
            "silent-999",
            "wales-111-press-2",
            "live-fear-free",
            "samaritans",
            "streetlink",
        ],
    ),
    (
        Nation::Scotland,
        &[
            "emergency-999",
            "silent-999",
            "nhs-24-111",
            "scotland-domestic-abuse-helpline",
            "samaritans",
        ],
    ),
    (
        Nation::NorthernIreland,
        &[
            "emergency-999",
            "silent-999",
            "lifeline-ni",
            "ni-domestic-sexual-abuse-helpline",
            "samaritans",
        ],
    ),
];

#[test]
fn every_nation_shows_emergency_silent_call_mental_health_and_abuse_lines_in_that_order() {
    for (nation, must) in MUST {
        let ids: Vec<&str> = journey()
            .crisis_lines(nation, None)
            .iter()
            .map(|line| line.id.as_str())
            .collect();
        let mut last = 0;
        for id in must {
            let at = ids
                .iter()
                .position(|x| x == id)
                .unwrap_or_else(|| panic!("{nation:?} has no `{id}` line: {ids:?}"));
            assert!(at >= last, "{nation:?}: `{id}` comes too early in {ids:?}");
            last = at;
        }
    }
}

#[test]
fn streetlink_is_only_offered_where_it_works() {
    for nation in [Nation::Scotland, Nation::NorthernIreland] {
        assert!(
            journey()
                .crisis_lines(nation, None)
                .iter()
                .all(|line| line.id != "streetlink"),
            "StreetLink covers England and Wales only"
        );
    }
}
