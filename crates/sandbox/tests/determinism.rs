//! The same seed and the same requests give the same answers, IDs included.

use crate::common;

use common::{client, company, plain_leaf};
use sobot::ticket::{CustomerTicket, TicketSource};

async fn create_one(sandbox: &sandbox::Sandbox) -> (String, Option<String>) {
    let client = client(sandbox);
    let id = client
        .tickets()
        .create_as_customer(&CustomerTicket {
            companyid: company(sandbox),
            ticket_title: "Where is my parcel?".into(),
            ticket_content: "<p>Order ORD-9</p>".into(),
            ticket_typeid: plain_leaf(sandbox),
            ticket_from: TicketSource::Email,
            userid: None,
            partnerid: None,
            user_emails: None,
            user_tels: Some("+6590000000".into()),
            file_str: None,
            extend_fields: vec![],
            first_contact_type: None,
            first_contact_info: None,
        })
        .await
        .expect("created");
    let detail = client.tickets().detail(&id).await.expect("detail");
    (id, detail.userid)
}

#[tokio::test]
async fn two_sandboxes_with_one_seed_create_the_same_ids() {
    let a = common::sandbox().await;
    let b = common::sandbox().await;
    assert_eq!(create_one(&a).await, create_one(&b).await);
}

#[tokio::test]
async fn a_reset_replays_the_same_ids() {
    let sandbox = common::sandbox().await;
    let first = create_one(&sandbox).await;
    sandbox.reset();
    assert_eq!(create_one(&sandbox).await, first);
}
