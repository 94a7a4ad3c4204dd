//! Every Ticket API example decodes into its type with no field lost, and every self-consistent
//! request example is exactly what the request type produces.
#![allow(clippy::unwrap_used)]

use crate::common;

use common::{assert_decodes_losslessly, assert_request_round_trips, fixture};
use sobot::auth::TokenItem;
use sobot::envelope::{ItemEnvelope, ItemsEnvelope, Page, StatusEnvelope};
use sobot::push::{PushAck, TicketPush};
use sobot::ticket::query::{AgentWorkload, TicketCounts};
use sobot::ticket::*;

const CAMEL_ENVELOPE: &[(&str, &str)] = &[("retCode", "ret_code"), ("retMsg", "ret_msg")];

fn dir(name: &str) -> String {
    format!("sobot-ticket/{name}")
}

#[test]
fn token_response_decodes_with_its_string_lifetime() {
    let envelope: ItemEnvelope<TokenItem> =
        serde_json::from_value(fixture(&dir("auth_get_token.response.json"))).unwrap();
    let item = envelope.item.unwrap();
    assert_eq!(item.token.expose(), "4ac37cb2e9c740dba4b75a34d5358802");
    assert_eq!(item.expires_in, 86_400);
    assert_eq!(envelope.ret_code, "000000");
}

#[test]
fn timezone_list_decodes_despite_camel_case_envelope_and_array_item() {
    assert_decodes_losslessly::<ItemEnvelope<Vec<TimeZone>>>(
        &dir("timezone_list.response.json"),
        CAMEL_ENVELOPE,
    );
}

#[test]
fn data_dictionary_decodes_including_the_malformed_category_tree() {
    assert_decodes_losslessly::<ItemEnvelope<DataDictionary>>(
        &dir("data_dictionary_get.response.json"),
        &[],
    );
}

#[test]
fn custom_field_lists_decode_with_numeric_types_and_flags() {
    assert_decodes_losslessly::<ItemsEnvelope<CustomField>>(
        &dir("custom_field_list.response.json"),
        &[],
    );
    assert_decodes_losslessly::<ItemsEnvelope<CustomField>>(
        &dir("category_template_field_list.response.json"),
        &[],
    );
}

#[test]
fn status_list_decodes_string_codes_and_dynamic_content() {
    assert_decodes_losslessly::<ItemsEnvelope<TicketStatusInfo>>(
        &dir("ticket_status_list.response.json"),
        &[],
    );
    let envelope: ItemsEnvelope<TicketStatusInfo> =
        serde_json::from_value(fixture(&dir("ticket_status_list.response.json"))).unwrap();
    assert!(envelope.items.iter().any(TicketStatusInfo::is_deleted));
    assert!(
        envelope
            .items
            .iter()
            .any(|s| matches!(s.status_code, Some(TicketStatus::Custom(_))))
    );
}

#[test]
fn create_responses_decode_to_the_ticket_id() {
    for name in [
        "ticket_create_by_customer.response.json",
        "ticket_create_by_agent.response.json",
    ] {
        // The undocumented `"items": []` beside `item` (I-37) is empty and ignored.
        assert_decodes_losslessly::<ItemEnvelope<CreatedTicket>>(&dir(name), &[]);
    }
}

#[test]
fn envelope_only_responses_decode() {
    for name in [
        "custom_field_option_add.response.json",
        "ticket_reply_by_customer.response.json",
        "ticket_reply_by_agent.response.json",
        "ticket_reminder_send.response.json",
        "ticket_evaluation_add.response.json",
        "ticket_reply_delete.response.json",
        "ticket_customer_change.response.json",
    ] {
        assert_decodes_losslessly::<StatusEnvelope>(&dir(name), &[]);
    }
}

#[test]
fn upload_responses_decode_to_the_file_url() {
    for name in [
        "attachment_upload_by_customer.response.json",
        "attachment_upload_by_agent.response.json",
    ] {
        assert_decodes_losslessly::<ItemEnvelope<UploadedFile>>(&dir(name), &[]);
    }
}

#[test]
fn ticket_lists_decode_with_their_paging_fields() {
    for name in [
        "ticket_list_by_create_time.response.json",
        "ticket_list_by_update_time.response.json",
    ] {
        assert_decodes_losslessly::<Page<TicketSummary>>(&dir(name), &[]);
    }
}

#[test]
fn ticket_detail_decodes_with_replies_fields_and_history() {
    assert_decodes_losslessly::<ItemEnvelope<TicketDetail>>(
        &dir("ticket_detail_get.response.json"),
        &[],
    );
    let envelope: ItemEnvelope<TicketDetail> =
        serde_json::from_value(fixture(&dir("ticket_detail_get.response.json"))).unwrap();
    let detail = envelope.item.unwrap();
    // 000:3588: the second history entry's update_contents is not valid JSON; it is kept raw.
    assert!(detail.update_log_list[0].parsed_contents().is_some());
    assert!(detail.update_log_list[1].parsed_contents().is_none());
    assert!(detail.update_log_list[1].update_contents.is_some());
}

#[test]
fn stats_and_workload_decode_mixed_string_and_number_counts() {
    assert_decodes_losslessly::<ItemEnvelope<TicketCounts>>(
        &dir("ticket_stats_overview.response.json"),
        &[],
    );
    assert_decodes_losslessly::<ItemsEnvelope<AgentWorkload>>(
        &dir("agent_workload_list.response.json"),
        &[],
    );
}

#[test]
fn push_failure_list_decodes_sparse_reminder_items() {
    assert_decodes_losslessly::<Page<PushFailure>>(&dir("push_failure_list.response.json"), &[]);
}

#[test]
fn export_record_decodes_with_a_numeric_ticket_code() {
    assert_decodes_losslessly::<ExportedTicket>(&dir("offline_data_export.response.json"), &[]);
}

#[test]
fn ticket_push_payloads_decode_including_the_misspelled_partner_value() {
    assert_decodes_losslessly::<TicketPush>(&dir("ticket_push_webhook.request.json"), &[]);
    assert_decodes_losslessly::<TicketPush>(&dir("ticket_push_webhook.request.2.json"), &[]);
    let reminder: TicketPush =
        serde_json::from_value(fixture(&dir("ticket_push_webhook.request.2.json"))).unwrap();
    assert!(reminder.content[0].is_reminder());
    let full: TicketPush =
        serde_json::from_value(fixture(&dir("ticket_push_webhook.request.json"))).unwrap();
    // 000:4775: `"field_value "` (trailing space) decodes like `field_value`.
    assert_eq!(
        full.content[0].partner_fields_list[0]
            .field_value
            .as_deref(),
        Some("https://sg.sobot.io")
    );
}

#[test]
fn push_acknowledgement_example_decodes() {
    assert_decodes_losslessly::<PushAck>(&dir("ticket_push_webhook.response.json"), &[]);
}

#[test]
fn request_examples_are_what_the_request_types_produce() {
    assert_request_round_trips::<AddFieldOptions>(fixture(&dir(
        "custom_field_option_add.request.json",
    )));
    // Repaired per REPAIRS.md (000:2395).
    assert_request_round_trips::<CustomerTicket>(fixture(&dir(
        "ticket_create_by_customer.request.json",
    )));
    assert_request_round_trips::<CustomerReply>(fixture(&dir(
        "ticket_reply_by_customer.request.json",
    )));
    assert_request_round_trips::<Reminder>(fixture(&dir("ticket_reminder_send.request.json")));
    assert_request_round_trips::<DeleteReply>(fixture(&dir("ticket_reply_delete.request.json")));
    assert_request_round_trips::<ExportRequest>(fixture(&dir("offline_data_export.request.json")));
}

#[test]
fn agent_ticket_example_round_trips_once_its_misspelled_key_is_fixed() {
    // 000:2495 sends `"create_agentid "` (trailing space); ZH 001:2681 spells it right and we
    // follow it.
    let mut example = fixture(&dir("ticket_create_by_agent.request.json"));
    let map = example.as_object_mut().unwrap();
    let agent = map.remove("create_agentid ").unwrap();
    map.insert("create_agentid".into(), agent);
    assert_request_round_trips::<AgentTicket>(example);
}

#[test]
#[should_panic(expected = "fields lost or changed")]
fn the_lossless_check_notices_fields_a_type_drops() {
    // TicketSummary has no deal_list, extend_fields_list, ...: the check must fail.
    assert_decodes_losslessly::<ItemEnvelope<TicketSummary>>(
        &dir("ticket_detail_get.response.json"),
        &[],
    );
}
