//! The Udesk ticket Open API simulator: `POST /open_api_v1/log_in` and the 19 ticket endpoints
//! under `/open_api_v1`, built on the `udesk` client's request types.
//!
//! Every endpoint but `log_in` checks the v2 signature ([`auth`]); answers use the Udesk
//! envelope ([`reply`]) with the seed's codes and messages.
//!
//! Handlers answer `Result<Response, Response>`: a failure is already the documented envelope.
#![allow(clippy::result_large_err)]

pub(crate) mod auth;
mod checks;
mod files;
mod reference;
mod render;
mod replies;
pub(crate) mod reply;
mod tickets;

use axum::Router;
use axum::routing::{delete, get, post, put};

use crate::app::App;

/// The path prefix of every Udesk endpoint.
pub(crate) const PREFIX: &str = "/open_api_v1";

fn path(tail: &str) -> String {
    format!("{PREFIX}/{tail}")
}

/// Every Udesk route.
pub(crate) fn router() -> Router<App> {
    Router::new()
        .route(&path("log_in"), post(auth::log_in))
        .route(&path("tickets"), post(tickets::create).get(tickets::list))
        .route(&path("tickets/detail"), get(tickets::detail))
        .route(&path("tickets/{id}"), put(tickets::update))
        .route(&path("tickets/destroy_ticket"), delete(tickets::delete))
        .route(&path("tickets/{id}/replies"), get(replies::list))
        .route(&path("tickets/{id}/change_logs"), get(replies::change_logs))
        .route(
            &path("tickets/custom_fields"),
            get(reference::custom_fields),
        )
        .route(&path("tickets/ticket_templates"), get(reference::templates))
        .route(&path("tickets/filters"), get(reference::filters))
        .route(
            &path("tickets/tickets_in_filter"),
            get(reference::tickets_in_filter),
        )
        .route(&path("tickets/export"), get(reference::export))
        .route(&path("tickets/upload_file"), post(files::upload_file))
        .route(&path("tickets/agent_reply"), post(replies::agent_reply))
        .route(
            &path("tickets/customer_reply"),
            post(replies::customer_reply),
        )
        .route(
            &path("tickets/upload_file_for_reply"),
            post(files::upload_file_for_reply),
        )
        .route(
            &path("tickets/delete_file_for_reply"),
            post(files::delete_file_for_reply),
        )
        .route(&path("tickets/surveys"), get(reference::survey))
        .route(&path("tickets/take_survey"), put(reference::take_survey))
}
