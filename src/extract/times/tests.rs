//! Table-driven tests of each pattern family through [`find_times`].

use super::*;

/// Thursday 27 July 2023.
fn thursday() -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(2023, 7, 27)
}

/// The (text, value) pairs found in `text`.
fn found(text: &str, published: Option<NaiveDate>) -> Vec<(String, String)> {
    find_times(text, published)
        .into_iter()
        .map(|t| (t.span.slice(text).to_string(), t.value))
        .collect()
}

/// Asserts each row finds exactly the one expression with the given extent and value.
fn check(rows: &[(&str, &str, &str)], published: Option<NaiveDate>) {
    for (text, extent, value) in rows {
        assert_eq!(
            found(text, published),
            vec![(extent.to_string(), value.to_string())],
            "in {text:?}"
        );
    }
}

#[test]
fn written_dates() {
    check(
        &[
            ("It happened on 27 July 2023.", "27 July 2023", "2023-07-27"),
            (
                "It happened on July 27, 2023.",
                "July 27, 2023",
                "2023-07-27",
            ),
            ("March 01 , 2008", "March 01 , 2008", "2008-03-01"),
            ("It happened on July 27.", "July 27", "2023-07-27"),
            (
                "It happened on the 27th of July.",
                "27th of July",
                "2023-07-27",
            ),
            ("Filed 2023-07-26 in court.", "2023-07-26", "2023-07-26"),
            ("Filed 27/07/2023 in court.", "27/07/2023", "2023-07-27"),
            ("Filed 07/27/2023 in court.", "07/27/2023", "2023-07-27"),
            ("Filed 7/8/07 in court.", "7/8/07", "2007-07-08"),
            (
                "On the night of March 30-31 they left.",
                "March 30-31",
                "2023-03-30",
            ),
            (
                "Talks run between 1 and 3 May.",
                "1 and 3 May",
                "2023-05-01",
            ),
            ("Sales fell in November 2006.", "November 2006", "2006-11"),
            ("Monday, July 24 was calm.", "Monday, July 24", "2023-07-24"),
        ],
        thursday(),
    );
}

#[test]
fn ambiguous_numeric_dates_follow_the_articles_own_order() {
    let text = "Signed 25/12/2022, ratified 07/08/2023.";
    assert_eq!(found(text, None)[1].1, "2023-08-07");
}

#[test]
fn months_years_decades() {
    check(
        &[
            ("Aid was poured in in March to help.", "March", "2023-03"),
            ("It will reopen in September.", "September", "2023-09"),
            ("It closed in September.", "September", "2022-09"),
            (
                "He took office last September.",
                "last September",
                "2022-09",
            ),
            ("It became independent in 1960.", "1960", "1960"),
            ("He was elected in 2021 in Niger.", "2021", "2021"),
            ("Growth slowed in the 1990s.", "1990s", "199"),
            ("Cars of the 70s were boxy.", "70s", "197"),
            ("Lowest level since '82.", "'82", "1982"),
            ("Due in early 2009.", "early 2009", "2009"),
            ("Due in mid-2011.", "mid-2011", "2011"),
            (
                "Sales rose in the first quarter of 2009.",
                "the first quarter of 2009",
                "2009-Q1",
            ),
        ],
        thursday(),
    );
}

#[test]
fn weekdays_and_parts_of_day() {
    check(
        &[
            (
                "Soldiers detained him on Wednesday.",
                "Wednesday",
                "2023-07-26",
            ),
            (
                "He tweeted early Thursday morning.",
                "early Thursday morning",
                "2023-07-27TMO",
            ),
            ("The streets were calm on Friday.", "Friday", "2023-07-21"),
            (
                "The summit is set to open on Friday.",
                "Friday",
                "2023-07-28",
            ),
            (
                "Leaders will meet next Monday.",
                "next Monday",
                "2023-07-31",
            ),
            ("It was quiet overnight.", "overnight", "2023-07-26TNI"),
            ("Shops reopened today.", "today", "2023-07-27"),
            ("Shops reopened yesterday.", "yesterday", "2023-07-26"),
            ("Shops reopen tomorrow.", "tomorrow", "2023-07-28"),
            ("Protests are planned tonight.", "tonight", "2023-07-27TNI"),
            ("Markets closed last night.", "last night", "2023-07-26TNI"),
        ],
        thursday(),
    );
}

#[test]
fn relative_expressions() {
    check(
        &[
            ("He was elected two years ago.", "two years ago", "2021"),
            (
                "A day earlier, crowds gathered.",
                "A day earlier",
                "2023-07-26",
            ),
            ("Talks stalled last week.", "last week", "2023-W29"),
            ("Talks stalled last month.", "last month", "2023-06"),
            ("Talks resume next month.", "next month", "2023-08"),
            ("Talks stalled this week.", "this week", "2023-W30"),
            (
                "Blinken visited earlier this year.",
                "earlier this year",
                "2023",
            ),
            (
                "Prices rose since the start of the year.",
                "the start of the year",
                "2023",
            ),
            (
                "Jobs were cut at the end of last year.",
                "the end of last year",
                "2022",
            ),
        ],
        thursday(),
    );
}

#[test]
fn vague_durations_and_sets() {
    check(
        &[
            ("Attacks grew in recent years.", "recent years", "PAST_REF"),
            ("Prices recently rose.", "recently", "PAST_REF"),
            ("The army now controls it.", "now", "PRESENT_REF"),
            (
                "Plans for the future are unclear.",
                "the future",
                "FUTURE_REF",
            ),
            ("He got a two-year sentence.", "two-year", "P2Y"),
            (
                "He served two five-year terms.",
                "two five-year terms",
                "P10Y",
            ),
            ("He spoke for 15 minutes.", "15 minutes", "PT15M"),
            ("The siege lasted three days.", "three days", "P3D"),
            (
                "Rallies are held every Friday.",
                "every Friday",
                "XXXX-WXX-5",
            ),
            ("The report is published weekly.", "weekly", "P1W"),
            ("It was delayed by several years.", "several years", "PXY"),
        ],
        thursday(),
    );
}

#[test]
fn clock_times_join_their_day() {
    check(
        &[(
            "The statement came at 12:30 GMT.",
            "12:30 GMT",
            "2023-07-27T12:30Z",
        )],
        thursday(),
    );
    assert_eq!(
        found("On Wednesday, shots rang out at 3 a.m.", thursday())[1],
        ("3 a.m.".to_string(), "2023-07-26T03:00".to_string())
    );
    assert_eq!(
        found("Shots rang out at 3 a.m.", None),
        vec![("3 a.m.".to_string(), "XXXX-XX-XXT03:00".to_string())]
    );
}

#[test]
fn ages_and_counts_are_not_times() {
    for text in [
        "The 64-year-old was detained.",
        "A three-year-old was hurt.",
        "He is 64 years old.",
        "Some 1,500 soldiers are based there.",
        "The attack killed 141 civilians.",
        "Some 25 million people live there.",
        "More than 300 civilians died.",
        "Aged 64, he ruled.",
        "It bought 2000 tanks.",
        "The flight of an Airbus A330-200 landed.",
        "He told the Sunday Times.",
    ] {
        assert_eq!(found(text, thursday()), vec![], "in {text:?}");
    }
}

#[test]
fn without_a_publication_date_nothing_is_guessed() {
    let times = find_times(
        "On Friday, Bazoum met them. An attack on March 21 followed.",
        None,
    );
    let values: Vec<&str> = times.iter().map(|t| t.value.as_str()).collect();
    assert_eq!(values, ["XXXX-WXX-5", "XXXX-03-21"]);
    assert!(times.iter().all(|t| t.point.is_none()));
    let year = find_times("He was elected in 2021.", None);
    assert!(year.first().and_then(|t| t.point).is_some());
}

#[test]
fn durations_sets_and_vague_times_are_not_points() {
    let text = "He served two five-year terms, spoke for 15 minutes every Friday, recently.";
    let times = find_times(text, thursday());
    assert_eq!(times.len(), 4);
    assert!(times.iter().all(|t| t.point.is_none()));
}

#[test]
fn spans_are_on_char_boundaries_in_any_text() {
    let text = "« Le 27 juillet » – Niger’s coup on Wednesday… 🙂 2023-07-27";
    for t in find_times(text, thursday()) {
        assert!(text.get(t.span.range()).is_some());
    }
}
