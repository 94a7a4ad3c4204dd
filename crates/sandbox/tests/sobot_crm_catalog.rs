//! CRM reference data, tag groups, tags and customer tags through the real `sobot` client,
//! with their documented errors.

use crate::common;

use common::{client, code, sandbox, token, vendor_code};
use futures::TryStreamExt;
use sobot::Language;
use sobot::crm::{
    CustomerQuery, MultilingualQuery, NewTag, NewTagGroup, NewTagName, TagChanges, TagGroupUpdate,
    TagRef, TagUpdate,
};

#[tokio::test]
async fn reference_lists_decode_and_follow_the_language_parameter() {
    let sandbox = sandbox().await;
    let client = client(&sandbox);
    let crm = client.crm();
    let english = crm.countries(Language::English).await.expect("countries");
    let chinese = crm.countries(Language::Chinese).await.expect("countries");
    assert_eq!(english[0].country_name.as_deref(), Some("China"));
    assert_eq!(chinese[0].country_name.as_deref(), Some("中国"));
    assert!(
        !crm.timezones(Language::English)
            .await
            .expect("zones")
            .is_empty()
    );
    assert!(
        crm.languages(Language::English)
            .await
            .expect("languages")
            .iter()
            .any(|l| l.language_code.as_deref() == Some("zh"))
    );
    assert_eq!(crm.customer_sources().await.expect("sources").len(), 15);
    let tree = crm.org_tree().await.expect("org tree");
    assert_eq!(tree.len(), 1);
    let provinces = crm.provinces().await.expect("provinces");
    let guangdong = provinces
        .iter()
        .find(|p| p.province_name.as_deref() == Some("广东省"))
        .expect("广东");
    let cities = crm
        .cities(guangdong.provinceid.as_deref().expect("id"))
        .await
        .expect("cities");
    assert_eq!(cities.len(), 2);
    let districts = crm
        .districts(cities[1].cityid.as_deref().expect("id"))
        .await
        .expect("districts");
    assert!(!districts.is_empty());
    assert!(!crm.customer_fields().await.expect("fields").is_empty());
    assert_eq!(crm.vip_levels().await.expect("levels").len(), 4);
    assert!(
        crm.enterprise_fields()
            .await
            .expect("fields")
            .iter()
            .all(|f| f.field_params.is_some())
    );
    let content = crm
        .multilingual_content(&MultilingualQuery {
            placeholder: "{dc_welcome}".into(),
            lang_type: vec!["en".into()],
            rich_text_flag: None,
        })
        .await
        .expect("content");
    assert_eq!(content.lang_list.len(), 1);
    assert_eq!(
        content.lang_list[0].lang_value.as_deref(),
        Some("Hello, how can we help?")
    );
    let unknown = crm
        .multilingual_content(&MultilingualQuery {
            placeholder: "{nope}".into(),
            lang_type: vec![],
            rich_text_flag: None,
        })
        .await;
    assert_eq!(vendor_code(unknown), "400004");
    let token = token(&sandbox).await;
    let without_language = common::get(&sandbox, &token, "/api/scrm/5/user/get_country", &[]).await;
    assert_eq!(code(&without_language), "400004");
}

#[tokio::test]
async fn tag_groups_and_tags_can_be_created_renamed_listed_and_removed() {
    let sandbox = sandbox().await;
    let client = client(&sandbox);
    let crm = client.crm();
    let group = crm
        .create_tag_group(&NewTagGroup {
            name: "会员等级 Tier".into(),
            color_value: "#123456".into(),
            is_multiple_choice: 0,
            label_list: vec![
                NewTagName {
                    name: "金 Gold".into(),
                },
                NewTagName {
                    name: "银 Silver".into(),
                },
            ],
        })
        .await
        .expect("group");
    let duplicate = crm
        .create_tag_group(&NewTagGroup {
            name: "会员等级 Tier".into(),
            color_value: "#000000".into(),
            is_multiple_choice: 1,
            label_list: vec![],
        })
        .await;
    assert_eq!(vendor_code(duplicate), "510002");
    let long = crm
        .create_tag_group(&NewTagGroup {
            name: "x".repeat(31),
            color_value: "#000000".into(),
            is_multiple_choice: 1,
            label_list: vec![],
        })
        .await;
    assert_eq!(vendor_code(long), "510007");
    let blank = crm
        .create_tag_group(&NewTagGroup {
            name: " ".into(),
            color_value: "#000000".into(),
            is_multiple_choice: 1,
            label_list: vec![],
        })
        .await;
    assert_eq!(vendor_code(blank), "510005");
    crm.update_tag_group(&TagGroupUpdate {
        id: group.clone(),
        name: "会员 Tier".into(),
        color_value: None,
        is_multiple_choice: None,
    })
    .await
    .expect("renamed");
    assert_eq!(
        vendor_code(
            crm.update_tag_group(&TagGroupUpdate {
                id: "nope".into(),
                name: "n".into(),
                color_value: None,
                is_multiple_choice: None
            })
            .await
        ),
        "510001"
    );
    crm.create_tag(&NewTag {
        name: "铜 Bronze".into(),
        groupid: group.clone(),
        param_name: Some("bronze".into()),
    })
    .await
    .expect("tag");
    assert_eq!(
        vendor_code(
            crm.create_tag(&NewTag {
                name: "铜 Bronze".into(),
                groupid: group.clone(),
                param_name: None
            })
            .await
        ),
        "510003"
    );
    assert_eq!(
        vendor_code(
            crm.create_tag(&NewTag {
                name: "Other".into(),
                groupid: group.clone(),
                param_name: Some("bronze".into())
            })
            .await
        ),
        "510004"
    );
    assert_eq!(
        vendor_code(
            crm.create_tag(&NewTag {
                name: " ".into(),
                groupid: group.clone(),
                param_name: None
            })
            .await
        ),
        "510006"
    );
    assert_eq!(
        vendor_code(
            crm.create_tag(&NewTag {
                name: "x".into(),
                groupid: "nope".into(),
                param_name: None
            })
            .await
        ),
        "510001"
    );
    let tags: Vec<_> = crm.tags(&group).try_collect().await.expect("tags");
    assert_eq!(tags.len(), 3);
    let bronze = tags
        .iter()
        .find(|t| t.param_name.as_deref() == Some("bronze"))
        .and_then(|t| t.id.clone())
        .expect("bronze");
    crm.update_tag(&TagUpdate {
        id: bronze.clone(),
        name: "铜牌 Bronze".into(),
        param_name: None,
    })
    .await
    .expect("renamed");
    assert_eq!(
        vendor_code(
            crm.update_tag(&TagUpdate {
                id: "nope".into(),
                name: "n".into(),
                param_name: None
            })
            .await
        ),
        "510004"
    );
    crm.delete_tag(&bronze).await.expect("deleted");
    assert_eq!(vendor_code(crm.delete_tag(&bronze).await), "510004");
    let groups: Vec<_> = crm.tag_groups().try_collect().await.expect("groups");
    assert!(
        groups
            .iter()
            .any(|g| g.name.as_deref() == Some("会员 Tier"))
    );
    crm.delete_tag_group(&group).await.expect("group deleted");
    assert_eq!(vendor_code(crm.tags_page(&group, 1, 100).await), "510001");
    assert_eq!(vendor_code(crm.delete_tag_group(&group).await), "510001");
}

#[tokio::test]
async fn customer_tags_are_set_changed_and_read_back() {
    let sandbox = sandbox().await;
    let client = client(&sandbox);
    let crm = client.crm();
    let (customer, multi, single) = sandbox.inspect(|w| {
        let tag_of = |group: usize, index: usize| {
            let gid = w.crm.tag_groups[group].id.clone().expect("id");
            w.crm
                .tags
                .iter()
                .filter(|t| t.groupid.as_deref() == Some(gid.as_str()))
                .nth(index)
                .and_then(|t| t.id.clone())
                .expect("tag")
        };
        (
            w.crm.customers[0].id().to_owned(),
            (tag_of(1, 0), tag_of(1, 1)),
            (tag_of(0, 0), tag_of(0, 1)),
        )
    });
    crm.set_customer_tags(
        &customer,
        &[TagRef {
            id: Some(multi.0.clone()),
            name: None,
            color_value: None,
        }],
    )
    .await
    .expect("set");
    crm.change_tags(&TagChanges {
        userid: Some(customer.clone()),
        add_tag: vec![multi.1.clone(), single.0.clone()],
        ..TagChanges::default()
    })
    .await
    .expect("added");
    // The first group is single-choice: its second tag replaces its first.
    crm.change_tags(&TagChanges {
        userid: Some(customer.clone()),
        add_tag: vec![single.1.clone()],
        remove_tag: vec![multi.0.clone()],
        ..TagChanges::default()
    })
    .await
    .expect("changed");
    let read = crm
        .customer_tags(std::slice::from_ref(&customer))
        .await
        .expect("read");
    let mut ids: Vec<_> = read[0]
        .label_set
        .iter()
        .filter_map(|t| t.id.clone())
        .collect();
    ids.sort();
    let mut expected = vec![multi.1.clone(), single.1.clone()];
    expected.sort();
    assert_eq!(ids, expected);
    assert!(read[0].label_set.iter().all(|t| t.color_value.is_some()));
    let detail = crm.customer(&customer).await.expect("detail");
    assert_eq!(detail.biz_label.map(|l| l.split(',').count()), Some(2));
    assert_eq!(
        vendor_code(
            crm.change_tags(&TagChanges {
                userid: Some(customer.clone()),
                add_tag: vec!["nope".into()],
                ..TagChanges::default()
            })
            .await
        ),
        "510004"
    );
    let filtered = crm
        .customers_page(
            &CustomerQuery {
                user_label: vec![single.1.clone()],
                ..CustomerQuery::default()
            },
            1,
            50,
        )
        .await
        .expect("filtered");
    assert!(
        filtered
            .items
            .iter()
            .any(|c| c.id.as_deref() == Some(customer.as_str()))
    );
}
