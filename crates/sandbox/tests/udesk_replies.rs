//! The `udesk` client against the sandbox: replies, attachments, the survey, templates,
//! custom fields, filters, tickets in a filter and the export scroll.

use crate::common;

use common::vendors::{udesk, udesk_code};
use futures::TryStreamExt;
use udesk::tickets::{
    AgentReply, ContentFormat, CustomerReply, ExportCursor, FileUpload, FilterQuery, FilterScope,
    FunctionType, StatusName, SurveyVote, TicketKey, UserType,
};

/// A seeded ticket with a customer, and its first agent.
fn ticket_with_customer(sandbox: &sandbox::Sandbox) -> (String, String) {
    sandbox.inspect(|w| {
        let ticket = w
            .udesk
            .tickets
            .iter()
            .find(|t| t.customer_id.is_some() && t.satisfaction.is_none())
            .expect("a ticket with a customer");
        (ticket.id.to_string(), w.udesk.agents[0].id.to_string())
    })
}

fn agent_reply(ticket: &str, agent: &str, text: &str) -> AgentReply {
    AgentReply {
        ticket: TicketKey::id(ticket),
        agent_id: agent.into(),
        function_type: FunctionType::External,
        new_reply: text.into(),
        cc: vec![],
        cc_customer: vec![],
        attachment_ids: vec![],
    }
}

#[tokio::test]
async fn replies_with_an_uploaded_attachment_appear_in_the_reply_list() {
    let sandbox = common::sandbox().await;
    let client = udesk(&sandbox);
    let (ticket, agent) = ticket_with_customer(&sandbox);
    let file = FileUpload::new(ticket.clone(), "截图.png", b"\x89PNG-bytes".to_vec());
    let uploaded = client
        .tickets()
        .upload_file_for_reply(&file)
        .await
        .expect("uploaded");
    assert_eq!(uploaded.attachable_type.as_deref(), Some("Reply"));
    let mut reply = agent_reply(&ticket, &agent, "<p>已处理 Done</p>");
    reply.attachment_ids = uploaded.attachment_id.clone().into_iter().collect();
    reply.cc = vec!["someone@example.com".into()];
    let posted = client.tickets().agent_reply(&reply).await.expect("replied");
    assert_eq!(posted.data.attachments.len(), 1);
    let url = posted.data.attachments[0].url.clone().expect("url");
    let served = vendor_http::reqwest::get(url)
        .await
        .expect("served")
        .bytes()
        .await
        .expect("bytes");
    assert_eq!(&served[..], b"\x89PNG-bytes");
    let customer = client
        .tickets()
        .customer_reply(&CustomerReply {
            ticket: TicketKey::num(ticket.clone()),
            new_reply: "Thanks!".into(),
            content_type: ContentFormat::Text,
            attachment_ids: vec![],
        })
        .await
        .expect("customer replied");
    assert_eq!(
        customer.data.author.and_then(|a| a.user_type),
        Some(UserType::Customer)
    );
    let replies: Vec<_> = client
        .tickets()
        .replies(ticket.clone())
        .try_collect()
        .await
        .expect("replies");
    let last_two: Vec<_> = replies
        .iter()
        .rev()
        .take(2)
        .filter_map(|r| r.content.clone())
        .collect();
    assert_eq!(last_two, vec!["Thanks!", "<p>已处理 Done</p>"]);
    // The pending upload was used: a second reply naming it fails.
    let reused = client.tickets().agent_reply(&reply).await;
    assert_eq!(udesk_code(reused), 2000);
}

#[tokio::test]
async fn cleared_reply_uploads_cannot_be_attached_and_ticket_uploads_list_on_the_ticket() {
    let sandbox = common::sandbox().await;
    let client = udesk(&sandbox);
    let (ticket, agent) = ticket_with_customer(&sandbox);
    let file = FileUpload::new(ticket.clone(), "log.txt", b"trace".to_vec());
    let uploaded = client
        .tickets()
        .upload_file_for_reply(&file)
        .await
        .expect("uploaded");
    client
        .tickets()
        .delete_file_for_reply(&ticket)
        .await
        .expect("cleared");
    let mut reply = agent_reply(&ticket, &agent, "see attachment");
    reply.attachment_ids = uploaded.attachment_id.into_iter().collect();
    let error = client
        .tickets()
        .agent_reply(&reply)
        .await
        .expect_err("no pending file");
    assert!(
        matches!(
            error,
            udesk::Error::NotFound {
                field: Some("attachment_ids"),
                ..
            }
        ),
        "{error}"
    );
    let on_ticket = client.tickets().upload_file(&file).await.expect("attached");
    assert!(on_ticket.url.is_some());
    let detail = client
        .tickets()
        .detail(&TicketKey::id(ticket))
        .await
        .expect("detail");
    assert!(
        detail
            .attachments
            .iter()
            .any(|a| a.name.as_deref() == Some("log.txt"))
    );
    let missing = FileUpload::new("99999999", "a.txt", b"x".to_vec());
    assert_eq!(
        udesk_code(client.tickets().upload_file(&missing).await),
        2000
    );
}

#[tokio::test]
async fn reply_errors_name_the_agent_the_customer_and_the_cc_limits() {
    let sandbox = common::sandbox().await;
    let client = udesk(&sandbox);
    let (ticket, agent) = ticket_with_customer(&sandbox);
    let unknown_agent = client
        .tickets()
        .agent_reply(&agent_reply(&ticket, "999999", "x"))
        .await;
    assert!(matches!(
        unknown_agent,
        Err(udesk::Error::NotFound {
            field: Some("agent_id"),
            ..
        })
    ));
    let no_ticket = client
        .tickets()
        .agent_reply(&agent_reply("99999999", &agent, "x"))
        .await;
    assert_eq!(udesk_code(no_ticket), 2000);
    let bare = client
        .tickets()
        .create(&udesk::tickets::NewTicket::new("No customer", "x"))
        .await
        .expect("created");
    let orphan = client
        .tickets()
        .customer_reply(&CustomerReply {
            ticket: TicketKey::id(bare),
            new_reply: "hi".into(),
            content_type: ContentFormat::Html,
            attachment_ids: vec![],
        })
        .await
        .expect_err("no customer");
    assert!(
        orphan
            .vendor_message()
            .is_some_and(|m| m.contains("customer of the ticket"))
    );
}

#[tokio::test]
async fn a_ticket_can_be_rated_once_with_an_option_of_the_survey() {
    let sandbox = common::sandbox().await;
    let client = udesk(&sandbox);
    let survey = client.tickets().survey().await.expect("survey");
    assert_eq!(survey.enable, Some(true));
    let (ticket, _) = ticket_with_customer(&sandbox);
    let vote = |n: u32| SurveyVote {
        ticket_id: ticket.clone(),
        vote_number: n,
        vote_desc: Some("很好 great".into()),
    };
    assert_eq!(
        udesk_code(client.tickets().take_survey(&vote(99)).await),
        20573
    );
    client.tickets().take_survey(&vote(1)).await.expect("rated");
    let detail = client
        .tickets()
        .detail(&TicketKey::id(ticket.clone()))
        .await
        .expect("detail");
    assert_eq!(detail.satisfaction, survey.options[0].name);
    assert_eq!(
        udesk_code(client.tickets().take_survey(&vote(2)).await),
        20576
    );
}

#[tokio::test]
async fn templates_name_the_custom_fields_the_deprecated_list_describes() {
    let sandbox = common::sandbox().await;
    let client = udesk(&sandbox);
    let fields = client.tickets().custom_fields().await.expect("fields");
    let templates = client.tickets().templates().await.expect("templates");
    assert!(templates.len() >= 3);
    for template in &templates {
        for field in &template.custom_fields {
            assert!(fields.iter().any(|f| f.field_name == field.field_name));
        }
    }
    let select = fields
        .iter()
        .find(|f| f.field_name == "SelectField_1")
        .expect("select");
    assert_eq!(select.option_labels().len(), 4);
}

#[tokio::test]
async fn filters_select_tickets_and_the_export_scroll_returns_the_same_ones() {
    let sandbox = common::sandbox().await;
    let client = udesk(&sandbox);
    let filters: Vec<_> = client
        .tickets()
        .filters(FilterQuery::default())
        .try_collect()
        .await
        .expect("filters");
    assert!(filters.len() >= 6);
    let agent_filters = client
        .tickets()
        .filters_page(
            &FilterQuery {
                scope: Some(FilterScope::Agent),
                id: None,
            },
            1,
            50,
        )
        .await
        .expect("agent filters");
    assert!(
        agent_filters
            .filters
            .iter()
            .all(|f| f.permission_id.is_some())
    );
    let unsolved = filters[0].id.clone();
    let listed: Vec<_> = client
        .tickets()
        .tickets_in_filter(unsolved.clone())
        .try_collect()
        .await
        .expect("listed");
    assert!(!listed.is_empty());
    assert!(
        listed
            .iter()
            .all(|t| matches!(t.status_en, Some(StatusName::Open | StatusName::Solving)))
    );
    let all = filters[1].id.clone();
    let exported: Vec<_> = client
        .tickets()
        .export(all)
        .try_collect()
        .await
        .expect("exported");
    assert_eq!(exported.len(), sandbox.inspect(|w| w.udesk.tickets.len()));
    let first = client
        .tickets()
        .export_batch(&ExportCursor::Filter(unsolved))
        .await
        .expect("first batch");
    assert_eq!(
        first.total,
        Some(i64::try_from(listed.len()).expect("small"))
    );
    let unknown = client
        .tickets()
        .export_batch(&ExportCursor::Scroll("nope".into()))
        .await;
    assert_eq!(udesk_code(unknown), 2000);
    let missing = client
        .tickets()
        .tickets_in_filter_page("999999", 1, 20)
        .await;
    assert!(matches!(
        missing,
        Err(udesk::Error::NotFound {
            field: Some("filter_id"),
            ..
        })
    ));
}

#[tokio::test]
async fn export_with_both_a_filter_and_a_scroll_is_2062() {
    let sandbox = common::sandbox().await;
    let mut query = common::vendors::udesk_auth(&sandbox, common::vendors::unix_now(), "both-ids");
    query.push(("filter_id".into(), "1".into()));
    query.push(("scroll_id".into(), "abc".into()));
    let (_, answer) = common::vendors::udesk_get(&sandbox, "tickets/export", &query).await;
    assert_eq!(answer["code"], 2062);
}
