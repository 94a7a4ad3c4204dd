//! CRM reference data, tag and tag-group endpoints against a local stand-in: exact method, path,
//! query, headers and body.
#![allow(clippy::unwrap_used)]

use crate::common;

use common::*;
use futures::TryStreamExt;
use serde_json::json;
use sobot::Language;
use sobot::crm::*;

fn dir(name: &str) -> String {
    format!("sobot-crm/{name}")
}

async fn serve(server: &wiremock::MockServer, verb: &str, route: &str, fixture_name: &str) {
    respond(server, verb, route, fixture(&dir(fixture_name))).await;
}

#[tokio::test]
async fn localized_reference_lists_send_the_language_query() {
    let (server, client) = server_and_client().await;
    serve(
        &server,
        "GET",
        "/api/scrm/5/user/get_timezone",
        "crm_timezone_list.response.json",
    )
    .await;
    serve(
        &server,
        "GET",
        "/api/scrm/5/user/get_language",
        "crm_language_list.response.json",
    )
    .await;
    serve(
        &server,
        "GET",
        "/api/scrm/5/user/get_country",
        "crm_country_list.response.json",
    )
    .await;
    let crm = client.crm();
    assert!(!crm.timezones(Language::Chinese).await.unwrap().is_empty());
    assert!(!crm.languages(Language::English).await.unwrap().is_empty());
    assert!(!crm.countries(Language::English).await.unwrap().is_empty());
    let sent = only_request(&server, "/api/scrm/5/user/get_timezone").await;
    assert_eq!(sent.method.as_str(), "GET");
    assert_eq!(query_of(&sent), pairs(&[("language", "zh")]));
    assert_standard_headers(&sent, false);
    for route in [
        "/api/scrm/5/user/get_language",
        "/api/scrm/5/user/get_country",
    ] {
        let sent = only_request(&server, route).await;
        assert_eq!(query_of(&sent), pairs(&[("language", "en")]));
    }
}

#[tokio::test]
async fn plain_reference_reads_send_no_query_and_no_body() {
    let (server, client) = server_and_client().await;
    let routes = [
        (
            "/api/scrm/5/user_dynamic/getsource",
            "crm_customer_source_list.response.json",
        ),
        ("/api/scrm/5/user/user_list", "crm_agent_list.response.json"),
        (
            "/api/scrm/5/user_dynamic/provice",
            "crm_province_list.response.json",
        ),
        (
            "/api/scrm/5/user_dynamic/city/130000",
            "crm_city_list.response.json",
        ),
        (
            "/api/scrm/5/user_dynamic/area/130300",
            "crm_district_list.response.json",
        ),
        (
            "/api/scrm/5/custom_field/custom_fieid_info_list",
            "crm_customer_custom_field_list.response.json",
        ),
        (
            "/api/scrm/5/custom_field/get_vip_level_data_list",
            "crm_customer_level_list.response.json",
        ),
        (
            "/api/scrm/5/enterprise/query_custom_field_list",
            "crm_enterprise_custom_field_list.response.json",
        ),
        (
            "/api/scrm/5/user_stage/query_list_by_type",
            "crm_followup_stage_list.response.json",
        ),
    ];
    for (route, name) in routes {
        serve(&server, "GET", route, name).await;
    }
    let crm = client.crm();
    assert_eq!(crm.customer_sources().await.unwrap().len(), 15);
    assert_eq!(crm.org_tree().await.unwrap()[0].sub_list.len(), 1);
    assert!(!crm.provinces().await.unwrap().is_empty());
    assert!(!crm.cities("130000").await.unwrap().is_empty());
    assert!(!crm.districts("130300").await.unwrap().is_empty());
    assert!(!crm.customer_fields().await.unwrap().is_empty());
    assert!(!crm.vip_levels().await.unwrap().is_empty());
    assert!(!crm.enterprise_fields().await.unwrap().is_empty());
    assert!(!crm.follow_up_stages().await.unwrap().is_empty());
    for (route, _) in routes {
        let sent = only_request(&server, route).await;
        assert_eq!(sent.method.as_str(), "GET", "{route}");
        assert!(query_of(&sent).is_empty(), "{route}");
        // 002:2115, 2192, 2254, 2334 attach a stray tag-group body to GETs; none is sent.
        assert!(sent.body.is_empty(), "{route}");
        assert_standard_headers(&sent, false);
    }
}

#[tokio::test]
async fn multilingual_detail_posts_the_example_body() {
    let (server, client) = server_and_client().await;
    serve(
        &server,
        "POST",
        "/api/scrm/5/user/get_multilingual_content_detail",
        "crm_multilingual_content_detail.response.json",
    )
    .await;
    let example = fixture(&dir("crm_multilingual_content_detail.request.json"));
    let query: MultilingualQuery = serde_json::from_value(example.clone()).unwrap();
    let content = client.crm().multilingual_content(&query).await.unwrap();
    assert_eq!(content.lang_list.len(), 2);
    let sent = only_request(&server, "/api/scrm/5/user/get_multilingual_content_detail").await;
    assert_eq!(sent.method.as_str(), "POST");
    assert_eq!(json_of(&sent), example);
    assert_standard_headers(&sent, false);
}

#[tokio::test]
async fn tag_group_endpoints_send_documented_paths_and_bodies() {
    let (server, client) = server_and_client().await;
    serve(
        &server,
        "POST",
        "/api/scrm/5/label_group/save",
        "crm_tag_group_create.response.json",
    )
    .await;
    serve(
        &server,
        "POST",
        "/api/scrm/5/label_group/update",
        "crm_tag_group_update.response.json",
    )
    .await;
    serve(
        &server,
        "GET",
        "/api/scrm/5/label_group/list",
        "crm_tag_group_list.response.json",
    )
    .await;
    serve(
        &server,
        "GET",
        "/api/scrm/5/label_group/remove/221542acc9cb4e259530719eb1de21c2",
        "crm_tag_group_delete.response.json",
    )
    .await;
    let crm = client.crm();

    let create = fixture(&dir("crm_tag_group_create.request.json"));
    let id = crm
        .create_tag_group(&serde_json::from_value(create.clone()).unwrap())
        .await
        .unwrap();
    assert_eq!(id, "221542acc9cb4e259530719eb1de21c2");
    assert_eq!(
        json_of(&only_request(&server, "/api/scrm/5/label_group/save").await),
        create
    );

    let update = fixture(&dir("crm_tag_group_update.request.json"));
    crm.update_tag_group(&serde_json::from_value(update.clone()).unwrap())
        .await
        .unwrap();
    assert_eq!(
        json_of(&only_request(&server, "/api/scrm/5/label_group/update").await),
        update
    );

    let page = crm.tag_groups_page(1, 100).await.unwrap();
    assert_eq!(page.items.len(), 2);
    let sent = only_request(&server, "/api/scrm/5/label_group/list").await;
    assert_eq!(
        query_of(&sent),
        pairs(&[("page_no", "1"), ("page_size", "100")])
    );

    crm.delete_tag_group("221542acc9cb4e259530719eb1de21c2")
        .await
        .unwrap();
    let sent = only_request(
        &server,
        "/api/scrm/5/label_group/remove/221542acc9cb4e259530719eb1de21c2",
    )
    .await;
    assert_eq!(sent.method.as_str(), "GET");
    assert!(sent.body.is_empty());
    assert_standard_headers(&sent, false);
}

#[tokio::test]
async fn tag_endpoints_send_documented_paths_and_bodies() {
    let (server, client) = server_and_client().await;
    serve(
        &server,
        "POST",
        "/api/scrm/5/label/save",
        "crm_tag_create.response.json",
    )
    .await;
    serve(
        &server,
        "POST",
        "/api/scrm/5/label/update",
        "crm_tag_update.response.json",
    )
    .await;
    serve(
        &server,
        "GET",
        "/api/scrm/5/label/list",
        "crm_tag_list.response.json",
    )
    .await;
    serve(
        &server,
        "GET",
        "/api/scrm/5/label/remove/f72aa19d0ecd414eaa4863cc9d4c4a1d",
        "crm_tag_delete.response.json",
    )
    .await;
    let crm = client.crm();

    let tag: NewTag = serde_json::from_value(fixture(&dir("crm_tag_create.request.json"))).unwrap();
    crm.create_tag(&tag).await.unwrap();
    // 002:514 vs 002:518: the table's `groupid` and the example's `groupId` are both sent.
    assert_eq!(
        json_of(&only_request(&server, "/api/scrm/5/label/save").await),
        json!({"name": "test", "groupid": "46a2cd4c9321452eaadc1d0892ca58cd", "groupId": "46a2cd4c9321452eaadc1d0892ca58cd"})
    );

    let update = fixture(&dir("crm_tag_update.request.json"));
    crm.update_tag(&serde_json::from_value(update.clone()).unwrap())
        .await
        .unwrap();
    assert_eq!(
        json_of(&only_request(&server, "/api/scrm/5/label/update").await),
        update
    );

    let tags: Vec<Tag> = crm
        .tags("8b7b3cede2c34c81a61001431fcd4529")
        .try_collect()
        .await
        .unwrap();
    assert_eq!(tags.len(), 1);
    let sent = only_request(&server, "/api/scrm/5/label/list").await;
    assert_eq!(
        query_of(&sent),
        pairs(&[
            ("groupid", "8b7b3cede2c34c81a61001431fcd4529"),
            ("page_no", "1"),
            ("page_size", "100")
        ])
    );

    crm.delete_tag("f72aa19d0ecd414eaa4863cc9d4c4a1d")
        .await
        .unwrap();
    only_request(
        &server,
        "/api/scrm/5/label/remove/f72aa19d0ecd414eaa4863cc9d4c4a1d",
    )
    .await;
}

#[tokio::test]
async fn customer_tag_endpoints_send_bare_arrays_and_path_ids() {
    let (server, client) = server_and_client().await;
    serve(
        &server,
        "POST",
        "/api/scrm/5/label/userlabels",
        "crm_customer_tags_batch_get.response.json",
    )
    .await;
    serve(
        &server,
        "POST",
        "/api/scrm/5/label/update_userlabel/aead252a1e754e4f9eb1b6b7bf3ae7f7",
        "crm_customer_tags_set.response.json",
    )
    .await;
    serve(
        &server,
        "POST",
        "/api/scrm/5/label/update_biz_label",
        "crm_biz_tag_apply.response.json",
    )
    .await;
    let crm = client.crm();

    let ids = fixture(&dir("crm_customer_tags_batch_get.request.json"));
    let list: Vec<String> = serde_json::from_value(ids.clone()).unwrap();
    let tags = crm.customer_tags(&list).await.unwrap();
    assert_eq!(tags[0].label_set.len(), 2);
    assert_eq!(
        json_of(&only_request(&server, "/api/scrm/5/label/userlabels").await),
        ids
    );

    let set = fixture(&dir("crm_customer_tags_set.request.json"));
    let refs: Vec<TagRef> = serde_json::from_value(set.clone()).unwrap();
    crm.set_customer_tags("aead252a1e754e4f9eb1b6b7bf3ae7f7", &refs)
        .await
        .unwrap();
    let sent = only_request(
        &server,
        "/api/scrm/5/label/update_userlabel/aead252a1e754e4f9eb1b6b7bf3ae7f7",
    )
    .await;
    assert_eq!(json_of(&sent), set);

    let apply = fixture(&dir("crm_biz_tag_apply.request.json"));
    crm.change_tags(&serde_json::from_value(apply.clone()).unwrap())
        .await
        .unwrap();
    assert_eq!(
        json_of(&only_request(&server, "/api/scrm/5/label/update_biz_label").await),
        apply
    );
    let nothing = TagChanges {
        userid: Some("u".into()),
        ..TagChanges::default()
    };
    assert!(matches!(
        crm.change_tags(&nothing).await,
        Err(sobot::Error::InvalidRequest(_))
    ));
}

#[tokio::test]
async fn path_ids_are_percent_encoded() {
    let (server, client) = server_and_client().await;
    respond(
        &server,
        "GET",
        "/api/scrm/5/user_dynamic/city/a%2Fb",
        json!({"items": [], "ret_code": "000000"}),
    )
    .await;
    client.crm().cities("a/b").await.unwrap();
    assert_eq!(
        requests_to(&server, "/api/scrm/5/user_dynamic/city/a%2Fb")
            .await
            .len(),
        1
    );
}

#[tokio::test]
async fn tag_business_codes_surface_with_their_message() {
    let (server, client) = server_and_client().await;
    respond(
        &server,
        "POST",
        "/api/scrm/5/label_group/save",
        json!({"ret_code": "510002", "ret_msg": "标签组名称已存在"}),
    )
    .await;
    let group = NewTagGroup {
        name: "dup".into(),
        color_value: "#345454".into(),
        is_multiple_choice: 1,
        label_list: vec![],
    };
    let error = client.crm().create_tag_group(&group).await.unwrap_err();
    assert_eq!(error.vendor_code(), Some("510002"));
    assert_eq!(error.vendor_message(), Some("标签组名称已存在"));
}
