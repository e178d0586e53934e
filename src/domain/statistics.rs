//! The published statistics: calendar quarters, the figures counted at each event, and what a
//! published figure may say (a count, "fewer than 5", or withheld).

use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};

/// A calendar quarter, written `2026-Q3`. Statistics are published by closed quarter only, so
/// that no figure can be tied to a recent report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Quarter {
    pub year: i32,
    /// 1 to 4.
    pub number: u8,
}

impl Quarter {
    pub fn of(date: NaiveDate) -> Quarter {
        Quarter {
            year: date.year(),
            // month0 is 0..=11, so this is 1..=4.
            number: u8::try_from(date.month0() / 3 + 1).unwrap_or(4),
        }
    }

    /// The quarter of a `YYYY-MM-DD` day.
    pub fn of_day(day: &str) -> Option<Quarter> {
        NaiveDate::parse_from_str(day, "%Y-%m-%d")
            .ok()
            .map(Quarter::of)
    }

    /// A quarter written `2026-Q3`.
    pub fn parse(text: &str) -> Option<Quarter> {
        let (year, number) = text.split_once("-Q")?;
        let (year, number) = (year.parse().ok()?, number.parse().ok()?);
        (1..=4)
            .contains(&number)
            .then_some(Quarter { year, number })
    }

    pub fn previous(self) -> Quarter {
        if self.number == 1 {
            Quarter {
                year: self.year - 1,
                number: 4,
            }
        } else {
            Quarter {
                year: self.year,
                number: self.number - 1,
            }
        }
    }

    /// Its first day, `YYYY-MM-DD`.
    pub fn first_day(self) -> String {
        format!("{:04}-{:02}-01", self.year, (self.number - 1) * 3 + 1)
    }
}

impl fmt::Display for Quarter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-Q{}", self.year, self.number)
    }
}

text_enum! {
    /// A figure counted at the moment of its event, per quarter (`statistics_counts`). Reports
    /// by category and region, relayed reports and refused requests are counted from plaintext
    /// columns instead.
    Tallied {
        ChecksMade => "checks_made",
        ChecksMatched => "checks_matched",
        AlertsPublished => "alerts_published",
        ForwardsAnonymous => "forwards_anonymous",
        ForwardsFull => "forwards_full",
        Withdrawals => "withdrawals",
        ExceptionDisclosures => "exception_disclosures",
    }
}

/// One published figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Count {
    /// The count, exactly.
    Shown(u64),
    /// A count below 5: 1 to 4, or in a breakdown also 0. JSON `{"lt": 5}`.
    FewerThanFive,
    /// A count not published so that totals cannot reveal a small one: 5 or more, or any count
    /// when both breakdowns of a quarter are withheld whole (`crate::suppression`). JSON
    /// `{"withheld": true}`.
    Withheld,
}

impl Serialize for Count {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Count::Shown(n) => serializer.serialize_u64(*n),
            Count::FewerThanFive => {
                let mut map = serializer.serialize_map(Some(1))?;
                map.serialize_entry("lt", &5)?;
                map.end()
            }
            Count::Withheld => {
                let mut map = serializer.serialize_map(Some(1))?;
                map.serialize_entry("withheld", &true)?;
                map.end()
            }
        }
    }
}

/// Figures by code, in the order of the reference list (a JSON object keeps it).
#[derive(Debug, Clone, Default)]
pub struct ByCode(pub Vec<(String, Count)>);

impl Serialize for ByCode {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (code, count) in &self.0 {
            map.serialize_entry(code, count)?;
        }
        map.end()
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct ReportFigures {
    pub by_category: ByCode,
    pub by_region: ByCode,
}

#[derive(Debug, Clone, Serialize)]
pub struct CheckFigures {
    pub made: Count,
    pub matched: Count,
}

#[derive(Debug, Clone, Serialize)]
pub struct ForwardFigures {
    pub anonymous: Count,
    pub full: Count,
}

/// Everything published about one closed quarter.
#[derive(Debug, Clone, Serialize)]
pub struct QuarterFigures {
    pub quarter: String,
    pub reports: ReportFigures,
    pub relayed: Count,
    pub alerts_published: Count,
    pub checks: CheckFigures,
    pub forwards: ForwardFigures,
    pub withdrawals: Count,
    pub police_requests_refused: Count,
    pub exception_disclosures: Count,
    pub police_misconduct_reports: Count,
}

#[derive(Debug, Clone, Serialize)]
pub struct Published {
    /// Newest first.
    pub quarters: Vec<QuarterFigures>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quarters_of_days() {
        assert_eq!(
            Quarter::of_day("2026-01-01").unwrap().to_string(),
            "2026-Q1"
        );
        assert_eq!(
            Quarter::of_day("2026-03-31").unwrap().to_string(),
            "2026-Q1"
        );
        assert_eq!(
            Quarter::of_day("2026-04-01").unwrap().to_string(),
            "2026-Q2"
        );
        assert_eq!(
            Quarter::of_day("2026-12-31").unwrap().to_string(),
            "2026-Q4"
        );
        assert_eq!(
            Quarter::parse("2026-Q1").unwrap().previous().to_string(),
            "2025-Q4"
        );
        assert_eq!(Quarter::parse("2026-Q3").unwrap().first_day(), "2026-07-01");
        assert!(Quarter::parse("2026-Q5").is_none());
        assert!(Quarter::of_day("2026-13-01").is_none());
    }

    #[test]
    fn counts_serialise_as_the_contract_says() {
        let json = serde_json::to_string(&ByCode(vec![
            ("a".into(), Count::Shown(7)),
            ("b".into(), Count::FewerThanFive),
            ("c".into(), Count::Withheld),
        ]))
        .unwrap();
        assert_eq!(json, r#"{"a":7,"b":{"lt":5},"c":{"withheld":true}}"#);
    }
}
