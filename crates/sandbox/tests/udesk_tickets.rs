//! The `udesk` client against the sandbox: creating, reading, updating, deleting and listing
//! tickets, and each documented error.

use crate::common;

use common::vendors::{udesk, udesk_code};
use futures::TryStreamExt;
use udesk::tickets::{
    CustomerIdType, FieldInput, NewTicket, Priority, StatusName, TicketChanges, TicketKey,
    TicketListQuery, TicketStatus, TicketUpdate,
};

fn customer_email(sandbox: &sandbox::Sandbox) -> String {
    sandbox.inspect(|w| w.udesk.customers[0].email.clone())
}

fn agent(sandbox: &sandbox::Sandbox, index: usize) -> (String, String, String) {
    sandbox.inspect(|w| {
        let agent = &w.udesk.agents[index];
        let group = w.udesk.group(agent.group_ids[0]).expect("group");
        (
            agent.id.to_string(),
            agent.email.clone(),
            group.name.clone(),
        )
    })
}

#[tokio::test]
async fn a_created_ticket_appears_in_detail_by_id_and_num_and_in_the_customers_list() {
    let sandbox = common::sandbox().await;
    let client = udesk(&sandbox);
    let (_, email, group) = agent(&sandbox, 0);
    let mut ticket = NewTicket::new("打印机无法连接", "<p>三楼打印机离线</p>");
    ticket.customer_type = Some(CustomerIdType::Email);
    ticket.type_content = Some(customer_email(&sandbox));
    ticket.priority = client.tickets().priority_name(&Priority::High);
    ticket.assignee_email = Some(email);
    ticket.agent_group_name = Some(group);
    ticket.tags = vec!["设备".into(), "printer".into()];
    ticket.status_id = Some(TicketStatus::Solving);
    ticket.ticket_field.insert(
        "SelectField_1".into(),
        FieldInput::Options(vec!["2".into()]),
    );
    ticket
        .ticket_field
        .insert("TextField_3".into(), FieldInput::Text("2025-12-01".into()));
    let id = client.tickets().create(&ticket).await.expect("created");
    let detail = client
        .tickets()
        .detail(&TicketKey::id(id.clone()))
        .await
        .expect("detail");
    assert_eq!(detail.subject.as_deref(), Some("打印机无法连接"));
    assert_eq!(detail.priority.as_deref(), Some("高"));
    assert_eq!(detail.status_en, Some(StatusName::Solving));
    assert_eq!(detail.tags, vec!["设备", "printer"]);
    assert!(detail.solving_at.is_some());
    let by_num = client
        .tickets()
        .detail(&TicketKey::num(id.clone()))
        .await
        .expect("detail by num");
    assert_eq!(by_num.id, id);
    let mine: Vec<_> = client
        .tickets()
        .list(TicketListQuery::customer(
            CustomerIdType::Email,
            customer_email(&sandbox),
        ))
        .try_collect()
        .await
        .expect("customer's tickets");
    assert!(mine.iter().any(|t| t.id == id));
}

#[tokio::test]
async fn the_list_pages_through_every_seeded_ticket() {
    let sandbox = common::sandbox().await;
    let client = udesk(&sandbox);
    let all: Vec<_> = client
        .tickets()
        .list(TicketListQuery::default())
        .try_collect()
        .await
        .expect("every page");
    assert_eq!(all.len(), sandbox.inspect(|w| w.udesk.tickets.len()));
    let page = client
        .tickets()
        .list_page(&TicketListQuery::default(), 2, 15)
        .await
        .expect("page 2");
    assert_eq!(page.contents.len(), 15);
    assert_eq!(page.meta.and_then(|m| m.current_page), Some(2));
}

#[tokio::test]
async fn an_update_changes_later_reads_and_logs_the_change() {
    let sandbox = common::sandbox().await;
    let client = udesk(&sandbox);
    let id = sandbox.inspect(|w| w.udesk.tickets[0].id.to_string());
    let (agent_id, _, _) = agent(&sandbox, 1);
    let group_id = sandbox.inspect(|w| w.udesk.agents[1].group_ids[0].to_string());
    let update = TicketUpdate {
        ticket: TicketChanges {
            subject: "Updated subject".into(),
            agent_id: Some(agent_id.clone()),
            agent_group_id: Some(group_id),
            priority_id: Some(Priority::Urgent),
            status_id: Some(TicketStatus::Closed),
            tags: Some(vec!["vip".into()]),
            custom_fields: [(
                "SelectField_1".to_owned(),
                FieldInput::Options(vec!["1".into()]),
            )]
            .into(),
            ..TicketChanges::default()
        },
        ..TicketUpdate::default()
    };
    let updated = client
        .tickets()
        .update(&id, &update)
        .await
        .expect("updated");
    assert_eq!(updated.agent_id.as_deref(), Some(agent_id.as_str()));
    assert_eq!(updated.status_en, Some(StatusName::Closed));
    assert_eq!(updated.tags[0].name, "vip");
    let detail = client
        .tickets()
        .detail(&TicketKey::id(id.clone()))
        .await
        .expect("detail");
    assert_eq!(detail.subject.as_deref(), Some("Updated subject"));
    assert_eq!(detail.priority.as_deref(), Some("紧急"));
    assert!(detail.closed_at.is_some());
    let logs: Vec<_> = client
        .tickets()
        .change_logs(id)
        .try_collect()
        .await
        .expect("logs");
    let fields: Vec<String> = logs
        .iter()
        .flat_map(|l| l.changes.iter().filter_map(|c| c.field.clone()))
        .collect();
    assert!(fields.contains(&"subject".to_owned()) && fields.contains(&"priority_id".to_owned()));
}

#[tokio::test]
async fn a_deleted_ticket_is_gone_from_detail_and_list() {
    let sandbox = common::sandbox().await;
    let client = udesk(&sandbox);
    let id = client
        .tickets()
        .create(&NewTicket::new("Temporary", "to delete"))
        .await
        .expect("created");
    client
        .tickets()
        .delete(&TicketKey::id(id.clone()))
        .await
        .expect("deleted");
    let gone = client.tickets().detail(&TicketKey::id(id.clone())).await;
    assert_eq!(udesk_code(gone), 2000);
    let again = client.tickets().delete(&TicketKey::id(id)).await;
    assert_eq!(udesk_code(again), 2000);
}

#[tokio::test]
async fn create_refuses_unknown_customers_agents_groups_priorities_and_bad_dates() {
    let sandbox = common::sandbox().await;
    let client = udesk(&sandbox);
    let base = NewTicket::new("Subject", "Content");
    let cases: Vec<(NewTicket, &str)> = vec![
        (
            NewTicket {
                customer_type: Some(CustomerIdType::Email),
                type_content: Some("nobody@example.com".into()),
                ..base.clone()
            },
            "no such customer",
        ),
        (
            NewTicket {
                assignee_email: Some("ghost@example.com".into()),
                ..base.clone()
            },
            "Customer service not found",
        ),
        (
            NewTicket {
                agent_group_name: Some("No such group".into()),
                ..base.clone()
            },
            "customer service group not found",
        ),
        (
            NewTicket {
                priority: Some("whenever".into()),
                ..base.clone()
            },
            "Priority error",
        ),
        (
            NewTicket {
                ticket_field: [(
                    "TextField_3".to_owned(),
                    FieldInput::Text("12/01/2025".into()),
                )]
                .into(),
                ..base.clone()
            },
            "Time date format is incorrect",
        ),
        (
            NewTicket {
                creator_email: Some("ghost@example.com".into()),
                ..base.clone()
            },
            "Creator customer service not found",
        ),
    ];
    for (ticket, message) in cases {
        let error = client.tickets().create(&ticket).await.expect_err(message);
        assert_eq!(error.vendor_code(), Some(2000), "{message}");
        assert!(
            error.vendor_message().is_some_and(|m| m.contains(message)),
            "{error}"
        );
    }
    let follower = NewTicket {
        follower_ids: vec!["999999".into()],
        ..base
    };
    assert_eq!(udesk_code(client.tickets().create(&follower).await), 2005);
}

#[tokio::test]
async fn update_refuses_unknown_tickets_agents_templates_and_lone_customer_identifiers() {
    let sandbox = common::sandbox().await;
    let client = udesk(&sandbox);
    let id = sandbox.inspect(|w| w.udesk.tickets[0].id.to_string());
    let changes = |f: fn(&mut TicketChanges)| {
        let mut ticket = TicketChanges {
            subject: "s".into(),
            ..TicketChanges::default()
        };
        f(&mut ticket);
        TicketUpdate {
            ticket,
            ..TicketUpdate::default()
        }
    };
    let missing = client.tickets().update("99999999", &changes(|_| {})).await;
    assert_eq!(udesk_code(missing), 2005);
    let agent = client
        .tickets()
        .update(&id, &changes(|t| t.agent_id = Some("999999".into())))
        .await;
    assert_eq!(udesk_code(agent), 2000);
    let template = client
        .tickets()
        .update(&id, &changes(|t| t.template_id = Some("999999".into())))
        .await
        .expect_err("unknown template");
    assert!(matches!(
        template,
        udesk::Error::NotFound {
            field: Some("template_id"),
            ..
        }
    ));
    let status = client
        .tickets()
        .update(
            &id,
            &changes(|t| t.status_id = Some(TicketStatus::Other("9".into()))),
        )
        .await;
    assert_eq!(udesk_code(status), 2000);
    let unsupported = TicketUpdate {
        customer_id_type: Some(CustomerIdType::Other("passport".into())),
        customer_id_value: Some("x".into()),
        ..changes(|_| {})
    };
    assert_eq!(
        udesk_code(client.tickets().update(&id, &unsupported).await),
        40002
    );
}

#[tokio::test]
async fn raw_requests_get_the_documented_key_and_pair_errors() {
    let sandbox = common::sandbox().await;
    let now = common::vendors::unix_now();
    let auth = |n: &str| common::vendors::udesk_auth(&sandbox, now, n);
    let mut both = auth("n-both");
    both.push(("id".into(), "1".into()));
    both.push(("num".into(), "#1".into()));
    let (_, answer) = common::vendors::udesk_get(&sandbox, "tickets/detail", &both).await;
    assert_eq!(answer["code"], 2000);
    assert!(
        answer["message"]
            .as_str()
            .is_some_and(|m| m.contains("same time"))
    );
    let (_, answer) = common::vendors::udesk_get(&sandbox, "tickets/detail", &auth("n-none")).await;
    assert!(
        answer["message"]
            .as_str()
            .is_some_and(|m| m.contains("must pass id and num"))
    );
    let mut lone = auth("n-lone");
    lone.push(("type".into(), "email".into()));
    let (_, answer) = common::vendors::udesk_get(&sandbox, "tickets", &lone).await;
    assert_eq!(answer["code"], 40001);
    let mut big = auth("n-big");
    big.push(("per_page".into(), "101".into()));
    let (status, answer) = common::vendors::udesk_get(&sandbox, "tickets", &big).await;
    assert_eq!((status, answer["code"].as_i64()), (200, Some(2000)));
}
