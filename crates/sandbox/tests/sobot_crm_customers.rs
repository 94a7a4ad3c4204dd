//! CRM customers, enterprises, assignment, stages, follow-ups and the blacklist through the
//! real `sobot` client, with their documented errors.

use crate::common;

use common::builders::new_customer;
use common::{agent, client, code, sandbox, token, vendor_code};
use futures::TryStreamExt;
use sobot::crm::{
    AssignMove, Assignment, AssignmentRecordsQuery, AssignmentStatsQuery, BehaviorGroup,
    BlacklistAdd, BlacklistDuration, BlacklistQuery, CrmStatus, CustomFieldInput, CustomerInput,
    CustomerQuery, CustomerSearchBy, EnterpriseInput, FollowUpRecord, LiableAgent, PoolRecycle,
    RecycleVerdict, StageChange, StageType, UpsertAction, ex_field_str,
};

#[tokio::test]
async fn customer_create_is_an_upsert_matched_by_phone_or_email() {
    let sandbox = sandbox().await;
    let client = client(&sandbox);
    let crm = client.crm();
    let added = crm
        .save_customer(&new_customer("Zhang Wei", "13800000001"))
        .await
        .expect("added");
    assert_eq!(added.action, UpsertAction::Added);
    let mut again = new_customer("张伟 VIP", "13800000001");
    again.crm_status = Some(CrmStatus::Pool);
    let updated = crm.save_customer(&again).await.expect("updated");
    assert_eq!(updated.action, UpsertAction::Updated);
    assert_eq!(updated.userid, added.userid);
    let by_email = CustomerInput {
        nick: "Wei".into(),
        email: Some("wei@example.com".into()),
        crm_status: Some(CrmStatus::FirstInquiry),
        ..CustomerInput::default()
    };
    let first = crm.save_customer(&by_email).await.expect("added");
    let second = crm.save_customer(&by_email).await.expect("matched");
    assert_eq!(first.userid, second.userid);
    assert_eq!(second.action, UpsertAction::Updated);
    let detail = crm.customer(&added.userid).await.expect("detail");
    assert_eq!(detail.nick.as_deref(), Some("张伟 VIP"));
    assert_eq!(
        detail.crm_status,
        Some(CrmStatus::FirstInquiry),
        "a match keeps its status"
    );
    assert_eq!(detail.provice_name.as_deref(), Some("广东省"));
    assert_eq!(detail.city_name.as_deref(), Some("深圳市"));
    let found = crm
        .customers_page(
            &CustomerQuery {
                search_type: Some(CustomerSearchBy::Phone),
                search_value: Some("13800000001".into()),
                ..CustomerQuery::default()
            },
            1,
            15,
        )
        .await
        .expect("search");
    assert_eq!(found.total_count, Some(1));
}

#[tokio::test]
async fn customer_writes_are_validated() {
    let sandbox = sandbox().await;
    let client = client(&sandbox);
    let crm = client.crm();
    let token = token(&sandbox).await;
    let no_status =
        common::post(&sandbox, &token, "/api/scrm/5/user/save", r#"{"nick":"a"}"#).await;
    assert_eq!(code(&no_status), "400004");
    let no_nick = common::post(
        &sandbox,
        &token,
        "/api/scrm/5/user/save",
        r#"{"crm_status":1}"#,
    )
    .await;
    assert_eq!(code(&no_nick), "400004");
    let owner_missing = common::post(
        &sandbox,
        &token,
        "/api/scrm/5/user/save",
        r#"{"nick":"a","crm_status":3}"#,
    )
    .await;
    assert_eq!(code(&owner_missing), "400004");
    let long_nick = crm
        .save_customer(&new_customer(&"名".repeat(51), "13900000000"))
        .await;
    assert_eq!(vendor_code(long_nick), "400004");
    let mut unknown_field = new_customer("a", "13900000001");
    unknown_field.ex_field_str = Some(
        ex_field_str(&[CustomFieldInput {
            fieldid: Some("nope".into()),
            field_value: "1".into(),
            field_params: None,
        }])
        .expect("encodes"),
    );
    assert_eq!(
        vendor_code(crm.save_customer(&unknown_field).await),
        "400004"
    );
    assert_eq!(
        vendor_code(crm.update_customer("nobody", &new_customer("a", "1")).await),
        "400004"
    );
    assert_eq!(vendor_code(crm.customer("nobody").await), "400004");
}

#[tokio::test]
async fn customer_edits_overwrite_or_upsert_custom_fields() {
    let sandbox = sandbox().await;
    let client = client(&sandbox);
    let crm = client.crm();
    let fields = crm.customer_fields().await.expect("fields");
    let card = fields[0].field_id.clone().expect("id");
    let industry = &fields[1];
    let option = industry.cus_field_data_info_list[0]
        .data_value
        .clone()
        .expect("value");
    let mut input = new_customer("Li Na", "13700000000");
    input.ex_field_str = Some(
        ex_field_str(&[CustomFieldInput {
            fieldid: Some(card.clone()),
            field_value: "M000001".into(),
            field_params: None,
        }])
        .expect("encodes"),
    );
    let saved = crm.save_customer(&input).await.expect("saved");
    let mut edit = new_customer("Li Na", "13700000000");
    edit.upset_ex_field_str = Some(1);
    edit.ex_field_str = Some(
        ex_field_str(&[CustomFieldInput {
            fieldid: industry.field_id.clone(),
            field_value: option.clone(),
            field_params: None,
        }])
        .expect("encodes"),
    );
    crm.update_customer(&saved.userid, &edit)
        .await
        .expect("upserted");
    let detail = crm.customer(&saved.userid).await.expect("detail");
    assert_eq!(detail.custom_fields().len(), 2);
    assert!(
        detail
            .custom_fields()
            .iter()
            .any(|f| f.field_text == industry.cus_field_data_info_list[0].data_name)
    );
    edit.upset_ex_field_str = None;
    crm.update_customer(&saved.userid, &edit)
        .await
        .expect("overwritten");
    assert_eq!(
        crm.customer(&saved.userid)
            .await
            .expect("detail")
            .custom_fields()
            .len(),
        1
    );
    let enterprise = crm
        .create_enterprise(&EnterpriseInput {
            enterprise_name: "深圳极光智能 Aurora".into(),
            enterprise_domains: vec!["aurora.cn".into()],
            ..EnterpriseInput::default()
        })
        .await
        .expect("enterprise");
    let mut join = new_customer("Li Na", "13700000000");
    join.enterpriseid = Some(enterprise);
    crm.update_customer(&saved.userid, &join)
        .await
        .expect("joined");
    assert_eq!(
        crm.customer(&saved.userid)
            .await
            .expect("detail")
            .enterprise_name
            .as_deref(),
        Some("深圳极光智能 Aurora")
    );
    let timeline: Vec<_> = crm
        .behavior(&saved.userid, None)
        .try_collect()
        .await
        .expect("timeline");
    assert!(timeline.len() >= 3);
}

#[tokio::test]
async fn assignment_and_recycling_move_customers_and_are_recorded() {
    let sandbox = sandbox().await;
    let client = client(&sandbox);
    let crm = client.crm();
    let (agent_id, agent_name, _) = agent(&sandbox, 3);
    let a = crm
        .save_customer(&new_customer("A", "13600000001"))
        .await
        .expect("a")
        .userid;
    let b = crm
        .save_customer(&new_customer("B", "13600000002"))
        .await
        .expect("b")
        .userid;
    crm.assign(&Assignment {
        confirmids: sobot::crm::confirm_ids(&[&a, &b]),
        assign_biz_type: AssignMove::AssignNew,
        liable_list: vec![LiableAgent {
            liable_serviceid: agent_id.clone(),
            liable_service_name: agent_name.clone(),
            liable_departmentid: None,
        }],
    })
    .await
    .expect("assigned");
    let detail = crm.customer(&a).await.expect("detail");
    assert_eq!(detail.crm_status, Some(CrmStatus::FollowingUp));
    assert_eq!(detail.liable_serviceid.as_deref(), Some(agent_id.as_str()));
    let now = chrono::Utc::now().timestamp();
    let records = crm
        .assignment_records(&AssignmentRecordsQuery {
            liable_serviceid: agent_id.clone(),
            start_time: now - 60,
            end_time: now + 60,
        })
        .await
        .expect("records");
    assert_eq!(records.items.len(), 2);
    let today = sandbox::clock::format_date(now * 1000, sandbox::clock::UTC8);
    let stats = crm
        .assignment_statistics(&AssignmentStatsQuery {
            liable_serviceid: agent_id.clone(),
            start_date: today.clone(),
            end_date: today.clone(),
            timezone: Some("+08:00".into()),
        })
        .await
        .expect("statistics");
    assert_eq!(stats.len(), 1);
    assert_eq!(stats[0].assign_num, Some(2));
    let too_long = crm
        .assignment_statistics(&AssignmentStatsQuery {
            liable_serviceid: agent_id.clone(),
            start_date: "2025-01-01".into(),
            end_date: "2025-03-01".into(),
            timezone: None,
        })
        .await;
    assert_eq!(vendor_code(too_long), "400004");
    let a_month = crm
        .assignment_statistics(&AssignmentStatsQuery {
            liable_serviceid: agent_id.clone(),
            start_date: "2022-05-02".into(),
            end_date: "2022-06-02".into(),
            timezone: None,
        })
        .await;
    assert!(a_month.is_ok(), "the doc's own example span is accepted");
    crm.recycle_to_pool(&PoolRecycle {
        confirmids: a.clone(),
        confirm_type: RecycleVerdict::Valid,
    })
    .await
    .expect("recycled");
    let detail = crm.customer(&a).await.expect("detail");
    assert_eq!(detail.crm_status, Some(CrmStatus::Pool));
    assert!(detail.liable_serviceid.is_none());
    let pool = crm
        .customers_page(
            &CustomerQuery {
                module_type: Some(sobot::crm::CustomerView::Pool),
                ..CustomerQuery::default()
            },
            1,
            200,
        )
        .await
        .expect("pool");
    assert!(
        pool.items
            .iter()
            .any(|c| c.id.as_deref() == Some(a.as_str()))
    );
    let unknown = crm
        .assign(&Assignment {
            confirmids: "nobody".into(),
            assign_biz_type: AssignMove::AssignNew,
            liable_list: vec![LiableAgent {
                liable_serviceid: agent_id,
                liable_service_name: agent_name,
                liable_departmentid: None,
            }],
        })
        .await;
    assert_eq!(vendor_code(unknown), "400004");
}

#[tokio::test]
async fn follow_ups_and_stages_show_on_the_timeline_and_in_filters() {
    let sandbox = sandbox().await;
    let client = client(&sandbox);
    let crm = client.crm();
    let userid = crm
        .save_customer(&new_customer("Emily Clark", "+6591234567"))
        .await
        .expect("saved")
        .userid;
    crm.add_follow_up(&FollowUpRecord {
        userid: userid.clone(),
        content: "Called about the bulk order".into(),
    })
    .await
    .expect("recorded");
    let stages = crm.follow_up_stages().await.expect("stages");
    let stage = &stages[2];
    crm.set_stage(&StageChange {
        userid: userid.clone(),
        stageid: stage.id.clone().expect("id"),
        stage_name: stage.name.clone().expect("name"),
        stage_type: StageType::Process,
        remark: Some(String::new()),
    })
    .await
    .expect("staged");
    let service: Vec<_> = crm
        .behavior(&userid, Some(BehaviorGroup::Service))
        .try_collect()
        .await
        .expect("service");
    assert_eq!(service.len(), 1);
    assert_eq!(service[0].biz_type.as_deref(), Some("user_follow_record"));
    let user: Vec<_> = crm
        .behavior(&userid, Some(BehaviorGroup::User))
        .try_collect()
        .await
        .expect("user");
    assert!(
        user.iter()
            .any(|b| b.biz_type.as_deref() == Some("user_stage_update"))
    );
    let in_stage = crm
        .customers_page(
            &CustomerQuery {
                stageid: stage.id.clone(),
                ..CustomerQuery::default()
            },
            1,
            500,
        )
        .await
        .expect("filtered");
    assert!(
        in_stage
            .items
            .iter()
            .any(|c| c.id.as_deref() == Some(userid.as_str()))
    );
    let bad_stage = crm
        .set_stage(&StageChange {
            userid: userid.clone(),
            stageid: "nope".into(),
            stage_name: "n".into(),
            stage_type: StageType::Won,
            remark: None,
        })
        .await;
    assert_eq!(vendor_code(bad_stage), "400004");
    assert_eq!(
        vendor_code(
            crm.add_follow_up(&FollowUpRecord {
                userid: "nobody".into(),
                content: "x".into()
            })
            .await
        ),
        "400004"
    );
}

#[tokio::test]
async fn the_blacklist_adds_lists_and_lifts_entries() {
    let sandbox = sandbox().await;
    let client = client(&sandbox);
    let crm = client.crm();
    let userid = crm
        .save_customer(&new_customer("Spammer", "13500000000"))
        .await
        .expect("saved")
        .userid;
    crm.add_to_blacklist(&BlacklistAdd {
        user_id: userid.clone(),
        black_type: BlacklistDuration::Hours48,
        black_reason: "Spam messages".into(),
    })
    .await
    .expect("blacklisted");
    let entries: Vec<_> = crm
        .blacklist(BlacklistQuery {
            user_id: Some(userid.clone()),
            ..BlacklistQuery::default()
        })
        .try_collect()
        .await
        .expect("entries");
    assert_eq!(entries.len(), 1);
    assert!(entries[0].is_active());
    assert_eq!(
        entries[0]
            .black_end_time
            .zip(entries[0].black_time)
            .map(|(e, s)| e - s),
        Some(172_800)
    );
    let blacklisted = crm
        .customers_page(
            &CustomerQuery {
                isblack: Some("1".into()),
                ..CustomerQuery::default()
            },
            1,
            500,
        )
        .await
        .expect("blacklisted customers");
    assert!(
        blacklisted
            .items
            .iter()
            .any(|c| c.id.as_deref() == Some(userid.as_str()) && c.user_status == Some(1))
    );
    crm.remove_from_blacklist(&userid).await.expect("lifted");
    let entries: Vec<_> = crm
        .blacklist(BlacklistQuery {
            user_id: Some(userid.clone()),
            ..BlacklistQuery::default()
        })
        .try_collect()
        .await
        .expect("entries");
    assert!(!entries[0].is_active());
    assert_eq!(
        crm.customer(&userid).await.expect("detail").user_status,
        Some(0)
    );
    let token = token(&sandbox).await;
    let bad_type = common::post(
        &sandbox,
        &token,
        "/api/scrm/5/user/add_black_list",
        &format!(r#"{{"user_id":"{userid}","black_type":12,"black_reason":"x"}}"#),
    )
    .await;
    assert_eq!(code(&bad_type), "400004");
    assert_eq!(
        vendor_code(
            crm.add_to_blacklist(&BlacklistAdd {
                user_id: "nobody".into(),
                black_type: BlacklistDuration::Permanent,
                black_reason: "x".into()
            })
            .await
        ),
        "400004"
    );
}

#[tokio::test]
async fn the_customer_list_pages_newest_first_over_the_seeded_customers() {
    let sandbox = sandbox().await;
    let client = client(&sandbox);
    let all: Vec<_> = client
        .crm()
        .customers(CustomerQuery::default())
        .try_collect()
        .await
        .expect("customers");
    assert_eq!(all.len(), 40);
    let times: Vec<i64> = all.iter().filter_map(|c| c.create_time).collect();
    assert!(times.windows(2).all(|w| w[0] >= w[1]));
    assert!(
        all.iter()
            .any(|c| c.uname.as_deref().is_some_and(|n| !n.is_ascii()))
    );
    assert!(
        all.iter()
            .any(|c| c.uname.as_deref().is_some_and(|n| n.is_ascii()))
    );
}
