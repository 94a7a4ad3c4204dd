//! Working on Udesk tickets against the sandbox: detail with replies and change logs, replies
//! with an uploaded attachment, field changes, deletion, creation, and what Udesk cannot do.

use sandbox::{Sandbox, SandboxConfig, Size};
use switchboard_core::store::ticket_rows;
use switchboard_core::store::tickets::TicketFilter;
use switchboard_core::tickets::attachments::UploadState;
use switchboard_core::tickets::{
    NewTicketInput, ReplyInput, TicketChange, TicketsError, WriteOutcome,
};

use crate::common;

type Setup = common::Synced;

impl Setup {
    /// A cached ticket that is not closed (Udesk refuses replies to closed tickets).
    fn open_ticket(&self) -> ticket_rows::TicketRow {
        self.cached(TicketFilter::default())
            .into_iter()
            .find(|row| row.status_code != "closed")
            .expect("an open ticket")
    }

    fn sandbox_ticket<R>(
        &self,
        id: &str,
        read: impl FnOnce(Option<&sandbox::state::udesk::UdeskTicket>) -> R,
    ) -> R {
        self.sandbox
            .inspect(|world| read(world.udesk.tickets.iter().find(|t| t.id.to_string() == id)))
    }
}

async fn setup() -> Setup {
    let sandbox = Sandbox::start(SandboxConfig::new(11, Size::Small))
        .await
        .expect("sandbox");
    let profile = common::udesk_profile(&sandbox);
    let setup = Setup::start(sandbox, profile, 3).await;
    let desk = setup.desk();
    let agent = desk.agents("udesk").expect("agents").remove(0);
    desk.set_acting_agent("udesk", Some(&agent.id))
        .expect("acting agent");
    setup
}

fn done(outcome: WriteOutcome) -> switchboard_core::tickets::detail::TicketDetail {
    match outcome {
        WriteOutcome::Done(detail) => detail,
        WriteOutcome::Conflict(detail) => {
            panic!("unexpected conflict on {}", detail.ticket.ticket_id)
        }
    }
}

#[tokio::test]
async fn a_udesk_ticket_opens_with_its_replies_and_history() {
    let setup = setup().await;
    let with_replies = setup.sandbox.inspect(|world| {
        world
            .udesk
            .tickets
            .iter()
            .find(|t| !t.replies.is_empty())
            .map(|t| (t.id.to_string(), t.replies.len()))
            .expect("a ticket with replies")
    });
    let detail = setup
        .desk()
        .detail("udesk", &with_replies.0)
        .await
        .expect("detail");
    assert_eq!(detail.replies.len(), with_replies.1);
    assert!(
        detail.replies.windows(2).all(|w| w[0].at_ms <= w[1].at_ms),
        "oldest first"
    );
}

#[tokio::test]
async fn a_reply_with_an_attachment_and_a_status_change_reach_udesk() {
    let setup = setup().await;
    let row = setup.open_ticket();
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("报价单.pdf");
    std::fs::write(&file, b"%PDF-1.4 quote").expect("file");
    let uploads = setup
        .desk()
        .upload("udesk", Some(&row.ticket_id), &[file], &|_| {})
        .await
        .expect("uploaded");
    let UploadState::Uploaded { reference } = &uploads[0].state else {
        panic!("uploaded: {:?}", uploads[0].state);
    };
    let detail = done(
        setup
            .desk()
            .reply(
                "udesk",
                &row.ticket_id,
                &ReplyInput {
                    content: "<p>已附上报价单</p>".into(),
                    attachments: vec![reference.clone()],
                    change: TicketChange {
                        status: Some("solving".into()),
                        priority: Some("2".into()),
                        ..Default::default()
                    },
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
        .find(|r| r.html.contains("已附上报价单"))
        .expect("reply");
    assert_eq!(reply.attachments.len(), 1);
    assert_eq!(reply.attachments[0].name, "报价单.pdf");
    let (status, priority) = setup.sandbox_ticket(&row.ticket_id, |t| {
        let t = t.expect("ticket");
        (t.status_id, t.priority_id)
    });
    assert_eq!((status, priority), (4, 2));
    assert_eq!(detail.ticket.status_code, "solving");
}

#[tokio::test]
async fn a_udesk_ticket_is_created_and_deleted_and_sobot_only_actions_are_refused() {
    let setup = setup().await;
    let desk = setup.desk();
    let id = desk
        .create(
            "udesk",
            &NewTicketInput {
                title: "发票抬头错误".into(),
                content: "请帮忙重开发票".into(),
                priority: Some("1".into()),
                ..Default::default()
            },
        )
        .await
        .expect("created");
    assert!(setup.sandbox_ticket(&id, |t| t.is_some()));
    let cached = setup.cached(TicketFilter {
        text: Some("发票抬头错误".into()),
        ..Default::default()
    });
    assert_eq!(cached.len(), 1);
    let remind = desk.remind("udesk", &id, "x").await;
    assert!(matches!(remind, Err(TicketsError::Unsupported { .. })));
    let attach_on_create = desk.upload("udesk", None, &[], &|_| {}).await;
    assert!(matches!(
        attach_on_create,
        Err(TicketsError::Unsupported { .. })
    ));
    let conflict = desk.delete("udesk", &id, None).await.expect("deleted");
    assert!(conflict.is_none());
    assert!(!setup.sandbox_ticket(&id, |t| t.is_some()));
    let cached = setup.cached(TicketFilter {
        text: Some("发票抬头错误".into()),
        ..Default::default()
    });
    assert!(cached.is_empty(), "a deleted ticket leaves the local store");
}
