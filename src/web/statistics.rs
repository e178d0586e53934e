//! `/statistics`: the published figures of every closed quarter, the same the API serves.

use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

use crate::domain::statistics::{Count, Quarter, QuarterFigures};
use crate::services::statistics;
use crate::state::AppState;

use super::page::{self, Ctx};

#[derive(Template)]
#[template(path = "statistics.html")]
struct StatisticsPage {
    ctx: Ctx,
    quarters: Vec<QuarterFigures>,
}

impl StatisticsPage {
    /// A figure as people read it.
    fn count(&self, count: &Count) -> String {
        match count {
            Count::Shown(n) => n.to_string(),
            Count::FewerThanFive => self.ctx.t("statistics-fewer-than-five"),
            Count::Withheld => self.ctx.t("statistics-withheld"),
        }
    }

    fn quarter(&self, text: &str) -> String {
        match Quarter::parse(text) {
            Some(q) => self.ctx.t2(
                "statistics-quarter",
                ("number", q.number.to_string()),
                ("year", q.year.to_string()),
            ),
            None => text.to_string(),
        }
    }

    /// The figures of a quarter that are not breakdowns: (message key, figure).
    fn activity<'a>(&self, q: &'a QuarterFigures) -> Vec<(&'static str, &'a Count)> {
        vec![
            ("statistics-relayed", &q.relayed),
            ("statistics-police-misconduct", &q.police_misconduct_reports),
            ("statistics-alerts-published", &q.alerts_published),
            ("statistics-checks-made", &q.checks.made),
            ("statistics-checks-matched", &q.checks.matched),
            ("statistics-forwards-anonymous", &q.forwards.anonymous),
            ("statistics-forwards-full", &q.forwards.full),
            ("statistics-withdrawals", &q.withdrawals),
            (
                "statistics-police-requests-refused",
                &q.police_requests_refused,
            ),
            ("statistics-exception-disclosures", &q.exception_disclosures),
        ]
    }
}

pub async fn get(req: HttpRequest, state: web::Data<AppState>) -> HttpResponse {
    let ctx = Ctx::new(&req, &state, "/statistics");
    match statistics::published(&state).await {
        Ok(published) => page::ok(
            &ctx,
            &StatisticsPage {
                ctx: ctx.clone(),
                quarters: published.quarters.clone(),
            },
        ),
        Err(e) => page::error(&ctx, &e),
    }
}
