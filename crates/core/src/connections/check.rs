//! "Test connection": one cheap authenticated call, and a precise account of what failed.

use chrono::{DateTime, Utc};
use sobot::SobotClient;
use sobot::callcenter::CallCenterClient;
use udesk::UdeskClient;
use vendor_http::HttpError;

/// What kind of problem a connection test found, by what the user must fix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProblemKind {
    /// The host did not answer (DNS, refused, unreachable): check the address and network.
    HostUnreachable,
    /// The TLS handshake or certificate failed.
    Tls,
    /// The host answered too slowly.
    Timeout,
    /// The credential (app id, app key, email, API token) was rejected.
    BadCredential,
    /// The request signature was rejected: a wrong key, or this computer's clock.
    SignatureRejected,
    /// The account's plan has no API access (Sobot 700046, Udesk plan codes).
    NoApiAccess,
    /// The account has no API configured (Sobot 900004).
    NotConfigured,
    /// This computer's clock differs from the vendor's by too much.
    ClockSkew,
    /// The vendor's rate limit was hit; try again later.
    RateLimited,
    /// The host answered something that is not this vendor's API (wrong URL?).
    UnexpectedAnswer,
    /// The vendor refused with a business error code.
    Vendor,
}

/// A failed connection test.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// What kind of problem.
    pub kind: ProblemKind,
    /// The vendor's code, when it sent one.
    pub vendor_code: Option<String>,
    /// What was said, as sent (never a secret).
    pub message: String,
}

/// The result of a connection test.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConnectionCheck {
    /// The credential works.
    Ok,
    /// It does not, and why.
    Failed(Problem),
}

/// More than this between the local clock and the vendor's `Date` header is reported.
const MAX_CLOCK_SKEW_SECONDS: i64 = 300;

fn problem(kind: ProblemKind, vendor_code: Option<String>, message: impl Into<String>) -> Problem {
    Problem {
        kind,
        vendor_code,
        message: message.into(),
    }
}

fn classify_http(err: &HttpError) -> Problem {
    let text = err.to_string();
    let lower = text.to_lowercase();
    let kind = match err {
        HttpError::Timeout => ProblemKind::Timeout,
        _ if ["certificate", "tls", "ssl", "handshake"]
            .iter()
            .any(|w| lower.contains(w)) =>
        {
            ProblemKind::Tls
        }
        HttpError::Connect(_) => ProblemKind::HostUnreachable,
        HttpError::RateLimited { .. } => ProblemKind::RateLimited,
        HttpError::Status { status, .. } if *status == 401 || *status == 403 => {
            ProblemKind::BadCredential
        }
        HttpError::Status { .. } | HttpError::Decode(_) => ProblemKind::UnexpectedAnswer,
        _ => ProblemKind::HostUnreachable,
    };
    problem(kind, None, text)
}

/// Maps a Sobot client error to what the user must fix.
pub fn classify_sobot(err: &sobot::Error) -> Problem {
    use sobot::AuthFailure;
    match err {
        sobot::Error::Auth {
            reason,
            code,
            message,
        } => {
            let kind = match reason {
                AuthFailure::Signature => ProblemKind::SignatureRejected,
                AuthFailure::PlanNotEligible => ProblemKind::NoApiAccess,
                AuthFailure::NotConfigured => ProblemKind::NotConfigured,
                _ => ProblemKind::BadCredential,
            };
            problem(kind, Some(code.clone()), message.clone())
        }
        sobot::Error::RateLimited { .. } => {
            problem(ProblemKind::RateLimited, None, err.to_string())
        }
        sobot::Error::Transport(http) => classify_http(http),
        sobot::Error::Decode(_) => problem(ProblemKind::UnexpectedAnswer, None, err.to_string()),
        sobot::Error::Validation { code, message, .. }
        | sobot::Error::NotFound { code, message }
        | sobot::Error::Business { code, message } => {
            problem(ProblemKind::Vendor, Some(code.clone()), message.clone())
        }
        other => problem(ProblemKind::Vendor, None, other.to_string()),
    }
}

/// Maps a Udesk client error to what the user must fix.
pub fn classify_udesk(err: &udesk::Error) -> Problem {
    use udesk::AuthFailure;
    match err {
        udesk::Error::Auth {
            reason,
            code,
            message,
        } => {
            let kind = match reason {
                AuthFailure::Signature => ProblemKind::SignatureRejected,
                AuthFailure::Timestamp => ProblemKind::ClockSkew,
                AuthFailure::PlanNotEligible => ProblemKind::NoApiAccess,
                _ => ProblemKind::BadCredential,
            };
            problem(kind, Some(code.to_string()), message.clone())
        }
        udesk::Error::RateLimited { .. } => {
            problem(ProblemKind::RateLimited, None, err.to_string())
        }
        udesk::Error::Transport(http) => classify_http(http),
        udesk::Error::Decode(_) => problem(ProblemKind::UnexpectedAnswer, None, err.to_string()),
        udesk::Error::Business { code, message, .. } => {
            problem(ProblemKind::Vendor, Some(code.to_string()), message.clone())
        }
        other => problem(ProblemKind::Vendor, None, other.to_string()),
    }
}

/// Reads the vendor's clock from the `Date` header of any answer from `base_url`.
async fn vendor_clock(base_url: &url::Url) -> Option<DateTime<Utc>> {
    let http = vendor_http::HttpClient::new(vendor_http::HttpConfig::default()).ok()?;
    let answer = http
        .send(http.request(vendor_http::reqwest::Method::HEAD, base_url.clone()))
        .await
        .ok()?;
    let date = answer
        .headers
        .get(vendor_http::reqwest::header::DATE)?
        .to_str()
        .ok()?;
    DateTime::parse_from_rfc2822(date)
        .ok()
        .map(|d| d.with_timezone(&Utc))
}

/// A signature rejection is often this computer's clock: say so when the vendor's clock differs.
async fn explain_signature(base_url: &url::Url, found: Problem) -> Problem {
    if found.kind != ProblemKind::SignatureRejected {
        return found;
    }
    match vendor_clock(base_url).await {
        Some(theirs) if (Utc::now() - theirs).num_seconds().abs() > MAX_CLOCK_SKEW_SECONDS => {
            Problem {
                kind: ProblemKind::ClockSkew,
                message: format!(
                    "{} (this computer's clock is {} s off the vendor's)",
                    found.message,
                    (Utc::now() - theirs).num_seconds()
                ),
                ..found
            }
        }
        _ => found,
    }
}

/// Tests a Sobot v5 connection: a fresh token, then the ticket status list.
pub async fn check_sobot(client: &SobotClient) -> ConnectionCheck {
    let outcome = async {
        client.token_broker().invalidate().await;
        client.tickets().statuses().await.map(|_| ())
    }
    .await;
    match outcome {
        Ok(()) => ConnectionCheck::Ok,
        Err(err) => {
            let base = client.config().host.base_url();
            ConnectionCheck::Failed(explain_signature(&base, classify_sobot(&err)).await)
        }
    }
}

/// Tests a Udesk account: the ticket template list, a cheap signed read.
pub async fn check_udesk(client: &UdeskClient) -> ConnectionCheck {
    match client.tickets().templates().await {
        Ok(_) => ConnectionCheck::Ok,
        Err(err) => ConnectionCheck::Failed(
            explain_signature(&client.config().base_url, classify_udesk(&err)).await,
        ),
    }
}

/// Tests a Sobot call center (V6) connection: a fresh company token (signed with the app
/// secret and this computer's clock), then the first page of skill groups. A refused token is
/// a rejected signature (V6 does not tell a wrong secret from a wrong clock; the vendor's
/// `Date` header does) unless the vendor names the app id, which is a bad credential.
pub async fn check_callcenter(client: &CallCenterClient) -> ConnectionCheck {
    let outcome = async {
        client.company_token_broker().invalidate().await;
        client.queues().page(1, 1).await.map(|_| ())
    }
    .await;
    match outcome {
        Ok(()) => ConnectionCheck::Ok,
        Err(err) => {
            let mut found = classify_sobot(&err);
            if found.kind == ProblemKind::SignatureRejected
                && found.message.to_lowercase().contains("appid")
            {
                found.kind = ProblemKind::BadCredential;
            }
            let base = client.config().host.base_url();
            ConnectionCheck::Failed(explain_signature(&base, found).await)
        }
    }
}
