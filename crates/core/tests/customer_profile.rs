//! A Sobot CRM customer's profile against the sandbox: the customer of a synced ticket opens,
//! sections Sobot refuses are named and the rest still shows, an unknown customer is a clear
//! vendor error, Udesk connections have no CRM, and the customer's tickets are read by customer
//! and survive the next sync.

use futures::StreamExt;
use sandbox::{FaultKind, FaultRule, Sandbox, SandboxConfig, Size};
use switchboard_core::connections::sobot_client;
use switchboard_core::crm::{CrmError, CustomerDesk, ProfileSection, TIMELINE_LIMIT};
use switchboard_core::profiles::VendorLanguage;
use switchboard_core::store::tickets::TicketFilter;
use switchboard_core::workspace::Workspaces;

use crate::common;

const TAGS_PATH: &str = "/api/scrm/5/label/userlabels";

async fn sandbox() -> Sandbox {
    Sandbox::start(SandboxConfig::new(11, Size::Small))
        .await
        .expect("sandbox")
}

type Setup = common::Synced;

impl Setup {
    async fn new() -> Self {
        Self::sobot(11, VendorLanguage::En, 7).await
    }

    fn customer_desk(&self) -> CustomerDesk<'_> {
        CustomerDesk::new(&self.workspaces, self.profile.clone(), self.secrets.clone())
    }

    /// The customer of the newest cached ticket, as its detail names it.
    async fn a_ticket_customer(&self) -> String {
        let newest = self.cached(TicketFilter::default()).remove(0);
        self.desk()
            .detail(&newest.connection_id, &newest.ticket_id)
            .await
            .expect("detail")
            .ticket
            .customer_id
            .expect("the ticket has a customer")
    }
}

#[tokio::test]
async fn the_customer_of_a_synced_ticket_opens_with_details_tags_and_newest_behaviour_first() {
    let setup = Setup::new().await;
    let customer_id = setup.a_ticket_customer().await;
    let conn = setup.profile.sobot.clone().expect("sobot connection");
    let client = sobot_client(&setup.profile.id, &conn, setup.secrets.clone()).expect("client");
    let expected = client.crm().customer(&customer_id).await.expect("detail");
    let expected_tags: Vec<String> = client
        .crm()
        .customer_tags(std::slice::from_ref(&customer_id))
        .await
        .expect("tags")
        .into_iter()
        .flat_map(|t| t.label_set)
        .filter_map(|t| t.name)
        .collect();
    let behaviour_count = client.crm().behavior(&customer_id, None).count().await;

    let shown = setup
        .customer_desk()
        .customer_profile("sobot", &customer_id)
        .await
        .expect("profile");

    assert_eq!(shown.id, customer_id);
    assert_eq!(shown.name, expected.uname.clone().or(expected.nick.clone()));
    assert_eq!(shown.phone, expected.tel.filter(|t| !t.is_empty()));
    assert_eq!(shown.tags, expected_tags);
    assert!(shown.unavailable.is_empty(), "{:?}", shown.unavailable);
    assert!(
        !shown.timeline.is_empty(),
        "every seeded customer has a creation event"
    );
    assert_eq!(
        shown.timeline.len(),
        behaviour_count.min(TIMELINE_LIMIT as usize)
    );
    assert_eq!(
        shown.timeline_truncated,
        behaviour_count > TIMELINE_LIMIT as usize
    );
    assert!(
        shown
            .timeline
            .windows(2)
            .all(|pair| pair[0].at_ms >= pair[1].at_ms),
        "newest first"
    );
}

#[tokio::test]
async fn a_section_sobot_refuses_is_named_with_its_code_and_the_rest_still_shows() {
    let setup = Setup::new().await;
    let customer_id = setup.a_ticket_customer().await;
    setup.sandbox.add_fault(FaultRule::next(
        TAGS_PATH,
        FaultKind::VendorCode {
            code: "999999".into(),
            message: None,
        },
        5,
    ));

    let shown = setup
        .customer_desk()
        .customer_profile("sobot", &customer_id)
        .await
        .expect("the profile still opens");

    assert!(shown.tags.is_empty());
    assert_eq!(shown.unavailable.len(), 1);
    assert_eq!(shown.unavailable[0].section, ProfileSection::Tags);
    assert_eq!(shown.unavailable[0].vendor_code.as_deref(), Some("999999"));
    assert!(!shown.timeline.is_empty());
}

#[tokio::test]
async fn an_unknown_customer_is_the_vendors_refusal_with_its_code() {
    let setup = Setup::new().await;
    let err = setup
        .customer_desk()
        .customer_profile("sobot", "0123456789abcdef0123456789abcdef")
        .await
        .expect_err("no such customer");
    assert_eq!(err.vendor_code().as_deref(), Some("400004"), "{err}");
}

#[tokio::test]
async fn udesk_connections_and_blank_ids_are_refused_before_any_call() {
    let sandbox = sandbox().await;
    let (profile, secrets) = common::udesk_profile(&sandbox);
    let dir = tempfile::tempdir().expect("temp dir");
    let workspaces = Workspaces::new(dir.path());
    let desk = CustomerDesk::new(&workspaces, profile, secrets);
    assert!(matches!(
        desk.customer_profile("udesk", "c1").await,
        Err(CrmError::UnknownConnection(id)) if id == "udesk"
    ));
    assert!(matches!(
        desk.customer_profile("udesk", "  ").await,
        Err(CrmError::Invalid {
            field: "customerId",
            ..
        })
    ));
}

#[tokio::test]
async fn a_customers_tickets_are_read_by_customer_and_kept_through_the_next_sync() {
    let setup = Setup::new().await;
    let customer_id = setup.a_ticket_customer().await;
    let by_customer = TicketFilter {
        customer_ids: vec![customer_id.clone()],
        ..TicketFilter::default()
    };

    let read = setup
        .customer_desk()
        .refresh_customer_tickets("sobot", &customer_id, 7)
        .await
        .expect("refreshed");

    let cached = setup.cached(by_customer.clone());
    assert!(read >= 1, "the ticket we started from is the customer's");
    assert_eq!(cached.len(), read);
    let others = setup.cached(TicketFilter::default()).len() - cached.len();
    assert!(others > 0, "other customers' tickets are not included");

    setup.sync(7).await;
    assert_eq!(
        setup.cached(by_customer).len(),
        read,
        "a sync keeps the customer ids"
    );
}
