//! Business tags and tag groups (sobot-crm.md §7.2). These are Sobot "biz" tags, not WeCom tags.
//!
//! Paths use `label` as the documented Request URLs do; the examples spell it `lable`
//! (002:547, 577, 659, 763, 793; CRM 21).

use futures::Stream;
use serde::{Deserialize, Serialize};
use serde_with::skip_serializing_none;

use super::Crm;
use super::codes::TagGroupKind;
use crate::client::{ApiRequest, SobotClient, require_item};
use crate::de;
use crate::envelope::{ItemEnvelope, ItemsEnvelope, Page, StatusEnvelope};
use crate::error::{Error, Result};
use crate::paging::paginate;
use crate::wire::{json_body, query_pairs};

/// The page size the tag lists default to (002:365).
pub const TAG_PAGE_SIZE: u32 = 100;

/// A tag to create inside a new group (`label_list[]`, shape known only from the example).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewTagName {
    /// Tag name (max 30).
    pub name: String,
}

/// Body of `label_group/save`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewTagGroup {
    /// Group name (max 30, unique: `510002`).
    pub name: String,
    /// Colour such as `#345454`.
    pub color_value: String,
    /// `1` allows several tags of the group on one customer, `0` one.
    pub is_multiple_choice: u8,
    /// Tags to create with the group.
    pub label_list: Vec<NewTagName>,
}

/// Body of `label_group/update`.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TagGroupUpdate {
    /// Tag group ID.
    pub id: String,
    /// Group name.
    pub name: String,
    /// Colour.
    pub color_value: Option<String>,
    /// `1` multiple choice, `0` single.
    pub is_multiple_choice: Option<u8>,
}

/// A tag group (`label_group/list`).
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TagGroup {
    /// ID.
    #[serde(default, deserialize_with = "de::text")]
    pub id: Option<String>,
    /// Business ID.
    #[serde(default, deserialize_with = "de::text")]
    pub bizid: Option<String>,
    /// Name.
    #[serde(default, deserialize_with = "de::text")]
    pub name: Option<String>,
    /// Colour (invalid colours such as `#gt5433` occur, CRM 16).
    #[serde(default, deserialize_with = "de::text")]
    pub color_value: Option<String>,
    /// `1` multiple choice.
    #[serde(default, deserialize_with = "de::int")]
    pub is_multiple_choice: Option<i64>,
    /// Visitor, customer or ticket tags.
    #[serde(rename = "type")]
    pub kind: Option<TagGroupKind>,
    /// `-1` deleted, `0` invalid, `1` valid.
    #[serde(default, deserialize_with = "de::int")]
    pub status: Option<i64>,
    /// Created at, as text (garbled in examples, CRM 17).
    #[serde(default, deserialize_with = "de::text")]
    pub create_time: Option<String>,
    /// Updated at, as text.
    #[serde(default, deserialize_with = "de::text")]
    pub update_time: Option<String>,
    /// Created at, epoch ms.
    #[serde(default, deserialize_with = "de::int")]
    pub create_time_ms: Option<i64>,
    /// Updated at, epoch ms.
    #[serde(default, deserialize_with = "de::int")]
    pub update_time_ms: Option<i64>,
}

/// Body of `label/save`.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewTag {
    /// Tag name (max 30, unique: `510003`).
    pub name: String,
    /// Group ID. The table says `groupid` (002:514), the example `groupId` (002:518): both
    /// keys are sent with the same value (CRM 20).
    #[serde(alias = "groupId")]
    pub groupid: String,
    /// Parameter name (unique: `510004`).
    pub param_name: Option<String>,
}

/// Body of `label/update`.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TagUpdate {
    /// Tag ID.
    pub id: String,
    /// Name.
    pub name: String,
    /// Parameter name.
    pub param_name: Option<String>,
}

/// A tag (`label/list`).
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tag {
    /// Tag ID (the table mislabels it "Tag group id", CRM 15).
    #[serde(default, deserialize_with = "de::text")]
    pub id: Option<String>,
    /// Group ID.
    #[serde(default, deserialize_with = "de::text")]
    pub groupid: Option<String>,
    /// Business ID.
    #[serde(default, deserialize_with = "de::text")]
    pub bizid: Option<String>,
    /// Name.
    #[serde(default, deserialize_with = "de::text")]
    pub name: Option<String>,
    /// Parameter name.
    #[serde(default, deserialize_with = "de::text")]
    pub param_name: Option<String>,
    /// `-1`, `0` or `1`.
    #[serde(default, deserialize_with = "de::int")]
    pub status: Option<i64>,
    /// Created at, as text.
    #[serde(default, deserialize_with = "de::text")]
    pub create_time: Option<String>,
    /// Updated at, as text.
    #[serde(default, deserialize_with = "de::text")]
    pub update_time: Option<String>,
    /// Created at, epoch ms.
    #[serde(default, deserialize_with = "de::int")]
    pub create_time_ms: Option<i64>,
    /// Updated at, epoch ms.
    #[serde(default, deserialize_with = "de::int")]
    pub update_time_ms: Option<i64>,
}

/// A tag on a customer (`{id, name}`; `color_value` in reads).
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TagRef {
    /// Tag ID.
    #[serde(default, deserialize_with = "de::text")]
    pub id: Option<String>,
    /// Tag name.
    #[serde(default, deserialize_with = "de::text")]
    pub name: Option<String>,
    /// Colour (reads only).
    #[serde(default, deserialize_with = "de::text")]
    pub color_value: Option<String>,
}

/// A customer's tags (`label/userlabels` `items[]`).
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerTags {
    /// Customer ID.
    #[serde(default, deserialize_with = "de::text")]
    pub userid: Option<String>,
    /// Tags.
    #[serde(default, deserialize_with = "de::list")]
    pub label_set: Vec<TagRef>,
}

/// Body of `label/update_biz_label`: incremental tag changes on one customer.
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TagChanges {
    /// Sobot customer ID (one of the three IDs is needed).
    pub userid: Option<String>,
    /// WeChat unionid.
    pub unionid: Option<String>,
    /// WeCom external contact ID.
    pub external_userid: Option<String>,
    /// Tag IDs to add.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub add_tag: Vec<String>,
    /// Tag IDs to remove.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub remove_tag: Vec<String>,
}

#[derive(Serialize)]
struct PageQuery {
    page_no: u32,
    page_size: u32,
}

#[derive(Serialize)]
struct TagPageQuery<'a> {
    groupid: &'a str,
    page_no: u32,
    page_size: u32,
}

async fn tag_group_page(
    client: &SobotClient,
    page_no: u32,
    page_size: u32,
) -> Result<Page<TagGroup>> {
    let request = ApiRequest::get("api/scrm/5/label_group/list")
        .with_query(query_pairs(&PageQuery { page_no, page_size })?);
    client.call(&request).await
}

async fn tag_page(
    client: &SobotClient,
    groupid: &str,
    page_no: u32,
    page_size: u32,
) -> Result<Page<Tag>> {
    let request =
        ApiRequest::get("api/scrm/5/label/list").with_query(query_pairs(&TagPageQuery {
            groupid,
            page_no,
            page_size,
        })?);
    client.call(&request).await
}

/// A GET that changes state: never retried after it may have reached Sobot.
fn get_write(path: String) -> ApiRequest {
    let mut request = ApiRequest::get(path);
    request.idempotency = vendor_http::Idempotency::NonIdempotent;
    request
}

impl Crm<'_> {
    /// `POST /api/scrm/5/label_group/save`: creates a tag group with its tags; returns its ID.
    pub async fn create_tag_group(&self, group: &NewTagGroup) -> Result<String> {
        let request = ApiRequest::post_json("api/scrm/5/label_group/save", json_body(group)?);
        let envelope: ItemEnvelope<String> = self.client.call(&request).await?;
        require_item(envelope)
    }

    /// `POST /api/scrm/5/label_group/update`: renames or recolours a tag group.
    pub async fn update_tag_group(&self, update: &TagGroupUpdate) -> Result<()> {
        let request = ApiRequest::post_json("api/scrm/5/label_group/update", json_body(update)?);
        let _: StatusEnvelope = self.client.call(&request).await?;
        Ok(())
    }

    /// One page of `GET /api/scrm/5/label_group/list`.
    pub async fn tag_groups_page(&self, page_no: u32, page_size: u32) -> Result<Page<TagGroup>> {
        tag_group_page(self.client, page_no, page_size).await
    }

    /// Every tag group, as a stream over all pages.
    pub fn tag_groups(&self) -> impl Stream<Item = Result<TagGroup>> + Send + 'static {
        let client = self.client.clone();
        paginate(TAG_PAGE_SIZE, move |page_no, page_size| {
            let client = client.clone();
            async move { tag_group_page(&client, page_no, page_size).await }
        })
    }

    /// `GET /api/scrm/5/label_group/remove/{id}`: deletes a tag group **and all its tags**
    /// (the ID goes in the path, as the example does, CRM 19).
    pub async fn delete_tag_group(&self, id: &str) -> Result<()> {
        let request = get_write(format!(
            "api/scrm/5/label_group/remove/{}",
            de::path_segment(id)
        ));
        let _: StatusEnvelope = self.client.call(&request).await?;
        Ok(())
    }

    /// `POST /api/scrm/5/label/save`: creates a tag. The answer carries no ID (CRM 23): find
    /// the tag with [`Crm::tags`].
    pub async fn create_tag(&self, tag: &NewTag) -> Result<()> {
        let mut body = json_body(tag)?;
        if let serde_json::Value::Object(map) = &mut body {
            map.insert(
                "groupId".into(),
                serde_json::Value::from(tag.groupid.clone()),
            );
        }
        let request = ApiRequest::post_json("api/scrm/5/label/save", body);
        let _: StatusEnvelope = self.client.call(&request).await?;
        Ok(())
    }

    /// `POST /api/scrm/5/label/update`: renames a tag.
    pub async fn update_tag(&self, update: &TagUpdate) -> Result<()> {
        let request = ApiRequest::post_json("api/scrm/5/label/update", json_body(update)?);
        let _: StatusEnvelope = self.client.call(&request).await?;
        Ok(())
    }

    /// One page of `GET /api/scrm/5/label/list`.
    pub async fn tags_page(
        &self,
        groupid: &str,
        page_no: u32,
        page_size: u32,
    ) -> Result<Page<Tag>> {
        tag_page(self.client, groupid, page_no, page_size).await
    }

    /// Every tag of a group, as a stream over all pages.
    pub fn tags(&self, groupid: &str) -> impl Stream<Item = Result<Tag>> + Send + 'static {
        let client = self.client.clone();
        let groupid = groupid.to_owned();
        paginate(TAG_PAGE_SIZE, move |page_no, page_size| {
            let client = client.clone();
            let groupid = groupid.clone();
            async move { tag_page(&client, &groupid, page_no, page_size).await }
        })
    }

    /// `GET /api/scrm/5/label/remove/{id}`: deletes a tag.
    pub async fn delete_tag(&self, id: &str) -> Result<()> {
        let request = get_write(format!("api/scrm/5/label/remove/{}", de::path_segment(id)));
        let _: StatusEnvelope = self.client.call(&request).await?;
        Ok(())
    }

    /// `POST /api/scrm/5/label/userlabels`: the business tags of several customers. The body is
    /// a bare JSON array of IDs, as the example sends (002:685), not `{"ids": [...]}` as the
    /// table suggests (CRM 26).
    pub async fn customer_tags(&self, customer_ids: &[String]) -> Result<Vec<CustomerTags>> {
        let request =
            ApiRequest::post_json("api/scrm/5/label/userlabels", json_body(&customer_ids)?)
                .idempotent();
        let envelope: ItemsEnvelope<CustomerTags> = self.client.call(&request).await?;
        Ok(envelope.items)
    }

    /// `POST /api/scrm/5/label/update_userlabel/{id}`: sets a customer's business tags. The
    /// body is a bare array of `{id, name}` as in the example (002:763, CRM 27); whether it
    /// replaces or merges is undocumented, so prefer [`Crm::change_tags`] for single changes.
    pub async fn set_customer_tags(&self, customer_id: &str, tags: &[TagRef]) -> Result<()> {
        let path = format!(
            "api/scrm/5/label/update_userlabel/{}",
            de::path_segment(customer_id)
        );
        let request = ApiRequest::post_json(path, json_body(&tags)?);
        let _: StatusEnvelope = self.client.call(&request).await?;
        Ok(())
    }

    /// `POST /api/scrm/5/label/update_biz_label`: adds and removes tags on one customer.
    pub async fn change_tags(&self, changes: &TagChanges) -> Result<()> {
        if changes.userid.is_none()
            && changes.unionid.is_none()
            && changes.external_userid.is_none()
        {
            return Err(Error::InvalidRequest(
                "a tag change needs userid, unionid or external_userid".into(),
            ));
        }
        if changes.add_tag.is_empty() && changes.remove_tag.is_empty() {
            return Err(Error::InvalidRequest(
                "a tag change needs tags to add or remove".into(),
            ));
        }
        let request =
            ApiRequest::post_json("api/scrm/5/label/update_biz_label", json_body(changes)?);
        let _: StatusEnvelope = self.client.call(&request).await?;
        Ok(())
    }
}
