//! Outbound tasks against the sandbox: creating and listing tasks, importing call lists with
//! deduplication and the forbidden-number filter, the import result with its `.xlsx` error
//! report, `Idempotency-Key` replay, and the client's token refresh and retries.

use crate::common;

use std::io::Read;

use common::vendors::cc;
use futures::TryStreamExt;
use sandbox::{FaultKind, FaultRule};
use sobot::callcenter::{
    AgentQuota, AgentType, AssignRule, CallingListImport, ContactRow, CustomFieldValue,
    DoNotCallFilter, IdempotencyKey, ImportResultQuery, NewOutboundTask, RemoveDuplicatesRule,
    TaskQuery,
};

fn task(name: &str) -> NewOutboundTask {
    NewOutboundTask {
        agent_id: "1001".into(),
        agent_type: None,
        name: name.into(),
        data_template_code: "DT001".into(),
        wrap_up_template_code: "WT001".into(),
        schedule_start_time: common::ANCHOR_MS,
        schedule_end_time: common::ANCHOR_MS + 86_400_000,
        schedule_time_zone_id: Some("Asia/Shanghai".into()),
        description: Some("续费提醒".into()),
    }
}

fn row(telephone: &str) -> ContactRow {
    ContactRow {
        telephone: telephone.into(),
        name: Some("张伟".into()),
        ..ContactRow::default()
    }
}

fn import(
    code: &str,
    list: &str,
    rule: RemoveDuplicatesRule,
    rows: Vec<ContactRow>,
) -> CallingListImport {
    CallingListImport {
        agent_id: "1001".into(),
        agent_type: None,
        campaign_id: None,
        code: Some(code.into()),
        calling_list_code: list.into(),
        remove_duplicates_rule: rule,
        enable_filter_do_not_call_list_number: None,
        assign_rule: AssignRule::None,
        assign_agent_and_count: vec![],
        data_details: rows,
    }
}

#[tokio::test]
async fn a_created_task_is_listed_and_its_imports_count_rows() {
    let sandbox = common::sandbox().await;
    let client = cc(&sandbox);
    let created = client
        .outbound()
        .create_task(&task("会员续费 Renewal"))
        .await
        .expect("created");
    let code = created.code.clone().expect("code");
    let listed: Vec<_> = client
        .outbound()
        .tasks(TaskQuery {
            code: Some(code.clone()),
            ..TaskQuery::default()
        })
        .try_collect()
        .await
        .expect("listed");
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].contact_record_count, Some(0));
    let mut rows = vec![row("13800000001"), row("13800000002"), row("13800000001")];
    rows[1].allocation_agent = Some("1002".into());
    client
        .outbound()
        .import(&import(
            &code,
            "batch1",
            RemoveDuplicatesRule::InCallingList,
            rows,
        ))
        .await
        .expect("imported");
    let listed = client
        .outbound()
        .tasks_page(
            &TaskQuery {
                code: Some(code),
                ..TaskQuery::default()
            },
            1,
            10,
        )
        .await
        .expect("page");
    let task = &listed.list[0];
    assert_eq!(task.contact_record_count, Some(2));
    assert_eq!(task.contact_unassigned_count, Some(1));
    assert_eq!(
        task.contact_execute_rate.as_ref().and_then(|r| r.percent),
        Some(0.0)
    );
}

#[tokio::test]
async fn each_deduplication_rule_and_the_forbidden_filter_change_the_counts() {
    let sandbox = common::sandbox().await;
    let client = cc(&sandbox);
    let code = client
        .outbound()
        .create_task(&task("dedupe"))
        .await
        .expect("created")
        .code
        .expect("code");
    let forbidden = sandbox.inspect(|w| {
        w.callcenter
            .forbidden
            .iter()
            .find(|f| f.call_type == 3 && f.enabled)
            .map(|f| f.number.clone())
            .expect("an outbound forbidden number")
    });
    let outbound = client.outbound();
    let result = |list: &'static str| async move {
        outbound
            .import_results_page(
                &ImportResultQuery {
                    agent_id: "1001".into(),
                    calling_list_code: Some(list.into()),
                    ..ImportResultQuery::default()
                },
                1,
                50,
            )
            .await
            .expect("result")
            .list
            .remove(0)
    };
    let keep = vec![row("13811110000"), row("13811110000")];
    outbound
        .import(&import(&code, "keep", RemoveDuplicatesRule::None, keep))
        .await
        .expect("kept");
    let kept = result("keep").await;
    assert_eq!((kept.success_count, kept.duplicates()), (Some(2), Some(0)));
    let campaign = vec![row("13811110000"), row("13822220000")];
    outbound
        .import(&import(
            &code,
            "campaign",
            RemoveDuplicatesRule::InCampaign,
            campaign,
        ))
        .await
        .expect("in campaign");
    let in_campaign = result("campaign").await;
    assert_eq!(
        (in_campaign.success_count, in_campaign.repeat_count),
        (Some(1), Some(1))
    );
    let seeded = sandbox.inspect(|w| w.callcenter.campaigns[0].rows[0].telephone.clone());
    let tenant = vec![row(&seeded), row("13833330000")];
    outbound
        .import(&import(
            &code,
            "tenant",
            RemoveDuplicatesRule::InTenant,
            tenant,
        ))
        .await
        .expect("in tenant");
    assert_eq!(result("tenant").await.remove_duplicates_count, Some(1));
    let mut filtered = import(
        &code,
        "filtered",
        RemoveDuplicatesRule::InCallingList,
        vec![row(&forbidden), row("13844440000")],
    );
    filtered.enable_filter_do_not_call_list_number = Some(DoNotCallFilter::Filter);
    outbound.import(&filtered).await.expect("filtered");
    let filtered = result("filtered").await;
    assert_eq!(
        (filtered.success_count, filtered.error_count),
        (Some(1), Some(1))
    );
    let mut unfiltered = import(
        &code,
        "unfiltered",
        RemoveDuplicatesRule::None,
        vec![row(&forbidden)],
    );
    unfiltered.enable_filter_do_not_call_list_number = Some(DoNotCallFilter::NoFilter);
    outbound.import(&unfiltered).await.expect("unfiltered");
    assert_eq!(result("unfiltered").await.success_count, Some(1));
}

#[tokio::test]
async fn failing_rows_are_listed_with_their_reasons_in_the_xlsx_report() {
    let sandbox = common::sandbox().await;
    let client = cc(&sandbox);
    let code = client
        .outbound()
        .create_task(&task("errors"))
        .await
        .expect("created")
        .code
        .expect("code");
    let mut rows = vec![
        row("13855550000"),
        row("12-34"),
        row("13866660000"),
        row("13877770000"),
    ];
    rows[2].allocation_agent = Some("4040".into());
    rows[3].custom_fields = vec![CustomFieldValue {
        field_id: "nope".into(),
        field_value: "x".into(),
    }];
    let mut batch = import(&code, "errors1", RemoveDuplicatesRule::InCallingList, rows);
    batch.assign_rule = AssignRule::Appoint;
    batch.assign_agent_and_count = vec![AgentQuota {
        agent_id: "1002".into(),
        count: 1,
    }];
    client.outbound().import(&batch).await.expect("accepted");
    let results: Vec<_> = client
        .outbound()
        .import_results(ImportResultQuery {
            agent_id: "1001".into(),
            code: Some(code),
            ..ImportResultQuery::default()
        })
        .try_collect()
        .await
        .expect("results");
    let result = &results[0];
    assert_eq!(
        (
            result.success_count,
            result.error_count,
            result.rows_accounted()
        ),
        (Some(1), Some(3), 4)
    );
    let url = result.error_report_path.clone().expect("a report");
    assert!(url.ends_with(".xlsx"), "{url}");
    let bytes = vendor_http::reqwest::get(url)
        .await
        .expect("served")
        .bytes()
        .await
        .expect("bytes");
    let mut archive =
        zip::ZipArchive::new(std::io::Cursor::new(bytes.to_vec())).expect("an xlsx is a zip");
    let mut sheet = String::new();
    archive
        .by_name("xl/worksheets/sheet1.xml")
        .expect("one sheet")
        .read_to_string(&mut sheet)
        .expect("xml");
    for reason in ["3 to 16 digits", "allocationAgent 4040", "fieldId nope"] {
        assert!(sheet.contains(reason), "{reason} missing from {sheet}");
    }
    let imported = sandbox.inspect(|w| {
        w.callcenter
            .campaigns
            .iter()
            .flat_map(|c| c.rows.iter())
            .find(|r| r.telephone == "13855550000")
            .cloned()
    });
    assert_eq!(imported.and_then(|r| r.agent_no).as_deref(), Some("1002"));
}

#[tokio::test]
async fn imports_refuse_reused_list_codes_other_creators_and_unknown_tasks() {
    let sandbox = common::sandbox().await;
    let client = cc(&sandbox);
    let created = client
        .outbound()
        .create_task(&task("refusals"))
        .await
        .expect("created");
    let code = created.code.clone().expect("code");
    let batch = import(
        &code,
        "once",
        RemoveDuplicatesRule::None,
        vec![row("13800000009")],
    );
    client.outbound().import(&batch).await.expect("first");
    assert_eq!(
        common::vendor_code(client.outbound().import(&batch).await),
        "400"
    );
    let mut other = import(
        &code,
        "other",
        RemoveDuplicatesRule::None,
        vec![row("13800000009")],
    );
    other.campaign_id = created.id.clone();
    other.agent_id = "1002".into();
    assert_eq!(
        common::vendor_code(client.outbound().import(&other).await),
        "400"
    );
    let unknown = import(
        "nosuchtask",
        "unknown",
        RemoveDuplicatesRule::None,
        vec![row("13800000009")],
    );
    assert_eq!(
        common::vendor_code(client.outbound().import(&unknown).await),
        "404"
    );
    let mut disabled = task("disabled template");
    disabled.data_template_code = "DT002".into();
    assert_eq!(
        common::vendor_code(client.outbound().create_task(&disabled).await),
        "400"
    );
    let mut by_id = task("by id");
    by_id.agent_type = Some(AgentType::Id);
    assert_eq!(
        common::vendor_code(client.outbound().create_task(&by_id).await),
        "404"
    );
}

#[tokio::test]
async fn a_repeated_idempotency_key_replays_the_first_answer_without_acting_again() {
    let sandbox = common::sandbox().await;
    let client = cc(&sandbox);
    let key = IdempotencyKey::new();
    let first = client
        .outbound()
        .create_task_with_key(&task("once"), &key)
        .await
        .expect("first");
    let again = client
        .outbound()
        .create_task_with_key(&task("once"), &key)
        .await
        .expect("replayed");
    assert_eq!(first, again);
    let named = sandbox.inspect(|w| {
        w.callcenter
            .campaigns
            .iter()
            .filter(|c| c.name == "once")
            .count()
    });
    assert_eq!(named, 1);
    let other_body = client
        .outbound()
        .create_task_with_key(&task("different"), &key)
        .await;
    assert_eq!(common::vendor_code(other_body), "422");
}

#[tokio::test]
async fn a_keyed_create_is_retried_after_server_errors_and_creates_one_task() {
    let sandbox = common::sandbox().await;
    let client = cc(&sandbox);
    let path = format!("/{}", sobot::callcenter::paths::CAMPAIGNS);
    sandbox.add_fault(FaultRule::next(
        &path,
        FaultKind::HttpStatus { status: 503 },
        2,
    ));
    client
        .outbound()
        .create_task(&task("retried"))
        .await
        .expect("third attempt");
    let keys: std::collections::BTreeSet<_> = sandbox
        .journal_for(&path)
        .iter()
        .filter_map(|e| e.headers.get("idempotency-key").cloned())
        .collect();
    assert_eq!(keys.len(), 1, "every attempt carries the same key");
    assert_eq!(
        sandbox.inspect(|w| w
            .callcenter
            .campaigns
            .iter()
            .filter(|c| c.name == "retried")
            .count()),
        1
    );
}

#[tokio::test]
async fn an_expired_token_costs_exactly_one_refresh() {
    let sandbox = common::sandbox().await;
    let client = cc(&sandbox);
    client.queues().page(1, 10).await.expect("first call");
    let issued = sandbox.callcenter_tokens_issued();
    sandbox.expire_token();
    client
        .queues()
        .page(1, 10)
        .await
        .expect("refreshed and repeated");
    assert_eq!(sandbox.callcenter_tokens_issued(), issued + 1);
    let path = format!("/{}", sobot::callcenter::paths::QUEUES_SEARCH);
    let statuses: Vec<u16> = sandbox
        .journal_for(&path)
        .iter()
        .map(|e| e.status)
        .collect();
    assert_eq!(statuses, [200, 401, 200]);
    sandbox.add_fault(FaultRule::next(&path, FaultKind::TokenExpiry, 2));
    let error = client
        .queues()
        .page(1, 10)
        .await
        .expect_err("a second 401 is not refreshed again");
    assert_eq!(error.vendor_code(), Some("401"));
}

#[tokio::test]
async fn token_requests_check_the_signature_and_the_agent() {
    let sandbox = common::sandbox().await;
    let mut config = common::vendors::cc_config(&sandbox);
    config.app_secret = vendor_http::Secret::new("wrong");
    let refused = sobot::callcenter::CallCenterClient::new(config)
        .expect("client")
        .queues()
        .page(1, 10)
        .await;
    assert!(matches!(refused, Err(sobot::Error::Auth { .. })));
    let mut config = common::vendors::cc_config(&sandbox);
    config.agent = Some(sobot::callcenter::AgentIdentity::WorkNumber("4040".into()));
    let unknown = sobot::callcenter::CallCenterClient::new(config)
        .expect("client")
        .queues()
        .members(&sobot::callcenter::QueueMembersQuery::default())
        .await;
    assert!(
        unknown.is_err(),
        "an agent token for an unknown agent is refused"
    );
    let missing_key = vendor_http::reqwest::Client::new()
        .post(format!(
            "{}/{}",
            sandbox.sobot_base_url(),
            sobot::callcenter::paths::CAMPAIGNS_LIST
        ))
        .header("authorization", "Bearer nope")
        .body("{}")
        .send()
        .await
        .expect("answers");
    assert_eq!(missing_key.status().as_u16(), 401);
}
