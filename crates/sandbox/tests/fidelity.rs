//! Fidelity to the vendor docs: every field name the sandbox answers with appears in the doc's
//! own example of that endpoint (copied into `tests/fixtures/`), so the sandbox invents no
//! field and misspells none. Documented exceptions are listed per endpoint.

use crate::common;

use std::collections::BTreeSet;
use std::path::PathBuf;

use common::{code, get, post, sandbox, token};
use serde_json::Value;

/// Customer fields the list table (002:1146-1189) and the list example document; the detail
/// example (002:1397) shows only a few, its table the same fields in camelCase, and `email` and
/// `qq` lost their names in the scrape (CRM 29). Detail alone documents the country (CRM 41).
const CUSTOMER_FIELDS: &[&str] = &[
    "id",
    "pid",
    "nick",
    "uname",
    "visitorids",
    "partnerid",
    "email",
    "tel",
    "qq",
    "wx",
    "sex",
    "remark",
    "enterpriseid",
    "enterprise_name",
    "is_vip",
    "vip_level",
    "user_status",
    "status",
    "crm_status",
    "proviceid",
    "provice_name",
    "cityid",
    "city_name",
    "areaid",
    "area_name",
    "countryid",
    "country_name",
    "user_label",
    "biz_label",
    "extend_fields",
    "fixed_fields",
    "ex_field_str",
    "source",
    "wx_build_unionid",
    "create_type",
    "external_userid",
    "development_mode",
    "follow_user",
    "create_time",
    "create_date",
    "update_time",
    "timezoneid",
    "timezone_value",
    "language",
    "language_value",
    "liable_serviceid",
    "liable_service_name",
    "create_serviceid",
    "create_service_name",
    "update_user_id",
    "update_user_name",
];

/// An example file, a path and its query.
type Probe = (
    &'static str,
    &'static str,
    &'static [(&'static str, &'static str)],
);

/// Fields whose contents are free-form objects (custom fields, timeline payloads).
const OPAQUE: &[&str] = &["extend_fields", "fixed_fields", "biz_content"];

fn fixture(name: &str) -> Value {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn paths(value: &Value, at: &str, out: &mut BTreeSet<String>) {
    match value {
        Value::Object(map) => {
            for (key, inner) in map {
                let path = format!("{at}.{}", key.trim());
                out.insert(path.clone());
                if !OPAQUE.contains(&key.trim()) {
                    paths(inner, &path, out);
                }
            }
        }
        Value::Array(items) => {
            for item in items {
                paths(item, &format!("{at}[]"), out);
            }
        }
        _ => {}
    }
}

/// Recursive lists (`sub_list`, `sub_type_list`, `regions`) are compared one level deep, so a
/// deeper tree than the example's is not reported.
fn collapse(path: &str) -> String {
    let mut path = path.to_owned();
    for list in [".sub_list[]", ".sub_type_list[]", ".regions[]"] {
        let twice = format!("{list}{list}");
        while path.contains(&twice) {
            path = path.replace(&twice, list);
        }
    }
    path
}

fn key_paths(value: &Value) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    paths(value, "", &mut out);
    out.into_iter().map(|path| collapse(&path)).collect()
}

/// Asserts every key path of `answer` is in the example, apart from `extra` (documented in the
/// tables but absent from the example, each with its reason at the call).
fn assert_no_invented_fields(name: &str, answer: &Value, extra: &[&str]) {
    assert_eq!(code(answer), "000000", "{name}: {answer}");
    let example = key_paths(&fixture(name));
    let invented: Vec<String> = key_paths(answer)
        .into_iter()
        .filter(|path| !example.contains(path) && !extra.contains(&path.as_str()))
        .collect();
    assert!(
        invented.is_empty(),
        "{name}: fields not in the doc example: {invented:#?}"
    );
}

#[tokio::test]
async fn ticket_reads_use_only_documented_field_names() {
    let sandbox = sandbox().await;
    let token = token(&sandbox).await;
    let window = [
        ("create_start_datetime", "2025-12-01 00:00:00"),
        ("create_end_datetime", "2025-12-31 23:59:59"),
        ("page_size", "50"),
    ];
    let list = get(&sandbox, &token, "/api/ws/5/ticket/query_tickets", &window).await;
    assert_no_invented_fields(
        "sobot-ticket/ticket_list_by_create_time.response.json",
        &list,
        &[],
    );
    let updated = [
        ("update_start_datetime", "2025-12-01 00:00:00"),
        ("update_end_datetime", "2025-12-31 23:59:59"),
        ("page_size", "50"),
    ];
    let list = get(
        &sandbox,
        &token,
        "/api/ws/5/ticket/query_tickets_by_update_time",
        &updated,
    )
    .await;
    assert_no_invented_fields(
        "sobot-ticket/ticket_list_by_update_time.response.json",
        &list,
        &[],
    );
    let ids: Vec<String> = sandbox.inspect(|w| {
        w.tickets
            .tickets
            .iter()
            .filter(|t| !t.detail.deal_list.is_empty() && t.detail.score.is_some())
            .take(3)
            .map(|t| t.id().to_owned())
            .collect()
    });
    for id in ids {
        let detail = get(
            &sandbox,
            &token,
            "/api/ws/5/ticket/get_ticket_by_id",
            &[("ticketid", &id)],
        )
        .await;
        assert_no_invented_fields(
            "sobot-ticket/ticket_detail_get.response.json",
            &detail,
            &[
                // Documented in the detail table (000:3363 ff.) but absent from the example.
                ".item.ticket_level",
                ".item.userid",
                ".item.user_nick",
                ".item.user_name",
                ".item.user_tels",
                ".item.user_emails",
                ".item.update_agent_name",
                ".item.score",
                ".item.remark",
                ".item.evaluation_datetime",
                ".item.evaluation_datetime_ms",
                ".item.closed_datetime",
                ".item.closed_datetime_ms",
                ".item.first_accept_datetime",
                ".item.first_accept_datetime_ms",
                ".item.first_complete_datetime",
                ".item.first_complete_datetime_ms",
                ".item.create_group_names",
                ".item.recordid",
                ".item.deal_agentid",
                ".item.deal_list[].reply_type_new",
                ".item.extend_fields_list[].field_sortno",
                ".item.params_extends_list",
            ],
        );
    }
    let period = [
        ("start_datetime", "2025-12-01 00:00:00"),
        ("end_datetime", "2025-12-31 23:59:59"),
    ];
    let counts = get(
        &sandbox,
        &token,
        "/api/ws/5/ticket/get_ticket_data",
        &period,
    )
    .await;
    assert_no_invented_fields(
        "sobot-ticket/ticket_stats_overview.response.json",
        &counts,
        &[],
    );
    let jobs = get(
        &sandbox,
        &token,
        "/api/ws/5/ticket/query_agent_jobs",
        &period,
    )
    .await;
    assert_no_invented_fields("sobot-ticket/agent_workload_list.response.json", &jobs, &[]);
}

#[tokio::test]
async fn ticket_reference_data_uses_only_documented_field_names() {
    let sandbox = sandbox().await;
    let token = token(&sandbox).await;
    let zones = get(&sandbox, &token, "/api/ws/5/ticket/get_timezone", &[]).await;
    assert_eq!(zones["retCode"], "000000");
    let example = key_paths(&fixture("sobot-ticket/timezone_list.response.json"));
    assert!(key_paths(&zones).is_subset(&example));
    let dictionary = get(&sandbox, &token, "/api/ws/5/ticket/get_data_dict", &[]).await;
    assert_no_invented_fields(
        "sobot-ticket/data_dictionary_get.response.json",
        &dictionary,
        &[],
    );
    let fields = get(
        &sandbox,
        &token,
        "/api/ws/5/ticket/query_ticket_extend_fields",
        &[],
    )
    .await;
    assert_no_invented_fields("sobot-ticket/custom_field_list.response.json", &fields, &[]);
    let statuses = get(
        &sandbox,
        &token,
        "/api/ws/5/ticket/query_ticket_status_infos",
        &[],
    )
    .await;
    assert_no_invented_fields(
        "sobot-ticket/ticket_status_list.response.json",
        &statuses,
        &[],
    );
}

#[tokio::test]
async fn crm_reads_use_only_documented_field_names() {
    let sandbox = sandbox().await;
    let token = token(&sandbox).await;
    let customer = sandbox.inspect(|w| {
        w.crm
            .customers
            .iter()
            .find(|c| c.customer.enterpriseid.is_some() && c.stage_id.is_some())
            .or_else(|| w.crm.customers.first())
            .map(|c| c.id().to_owned())
            .expect("a customer")
    });
    let simple: &[Probe] = &[
        (
            "sobot-crm/crm_timezone_list.response.json",
            "/api/scrm/5/user/get_timezone",
            &[("language", "en")],
        ),
        (
            "sobot-crm/crm_language_list.response.json",
            "/api/scrm/5/user/get_language",
            &[("language", "en")],
        ),
        (
            "sobot-crm/crm_country_list.response.json",
            "/api/scrm/5/user/get_country",
            &[("language", "zh")],
        ),
        (
            "sobot-crm/crm_customer_source_list.response.json",
            "/api/scrm/5/user_dynamic/getsource",
            &[],
        ),
        (
            "sobot-crm/crm_province_list.response.json",
            "/api/scrm/5/user_dynamic/provice",
            &[],
        ),
        (
            "sobot-crm/crm_city_list.response.json",
            "/api/scrm/5/user_dynamic/city/440000",
            &[],
        ),
        (
            "sobot-crm/crm_district_list.response.json",
            "/api/scrm/5/user_dynamic/area/440300",
            &[],
        ),
        (
            "sobot-crm/crm_customer_level_list.response.json",
            "/api/scrm/5/custom_field/get_vip_level_data_list",
            &[],
        ),
        (
            "sobot-crm/crm_followup_stage_list.response.json",
            "/api/scrm/5/user_stage/query_list_by_type",
            &[],
        ),
        (
            "sobot-crm/crm_tag_group_list.response.json",
            "/api/scrm/5/label_group/list",
            &[("page_no", "1"), ("page_size", "100")],
        ),
        (
            "sobot-crm/crm_blacklist_list.response.json",
            "/api/scrm/5/user/query_black_list",
            &[],
        ),
    ];
    for (name, path, query) in simple {
        let answer = get(&sandbox, &token, path, query).await;
        assert_no_invented_fields(name, &answer, &[]);
    }
    let group = sandbox.inspect(|w| w.crm.tag_groups[0].id.clone().expect("id"));
    let tags = get(
        &sandbox,
        &token,
        "/api/scrm/5/label/list",
        &[("groupid", &group)],
    )
    .await;
    assert_no_invented_fields("sobot-crm/crm_tag_list.response.json", &tags, &[]);
    let tree = get(&sandbox, &token, "/api/scrm/5/user/user_list", &[]).await;
    assert_no_invented_fields(
        "sobot-crm/crm_agent_list.response.json",
        &tree,
        // The table calls it `manager` (002:2131), the example `manager_flag` (CRM 55).
        &[".items[].sub_list[].manager"],
    );
    let fields = get(
        &sandbox,
        &token,
        "/api/scrm/5/custom_field/custom_fieid_info_list",
        &[],
    )
    .await;
    assert_no_invented_fields(
        "sobot-crm/crm_customer_custom_field_list.response.json",
        &fields,
        &[],
    );
    let timeline = get(
        &sandbox,
        &token,
        "/api/scrm/5/user_dynamic/list_by_page",
        &[("userid", &customer)],
    )
    .await;
    assert_no_invented_fields(
        "sobot-crm/crm_customer_behavior_list.response.json",
        &timeline,
        &[],
    );
    let in_detail: Vec<String> = CUSTOMER_FIELDS
        .iter()
        .map(|f| format!(".item.{f}"))
        .collect();
    let in_detail: Vec<&str> = in_detail.iter().map(String::as_str).collect();
    let detail = post(
        &sandbox,
        &token,
        "/api/scrm/5/user/detail",
        &format!(r#"{{"id":"{customer}"}}"#),
    )
    .await;
    assert_no_invented_fields(
        "sobot-crm/crm_customer_detail.response.json",
        &detail,
        &in_detail,
    );
    let in_list: Vec<String> = CUSTOMER_FIELDS
        .iter()
        .map(|f| format!(".items[].{f}"))
        .collect();
    let mut in_list: Vec<&str> = in_list.iter().map(String::as_str).collect();
    // The example omits `page_no` (CRM 10); the table documents it.
    in_list.push(".page_no");
    let list = get(
        &sandbox,
        &token,
        "/api/scrm/5/user/list_by_page",
        &[("page_size", "40")],
    )
    .await;
    assert_no_invented_fields("sobot-crm/crm_customer_list.response.json", &list, &in_list);
    let tags = post(
        &sandbox,
        &token,
        "/api/scrm/5/label/userlabels",
        &format!(r#"["{customer}"]"#),
    )
    .await;
    assert_no_invented_fields(
        "sobot-crm/crm_customer_tags_batch_get.response.json",
        &tags,
        &[],
    );
}
