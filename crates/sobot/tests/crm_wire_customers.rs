//! CRM customer, assignment, stage and blacklist endpoints against a local stand-in: exact method,
//! path, query, headers and body.
#![allow(clippy::unwrap_used)]

use crate::common;

use common::*;
use futures::TryStreamExt;
use serde_json::json;
use sobot::crm::*;

fn dir(name: &str) -> String {
    format!("sobot-crm/{name}")
}

async fn serve(server: &wiremock::MockServer, verb: &str, route: &str, fixture_name: &str) {
    respond(server, verb, route, fixture(&dir(fixture_name))).await;
}

#[tokio::test]
async fn customer_writes_post_the_example_bodies() {
    let (server, client) = server_and_client().await;
    serve(
        &server,
        "POST",
        "/api/scrm/5/user/save",
        "crm_customer_create.response.json",
    )
    .await;
    serve(
        &server,
        "POST",
        "/api/scrm/5/user/update/6bbe358da6534bb190c22fe3e2278c48",
        "crm_customer_update.response.json",
    )
    .await;
    serve(
        &server,
        "POST",
        "/api/scrm/5/enterprise/save",
        "crm_enterprise_create.response.json",
    )
    .await;
    let crm = client.crm();

    let create = fixture(&dir("crm_customer_create.request.json"));
    let saved = crm
        .save_customer(&serde_json::from_value(create.clone()).unwrap())
        .await
        .unwrap();
    assert_eq!(saved.action, UpsertAction::Added);
    assert_eq!(saved.userid, "786e7ff2c3904c90bf1f19ea547d645c");
    assert_eq!(
        json_of(&only_request(&server, "/api/scrm/5/user/save").await),
        create
    );

    // 002:955-956: the path ID is authoritative and the body carries none.
    let mut update = fixture(&dir("crm_customer_update.request.json"));
    update.as_object_mut().unwrap().remove("id");
    crm.update_customer(
        "6bbe358da6534bb190c22fe3e2278c48",
        &serde_json::from_value(update.clone()).unwrap(),
    )
    .await
    .unwrap();
    let sent = only_request(
        &server,
        "/api/scrm/5/user/update/6bbe358da6534bb190c22fe3e2278c48",
    )
    .await;
    assert_eq!(sent.method.as_str(), "POST");
    assert_eq!(json_of(&sent), update);

    let enterprise = fixture(&dir("crm_enterprise_create.request.json"));
    let id = crm
        .create_enterprise(&serde_json::from_value(enterprise.clone()).unwrap())
        .await
        .unwrap();
    assert!(!id.is_empty());
    assert_eq!(
        json_of(&only_request(&server, "/api/scrm/5/enterprise/save").await),
        enterprise
    );
}

#[tokio::test]
async fn creating_a_customer_without_a_status_is_refused_before_sending() {
    let (server, client) = server_and_client().await;
    let customer = CustomerInput {
        nick: "n".into(),
        ..CustomerInput::default()
    };
    assert!(matches!(
        client.crm().save_customer(&customer).await,
        Err(sobot::Error::InvalidRequest(_))
    ));
    let following = CustomerInput {
        crm_status: Some(CrmStatus::FollowingUp),
        ..customer
    };
    assert!(matches!(
        client.crm().save_customer(&following).await,
        Err(sobot::Error::InvalidRequest(_))
    ));
    assert!(
        requests_to(&server, "/api/scrm/5/user/save")
            .await
            .is_empty()
    );
}

#[tokio::test]
async fn customer_detail_posts_the_example_body() {
    let (server, client) = server_and_client().await;
    serve(
        &server,
        "POST",
        "/api/scrm/5/user/detail",
        "crm_customer_detail.response.json",
    )
    .await;
    let example = fixture(&dir("crm_customer_detail.request.json"));
    let customer = client
        .crm()
        .customer(example["id"].as_str().unwrap())
        .await
        .unwrap();
    assert_eq!(customer.sex, Some(Sex::Male));
    assert_eq!(
        json_of(&only_request(&server, "/api/scrm/5/user/detail").await),
        example
    );
}

#[tokio::test]
async fn customer_list_sends_the_example_query_with_comma_joined_labels() {
    let (server, client) = server_and_client().await;
    serve(
        &server,
        "GET",
        "/api/scrm/5/user/list_by_page",
        "crm_customer_list.response.json",
    )
    .await;
    // The query of the example at 002:1132 (which wrongly uses -X POST; we send GET).
    let query = CustomerQuery {
        isblack: Some("0".into()),
        search_type: Some(CustomerSearchBy::from_code("tel")),
        search_value: Some("13234333434".into()),
        stageid: Some("fb642ab91666472bb81c3beb1889b2dc".into()),
        create_start_time: Some(1_625_138_677),
        create_end_time: Some(1_625_397_877),
        user_label: vec![
            "9693c1896bbc45779ac7a28485b0a854".into(),
            "201ff94ccfe242629b557042867a13ad".into(),
        ],
        module_type: Some(CustomerView::ToBeAssigned),
        ..CustomerQuery::default()
    };
    let page = client.crm().customers_page(&query, 1, 5).await.unwrap();
    assert_eq!(page.items.len(), 2);
    let sent = only_request(&server, "/api/scrm/5/user/list_by_page").await;
    assert_eq!(sent.method.as_str(), "GET");
    assert_eq!(
        query_of(&sent),
        pairs(&[
            ("page_size", "5"),
            ("page_no", "1"),
            ("isblack", "0"),
            ("search_type", "tel"),
            ("search_value", "13234333434"),
            ("stageid", "fb642ab91666472bb81c3beb1889b2dc"),
            ("create_start_time", "1625138677"),
            ("create_end_time", "1625397877"),
            (
                "user_label",
                "9693c1896bbc45779ac7a28485b0a854,201ff94ccfe242629b557042867a13ad"
            ),
            ("module_type", "3"),
        ])
    );
    assert_standard_headers(&sent, false);
}

#[tokio::test]
async fn customer_stream_reads_every_page_until_page_count() {
    use wiremock::matchers::{method, path, query_param};
    use wiremock::{Mock, ResponseTemplate};
    let (server, client) = server_and_client().await;
    for page in 1..=3 {
        Mock::given(method("GET"))
            .and(path("/api/scrm/5/user/list_by_page"))
            .and(query_param("page_no", page.to_string()))
            .respond_with(ResponseTemplate::new(200).set_body_json(json!({
                "items": [{"id": format!("c{page}"), "nick": "n"}],
                "page_count": 3, "total_count": 3, "page_size": 50,
                "ret_code": "000000", "ret_msg": "Success"
            })))
            .mount(&server)
            .await;
    }
    let all: Vec<Customer> = client
        .crm()
        .customers(CustomerQuery::default())
        .try_collect()
        .await
        .unwrap();
    let ids: Vec<_> = all.iter().map(|c| c.id.clone().unwrap()).collect();
    assert_eq!(ids, vec!["c1", "c2", "c3"]);
    assert_eq!(
        requests_to(&server, "/api/scrm/5/user/list_by_page")
            .await
            .len(),
        3
    );
}

#[tokio::test]
async fn behavior_timeline_sends_userid_group_and_pages() {
    let (server, client) = server_and_client().await;
    serve(
        &server,
        "GET",
        "/api/scrm/5/user_dynamic/list_by_page",
        "crm_customer_behavior_list.response.json",
    )
    .await;
    let entries: Vec<CustomerBehavior> = client
        .crm()
        .behavior(
            "13b79f884bc94011af91df4a46373d33",
            Some(BehaviorGroup::Service),
        )
        .try_collect()
        .await
        .unwrap();
    assert_eq!(entries.len(), 4);
    let sent = only_request(&server, "/api/scrm/5/user_dynamic/list_by_page").await;
    assert_eq!(
        query_of(&sent),
        pairs(&[
            ("userid", "13b79f884bc94011af91df4a46373d33"),
            ("biz_type", "groupService"),
            ("page_no", "1"),
            ("page_size", "100"),
        ])
    );
}

#[tokio::test]
async fn assignment_endpoints_post_the_example_bodies_to_the_documented_paths() {
    let (server, client) = server_and_client().await;
    serve(
        &server,
        "POST",
        "/api/scrm/5/public_user/assign",
        "crm_customer_assign.response.json",
    )
    .await;
    serve(
        &server,
        "POST",
        "/api/scrm/5/public_user/confirm",
        "crm_customer_pool_recycle.response.json",
    )
    .await;
    serve(
        &server,
        "POST",
        "/api/scrm/5/user/cus_distribute_records",
        "crm_assignment_records.response.json",
    )
    .await;
    serve(
        &server,
        "POST",
        "/api/scrm/5/user/cus_distribute_statistics",
        "crm_assignment_statistics.response.json",
    )
    .await;
    serve(
        &server,
        "POST",
        "/api/scrm/5/user_stage/record_save",
        "crm_followup_record_add.response.json",
    )
    .await;
    serve(
        &server,
        "POST",
        "/api/scrm/5/user_stage/stage_save",
        "crm_customer_stage_set.response.json",
    )
    .await;
    let crm = client.crm();

    // 002:1060, 1089 post to /label_group/draw; the documented paths are used.
    let assign = fixture(&dir("crm_customer_assign.request.json"));
    crm.assign(&serde_json::from_value(assign.clone()).unwrap())
        .await
        .unwrap();
    assert_eq!(
        json_of(&only_request(&server, "/api/scrm/5/public_user/assign").await),
        assign
    );

    let recycle = fixture(&dir("crm_customer_pool_recycle.request.json"));
    crm.recycle_to_pool(&serde_json::from_value(recycle.clone()).unwrap())
        .await
        .unwrap();
    assert_eq!(
        json_of(&only_request(&server, "/api/scrm/5/public_user/confirm").await),
        recycle
    );

    let records = fixture(&dir("crm_assignment_records.request.json"));
    let page = crm
        .assignment_records(&serde_json::from_value(records.clone()).unwrap())
        .await
        .unwrap();
    assert_eq!(page.items.len(), 1);
    assert_eq!(
        json_of(&only_request(&server, "/api/scrm/5/user/cus_distribute_records").await),
        records
    );

    let stats = fixture(&dir("crm_assignment_statistics.request.json"));
    let counts = crm
        .assignment_statistics(&serde_json::from_value(stats.clone()).unwrap())
        .await
        .unwrap();
    assert_eq!(counts.len(), 2);
    assert_eq!(
        json_of(&only_request(&server, "/api/scrm/5/user/cus_distribute_statistics").await),
        stats
    );

    let record = fixture(&dir("crm_followup_record_add.request.json"));
    crm.add_follow_up(&serde_json::from_value(record.clone()).unwrap())
        .await
        .unwrap();
    assert_eq!(
        json_of(&only_request(&server, "/api/scrm/5/user_stage/record_save").await),
        record
    );

    let stage = fixture(&dir("crm_customer_stage_set.request.json"));
    crm.set_stage(&serde_json::from_value(stage.clone()).unwrap())
        .await
        .unwrap();
    let sent = only_request(&server, "/api/scrm/5/user_stage/stage_save").await;
    assert_eq!(json_of(&sent), stage);
    assert_standard_headers(&sent, false);
}

#[tokio::test]
async fn blacklist_endpoints_send_the_example_query_and_bodies() {
    let (server, client) = server_and_client().await;
    serve(
        &server,
        "GET",
        "/api/scrm/5/user/query_black_list",
        "crm_blacklist_list.response.json",
    )
    .await;
    serve(
        &server,
        "POST",
        "/api/scrm/5/user/add_black_list",
        "crm_blacklist_add.response.json",
    )
    .await;
    serve(
        &server,
        "POST",
        "/api/scrm/5/user/remove_black_list",
        "crm_blacklist_remove.response.json",
    )
    .await;
    let crm = client.crm();

    // The query of the example at 002:2846.
    let query = BlacklistQuery {
        user_id: Some("17c6f373555141efaf3059a2ee4b9e0c".into()),
        black_type: Some(BlacklistDuration::Hours24),
        start_time: Some(1_710_345_600),
        end_time: Some(1_714_374_009),
    };
    let page = crm.blacklist_page(&query, 1, 15).await.unwrap();
    assert_eq!(page.items.len(), 3);
    let sent = only_request(&server, "/api/scrm/5/user/query_black_list").await;
    assert_eq!(sent.method.as_str(), "GET");
    assert_eq!(
        query_of(&sent),
        pairs(&[
            ("user_id", "17c6f373555141efaf3059a2ee4b9e0c"),
            ("black_type", "24"),
            ("start_time", "1710345600"),
            ("end_time", "1714374009"),
            ("page_no", "1"),
            ("page_size", "15"),
        ])
    );

    let add = fixture(&dir("crm_blacklist_add.request.json"));
    crm.add_to_blacklist(&serde_json::from_value(add.clone()).unwrap())
        .await
        .unwrap();
    assert_eq!(
        json_of(&only_request(&server, "/api/scrm/5/user/add_black_list").await),
        add
    );

    let remove = fixture(&dir("crm_blacklist_remove.request.json"));
    crm.remove_from_blacklist(remove["user_id"].as_str().unwrap())
        .await
        .unwrap();
    let sent = only_request(&server, "/api/scrm/5/user/remove_black_list").await;
    assert_eq!(json_of(&sent), remove);
    assert_standard_headers(&sent, false);
}
