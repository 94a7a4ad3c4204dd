//! Every call-center example (tests/fixtures/callcenter, copied from the vendor page with the
//! repairs listed in its REPAIRS.md) decodes into its type with no field lost, and every request
//! example is exactly what the request type produces.
#![allow(clippy::unwrap_used)]

use crate::common;

use common::{assert_decodes_losslessly, fixture, fixture_text};
use serde_json::{Value, json};
use sobot::callcenter::*;

fn dir(name: &str) -> String {
    format!("callcenter/{name}")
}

fn assert_request_round_trips<T>(name: &str)
where
    T: serde::de::DeserializeOwned + serde::Serialize,
{
    let example = fixture(&dir(name));
    let typed: T = serde_json::from_value(example.clone())
        .unwrap_or_else(|error| panic!("{name} does not decode: {error}"));
    assert_eq!(serde_json::to_value(&typed).unwrap(), example, "{name}");
}

fn decode<T: serde::de::DeserializeOwned>(name: &str) -> V6Envelope<T> {
    vendor_http::decode_json(fixture_text(&dir(name)).as_bytes())
        .unwrap_or_else(|error| panic!("{name} does not decode: {error}"))
}

#[test]
fn agent_setting_answers_decode_losslessly() {
    for name in [
        "cc_agent_get.response.json",
        "cc_agent_update.response.json",
        "cc_agent_unbind.response.json",
    ] {
        assert_decodes_losslessly::<V6Envelope<AgentSetting>>(&dir(name), &[]);
    }
    let answer = decode::<AgentSetting>("cc_agent_get.response.json");
    let data = answer.data.unwrap();
    assert_eq!(data.wrap_up_type, Some(WrapUpType::Individual));
    assert_eq!(data.wrap_up_time, Some(60));
    assert_eq!(answer.head.api_version.as_deref(), Some("6.2"));
}

#[test]
fn the_call_agent_list_is_a_bare_array() {
    assert_decodes_losslessly::<V6Envelope<Vec<CallAgent>>>(
        &dir("cc_agent_call_search.response.json"),
        &[],
    );
    let agents = decode::<Vec<CallAgent>>("cc_agent_call_search.response.json")
        .data
        .unwrap();
    assert_eq!(agents.len(), 2);
    assert_eq!(agents[1].not_ready_reason_code, Some(11));
    assert_eq!(agents[0].create_time_ms, Some(1_663_120_801_000));
}

#[test]
fn skill_group_answers_decode_losslessly() {
    assert_decodes_losslessly::<V6Envelope<Paged<Queue>>>(
        &dir("cc_queue_search.response.json"),
        &[],
    );
    assert_decodes_losslessly::<V6Envelope<Queue>>(&dir("cc_queue_create.response.json"), &[]);
    assert_decodes_losslessly::<V6Envelope<Value>>(&dir("cc_queue_delete.response.json"), &[]);
    assert_decodes_losslessly::<V6Envelope<Vec<QueueMembers>>>(
        &dir("cc_queue_members_search.response.json"),
        &[],
    );
    assert_decodes_losslessly::<V6Envelope<QueueMembersUpdated>>(
        &dir("cc_queue_members_bulk_update.response.json"),
        &[],
    );
    let page = decode::<Paged<Queue>>("cc_queue_search.response.json");
    assert_eq!(page.head.ret_code, None);
    let page = page.data.unwrap();
    // The repaired example: pageSize 50, two rows, total 21.
    assert_eq!((page.list.len(), page.total), (2, Some(21)));
    let members = decode::<Vec<QueueMembers>>("cc_queue_members_search.response.json");
    assert_eq!(members.head.ret_code.as_deref(), Some("000000"));
    let group = &members.data.unwrap()[0];
    // queueWeight is an int here and a string elsewhere; level a string here.
    assert_eq!(group.queue_weight.as_deref(), Some("0"));
    assert_eq!(group.agents.len(), 6);
    assert_eq!(group.agents[0].checkin, Some(false));
    assert_eq!(group.agents[0].level.as_deref(), Some("1"));
    let updated = decode::<QueueMembersUpdated>("cc_queue_members_bulk_update.response.json");
    assert_eq!(updated.data.unwrap().agent_type, Some(AgentType::Id));
}

#[test]
fn skill_group_request_examples_are_what_the_types_send() {
    assert_request_round_trips::<NewQueue>("cc_queue_create.request.json");
    assert_request_round_trips::<QueueDelete>("cc_queue_delete.request.json");
    assert_request_round_trips::<QueueMembersQuery>("cc_queue_members_search.request.json");
    assert_request_round_trips::<QueueMembersUpdate>("cc_queue_members_bulk_update.request.json");
}

#[test]
fn extension_answers_decode_with_the_sip_password_as_a_secret() {
    let page = decode::<Paged<Extension>>("cc_ext_search.response.json");
    let original = fixture(&dir("cc_ext_search.response.json"));
    let page = page.data.unwrap();
    assert_eq!(
        (page.curr_page, page.page_size, page.total),
        (Some(1), Some(3), Some(13))
    );
    for (row, expected) in page
        .list
        .iter()
        .zip(original["data"]["list"].as_array().unwrap())
    {
        // Nothing lost: the explicit vendor form reproduces the row.
        assert_eq!(&row.to_vendor_json(), expected);
        assert_eq!(row.bind_status, Some(BindStatus::Bound));
        let printed = format!("{row:?}");
        assert!(!printed.contains("123456"), "{printed}");
    }
    let created = decode::<CreatedExtension>("cc_ext_create.response.json")
        .data
        .unwrap();
    assert_eq!(
        created.to_vendor_json(),
        fixture(&dir("cc_ext_create.response.json"))["data"]
    );
    assert_eq!(
        created.password.as_ref().map(|p| p.expose()),
        Some("123456")
    );
    assert!(!format!("{created:?}").contains("123456"));
}

#[test]
fn the_forbidden_number_import_reports_parsed_row_failures() {
    assert_decodes_losslessly::<V6Envelope<ForbiddenImportReport>>(
        &dir("cc_forbidden_number_import.response.json"),
        &[],
    );
    let report = decode::<ForbiddenImportReport>("cc_forbidden_number_import.response.json")
        .data
        .unwrap();
    assert_eq!(
        (report.success_count, report.failed_count),
        (Some(3), Some(2))
    );
    let rows: Vec<_> = report
        .failures()
        .iter()
        .map(|f| {
            (
                f.row,
                f.field.as_deref(),
                f.value.as_deref(),
                f.reference.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        vec![
            (Some(2), Some("numberType"), Some("2"), Some("1-number")),
            (Some(3), Some("numberType"), Some("2"), Some("1-number")),
        ]
    );
    assert_request_round_trips::<Vec<ForbiddenNumber>>("cc_forbidden_number_import.request.json");
    let rows: Vec<ForbiddenNumber> =
        serde_json::from_value(fixture(&dir("cc_forbidden_number_import.request.json"))).unwrap();
    // Rows 2-3 carry the undocumented numberType 2 the answer rejects; it is kept, not dropped.
    assert_eq!(rows[1].number_type, ForbiddenNumberType::Other("2".into()));
    assert_eq!(rows[0].call_type, CallDirection::Inbound);
}

#[test]
fn relay_numbers_decode_and_the_request_example_round_trips() {
    assert_decodes_losslessly::<V6Envelope<Vec<RelayNumber>>>(
        &dir("cc_relay_number_search.response.json"),
        &[],
    );
    let numbers = decode::<Vec<RelayNumber>>("cc_relay_number_search.response.json")
        .data
        .unwrap();
    assert_eq!(
        numbers[1]
            .enabled
            .as_ref()
            .and_then(|e| e.enabled_code.clone()),
        Some(RelayNumberState::Cancelled)
    );
    assert_eq!(numbers[0].alias.as_deref(), Some("nick’s"));
    assert_request_round_trips::<RelayNumberQuery>("cc_relay_number_search.request.json");
}

#[test]
fn outbound_task_examples_decode_and_round_trip() {
    assert_decodes_losslessly::<V6Envelope<CreatedTask>>(
        &dir("cc_outbound_task_create.response.json"),
        &[],
    );
    assert_request_round_trips::<NewOutboundTask>("cc_outbound_task_create.request.json");
    assert_decodes_losslessly::<V6Envelope<ImportAccepted>>(
        &dir("cc_outbound_task_import.response.json"),
        &[],
    );
    assert_request_round_trips::<CallingListImport>("cc_outbound_task_import.request.json");
    let import: CallingListImport =
        serde_json::from_value(fixture(&dir("cc_outbound_task_import.request.json"))).unwrap();
    assert!(import.validate().is_ok());
    assert_eq!(import.assign_agent_and_count[0].count, 100);
    assert_eq!(import.assign_rule, AssignRule::Appoint);
}

#[test]
fn import_results_use_page_shape_b_and_either_duplicate_name() {
    assert_decodes_losslessly::<V6Envelope<Paged<ImportResult>>>(
        &dir("cc_outbound_task_import_result.response.json"),
        &[],
    );
    let page = decode::<Paged<ImportResult>>("cc_outbound_task_import_result.response.json")
        .data
        .unwrap();
    assert_eq!((page.total_count, page.total_page), (Some(13), Some(1)));
    let result = &page.list[0];
    assert_eq!(result.duplicates(), Some(0));
    assert_eq!(result.rows_accounted(), 1);
    assert_eq!(
        result.remove_duplicates_rule,
        Some(RemoveDuplicatesRule::InCallingList)
    );
    assert_request_round_trips::<ImportResultRequest>(
        "cc_outbound_task_import_result.request.json",
    );
}

#[test]
fn the_task_list_reads_percentage_rates() {
    assert_decodes_losslessly::<V6Envelope<Paged<OutboundTask>>>(
        &dir("cc_outbound_task_list.response.json"),
        &[],
    );
    let page = decode::<Paged<OutboundTask>>("cc_outbound_task_list.response.json")
        .data
        .unwrap();
    let task = &page.list[0];
    let rate = task.call_answer_rate.as_ref().unwrap();
    assert_eq!((rate.raw.as_str(), rate.percent), ("0.00%", Some(0.0)));
    assert_eq!(task.state, Some(1));
    assert_eq!(task.expired, None);
}

#[test]
fn contact_plan_and_ivr_examples_decode_and_round_trip() {
    assert_decodes_losslessly::<V6Envelope<Vec<String>>>(
        &dir("cc_contact_plan_batch_create.response.json"),
        &[],
    );
    assert_request_round_trips::<NewContactPlans>("cc_contact_plan_batch_create.request.json");
    let plans: NewContactPlans =
        serde_json::from_value(fixture(&dir("cc_contact_plan_batch_create.request.json"))).unwrap();
    assert!(plans.validate().is_ok());
    assert_decodes_losslessly::<V6Envelope<Paged<IvrFlow>>>(
        &dir("cc_ivr_published_search.response.json"),
        &[],
    );
    let ivr = decode::<Paged<IvrFlow>>("cc_ivr_published_search.response.json");
    assert_eq!(ivr.head.kind.as_deref(), Some("SearchIvrResponse"));
    assert_eq!(
        ivr.meta_data,
        Some(json!({"creatorId": null, "creationTime": null,
        "updateUserId": null, "updatedTime": null}))
    );
    assert_request_round_trips::<IvrPageRequest>("cc_ivr_published_search.request.json");
}

#[test]
fn every_example_file_is_covered_by_a_test_above() {
    let covered = [
        "cc_agent_call_search.response.json",
        "cc_agent_get.response.json",
        "cc_agent_unbind.response.json",
        "cc_agent_update.response.json",
        "cc_contact_plan_batch_create.request.json",
        "cc_contact_plan_batch_create.response.json",
        "cc_ext_create.response.json",
        "cc_ext_search.response.json",
        "cc_forbidden_number_import.request.json",
        "cc_forbidden_number_import.response.json",
        "cc_ivr_published_search.request.json",
        "cc_ivr_published_search.response.json",
        "cc_outbound_task_create.request.json",
        "cc_outbound_task_create.response.json",
        "cc_outbound_task_import.request.json",
        "cc_outbound_task_import.response.json",
        "cc_outbound_task_import_result.request.json",
        "cc_outbound_task_import_result.response.json",
        "cc_outbound_task_list.response.json",
        "cc_queue_create.request.json",
        "cc_queue_create.response.json",
        "cc_queue_delete.request.json",
        "cc_queue_delete.response.json",
        "cc_queue_members_bulk_update.request.json",
        "cc_queue_members_bulk_update.response.json",
        "cc_queue_members_search.request.json",
        "cc_queue_members_search.response.json",
        "cc_queue_search.response.json",
        "cc_relay_number_search.request.json",
        "cc_relay_number_search.response.json",
    ];
    let mut present: Vec<String> = std::fs::read_dir(common::fixture_path("callcenter"))
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".json"))
        .collect();
    present.sort();
    assert_eq!(present, covered);
}
