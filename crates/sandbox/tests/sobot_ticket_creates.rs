//! Ticket creation, uploads and field options through the real `sobot` client: what they
//! change in later reads, and each documented error.

use crate::common;

use std::io::Write;

use common::builders::{agent_ticket, customer_ticket};
use common::{agent, around_now, client, code, company, plain_leaf, sandbox, token, vendor_code};
use futures::TryStreamExt;
use sobot::ticket::{
    AddFieldOptions, FieldValue, NewFieldOption, TicketFilter, TicketLevel, TicketSource,
    TicketStatus, TicketTime,
};

#[tokio::test]
async fn a_customer_ticket_appears_in_lists_and_creates_its_customer() {
    let sandbox = sandbox().await;
    let client = client(&sandbox);
    let before = sandbox.inspect(|w| w.crm.customers.len());
    let id = client
        .tickets()
        .create_as_customer(&customer_ticket(&company(&sandbox), &plain_leaf(&sandbox)))
        .await
        .expect("created");
    let detail = client.tickets().detail(&id).await.expect("detail");
    assert_eq!(detail.ticket_status, Some(TicketStatus::NotReceived));
    assert_eq!(
        detail.user_emails.as_deref(),
        Some("new.customer@example.com")
    );
    assert!(detail.ticket_code.as_deref().is_some_and(|c| c.len() == 14));
    assert_eq!(sandbox.inspect(|w| w.crm.customers.len()), before + 1);
    let listed: Vec<_> = client
        .tickets()
        .list(TicketTime::Created, around_now(), TicketFilter::default())
        .try_collect()
        .await
        .expect("listed");
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].ticketid.as_deref(), Some(id.as_str()));
    // The same e-mail finds the same customer the second time.
    client
        .tickets()
        .create_as_customer(&customer_ticket(&company(&sandbox), &plain_leaf(&sandbox)))
        .await
        .expect("second");
    assert_eq!(sandbox.inspect(|w| w.crm.customers.len()), before + 1);
}

#[tokio::test]
async fn a_customer_ticket_is_checked_for_category_company_and_fields() {
    let sandbox = sandbox().await;
    let client = client(&sandbox);
    let companyid = company(&sandbox);
    let mut no_category = customer_ticket(&companyid, "");
    no_category.ticket_typeid = " ".into();
    assert_eq!(
        vendor_code(client.tickets().create_as_customer(&no_category).await),
        "400008"
    );
    let not_leaf = sandbox.inspect(|w| w.tickets.categories[1].typeid.clone().expect("id"));
    assert_eq!(
        vendor_code(
            client
                .tickets()
                .create_as_customer(&customer_ticket(&companyid, &not_leaf))
                .await
        ),
        "400004"
    );
    let mut stranger = customer_ticket("another-company", &plain_leaf(&sandbox));
    stranger.companyid = "another-company".into();
    assert_eq!(
        vendor_code(client.tickets().create_as_customer(&stranger).await),
        "400004"
    );
    let mut alien_field = customer_ticket(&companyid, &plain_leaf(&sandbox));
    alien_field.extend_fields = vec![FieldValue {
        fieldid: "nope".into(),
        field_value: "1".into(),
    }];
    assert_eq!(
        vendor_code(client.tickets().create_as_customer(&alien_field).await),
        "400004"
    );
    let mut too_long = customer_ticket(&companyid, &plain_leaf(&sandbox));
    too_long.ticket_title = "x".repeat(101);
    assert_eq!(
        vendor_code(client.tickets().create_as_customer(&too_long).await),
        "400004"
    );
}

#[tokio::test]
async fn required_template_fields_and_region_codes_are_enforced() {
    let sandbox = sandbox().await;
    let client = client(&sandbox);
    let companyid = company(&sandbox);
    let (complaints, required, region_leaf, region) = sandbox.inspect(|w| {
        let required = w
            .tickets
            .fields
            .iter()
            .find(|f| f.fill_flag == Some(sobot::ticket::FillFlag::Required))
            .expect("a required field");
        let complaints = w
            .tickets
            .templates
            .iter()
            .find(|(_, fields)| fields.contains(required.fieldid.as_ref().expect("id")))
            .map(|(id, _)| id.clone())
            .expect("a template with it");
        let region = w
            .tickets
            .fields
            .iter()
            .find(|f| f.field_type == Some(sobot::ticket::FieldType::Region))
            .expect("a region field");
        let region_leaf = w
            .tickets
            .templates
            .iter()
            .filter(|(_, fields)| fields.contains(region.fieldid.as_ref().expect("id")))
            .map(|(id, _)| id.clone())
            .min()
            .expect("a template with it");
        (
            complaints,
            required.clone(),
            region_leaf,
            region.fieldid.clone().expect("id"),
        )
    });
    let missing = customer_ticket(&companyid, &complaints);
    assert_eq!(
        vendor_code(client.tickets().create_as_customer(&missing).await),
        "400004"
    );
    let mut complete = customer_ticket(&companyid, &complaints);
    complete.extend_fields = vec![FieldValue {
        fieldid: required.fieldid.clone().expect("id"),
        field_value: required.field_data_list[0]
            .data_value
            .clone()
            .expect("value"),
    }];
    let id = client
        .tickets()
        .create_as_customer(&complete)
        .await
        .expect("created");
    let detail = client.tickets().detail(&id).await.expect("detail");
    assert_eq!(
        detail.extend_fields_list[0].field_text,
        required.field_data_list[0].data_name
    );
    let mut bad_region = customer_ticket(&companyid, &region_leaf);
    bad_region.extend_fields = vec![FieldValue {
        fieldid: region.clone(),
        field_value: "10002,99999".into(),
    }];
    assert_eq!(
        vendor_code(client.tickets().create_as_customer(&bad_region).await),
        "400401"
    );
    let mut good_region = customer_ticket(&companyid, &region_leaf);
    good_region.extend_fields = vec![FieldValue {
        fieldid: region,
        field_value: "10002,10048,10501".into(),
    }];
    client
        .tickets()
        .create_as_customer(&good_region)
        .await
        .expect("valid region");
}

#[tokio::test]
async fn an_agent_ticket_is_assigned_and_checked() {
    let sandbox = sandbox().await;
    let client = client(&sandbox);
    let id = client
        .tickets()
        .create_as_agent(&agent_ticket(&sandbox))
        .await
        .expect("created");
    let detail = client.tickets().detail(&id).await.expect("detail");
    assert_eq!(detail.deal_agentid, Some(agent(&sandbox, 0).0));
    assert_eq!(detail.ticket_level, Some(TicketLevel::High));

    let mut unknown_agent = agent_ticket(&sandbox);
    unknown_agent.create_agentid = "ghost".into();
    assert_eq!(
        vendor_code(client.tickets().create_as_agent(&unknown_agent).await),
        "400007"
    );
    let mut blank_agent = agent_ticket(&sandbox);
    blank_agent.create_agentid = " ".into();
    assert_eq!(
        vendor_code(client.tickets().create_as_agent(&blank_agent).await),
        "400006"
    );
    let mut bad_status = agent_ticket(&sandbox);
    bad_status.ticket_status = TicketStatus::Custom("1072".into());
    assert_eq!(
        vendor_code(client.tickets().create_as_agent(&bad_status).await),
        "400314"
    );
    let mut custom_status = agent_ticket(&sandbox);
    custom_status.ticket_status = TicketStatus::Custom("1012".into());
    client
        .tickets()
        .create_as_agent(&custom_status)
        .await
        .expect("custom statuses are valid");
    let mut mismatch = agent_ticket(&sandbox);
    mismatch.deal_groupid = Some(agent(&sandbox, 1).2);
    assert_eq!(
        vendor_code(client.tickets().create_as_agent(&mismatch).await),
        "400013"
    );
    let mut no_source = agent_ticket(&sandbox);
    no_source.ticket_from = TicketSource::Other(String::new());
    assert_eq!(
        vendor_code(client.tickets().create_as_agent(&no_source).await),
        "400010"
    );
}

#[tokio::test]
async fn blank_status_and_level_get_their_own_codes() {
    let sandbox = sandbox().await;
    let token = token(&sandbox).await;
    let mut body = serde_json::to_value(agent_ticket(&sandbox)).expect("encodes");
    body["ticket_status"] = "".into();
    let answer = common::post(
        &sandbox,
        &token,
        "/api/ws/5/ticket/save_agent_ticket",
        &body.to_string(),
    )
    .await;
    assert_eq!(code(&answer), "400009");
    let mut body = serde_json::to_value(agent_ticket(&sandbox)).expect("encodes");
    body["ticket_level"] = serde_json::Value::Null;
    let answer = common::post(
        &sandbox,
        &token,
        "/api/ws/5/ticket/save_agent_ticket",
        &body.to_string(),
    )
    .await;
    assert_eq!(code(&answer), "400011");
    let answer = common::post(
        &sandbox,
        &token,
        "/api/ws/5/ticket/save_agent_ticket",
        "{not json",
    )
    .await;
    assert_eq!(code(&answer), "400004");
    let created = common::post(
        &sandbox,
        &token,
        "/api/ws/5/ticket/save_agent_ticket",
        &serde_json::to_string(&agent_ticket(&sandbox)).expect("encodes"),
    )
    .await;
    assert_eq!(created["items"], serde_json::json!([]));
    assert!(created["item"]["ticketid"].is_string());
}

#[tokio::test]
async fn uploads_return_a_url_that_serves_the_file_and_attach_to_tickets() {
    let sandbox = sandbox().await;
    let client = client(&sandbox);
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("报告 final.pdf");
    std::fs::File::create(&path)
        .and_then(|mut f| f.write_all(b"%PDF-1.4 sandbox"))
        .expect("written");
    let url = client
        .tickets()
        .upload_as_agent(&path, Some("k1"))
        .await
        .expect("uploaded");
    let served = vendor_http::reqwest::get(&url)
        .await
        .expect("served")
        .bytes()
        .await
        .expect("bytes");
    assert_eq!(&served[..], b"%PDF-1.4 sandbox");
    let customer_url = client
        .tickets()
        .upload_as_customer(&path, None)
        .await
        .expect("uploaded");
    let mut ticket = agent_ticket(&sandbox);
    ticket.file_str = Some(sobot::ticket::join_file_urls(&[&url, &customer_url]));
    let id = client
        .tickets()
        .create_as_agent(&ticket)
        .await
        .expect("created");
    let detail = client.tickets().detail(&id).await.expect("detail");
    assert_eq!(detail.file_list.len(), 2);
    assert_eq!(detail.file_list[0].file_type.as_deref(), Some("pdf"));
    let token = token(&sandbox).await;
    let not_multipart = common::post(&sandbox, &token, "/api/ws/5/ticket/upload_file", "{}").await;
    assert_eq!(code(&not_multipart), "400004");
}

#[tokio::test]
async fn options_added_to_a_selection_field_are_listed_and_duplicates_refused() {
    let sandbox = sandbox().await;
    let client = client(&sandbox);
    let (agent_id, agent_name, _) = agent(&sandbox, 0);
    let (dropdown, text_field) = sandbox.inspect(|w| {
        let find = |kind: &str| {
            w.tickets
                .fields
                .iter()
                .find(|f| f.field_type.as_ref().map(|t| t.code()) == Some(kind))
                .and_then(|f| f.fieldid.clone())
                .expect("a field")
        };
        (find("6"), find("1"))
    });
    let request = AddFieldOptions {
        fieldid: dropdown.clone(),
        field_data_value: vec![NewFieldOption {
            field_value: "900001".into(),
            field_text: "抖音 Douyin".into(),
        }],
        agentid: agent_id.clone(),
        agent_name: agent_name.clone(),
    };
    client
        .tickets()
        .add_field_options(&request)
        .await
        .expect("added");
    let fields = client.tickets().custom_fields().await.expect("fields");
    let field = fields
        .iter()
        .find(|f| f.fieldid.as_deref() == Some(dropdown.as_str()))
        .expect("listed");
    assert!(
        field
            .field_data_list
            .iter()
            .any(|o| o.data_name.as_deref() == Some("抖音 Douyin"))
    );
    assert_eq!(
        vendor_code(client.tickets().add_field_options(&request).await),
        "400308"
    );
    let wrong_kind = AddFieldOptions {
        fieldid: text_field,
        ..request.clone()
    };
    assert_eq!(
        vendor_code(client.tickets().add_field_options(&wrong_kind).await),
        "400004"
    );
    let ghost = AddFieldOptions {
        agentid: "ghost".into(),
        ..request
    };
    assert_eq!(
        vendor_code(client.tickets().add_field_options(&ghost).await),
        "400007"
    );
}
