//! Working on tickets against the Sobot sandbox: detail read fresh and marked seen, guarded
//! writes (status change, reply with an uploaded attachment, conflicts), reminders, reply
//! deletion, customer change, creation, and the audit log of every write.

use sandbox::{FaultKind, FaultRule};
use switchboard_core::profiles::VendorLanguage;
use switchboard_core::store::audit::{self, AuditOutcome};
use switchboard_core::store::seen::SeenState;
use switchboard_core::store::tickets::TicketFilter;
use switchboard_core::tickets::attachments::UploadState;
use switchboard_core::tickets::detail::TicketDetail;
use switchboard_core::tickets::{
    NewTicketInput, ReplyInput, TicketChange, TicketsError, WriteOutcome,
};

use crate::common;

type Setup = common::Synced;

impl Setup {
    fn audit(&self) -> Vec<audit::AuditEntry> {
        let store = self.workspaces.store("p1").expect("store");
        let db = store.lock().expect("lock");
        audit::recent(db.connection(), 100, None).expect("audit")
    }

    fn sandbox_status(&self, ticket_id: &str) -> Option<String> {
        self.sandbox.inspect(|world| {
            world
                .tickets
                .tickets
                .iter()
                .find(|t| t.id() == ticket_id)
                .and_then(|t| t.detail.ticket_status.as_ref().map(|s| s.code().to_owned()))
        })
    }
}

/// A profile on a fresh small sandbox, synced (tickets and reference data).
async fn setup() -> Setup {
    Setup::sobot(7, VendorLanguage::Zh, 7).await
}

/// Chooses the first agent of the connection as the one the user acts as.
fn act_as_first_agent(setup: &Setup) -> String {
    let desk = setup.desk();
    let agent = desk.agents("sobot").expect("agents").remove(0);
    desk.set_acting_agent("sobot", Some(&agent.id))
        .expect("acting agent");
    agent.id
}

fn done(outcome: WriteOutcome) -> TicketDetail {
    match outcome {
        WriteOutcome::Done(detail) => detail,
        WriteOutcome::Conflict(detail) => {
            panic!("unexpected conflict at {}", detail.ticket.ticket_id)
        }
    }
}

#[tokio::test]
async fn opening_a_ticket_reads_it_fresh_and_marks_it_seen() {
    let setup = setup().await;
    let first = setup.cached(TicketFilter::default()).remove(0);
    assert_eq!(first.seen, SeenState::Unseen);
    let detail = setup
        .desk()
        .detail("sobot", &first.ticket_id)
        .await
        .expect("detail");
    assert_eq!(detail.ticket.ticket_id, first.ticket_id);
    assert_eq!(detail.ticket.title, first.title);
    assert!(detail.customer.is_some(), "a sandbox ticket has a customer");
    let again = setup
        .cached(TicketFilter::default())
        .into_iter()
        .find(|row| row.ticket_id == first.ticket_id)
        .expect("still cached");
    assert_eq!(again.seen, SeenState::Seen);
}

#[tokio::test]
async fn a_status_change_reaches_the_vendor_and_is_audited() {
    let setup = setup().await;
    act_as_first_agent(&setup);
    let row = setup.cached(TicketFilter::default()).remove(0);
    let target = if row.status_code == "2" { "3" } else { "2" };
    let detail = done(
        setup
            .desk()
            .change(
                "sobot",
                &row.ticket_id,
                &TicketChange {
                    status: Some(target.into()),
                    ..Default::default()
                },
                Some(row.updated_at_ms),
            )
            .await
            .expect("changed"),
    );
    assert_eq!(detail.ticket.status_code, target);
    assert_eq!(
        setup.sandbox_status(&row.ticket_id).as_deref(),
        Some(target)
    );
    let entry = setup.audit().remove(0);
    assert_eq!(
        (entry.action.as_str(), entry.target.as_str(), &entry.outcome),
        ("ticket.change", row.ticket_id.as_str(), &AuditOutcome::Ok)
    );
    assert!(entry.summary.contains(target), "{}", entry.summary);
}

#[tokio::test]
async fn a_write_on_a_ticket_changed_since_it_was_seen_returns_the_conflict_and_writes_nothing() {
    let setup = setup().await;
    act_as_first_agent(&setup);
    let row = setup.cached(TicketFilter::default()).remove(0);
    let seen = setup
        .desk()
        .detail("sobot", &row.ticket_id)
        .await
        .expect("detail");
    tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    // Someone else changes it meanwhile.
    done(
        setup
            .desk()
            .reply(
                "sobot",
                &row.ticket_id,
                &ReplyInput {
                    content: "另一位坐席的回复".into(),
                    ..Default::default()
                },
                None,
            )
            .await
            .expect("other reply"),
    );
    let status_before = setup.sandbox_status(&row.ticket_id);
    let outcome = setup
        .desk()
        .change(
            "sobot",
            &row.ticket_id,
            &TicketChange {
                status: Some("99".into()),
                ..Default::default()
            },
            Some(seen.ticket.updated_at_ms),
        )
        .await
        .expect("answered");
    let WriteOutcome::Conflict(current) = outcome else {
        panic!("expected a conflict");
    };
    assert!(current.ticket.updated_at_ms > seen.ticket.updated_at_ms);
    assert!(
        current
            .replies
            .iter()
            .any(|r| r.html.contains("另一位坐席的回复"))
    );
    assert_eq!(
        setup.sandbox_status(&row.ticket_id),
        status_before,
        "nothing written"
    );
}

#[tokio::test]
async fn replying_without_an_acting_agent_asks_for_one() {
    let setup = setup().await;
    let row = setup.cached(TicketFilter::default()).remove(0);
    let err = setup
        .desk()
        .reply(
            "sobot",
            &row.ticket_id,
            &ReplyInput {
                content: "hello".into(),
                ..Default::default()
            },
            None,
        )
        .await
        .expect_err("needs an agent");
    assert!(
        matches!(err, TicketsError::ActingAgentRequired { .. }),
        "{err}"
    );
    let refused = setup
        .desk()
        .set_acting_agent("sobot", Some("no-such-agent"));
    assert!(matches!(refused, Err(TicketsError::Invalid { .. })));
}

#[tokio::test]
async fn a_reply_carries_an_uploaded_attachment_with_its_chinese_name() {
    let setup = setup().await;
    act_as_first_agent(&setup);
    let row = setup.cached(TicketFilter::default()).remove(0);
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("退款凭证.png");
    std::fs::write(&file, b"\x89PNG\r\n\x1a\nfake-image").expect("file");
    let refused = dir.path().join("tool.exe");
    std::fs::write(&refused, b"MZ").expect("file");
    let reported = std::sync::Mutex::new(Vec::new());
    let uploads = setup
        .desk()
        .upload("sobot", Some(&row.ticket_id), &[file, refused], &|p| {
            reported.lock().expect("lock").push(p)
        })
        .await
        .expect("uploaded");
    let UploadState::Uploaded { reference } = &uploads[0].state else {
        panic!("first file uploads: {:?}", uploads[0].state);
    };
    assert_eq!(uploads[0].name, "退款凭证.png");
    assert!(matches!(uploads[1].state, UploadState::Rejected { .. }));
    let reported = reported.lock().expect("lock").clone();
    assert_eq!(
        reported[0].state,
        UploadState::Uploading { sent: 0 },
        "announced before sending"
    );
    assert_eq!(reported[reported.len() - 2].state, uploads[0].state);
    assert_eq!(reported[reported.len() - 1].state, uploads[1].state);
    let detail = done(
        setup
            .desk()
            .reply(
                "sobot",
                &row.ticket_id,
                &ReplyInput {
                    content: "<p>请查看附件</p>".into(),
                    attachments: vec![reference.clone()],
                    ..Default::default()
                },
                Some(row.updated_at_ms),
            )
            .await
            .expect("replied"),
    );
    let reply = detail
        .replies
        .iter()
        .find(|r| r.html.contains("请查看附件"))
        .expect("reply in the conversation");
    assert_eq!(reply.attachments.len(), 1);
    assert_eq!(&reply.attachments[0].url, reference);
}

#[tokio::test]
async fn a_large_upload_reports_the_bytes_sent_as_it_goes() {
    let setup = setup().await;
    act_as_first_agent(&setup);
    let row = setup.cached(TicketFilter::default()).remove(0);
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("通话录音.mp3");
    let size = 1_000_000u64;
    std::fs::write(&file, vec![7u8; size as usize]).expect("file");
    let reported = std::sync::Mutex::new(Vec::new());
    let uploads = setup
        .desk()
        .upload("sobot", Some(&row.ticket_id), &[file], &|p| {
            reported.lock().expect("lock").push(p)
        })
        .await
        .expect("uploaded");
    assert!(matches!(uploads[0].state, UploadState::Uploaded { .. }));
    let sent: Vec<u64> = reported
        .lock()
        .expect("lock")
        .iter()
        .filter_map(|p| match p.state {
            UploadState::Uploading { sent } => Some(sent),
            _ => None,
        })
        .collect();
    assert_eq!(sent[0], 0);
    assert!(
        sent.iter().any(|&s| s > 0 && s <= size),
        "bytes reported while sending: {sent:?}"
    );
    assert!(sent.windows(2).all(|w| w[0] < w[1]), "{sent:?}");
    assert!(sent.len() <= 17, "at most every 64 KB: {sent:?}");
}

#[tokio::test]
async fn reminders_reply_deletion_and_customer_change_work_and_udesk_only_actions_are_refused() {
    let setup = setup().await;
    act_as_first_agent(&setup);
    let row = setup.cached(TicketFilter::default()).remove(0);
    let desk = setup.desk();
    desk.remind("sobot", &row.ticket_id, "请尽快处理")
        .await
        .expect("reminded");
    let detail = done(
        desk.reply(
            "sobot",
            &row.ticket_id,
            &ReplyInput {
                content: "to be deleted".into(),
                internal: true,
                ..Default::default()
            },
            None,
        )
        .await
        .expect("noted"),
    );
    let note = detail
        .replies
        .iter()
        .find(|r| r.html.contains("to be deleted"))
        .expect("note");
    assert!(note.internal);
    let after = desk
        .delete_reply(
            "sobot",
            &row.ticket_id,
            note.id.as_deref().expect("reply id"),
        )
        .await
        .expect("deleted");
    assert!(
        !after
            .replies
            .iter()
            .any(|r| r.html.contains("to be deleted"))
    );
    let other_customer = setup.sandbox.inspect(|world| {
        world
            .crm
            .customers
            .iter()
            .map(|c| c.id().to_owned())
            .find(|id| Some(id.as_str()) != after.customer.as_ref().and_then(|c| c.id.as_deref()))
            .expect("another customer")
    });
    let moved = done(
        desk.change_customer("sobot", &row.ticket_id, &other_customer, None)
            .await
            .expect("moved"),
    );
    assert_eq!(
        moved.customer.and_then(|c| c.id).as_deref(),
        Some(other_customer.as_str())
    );
    let refused = desk.delete("sobot", &row.ticket_id, None).await;
    assert!(matches!(refused, Err(TicketsError::Unsupported { .. })));
    let actions: Vec<String> = setup.audit().into_iter().map(|e| e.action).collect();
    for action in [
        "ticket.remind",
        "ticket.note",
        "ticket.delete_reply",
        "ticket.change_customer",
    ] {
        assert!(
            actions.iter().any(|a| a == action),
            "{action} audited: {actions:?}"
        );
    }
}

#[tokio::test]
async fn tickets_are_created_as_agent_and_on_a_customers_behalf() {
    let setup = setup().await;
    act_as_first_agent(&setup);
    let desk = setup.desk();
    // A leaf category whose template requires no field (the form would ask for the others), in a
    // fixed order so the test does not depend on hash order.
    let mut leaves: Vec<String> = setup
        .sandbox
        .inspect(|world| world.tickets.leaves.keys().cloned().collect());
    leaves.sort();
    let mut category = None;
    for leaf in leaves {
        let fields = desk
            .form_fields("sobot", Some(&leaf))
            .await
            .expect("fields");
        if !fields.iter().any(|f| f.required) {
            category = Some(leaf);
            break;
        }
    }
    let category = category.expect("a leaf category without required fields");
    let missing = desk
        .create(
            "sobot",
            &NewTicketInput {
                title: "无分类".into(),
                content: "x".into(),
                ..Default::default()
            },
        )
        .await;
    assert!(
        matches!(&missing, Err(TicketsError::Invalid { field, .. }) if field == "categoryId"),
        "{missing:?}"
    );
    let as_agent = desk
        .create(
            "sobot",
            &NewTicketInput {
                title: "Printer on fire 打印机冒烟".into(),
                content: "<p>Please help</p>".into(),
                category_id: Some(category.clone()),
                priority: Some("3".into()),
                ..Default::default()
            },
        )
        .await
        .expect("created as agent");
    let as_customer = desk
        .create(
            "sobot",
            &NewTicketInput {
                title: "Refund 退款".into(),
                content: "where is my refund".into(),
                as_customer: true,
                customer_email: Some("li.lei@example.cn".into()),
                category_id: Some(category),
                ..Default::default()
            },
        )
        .await
        .expect("created for the customer");
    let cached: Vec<String> = setup
        .cached(TicketFilter::default())
        .into_iter()
        .map(|r| r.ticket_id)
        .collect();
    assert!(cached.contains(&as_agent) && cached.contains(&as_customer));
    let detail = desk.detail("sobot", &as_agent).await.expect("detail");
    assert_eq!(detail.ticket.priority_code.as_deref(), Some("3"));
    let creates = setup
        .audit()
        .into_iter()
        .filter(|e| e.action == "ticket.create" && e.outcome == AuditOutcome::Ok)
        .count();
    assert_eq!(creates, 2);
}

#[tokio::test]
async fn a_vendor_refusal_is_audited_with_its_code() {
    let setup = setup().await;
    act_as_first_agent(&setup);
    let row = setup.cached(TicketFilter::default()).remove(0);
    setup.sandbox.add_fault(FaultRule::next(
        "/api/ws/5/ticket/save_ticket_reply",
        FaultKind::VendorCode {
            code: "400016".into(),
            message: None,
        },
        1,
    ));
    let err = setup
        .desk()
        .reply(
            "sobot",
            &row.ticket_id,
            &ReplyInput {
                content: "hello".into(),
                ..Default::default()
            },
            None,
        )
        .await
        .expect_err("refused");
    assert_eq!(err.vendor_code().as_deref(), Some("400016"));
    let entry = setup.audit().remove(0);
    assert!(
        matches!(&entry.outcome, AuditOutcome::Failed { code, .. } if code == "400016"),
        "{entry:?}"
    );
}
