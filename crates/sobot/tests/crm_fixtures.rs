//! Every CRM API example decodes into its type with no field lost, and every self-consistent
//! request example is exactly what the request type produces.
#![allow(clippy::unwrap_used)]

use crate::common;

use common::{assert_decodes_losslessly, assert_request_round_trips, fixture};
use sobot::crm::*;
use sobot::envelope::{ItemEnvelope, ItemsEnvelope, Page, StatusEnvelope};
use sobot::push::{CrmEvent, CrmPush, CustomerChangePush, CustomerMergePush};

fn dir(name: &str) -> String {
    format!("sobot-crm/{name}")
}

#[test]
fn reference_lists_decode() {
    assert_decodes_losslessly::<ItemsEnvelope<CrmTimeZone>>(
        &dir("crm_timezone_list.response.json"),
        &[],
    );
    assert_decodes_losslessly::<ItemsEnvelope<CrmLanguage>>(
        &dir("crm_language_list.response.json"),
        &[],
    );
    assert_decodes_losslessly::<ItemsEnvelope<Country>>(
        &dir("crm_country_list.response.json"),
        &[],
    );
    assert_decodes_losslessly::<ItemsEnvelope<CustomerSourceEntry>>(
        &dir("crm_customer_source_list.response.json"),
        &[],
    );
    assert_decodes_losslessly::<ItemsEnvelope<Province>>(
        &dir("crm_province_list.response.json"),
        &[],
    );
    assert_decodes_losslessly::<ItemsEnvelope<City>>(&dir("crm_city_list.response.json"), &[]);
    assert_decodes_losslessly::<ItemsEnvelope<District>>(
        &dir("crm_district_list.response.json"),
        &[],
    );
    assert_decodes_losslessly::<ItemsEnvelope<VipLevel>>(
        &dir("crm_customer_level_list.response.json"),
        &[],
    );
    assert_decodes_losslessly::<ItemsEnvelope<FollowUpStage>>(
        &dir("crm_followup_stage_list.response.json"),
        &[],
    );
}

#[test]
fn agent_tree_decodes_manager_flag_as_manager() {
    assert_decodes_losslessly::<ItemsEnvelope<OrgNode>>(
        &dir("crm_agent_list.response.json"),
        &[("manager_flag", "manager")],
    );
}

#[test]
fn custom_field_definitions_decode_with_null_option_lists() {
    assert_decodes_losslessly::<ItemsEnvelope<CrmCustomField>>(
        &dir("crm_customer_custom_field_list.response.json"),
        &[],
    );
    assert_decodes_losslessly::<ItemsEnvelope<CrmCustomField>>(
        &dir("crm_enterprise_custom_field_list.response.json"),
        &[],
    );
}

#[test]
fn multilingual_content_decodes() {
    assert_decodes_losslessly::<ItemEnvelope<MultilingualContent>>(
        &dir("crm_multilingual_content_detail.response.json"),
        &[],
    );
}

#[test]
fn tag_group_and_tag_lists_decode() {
    assert_decodes_losslessly::<Page<TagGroup>>(&dir("crm_tag_group_list.response.json"), &[]);
    assert_decodes_losslessly::<Page<Tag>>(&dir("crm_tag_list.response.json"), &[]);
    assert_decodes_losslessly::<ItemsEnvelope<CustomerTags>>(
        &dir("crm_customer_tags_batch_get.response.json"),
        &[],
    );
}

#[test]
fn id_returning_creates_decode_to_the_id() {
    for name in [
        "crm_tag_group_create.response.json",
        "crm_enterprise_create.response.json",
    ] {
        assert_decodes_losslessly::<ItemEnvelope<String>>(&dir(name), &[]);
    }
}

#[test]
fn customer_create_decodes_its_data_and_action() {
    assert_decodes_losslessly::<CustomerSaveEnvelope>(
        &dir("crm_customer_create.response.json"),
        &[],
    );
    let envelope: CustomerSaveEnvelope =
        serde_json::from_value(fixture(&dir("crm_customer_create.response.json"))).unwrap();
    assert_eq!(envelope.action, Some(UpsertAction::Added));
}

#[test]
fn customer_list_and_detail_decode_in_both_spellings() {
    assert_decodes_losslessly::<Page<Customer>>(&dir("crm_customer_list.response.json"), &[]);
    assert_decodes_losslessly::<ItemEnvelope<Customer>>(
        &dir("crm_customer_detail.response.json"),
        &[],
    );
    let detail: ItemEnvelope<Customer> =
        serde_json::from_value(fixture(&dir("crm_customer_detail.response.json"))).unwrap();
    let fields = detail.item.unwrap().custom_fields();
    assert_eq!(fields.len(), 10);
    assert_eq!(fields[9].field_params.as_deref(), Some("xialaliebiao"));
    // The documented camelCase keys decode into the same fields (002:1347-1394).
    let camel: Customer = serde_json::from_value(serde_json::json!({
        "proviceId": "110000", "createTime": 1632806109, "wxOpenIds": ["o1", "o2"], "createType": 1
    }))
    .unwrap();
    assert_eq!(camel.proviceid.as_deref(), Some("110000"));
    assert_eq!(camel.create_time, Some(1_632_806_109));
    assert_eq!(camel.wx_openids, vec!["o1", "o2"]);
    assert_eq!(camel.create_type, Some(CreateType::Agent));
}

#[test]
fn behavior_timeline_decodes_object_content_and_mixed_time_units() {
    assert_decodes_losslessly::<Page<CustomerBehavior>>(
        &dir("crm_customer_behavior_list.response.json"),
        &[],
    );
}

#[test]
fn assignment_answers_decode() {
    assert_decodes_losslessly::<Page<AssignmentRecord>>(
        &dir("crm_assignment_records.response.json"),
        &[],
    );
    assert_decodes_losslessly::<ItemsEnvelope<AssignmentCount>>(
        &dir("crm_assignment_statistics.response.json"),
        &[],
    );
}

#[test]
fn blacklist_decodes_inactive_and_reasonless_entries() {
    assert_decodes_losslessly::<Page<BlacklistEntry>>(
        &dir("crm_blacklist_list.response.json"),
        &[],
    );
    let page: Page<BlacklistEntry> =
        serde_json::from_value(fixture(&dir("crm_blacklist_list.response.json"))).unwrap();
    assert_eq!(page.items.iter().filter(|e| e.is_active()).count(), 2);
    assert!(
        page.items
            .iter()
            .any(|e| e.black_type == Some(BlacklistDuration::Permanent))
    );
}

#[test]
fn envelope_only_answers_decode() {
    for name in [
        "crm_tag_group_update.response.json",
        "crm_tag_group_delete.response.json",
        "crm_tag_create.response.json",
        "crm_tag_update.response.json",
        "crm_tag_delete.response.json",
        "crm_customer_tags_set.response.json",
        "crm_biz_tag_apply.response.json",
        "crm_customer_update.response.json",
        "crm_customer_assign.response.json",
        "crm_customer_pool_recycle.response.json",
        "crm_followup_record_add.response.json",
        "crm_customer_stage_set.response.json",
        "crm_blacklist_add.response.json",
        "crm_blacklist_remove.response.json",
    ] {
        assert_decodes_losslessly::<StatusEnvelope>(&dir(name), &[]);
    }
}

#[test]
fn customer_pushes_decode_with_either_unionid_spelling_and_empty_field_lists() {
    let renames = [("wx_build_unionId", "wx_build_unionid")];
    assert_decodes_losslessly::<CustomerChangePush>(
        &dir("crm_push_customer_add.request.json"),
        &renames,
    );
    assert_decodes_losslessly::<CustomerChangePush>(
        &dir("crm_push_customer_update.request.json"),
        &renames,
    );
    assert_decodes_losslessly::<CustomerMergePush>(
        &dir("crm_push_customer_merge.request.json"),
        &[],
    );
    let any: CrmPush =
        serde_json::from_value(fixture(&dir("crm_push_customer_merge.request.json"))).unwrap();
    assert!(matches!(any.content[0], CrmEvent::Merge(_)));
    let any: CrmPush =
        serde_json::from_value(fixture(&dir("crm_push_customer_update.request.json"))).unwrap();
    assert!(matches!(any.content[0], CrmEvent::Change(_)));
}

#[test]
fn request_examples_are_what_the_request_types_produce() {
    assert_request_round_trips::<MultilingualQuery>(fixture(&dir(
        "crm_multilingual_content_detail.request.json",
    )));
    assert_request_round_trips::<NewTagGroup>(fixture(&dir("crm_tag_group_create.request.json")));
    assert_request_round_trips::<TagGroupUpdate>(fixture(&dir(
        "crm_tag_group_update.request.json",
    )));
    assert_request_round_trips::<TagUpdate>(fixture(&dir("crm_tag_update.request.json")));
    assert_request_round_trips::<Vec<String>>(fixture(&dir(
        "crm_customer_tags_batch_get.request.json",
    )));
    assert_request_round_trips::<Vec<TagRef>>(fixture(&dir("crm_customer_tags_set.request.json")));
    assert_request_round_trips::<TagChanges>(fixture(&dir("crm_biz_tag_apply.request.json")));
    assert_request_round_trips::<CustomerInput>(fixture(&dir("crm_customer_create.request.json")));
    assert_request_round_trips::<EnterpriseInput>(fixture(&dir(
        "crm_enterprise_create.request.json",
    )));
    assert_request_round_trips::<Assignment>(fixture(&dir("crm_customer_assign.request.json")));
    assert_request_round_trips::<PoolRecycle>(fixture(&dir(
        "crm_customer_pool_recycle.request.json",
    )));
    assert_request_round_trips::<FollowUpRecord>(fixture(&dir(
        "crm_followup_record_add.request.json",
    )));
    assert_request_round_trips::<StageChange>(fixture(&dir("crm_customer_stage_set.request.json")));
    assert_request_round_trips::<AssignmentRecordsQuery>(fixture(&dir(
        "crm_assignment_records.request.json",
    )));
    assert_request_round_trips::<AssignmentStatsQuery>(fixture(&dir(
        "crm_assignment_statistics.request.json",
    )));
    assert_request_round_trips::<BlacklistAdd>(fixture(&dir("crm_blacklist_add.request.json")));
}

#[test]
fn customer_update_example_round_trips_without_its_conflicting_body_id() {
    // 002:955-956: the body's `id` differs from the path's; the path ID is sent, not a body ID.
    let mut example = fixture(&dir("crm_customer_update.request.json"));
    example.as_object_mut().unwrap().remove("id");
    assert_request_round_trips::<CustomerInput>(example);
}

#[test]
fn tag_create_example_decodes_from_its_camel_case_group_id() {
    // 002:514 (table `groupid`) vs 002:518 (example `groupId`): both decode; both are sent.
    let tag: NewTag = serde_json::from_value(fixture(&dir("crm_tag_create.request.json"))).unwrap();
    assert_eq!(tag.groupid, "46a2cd4c9321452eaadc1d0892ca58cd");
}

#[test]
fn ex_field_str_is_a_double_encoded_json_array() {
    let text = ex_field_str(&[CustomFieldInput {
        fieldid: Some("f1".into()),
        field_value: "2021".into(),
        field_params: None,
    }])
    .unwrap();
    assert_eq!(text, r#"[{"fieldid":"f1","field_value":"2021"}]"#);
    let example = fixture(&dir("crm_customer_create.request.json"));
    let parsed: Vec<CustomFieldInput> =
        serde_json::from_str(example["ex_field_str"].as_str().unwrap()).unwrap();
    assert_eq!(parsed.len(), 3);
}

#[test]
fn crm_doc_token_response_decodes() {
    let envelope: ItemEnvelope<sobot::auth::TokenItem> =
        serde_json::from_value(fixture(&dir("auth_get_token.response.json"))).unwrap();
    assert_eq!(envelope.item.unwrap().expires_in, 86_400);
}
