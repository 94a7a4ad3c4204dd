//! The `sobot::callcenter` client against the sandbox: agents, skill groups, extensions,
//! forbidden and relay numbers, contact plans and IVR flows, with their errors.

use crate::common;

use common::vendors::cc;
use futures::TryStreamExt;
use sobot::callcenter::{
    AgentSettingUpdate, AgentType, AgentUnbind, BindStatus, CallAgentQuery, CallDirection,
    ExtensionQuery, ForbiddenNumber, ForbiddenNumberType, IvrQuery, MemberChange, NewContactPlans,
    NewExtension, NewQueue, QueueMemberChanges, QueueMembersQuery, QueueMembersUpdate,
    RelayNumberQuery, RelayNumberState, UnbindTarget,
};
use vendor_http::Secret;

fn code<T: std::fmt::Debug>(result: Result<T, sobot::Error>) -> String {
    common::vendor_code(result)
}

#[tokio::test]
async fn agent_settings_bind_and_unbind_an_extension_and_later_reads_show_it() {
    let sandbox = common::sandbox().await;
    let client = cc(&sandbox);
    let agents = client.agents();
    let before = agents
        .get("1001", AgentType::WorkNumber)
        .await
        .expect("agent 1001");
    let uuid = before.agent_uuid.clone().expect("uuid");
    let spare = client
        .extensions()
        .page(
            &ExtensionQuery {
                bind_status: Some(BindStatus::Unbound),
            },
            1,
            50,
        )
        .await
        .expect("unbound extensions")
        .list[0]
        .ext
        .clone();
    let updated = agents
        .update(&AgentSettingUpdate {
            agent: uuid.clone(),
            agent_type: AgentType::Id,
            wrap_up_time: 45,
            phone: Some("13800138000".into()),
            ext: Some(spare.clone()),
            wrap_up_type: None,
        })
        .await
        .expect("updated");
    assert_eq!(updated.ext.as_deref(), Some(spare.as_str()));
    assert_eq!(updated.wrap_up_time, Some(45));
    let bound = client
        .extensions()
        .page(
            &ExtensionQuery {
                bind_status: Some(BindStatus::Bound),
            },
            1,
            50,
        )
        .await
        .expect("bound");
    assert!(
        bound
            .list
            .iter()
            .any(|e| e.ext == spare && e.agent_uuid.as_deref() == Some(uuid.as_str()))
    );
    let unbound = agents
        .unbind(&AgentUnbind {
            agent: "1001".into(),
            agent_type: AgentType::WorkNumber,
            number_type: Some(UnbindTarget::Extension),
        })
        .await
        .expect("unbound");
    assert_eq!(
        (unbound.ext, unbound.phone.as_deref()),
        (None, Some("13800138000"))
    );
    assert_eq!(code(agents.get("9999", AgentType::WorkNumber).await), "404");
    let taken = sandbox
        .inspect(|w| w.callcenter.agents[1].ext.clone())
        .expect("agent 1002 has one");
    let clash = agents
        .update(&AgentSettingUpdate {
            agent: "1001".into(),
            agent_type: AgentType::WorkNumber,
            wrap_up_time: 10,
            phone: None,
            ext: Some(taken),
            wrap_up_type: None,
        })
        .await;
    assert_eq!(code(clash), "400");
}

#[tokio::test]
async fn the_call_agent_list_filters_by_group_name_and_extension() {
    let sandbox = common::sandbox().await;
    let client = cc(&sandbox);
    let all = client
        .agents()
        .call_agents(&CallAgentQuery::default())
        .await
        .expect("all");
    assert!(!all.is_empty());
    assert!(
        all.iter()
            .all(|a| a.create_time.as_deref().is_some_and(|t| t.len() == 19))
    );
    let queue = sandbox.inspect(|w| w.callcenter.queues[0].id.clone());
    let members = client
        .agents()
        .call_agents(&CallAgentQuery {
            queue: Some(queue),
            ..CallAgentQuery::default()
        })
        .await
        .expect("members");
    assert!(!members.is_empty() && members.len() < all.len());
    let unknown = client
        .agents()
        .call_agents(&CallAgentQuery {
            queue: Some("nope".into()),
            ..CallAgentQuery::default()
        })
        .await;
    assert_eq!(code(unknown), "404");
}

#[tokio::test]
async fn skill_groups_are_created_filled_emptied_and_deleted() {
    let sandbox = common::sandbox().await;
    let client = cc(&sandbox);
    let queues = client.queues();
    let created = queues
        .create(&NewQueue {
            queue_name: "夜班 Night".into(),
            queue_id: "9001".into(),
            queue_weight: Some("2".into()),
        })
        .await
        .expect("created");
    assert_eq!(created.queue_id.as_deref(), Some("9001"));
    let duplicate = queues
        .create(&NewQueue {
            queue_name: "x".into(),
            queue_id: "9001".into(),
            queue_weight: None,
        })
        .await;
    assert_eq!(code(duplicate), "400");
    let listed: Vec<_> = queues.list().try_collect().await.expect("listed");
    assert!(listed.iter().any(|q| q.queue_id.as_deref() == Some("9001")));
    let member = |agent: &str| MemberChange {
        agent: agent.into(),
        level: Some(3),
        checkin: Some(true),
    };
    queues
        .update_members(&QueueMembersUpdate {
            agent_type: Some(AgentType::WorkNumber),
            list: vec![QueueMemberChanges {
                queue_id: "9001".into(),
                add: vec![member("1001"), member("1002")],
                ..QueueMemberChanges::default()
            }],
        })
        .await
        .expect("members added");
    let query = QueueMembersQuery {
        queue_id: Some("9001".into()),
        agent_type: Some(AgentType::WorkNumber),
    };
    let groups = queues.members(&query).await.expect("members");
    assert_eq!(groups[0].agent_count, Some(2));
    queues
        .update_members(&QueueMembersUpdate {
            agent_type: None,
            list: vec![QueueMemberChanges {
                queue_id: "9001".into(),
                remove: vec![member("1002")],
                ..QueueMemberChanges::default()
            }],
        })
        .await
        .expect("member removed");
    let groups = queues.members(&query).await.expect("members");
    assert_eq!(
        groups[0]
            .agents
            .iter()
            .filter_map(|a| a.agent.clone())
            .collect::<Vec<_>>(),
        ["1001"]
    );
    let unknown_agent = queues
        .update_members(&QueueMembersUpdate {
            agent_type: Some(AgentType::WorkNumber),
            list: vec![QueueMemberChanges {
                queue_id: "9001".into(),
                add: vec![member("777")],
                ..QueueMemberChanges::default()
            }],
        })
        .await;
    assert_eq!(code(unknown_agent), "404");
    queues.delete("9001").await.expect("deleted");
    assert_eq!(code(queues.delete("9001").await), "404");
    assert_eq!(code(queues.members(&query).await), "404");
}

#[tokio::test]
async fn extensions_are_created_with_their_documented_formats() {
    let sandbox = common::sandbox().await;
    let client = cc(&sandbox);
    let new = |ext: &str, password: &str, agent: &str| NewExtension {
        agent_id: agent.into(),
        agent_type: None,
        ext: ext.into(),
        password: Secret::new(password),
    };
    let created = client
        .extensions()
        .create(&new("0777", "123456", "1001"))
        .await
        .expect("created");
    assert_eq!(created.ext.as_deref(), Some("0777"));
    assert_eq!(created.lang_code_txt.as_deref(), Some("Opus"));
    assert_eq!(
        code(
            client
                .extensions()
                .create(&new("0777", "123456", "1001"))
                .await
        ),
        "400"
    );
    assert_eq!(
        code(
            client
                .extensions()
                .create(&new("0778", "123456", "4040"))
                .await
        ),
        "404"
    );
    let all: Vec<_> = client
        .extensions()
        .list(ExtensionQuery::default())
        .try_collect()
        .await
        .expect("all");
    assert!(all.iter().any(|e| e.ext == "0777" && e.password.as_ref().is_some_and(|p| p.expose() == "123456")));
}

#[tokio::test]
async fn forbidden_numbers_report_bad_rows_and_relay_numbers_filter_by_state() {
    let sandbox = common::sandbox().await;
    let client = cc(&sandbox);
    let mut bad = ForbiddenNumber::phone("13900001111", CallDirection::Outbound);
    bad.number_type = ForbiddenNumberType::Other("2".into());
    let report = client
        .forbidden_numbers()
        .import(&[
            ForbiddenNumber::phone("13900000000", CallDirection::Outbound),
            bad,
        ])
        .await
        .expect("imported");
    assert_eq!(
        (report.success_count, report.failed_count),
        (Some(1), Some(1))
    );
    let failure = &report.failures()[0];
    assert_eq!(
        (failure.row, failure.field.as_deref()),
        (Some(2), Some("numberType"))
    );
    assert!(sandbox.inspect(|w| {
        w.callcenter
            .forbidden
            .iter()
            .any(|f| f.number == "13900000000")
    }));
    let enabled = client
        .numbers()
        .relay_numbers(&RelayNumberQuery::default())
        .await
        .expect("enabled");
    assert!(
        enabled
            .iter()
            .all(|n| n.enabled.as_ref().and_then(|e| e.enabled_code.clone())
                == Some(RelayNumberState::Enabled))
    );
    let every = client
        .numbers()
        .relay_numbers(&RelayNumberQuery {
            enabled: vec![
                RelayNumberState::Enabled,
                RelayNumberState::Disabled,
                RelayNumberState::Cancelled,
            ],
        })
        .await
        .expect("every state");
    assert!(every.len() > enabled.len());
}

#[tokio::test]
async fn contact_plans_get_one_id_per_number_and_ivr_pages_are_capped_at_50() {
    let sandbox = common::sandbox().await;
    let client = cc(&sandbox);
    let plans = NewContactPlans {
        name: "回访 call-back".into(),
        bak: None,
        schedule_start_time: common::ANCHOR_MS,
        schedule_end_time: common::ANCHOR_MS + 3_600_000,
        customer_phone_number_list: vec!["13800000001".into(), "13800000002".into()],
        executor_id: "1002".into(),
        agent_id: "1001".into(),
        agent_type: None,
        zone_id: Some("Asia/Singapore".into()),
        zone_value: None,
    };
    let ids = client
        .contact_plans()
        .create(&plans)
        .await
        .expect("created");
    assert_eq!(ids.len(), 2);
    let unknown = NewContactPlans {
        executor_id: "4040".into(),
        ..plans
    };
    assert_eq!(code(client.contact_plans().create(&unknown).await), "404");
    let flows: Vec<_> = client
        .ivr()
        .published(IvrQuery::default())
        .try_collect()
        .await
        .expect("flows");
    assert_eq!(
        flows.len(),
        sandbox.inspect(|w| w.callcenter.ivr_flows.len())
    );
    assert_eq!(
        code(
            client
                .ivr()
                .published_page(&IvrQuery::default(), 1, 51)
                .await
        ),
        "400"
    );
}
