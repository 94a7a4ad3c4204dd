//! Replies, reply deletion, reminders, ratings and customer changes through the real `sobot`
//! client: what they change in later reads, and each documented error.

use crate::common;

use chrono::{TimeDelta, Utc};
use common::builders::{agent_ticket, reply_for};
use common::{agent, client, code, company, sandbox, token, vendor_code};
use sobot::ticket::{
    ChangeTicketCustomer, CustomerReply, DeleteReply, Evaluation, Reminder, TicketRef, TicketStatus,
};

#[tokio::test]
async fn an_agent_reply_updates_the_ticket_and_shows_in_its_detail() {
    let sandbox = sandbox().await;
    let client = client(&sandbox);
    let id = client
        .tickets()
        .create_as_agent(&agent_ticket(&sandbox))
        .await
        .expect("created");
    let mut reply = reply_for(&sandbox, &id);
    reply.deal_agentid = Some(agent(&sandbox, 1).0);
    client
        .tickets()
        .reply_as_agent(&reply)
        .await
        .expect("replied");
    let detail = client.tickets().detail(&id).await.expect("detail");
    assert_eq!(detail.ticket_status, Some(TicketStatus::Resolved));
    assert_eq!(detail.deal_agentid, Some(agent(&sandbox, 1).0));
    assert_eq!(detail.deal_list.len(), 1);
    assert_eq!(
        detail.deal_list[0].reply_content.as_deref(),
        Some("Refunded, sorry for the trouble.")
    );
    assert!(detail.first_complete_datetime_ms.is_some());
    let log = detail.update_log_list.last().expect("a log entry");
    assert!(
        log.parsed_contents().is_some(),
        "update_contents is valid JSON here"
    );

    client
        .tickets()
        .reply_as_customer(&CustomerReply {
            ticketid: id.clone(),
            reply_content: "Thanks!".into(),
            file_str: None,
        })
        .await
        .expect("customer replied");
    let detail = client.tickets().detail(&id).await.expect("detail");
    assert_eq!(detail.deal_list.len(), 2);
    assert_eq!(detail.ticket_status, Some(TicketStatus::WaitingForReply));
}

#[tokio::test]
async fn a_stale_read_is_refused_with_400016() {
    let sandbox = sandbox().await;
    let client = client(&sandbox);
    let id = client
        .tickets()
        .create_as_agent(&agent_ticket(&sandbox))
        .await
        .expect("created");
    let mut reply = reply_for(&sandbox, &id);
    reply.read_at = Some(Utc::now() - TimeDelta::hours(1));
    assert_eq!(
        vendor_code(client.tickets().reply_as_agent(&reply).await),
        "400016"
    );
    let mut unknown = reply_for(&sandbox, "missing");
    unknown.read_at = None;
    assert_eq!(
        vendor_code(client.tickets().reply_as_agent(&unknown).await),
        "400020"
    );
    let mut bad_agent = reply_for(&sandbox, &id);
    bad_agent.reply_agentid = "ghost".into();
    assert_eq!(
        vendor_code(client.tickets().reply_as_agent(&bad_agent).await),
        "400007"
    );
    assert_eq!(
        vendor_code(
            client
                .tickets()
                .reply_as_customer(&CustomerReply {
                    ticketid: "missing".into(),
                    reply_content: "hi".into(),
                    file_str: None
                })
                .await
        ),
        "400020"
    );
}

#[tokio::test]
async fn deleting_a_reply_removes_it_and_an_unknown_reply_is_400021() {
    let sandbox = sandbox().await;
    let client = client(&sandbox);
    let (id, replyid) = sandbox.inspect(|w| {
        let t = w
            .tickets
            .tickets
            .iter()
            .find(|t| !t.detail.deal_list.is_empty())
            .expect("a replied ticket");
        (
            t.id().to_owned(),
            t.detail.deal_list[0].replyid.clone().expect("id"),
        )
    });
    let before = client
        .tickets()
        .detail(&id)
        .await
        .expect("detail")
        .deal_list
        .len();
    let request = DeleteReply {
        ticketid: id.clone(),
        replyid: replyid.clone(),
        agentid: None,
    };
    client
        .tickets()
        .delete_reply(&request)
        .await
        .expect("deleted");
    let after = client
        .tickets()
        .detail(&id)
        .await
        .expect("detail")
        .deal_list;
    assert_eq!(after.len(), before - 1);
    assert!(
        after
            .iter()
            .all(|r| r.replyid.as_deref() != Some(replyid.as_str()))
    );
    assert_eq!(
        vendor_code(client.tickets().delete_reply(&request).await),
        "400021"
    );
    let unknown_ticket = DeleteReply {
        ticketid: "missing".into(),
        replyid,
        agentid: None,
    };
    assert_eq!(
        vendor_code(client.tickets().delete_reply(&unknown_ticket).await),
        "400020"
    );
}

#[tokio::test]
async fn reminders_ratings_and_customer_changes_show_in_the_detail() {
    let sandbox = sandbox().await;
    let client = client(&sandbox);
    let (id, other_customer) = sandbox.inspect(|w| {
        (
            w.tickets.tickets[3].id().to_owned(),
            w.crm.customers[10].id().to_owned(),
        )
    });
    let (agent_id, _, _) = agent(&sandbox, 2);
    client
        .tickets()
        .remind(&Reminder::new(
            TicketRef::Id(id.clone()),
            &agent_id,
            "Customer called twice",
        ))
        .await
        .expect("reminded");
    assert_eq!(
        vendor_code(
            client
                .tickets()
                .remind(&Reminder::new(TicketRef::Code("1".into()), &agent_id, "x"))
                .await
        ),
        "400020"
    );
    assert_eq!(
        vendor_code(
            client
                .tickets()
                .remind(&Reminder::new(TicketRef::Id(id.clone()), "ghost", "x"))
                .await
        ),
        "400007"
    );
    client
        .tickets()
        .rate(&Evaluation {
            ticket_id: id.clone(),
            company_id: company(&sandbox),
            score: 4,
            remark: Some("不错 good".into()),
        })
        .await
        .expect("rated");
    client
        .tickets()
        .change_customer(&ChangeTicketCustomer::new(
            TicketRef::Id(id.clone()),
            &other_customer,
        ))
        .await
        .expect("re-bound");
    assert_eq!(
        vendor_code(
            client
                .tickets()
                .change_customer(&ChangeTicketCustomer::new(
                    TicketRef::Id(id.clone()),
                    "nobody"
                ))
                .await
        ),
        "400004"
    );
    let detail = client.tickets().detail(&id).await.expect("detail");
    assert_eq!(detail.score, Some(4));
    assert_eq!(detail.remark.as_deref(), Some("不错 good"));
    assert_eq!(detail.userid.as_deref(), Some(other_customer.as_str()));
    assert!(
        detail
            .update_log_list
            .iter()
            .any(|l| l.update_title.as_deref() == Some("催单"))
    );
    let token = token(&sandbox).await;
    let out_of_range = common::post(
        &sandbox,
        &token,
        &format!(
            "/api/ws/5/ticket/add_ticket_evaluation?ticketId={id}&companyId={}&score=9",
            company(&sandbox)
        ),
        "",
    )
    .await;
    assert_eq!(code(&out_of_range), "400004");
}
