//! The Sobot v5 simulator: `get_token`, the Ticket API (`/api/ws/5/ticket/*`,
//! `/api/wb/5/data/export_data`) and the CRM API (`/api/scrm/5/*`), at the documented paths.
//!
//! Handlers answer `Result<Response, Response>`: a failure is already the documented envelope,
//! and helpers return it with `?`. Boxing it (as `result_large_err` suggests) would only add an
//! allocation on every error path.
#![allow(clippy::result_large_err)]

pub(crate) mod auth;
mod crm_blacklist;
mod crm_customers;
mod crm_pipeline;
mod crm_reference;
mod crm_tags;
pub(crate) mod params;
pub(crate) mod reply;
mod ticket_actions;
mod ticket_checks;
mod ticket_reads;
mod ticket_reference;
mod ticket_replies;
mod ticket_writes;

use axum::Router;
use axum::routing::{get, post};

use crate::app::App;

const TICKET: &str = "/api/ws/5/ticket";
const CRM: &str = "/api/scrm/5";

fn ticket(path: &str) -> String {
    format!("{TICKET}/{path}")
}

fn crm(path: &str) -> String {
    format!("{CRM}/{path}")
}

/// Every v5 route.
pub(crate) fn router() -> Router<App> {
    let router = Router::new()
        .route("/api/get_token", get(auth::get_token))
        // Ticket reference data.
        .route(&ticket("get_timezone"), get(ticket_reference::timezones))
        .route(&ticket("get_data_dict"), get(ticket_reference::dictionary))
        .route(
            &ticket("query_ticket_extend_fields"),
            get(ticket_reference::fields),
        )
        .route(&ticket("get_region"), get(ticket_reference::regions))
        .route(
            &ticket("save_option_data_value"),
            post(ticket_actions::add_options),
        )
        .route(
            &ticket("query_fileds_by_typeid"),
            get(ticket_reference::category_fields),
        )
        .route(
            &ticket("query_ticket_status_infos"),
            get(ticket_reference::statuses),
        )
        // Ticket writes.
        .route(
            &ticket("save_user_ticket"),
            post(ticket_writes::create_by_customer),
        )
        .route(
            &ticket("save_agent_ticket"),
            post(ticket_writes::create_by_agent),
        )
        .route(
            &ticket("save_user_reply"),
            post(ticket_replies::reply_by_customer),
        )
        .route(
            &ticket("save_ticket_reply"),
            post(ticket_replies::reply_by_agent),
        )
        .route(&ticket("user_upload_file"), post(ticket_actions::upload))
        .route(&ticket("upload_file"), post(ticket_actions::upload))
        .route(&ticket("reminder"), post(ticket_actions::remind))
        .route(
            &ticket("add_ticket_evaluation"),
            post(ticket_actions::evaluate),
        )
        .route(
            &ticket("del_reply_infos"),
            post(ticket_actions::delete_reply),
        )
        .route(
            &ticket("update_ticket_user"),
            post(ticket_actions::change_customer),
        )
        // Ticket reads.
        .route(&ticket("query_tickets"), get(ticket_reads::by_create_time))
        .route(
            &ticket("query_tickets_by_update_time"),
            get(ticket_reads::by_update_time),
        )
        .route(&ticket("get_ticket_by_id"), get(ticket_reads::detail))
        .route(&ticket("get_ticket_data"), get(ticket_reads::counts))
        .route(&ticket("query_agent_jobs"), get(ticket_reads::workload))
        .route(
            &ticket("query_ticket_push_fail_infos"),
            get(ticket_reads::push_failures),
        )
        .route("/api/wb/5/data/export_data", post(ticket_reads::export))
        // CRM reference data.
        .route(&crm("user/get_timezone"), get(crm_reference::timezones))
        .route(&crm("user/get_language"), get(crm_reference::languages))
        .route(&crm("user/get_country"), get(crm_reference::countries))
        .route(
            &crm("user/get_multilingual_content_detail"),
            post(crm_reference::multilingual),
        )
        .route(&crm("user_dynamic/getsource"), get(crm_reference::sources))
        .route(&crm("user/user_list"), get(crm_reference::org_tree))
        .route(&crm("user_dynamic/provice"), get(crm_reference::provinces))
        .route(
            &crm("user_dynamic/city/{provinceid}"),
            get(crm_reference::cities),
        )
        .route(
            &crm("user_dynamic/area/{cityid}"),
            get(crm_reference::districts),
        )
        .route(
            &crm("custom_field/custom_fieid_info_list"),
            get(crm_reference::customer_fields),
        )
        .route(
            &crm("custom_field/get_vip_level_data_list"),
            get(crm_reference::vip_levels),
        )
        .route(
            &crm("enterprise/query_custom_field_list"),
            get(crm_reference::enterprise_fields),
        )
        // Tags.
        .route(&crm("label_group/save"), post(crm_tags::create_group))
        .route(&crm("label_group/update"), post(crm_tags::update_group))
        .route(&crm("label_group/list"), get(crm_tags::list_groups))
        .route(&crm("label_group/remove/{id}"), get(crm_tags::remove_group))
        // Customers and enterprises.
        .route(&crm("user/save"), post(crm_customers::save))
        .route(&crm("user/update/{id}"), post(crm_customers::update))
        .route(
            &crm("enterprise/save"),
            post(crm_customers::create_enterprise),
        )
        .route(&crm("user/list_by_page"), get(crm_customers::list))
        .route(&crm("user/detail"), post(crm_customers::detail))
        .route(
            &crm("user_dynamic/list_by_page"),
            get(crm_customers::behavior),
        )
        // Assignment, pool, follow-ups, stages.
        .route(&crm("public_user/assign"), post(crm_pipeline::assign))
        .route(&crm("public_user/confirm"), post(crm_pipeline::recycle))
        .route(
            &crm("user/cus_distribute_records"),
            post(crm_pipeline::records),
        )
        .route(
            &crm("user/cus_distribute_statistics"),
            post(crm_pipeline::statistics),
        )
        .route(
            &crm("user_stage/record_save"),
            post(crm_pipeline::follow_up),
        )
        .route(
            &crm("user_stage/query_list_by_type"),
            get(crm_pipeline::stages),
        )
        .route(&crm("user_stage/stage_save"), post(crm_pipeline::set_stage))
        // Blacklist.
        .route(&crm("user/query_black_list"), get(crm_blacklist::list))
        .route(&crm("user/add_black_list"), post(crm_blacklist::add))
        .route(&crm("user/remove_black_list"), post(crm_blacklist::remove));
    // Tag routes under both spellings: `label` (Request URLs) and `lable` (examples, CRM 21).
    ["label", "lable"]
        .into_iter()
        .fold(router, |router, spelling| {
            router
                .route(
                    &crm(&format!("{spelling}/save")),
                    post(crm_tags::create_tag),
                )
                .route(
                    &crm(&format!("{spelling}/update")),
                    post(crm_tags::update_tag),
                )
                .route(&crm(&format!("{spelling}/list")), get(crm_tags::list_tags))
                .route(
                    &crm(&format!("{spelling}/remove/{{id}}")),
                    get(crm_tags::remove_tag),
                )
                .route(
                    &crm(&format!("{spelling}/userlabels")),
                    post(crm_tags::customer_tags),
                )
                .route(
                    &crm(&format!("{spelling}/update_userlabel/{{id}}")),
                    post(crm_tags::set_customer_tags),
                )
                .route(
                    &crm(&format!("{spelling}/update_biz_label")),
                    post(crm_tags::change_tags),
                )
        })
}
