//! `timeline`: matches per day, week, month or year, and their bursts.
//!
//! Owns bucketing publication times into periods, normalising by the
//! stories published in each period, splitting a series by a facet, and
//! burst detection. Counts are exact: every match is read from the
//! `published` fast field (per day in a collector, or per story when
//! copies are counted once or a series is split).
//!
//! Bursts follow Kleinberg's batched two-state model ("Bursty and
//! Hierarchical Structure in Streams", KDD 2002, §4): in period `t`, `r_t` of
//! the `d_t` stories match. The base state expects the overall rate `p0 =
//! Σr/Σd`, the burst state `p1 = s·p0` (s = 2, capped below 1). A state's
//! cost in a period is the negative log binomial likelihood of `r_t` given
//! its rate; entering the burst state costs `γ·ln n` (γ = 1, n periods),
//! leaving it is free. The cheapest state sequence (Viterbi) marks the
//! burst periods.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;
use time::{Date, Duration, Month, OffsetDateTime};

use super::matches;
use crate::Result;
use crate::index::{NewsIndex, tantivy_error};
use crate::search::{DayCollector, Facet, Filters, Member, Selection, select};

/// Bucket size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Period {
    /// Calendar day (UTC).
    Day,
    /// ISO week, starting Monday.
    Week,
    /// Calendar month.
    Month,
    /// Calendar year.
    Year,
}

impl Period {
    /// First day of the period holding `date`.
    pub fn start(self, date: Date) -> Date {
        match self {
            Period::Day => date,
            Period::Week => {
                date - Duration::days(i64::from(date.weekday().number_days_from_monday()))
            }
            Period::Month => date.replace_day(1).expect("day 1 exists"),
            Period::Year => {
                Date::from_calendar_date(date.year(), Month::January, 1).expect("1 January exists")
            }
        }
    }

    /// First day of the next period.
    fn next(self, start: Date) -> Date {
        match self {
            Period::Day => start + Duration::days(1),
            Period::Week => start + Duration::days(7),
            Period::Month => {
                let (y, m) = if start.month() == Month::December {
                    (start.year() + 1, Month::January)
                } else {
                    (start.year(), start.month().next())
                };
                Date::from_calendar_date(y, m, 1).expect("day 1 exists")
            }
            Period::Year => Date::from_calendar_date(start.year() + 1, Month::January, 1)
                .expect("1 January exists"),
        }
    }
}

/// What `timeline` counts.
#[derive(Debug, Clone)]
pub struct TimelineRequest {
    /// (label, query) per series.
    pub queries: Vec<(String, String)>,
    /// Filters for every series (and for the totals).
    pub filters: Filters,
    /// Bucket size.
    pub by: Period,
    /// Split each series by the values of a facet.
    pub split: Option<Facet>,
    /// Values per split.
    pub split_top: usize,
    /// Count syndicated copies once.
    pub dedupe: bool,
}

impl TimelineRequest {
    /// The series as one line (`Gaza=Gaza OR "Khan Younis" | Poetin`), for
    /// a run's reproducibility header.
    pub fn label(&self) -> String {
        self.queries
            .iter()
            .map(|(l, q)| if l == q { q.clone() } else { format!("{l}={q}") })
            .collect::<Vec<_>>()
            .join(" | ")
    }
}

/// One period of a series.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Point {
    /// First day of the period (YYYY-MM-DD).
    pub period: String,
    /// Matching stories.
    pub count: u64,
    /// Stories published in the period (under the filters, without the query).
    pub total: u64,
    /// `count / total` (0 when the period is empty).
    pub share: f64,
    /// Part of a burst.
    pub burst: bool,
}

/// One line of the timeline.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Series {
    /// Label of the query.
    pub label: String,
    /// The query.
    pub query: String,
    /// Facet value of this split, if split.
    pub value: Option<String>,
    /// Every period from the first to the last with stories, in order.
    pub points: Vec<Point>,
}

/// Counts every query per period.
///
/// # Errors
/// A query does not parse; the index cannot be read.
pub fn timeline(index: &NewsIndex, request: &TimelineRequest) -> Result<Vec<Series>> {
    let totals = if request.dedupe {
        counts(index, &all_stories(index, &request.filters, true)?, request.by)?
    } else {
        day_counts(index, &select(index, "*", &request.filters)?, request.by)?
    };
    let (Some(first), Some(last)) =
        (totals.keys().next().copied(), totals.keys().next_back().copied())
    else {
        return Ok(Vec::new());
    };
    let periods = periods(request.by, first, last);
    let mut out = Vec::new();
    for (label, query) in &request.queries {
        let selection = select(index, query, &request.filters)?;
        if !request.dedupe && request.split.is_none() {
            let counts = day_counts(index, &selection, request.by)?;
            let points = periods.iter().map(|p| point(*p, &counts, &totals)).collect();
            out.push(Series { label: label.clone(), query: query.clone(), value: None, points });
            continue;
        }
        let members = matches(index, &selection, request.dedupe)?;
        for (value, members) in split(index, members, request.split, request.split_top)? {
            let counts = counts(index, &members, request.by)?;
            let points = periods.iter().map(|p| point(*p, &counts, &totals)).collect();
            out.push(Series { label: label.clone(), query: query.clone(), value, points });
        }
    }
    for series in &mut out {
        let flags = bursts(&series.points);
        for (point, burst) in series.points.iter_mut().zip(flags) {
            point.burst = burst;
        }
    }
    Ok(out)
}

fn all_stories(index: &NewsIndex, filters: &Filters, dedupe: bool) -> Result<Vec<Member>> {
    matches(index, &select(index, "*", filters)?, dedupe)
}

fn periods(by: Period, first: Date, last: Date) -> Vec<Date> {
    let mut out = vec![first];
    while let Some(&current) = out.last() {
        let next = by.next(current);
        if next > last {
            break;
        }
        out.push(next);
    }
    out
}

fn point(period: Date, counts: &BTreeMap<Date, u64>, totals: &BTreeMap<Date, u64>) -> Point {
    let count = counts.get(&period).copied().unwrap_or(0);
    let total = totals.get(&period).copied().unwrap_or(0);
    let share = if total == 0 { 0.0 } else { count as f64 / total as f64 };
    Point { period: period.to_string(), count, total, share, burst: false }
}

/// Period start → number of matches of `selection` published in it,
/// counted per day in the collector (no list of matches, no scores).
fn day_counts(index: &NewsIndex, selection: &Selection, by: Period) -> Result<BTreeMap<Date, u64>> {
    let days = index
        .searcher()
        .search(&selection.query, &DayCollector)
        .map_err(tantivy_error(index.root()))?;
    let mut out = BTreeMap::new();
    for (day, n) in days {
        let Ok(moment) = OffsetDateTime::from_unix_timestamp(day * 86_400) else { continue };
        *out.entry(by.start(moment.date())).or_default() += n;
    }
    Ok(out)
}

/// Period start → number of `members` published in it.
fn counts(index: &NewsIndex, members: &[Member], by: Period) -> Result<BTreeMap<Date, u64>> {
    let searcher = index.searcher();
    let mut out = BTreeMap::new();
    let mut sorted: Vec<&Member> = members.iter().collect();
    sorted.sort_by_key(|m| (m.address.segment_ord, m.address.doc_id));
    for chunk in sorted.chunk_by(|a, b| a.address.segment_ord == b.address.segment_ord) {
        let segment = searcher.segment_reader(chunk[0].address.segment_ord);
        let published =
            segment.fast_fields().date("published").map_err(tantivy_error(index.root()))?;
        for m in chunk {
            let Some(time) = published.first(m.address.doc_id) else { continue };
            let Ok(moment) = OffsetDateTime::from_unix_timestamp(time.into_timestamp_secs()) else {
                continue;
            };
            *out.entry(by.start(moment.date())).or_default() += 1;
        }
    }
    Ok(out)
}

/// The members per value of `facet` (top `top` values by count), or all of
/// them under `None` without a split.
fn split(
    index: &NewsIndex,
    members: Vec<Member>,
    facet: Option<Facet>,
    top: usize,
) -> Result<Vec<(Option<String>, Vec<Member>)>> {
    let Some(facet) = facet else { return Ok(vec![(None, members)]) };
    let mut by_value: HashMap<String, Vec<Member>> = HashMap::new();
    for member in members {
        for value in super::cooccur::values(index, &member, facet)? {
            by_value.entry(value).or_default().push(member.clone());
        }
    }
    let mut groups: Vec<(String, Vec<Member>)> = by_value.into_iter().collect();
    groups.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then_with(|| a.0.cmp(&b.0)));
    groups.truncate(top);
    Ok(groups.into_iter().map(|(v, m)| (Some(v), m)).collect())
}

/// Kleinberg burst states of a series (see the module documentation).
pub fn bursts(points: &[Point]) -> Vec<bool> {
    let (r, d): (u64, u64) = points.iter().fold((0, 0), |(r, d), p| (r + p.count, d + p.total));
    if points.is_empty() || r == 0 || d == 0 {
        return vec![false; points.len()];
    }
    let p0 = r as f64 / d as f64;
    let p1 = (2.0 * p0).min(0.9999);
    let enter = (points.len() as f64).ln().max(0.0);
    let cost = |p: f64, point: &Point| -> f64 {
        let (r, d) = (point.count as f64, point.total.max(point.count) as f64);
        -(ln_choose(d, r) + r * p.ln() + (d - r) * (1.0 - p).ln())
    };
    // Viterbi over two states: costs so far and the path that gave them.
    let mut best = [0.0, f64::INFINITY];
    let mut paths: [Vec<bool>; 2] = [Vec::new(), Vec::new()];
    for point in points {
        let from_base = [best[0], best[0] + enter];
        let from_burst = [best[1], best[1]];
        let mut next_paths: [Vec<bool>; 2] = [Vec::new(), Vec::new()];
        let mut next = [0.0; 2];
        for state in 0..2 {
            let stay_base = from_base[state] <= from_burst[state];
            next[state] = from_base[state].min(from_burst[state])
                + cost(if state == 0 { p0 } else { p1 }, point);
            next_paths[state] = if stay_base { paths[0].clone() } else { paths[1].clone() };
            next_paths[state].push(state == 1);
        }
        best = next;
        paths = next_paths;
    }
    if best[0] <= best[1] { paths[0].clone() } else { paths[1].clone() }
}

/// ln C(n, k) via the log-gamma function (Stirling series).
fn ln_choose(n: f64, k: f64) -> f64 {
    ln_gamma(n + 1.0) - ln_gamma(k + 1.0) - ln_gamma(n - k + 1.0)
}

fn ln_gamma(x: f64) -> f64 {
    if x < 7.0 {
        // Shift up: Γ(x) = Γ(x + 7) / (x (x+1) … (x+6)).
        let mut product = 1.0;
        let mut y = x;
        while y < 7.0 {
            product *= y;
            y += 1.0;
        }
        return ln_gamma(y) - product.ln();
    }
    let inv = 1.0 / x;
    (x - 0.5) * x.ln() - x + 0.5 * (2.0 * std::f64::consts::PI).ln() + inv / 12.0
        - inv.powi(3) / 360.0
        + inv.powi(5) / 1260.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn points(counts: &[(u64, u64)]) -> Vec<Point> {
        counts
            .iter()
            .map(|&(count, total)| Point {
                period: String::new(),
                count,
                total,
                share: 0.0,
                burst: false,
            })
            .collect()
    }

    #[test]
    fn periods_start_on_monday_first_of_month_and_year() {
        assert_eq!(Period::Week.start(date!(2025 - 12 - 04)), date!(2025 - 12 - 01));
        assert_eq!(Period::Month.start(date!(2025 - 12 - 04)), date!(2025 - 12 - 01));
        assert_eq!(Period::Year.start(date!(2025 - 12 - 04)), date!(2025 - 01 - 01));
        assert_eq!(periods(Period::Month, date!(2025 - 11 - 01), date!(2026 - 01 - 01)).len(), 3);
    }

    #[test]
    fn a_sudden_rise_is_a_burst_and_steady_counts_are_not() {
        let steady = points(&[(5, 100); 10]);
        assert!(bursts(&steady).iter().all(|b| !b));
        let mut rising = vec![(2, 100); 10];
        rising[6] = (30, 100);
        rising[7] = (25, 100);
        assert_eq!(
            bursts(&points(&rising)),
            [false, false, false, false, false, false, true, true, false, false]
        );
    }

    #[test]
    fn ln_gamma_matches_factorials() {
        assert!((ln_gamma(5.0) - 24f64.ln()).abs() < 1e-9);
        assert!((ln_gamma(11.0) - 3_628_800f64.ln()).abs() < 1e-9);
        assert!((ln_choose(10.0, 3.0) - 120f64.ln()).abs() < 1e-9);
    }
}
