//! Inbound pushes Sobot POSTs to a URL you register, and the acknowledgement to answer with.
//!
//! * Ticket events (`sys_code` `"4"`, sobot-ticket.md §6.26): [`TicketPush`].
//! * CRM customer add, update (`sys_code` `"50"`): [`CustomerChangePush`]; merge:
//!   [`CustomerMergePush`]; or any of them: [`CrmPush`].
//!
//! Transport, retries and signing are undocumented (I-34, CRM 63): accept redelivery and
//! out-of-order delivery, deduplicate (e.g. on `ticketid` + `update_time` + `is_reminder`), and
//! answer quickly with [`PushAck`].

use chrono::{DateTime, FixedOffset, Utc};
use serde::{Deserialize, Serialize};
use serde_with::skip_serializing_none;

use crate::de;
use crate::ticket::{IntegrationField, TicketFieldValue, TicketLevel, TicketSource, TicketStatus};

/// A push body: `{sys_code, type, content: [...]}`. Handle every element of `content`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(bound(deserialize = "E: Deserialize<'de>"))]
pub struct Push<E> {
    /// Product code: `"4"` tickets, `"50"` CRM.
    #[serde(default, deserialize_with = "vendor_http::lenient::string")]
    pub sys_code: String,
    /// Message type: `"ticket"` or `"crm"`.
    #[serde(
        rename = "type",
        default,
        deserialize_with = "vendor_http::lenient::string"
    )]
    pub kind: String,
    /// The events.
    #[serde(default, deserialize_with = "de::list")]
    pub content: Vec<E>,
}

/// A ticket push.
pub type TicketPush = Push<TicketEvent>;
/// A CRM customer add or update push.
pub type CustomerChangePush = Push<CustomerChangeEvent>;
/// A CRM customer merge push.
pub type CustomerMergePush = Push<CustomerMergeEvent>;
/// Any CRM push.
pub type CrmPush = Push<CrmEvent>;

/// One ticket event. A reminder (`is_reminder` `"1"`) carries only the IDs, the `reminder_*`
/// fields and `update_time`, so nothing here is required.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TicketEvent {
    /// Company ID.
    #[serde(default, deserialize_with = "de::text")]
    pub companyid: Option<String>,
    /// Ticket ID.
    #[serde(default, deserialize_with = "de::text")]
    pub ticketid: Option<String>,
    /// Ticket number.
    #[serde(default, deserialize_with = "de::text")]
    pub ticket_code: Option<String>,
    /// Title.
    #[serde(default, deserialize_with = "de::text")]
    pub ticket_title: Option<String>,
    /// Description.
    #[serde(default, deserialize_with = "de::text")]
    pub ticket_content: Option<String>,
    /// Category path.
    #[serde(default, deserialize_with = "de::text")]
    pub ticket_type_name: Option<String>,
    /// Status (Integer in the table, a string in the example, I-8).
    pub ticket_status: Option<TicketStatus>,
    /// Priority.
    pub ticket_level: Option<TicketLevel>,
    /// Source.
    pub ticket_from: Option<TicketSource>,
    /// Attachment URLs, `;`-separated.
    #[serde(default, deserialize_with = "de::text")]
    pub file_str: Option<String>,
    /// Receiving group ID.
    #[serde(default, deserialize_with = "de::text")]
    pub deal_groupid: Option<String>,
    /// Receiving group name.
    #[serde(default, deserialize_with = "de::text")]
    pub deal_group_name: Option<String>,
    /// Receiving agent ID.
    #[serde(default, deserialize_with = "de::text")]
    pub deal_agentid: Option<String>,
    /// Receiving agent name.
    #[serde(default, deserialize_with = "de::text")]
    pub deal_agent_name: Option<String>,
    /// CC'd agents (a string here, a list in requests, I-34).
    #[serde(default, deserialize_with = "de::text")]
    pub copy_agent: Option<String>,
    /// First-response deadline.
    #[serde(default, deserialize_with = "de::text")]
    pub hope_accept_time: Option<String>,
    /// Resolution deadline.
    #[serde(default, deserialize_with = "de::text")]
    pub hope_complete_time: Option<String>,
    /// Customer ID.
    #[serde(default, deserialize_with = "de::text")]
    pub userid: Option<String>,
    /// Customer nickname.
    #[serde(default, deserialize_with = "de::text")]
    pub user_nick: Option<String>,
    /// Customer real name.
    #[serde(default, deserialize_with = "de::text")]
    pub user_name: Option<String>,
    /// Customer phones, `;`-separated here.
    #[serde(default, deserialize_with = "de::text")]
    pub user_tels: Option<String>,
    /// Customer emails, `;`-separated here.
    #[serde(default, deserialize_with = "de::text")]
    pub user_emails: Option<String>,
    /// The customer's ID in your system.
    #[serde(default, deserialize_with = "de::text")]
    pub partnerid: Option<String>,
    /// Enterprise ID.
    #[serde(default, deserialize_with = "de::text")]
    pub enterpriseid: Option<String>,
    /// Enterprise name.
    #[serde(default, deserialize_with = "de::text")]
    pub enterprise_name: Option<String>,
    /// Related record ID.
    #[serde(default, deserialize_with = "de::text")]
    pub recordid: Option<String>,
    /// Operator name.
    #[serde(default, deserialize_with = "de::text")]
    pub update_name: Option<String>,
    /// Event time `yyyy-MM-dd HH:mm:ss` (trailing spaces seen, I-34).
    #[serde(default, deserialize_with = "de::text")]
    pub update_time: Option<String>,
    /// Reply content.
    #[serde(default, deserialize_with = "de::text")]
    pub reply_content: Option<String>,
    /// Reply visibility code.
    #[serde(default, deserialize_with = "de::text")]
    pub reply_type: Option<String>,
    /// Actor code.
    #[serde(default, deserialize_with = "de::text")]
    pub start_type: Option<String>,
    /// `"1"` when the ticket was accepted.
    #[serde(default, deserialize_with = "de::text")]
    pub is_receipt: Option<String>,
    /// `"1"` for a reminder event.
    #[serde(default, deserialize_with = "de::text")]
    pub is_reminder: Option<String>,
    /// Reminding agent ID.
    #[serde(default, deserialize_with = "de::text")]
    pub reminder_agentid: Option<String>,
    /// Reminding agent name.
    #[serde(default, deserialize_with = "de::text")]
    pub reminder_agent_name: Option<String>,
    /// Reminder note.
    #[serde(default, deserialize_with = "de::text")]
    pub reminder_remark: Option<String>,
    /// Reminded at.
    #[serde(default, deserialize_with = "de::text")]
    pub reminder_time: Option<String>,
    /// Creating group IDs, `,`-separated.
    #[serde(default, deserialize_with = "de::text")]
    pub create_groupids: Option<String>,
    /// Follower IDs, `,`-separated.
    #[serde(default, deserialize_with = "de::text")]
    pub concern_serviceid: Option<String>,
    /// Linked ticket numbers, `,`-separated.
    #[serde(default, deserialize_with = "de::text")]
    pub relation_ticket_codes: Option<String>,
    /// Creator ID.
    #[serde(default, deserialize_with = "de::text")]
    pub start_userid: Option<String>,
    /// Closed at.
    #[serde(default, deserialize_with = "de::text")]
    pub closed_time: Option<String>,
    /// First response at.
    #[serde(default, deserialize_with = "de::text")]
    pub first_accept_time: Option<String>,
    /// First resolution at.
    #[serde(default, deserialize_with = "de::text")]
    pub first_complete_time: Option<String>,
    /// Preferred contact channel code.
    #[serde(default, deserialize_with = "de::text")]
    pub first_contact_type: Option<String>,
    /// Preferred contact value.
    #[serde(default, deserialize_with = "de::text")]
    pub first_contact_info: Option<String>,
    /// Custom field values.
    #[serde(default, deserialize_with = "de::list_or_empty")]
    pub extend_fields_list: Vec<TicketFieldValue>,
    /// Integration fields (value key `fidle_value` / `"field_value "` accepted, I-34).
    #[serde(default, deserialize_with = "de::list_or_empty")]
    pub partner_fields_list: Vec<IntegrationField>,
}

impl TicketEvent {
    /// Whether this is a reminder event (sparse: do not validate required fields).
    pub fn is_reminder(&self) -> bool {
        self.is_reminder.as_deref().map(str::trim) == Some("1")
    }
}

/// A custom field value in a CRM push.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerFieldValue {
    /// Field ID.
    #[serde(default, deserialize_with = "de::text")]
    pub fieldid: Option<String>,
    /// Field type (7 radio / 8 checkbox here, swapped from the field list, CRM 58).
    #[serde(default, deserialize_with = "de::text")]
    pub field_type: Option<String>,
    /// Value.
    #[serde(default, deserialize_with = "de::text")]
    pub field_value: Option<String>,
    /// Field parameter name.
    #[serde(default, deserialize_with = "de::text")]
    pub field_params: Option<String>,
    /// Option parameter names.
    #[serde(default, deserialize_with = "de::text")]
    pub data_params: Option<String>,
}

/// A CRM customer add or update event. Every scalar is a string; `""` means empty. `msg_type`
/// is `"0"` for both add and update (CRM 68): compare `create_datetime` with `update_datetime`
/// to tell them apart.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerChangeEvent {
    /// Customer ID.
    #[serde(default, deserialize_with = "de::text")]
    pub userid: Option<String>,
    /// Nickname.
    #[serde(default, deserialize_with = "de::text")]
    pub user_nick: Option<String>,
    /// Real name.
    #[serde(default, deserialize_with = "de::text")]
    pub user_name: Option<String>,
    /// Company ID.
    #[serde(default, deserialize_with = "de::text")]
    pub companyid: Option<String>,
    /// Event time, epoch seconds.
    #[serde(default, deserialize_with = "de::text")]
    pub datetime: Option<String>,
    /// Created at, epoch seconds.
    #[serde(default, deserialize_with = "de::text")]
    pub create_datetime: Option<String>,
    /// Creator ID.
    #[serde(default, deserialize_with = "de::text")]
    pub create_id: Option<String>,
    /// Creator name.
    #[serde(default, deserialize_with = "de::text")]
    pub create_name: Option<String>,
    /// Creator kind (1-7, as `create_type` of the customer list).
    #[serde(default, deserialize_with = "de::text")]
    pub create_type: Option<String>,
    /// Updated at, epoch seconds.
    #[serde(default, deserialize_with = "de::text")]
    pub update_datetime: Option<String>,
    /// Updater ID.
    #[serde(default, deserialize_with = "de::text")]
    pub update_id: Option<String>,
    /// Updater name.
    #[serde(default, deserialize_with = "de::text")]
    pub update_name: Option<String>,
    /// Updater kind (1-7).
    #[serde(default, deserialize_with = "de::text")]
    pub update_type: Option<String>,
    /// `8` normal, `9` deleted.
    #[serde(default, deserialize_with = "de::text")]
    pub status: Option<String>,
    /// Message type (values undocumented).
    #[serde(default, deserialize_with = "de::text")]
    pub msg_type: Option<String>,
    /// CRM status (1-4).
    #[serde(default, deserialize_with = "de::text")]
    pub crm_status: Option<String>,
    /// `0` normal, `1` blacklisted.
    #[serde(default, deserialize_with = "de::text")]
    pub user_status: Option<String>,
    /// Blacklisted flag.
    #[serde(default, deserialize_with = "de::text")]
    pub is_black: Option<String>,
    /// Blacklist duration ("24h/48h/72h").
    #[serde(default, deserialize_with = "de::text")]
    pub black_type: Option<String>,
    /// Blacklist reason.
    #[serde(default, deserialize_with = "de::text")]
    pub black_reason: Option<String>,
    /// Blacklist end.
    #[serde(default, deserialize_with = "de::text")]
    pub black_endtime: Option<String>,
    /// Phones (documented `,`, shown `;`: split on both).
    #[serde(default, deserialize_with = "de::text")]
    pub user_tels: Option<String>,
    /// Emails.
    #[serde(default, deserialize_with = "de::text")]
    pub user_emails: Option<String>,
    /// QQ.
    #[serde(default, deserialize_with = "de::text")]
    pub qq: Option<String>,
    /// WeChat ID.
    #[serde(default, deserialize_with = "de::text")]
    pub wx: Option<String>,
    /// Sex code.
    #[serde(default, deserialize_with = "de::text")]
    pub sex: Option<String>,
    /// Province name.
    #[serde(default, deserialize_with = "de::text")]
    pub province_name: Option<String>,
    /// City name.
    #[serde(default, deserialize_with = "de::text")]
    pub city_name: Option<String>,
    /// District name.
    #[serde(default, deserialize_with = "de::text")]
    pub area_name: Option<String>,
    /// Responsible agent ID.
    #[serde(default, deserialize_with = "de::text")]
    pub liable_agentid: Option<String>,
    /// Responsible agent name.
    #[serde(default, deserialize_with = "de::text")]
    pub liable_agent_name: Option<String>,
    /// Responsible department.
    #[serde(default, deserialize_with = "de::text")]
    pub liable_department_name: Option<String>,
    /// Helper agent ID.
    #[serde(default, deserialize_with = "de::text")]
    pub helper_agentid: Option<String>,
    /// Helper agent name.
    #[serde(default, deserialize_with = "de::text")]
    pub helper_agent_name: Option<String>,
    /// Follow-up stage ID.
    #[serde(default, deserialize_with = "de::text")]
    pub stageid: Option<String>,
    /// Stage name.
    #[serde(default, deserialize_with = "de::text")]
    pub stage_name: Option<String>,
    /// Stage type.
    #[serde(default, deserialize_with = "de::text")]
    pub stage_type: Option<String>,
    /// Tags.
    #[serde(default, deserialize_with = "de::text")]
    pub user_label: Option<String>,
    /// VIP level.
    #[serde(default, deserialize_with = "de::text")]
    pub user_level: Option<String>,
    /// WeCom unionid.
    #[serde(default, deserialize_with = "de::text")]
    pub unionid: Option<String>,
    /// Self-built-app unionid (the examples spell it `wx_build_unionId`, CRM 66).
    #[serde(default, alias = "wx_build_unionId", deserialize_with = "de::text")]
    pub wx_build_unionid: Option<String>,
    /// WeCom friend name.
    #[serde(default, deserialize_with = "de::text")]
    pub qywx_friends_name: Option<String>,
    /// Group chat name.
    #[serde(default, deserialize_with = "de::text")]
    pub group_chat_name: Option<String>,
    /// Operator ID.
    #[serde(default, deserialize_with = "de::text")]
    pub biz_operatorid: Option<String>,
    /// Operator name.
    #[serde(default, deserialize_with = "de::text")]
    pub biz_operator_name: Option<String>,
    /// Operator kind.
    #[serde(default, deserialize_with = "de::text")]
    pub biz_operator_type: Option<String>,
    /// Business context ID.
    #[serde(default, deserialize_with = "de::text")]
    pub bizid: Option<String>,
    /// `0` none, `1` chat, `2` talk, `3` ticket.
    #[serde(default, deserialize_with = "de::text")]
    pub bizid_type: Option<String>,
    /// Why deleted.
    #[serde(default, deserialize_with = "de::text")]
    pub delete_reason: Option<String>,
    /// Note.
    #[serde(default, deserialize_with = "de::text")]
    pub remark: Option<String>,
    /// Custom field values (the add example sends `""`, CRM 67).
    #[serde(default, deserialize_with = "de::list_or_empty")]
    pub extend_field_values: Vec<CustomerFieldValue>,
}

/// A CRM customer merge event (`datetime` and `msg_type` are numbers here, CRM 69).
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerMergeEvent {
    /// Company ID.
    #[serde(default, deserialize_with = "de::text")]
    pub companyid: Option<String>,
    /// Event time, epoch seconds.
    #[serde(default, deserialize_with = "de::int")]
    pub datetime: Option<i64>,
    /// Message type.
    #[serde(default, deserialize_with = "de::text")]
    pub msg_type: Option<String>,
    /// The surviving customer (the doc does not say; inferred).
    #[serde(default, deserialize_with = "de::text")]
    pub userid: Option<String>,
    /// The customer merged into `userid`.
    #[serde(default, deserialize_with = "de::text")]
    pub merged_userid: Option<String>,
    /// Operator ID.
    #[serde(default, deserialize_with = "de::text")]
    pub biz_operatorid: Option<String>,
    /// Operator name.
    #[serde(default, deserialize_with = "de::text")]
    pub biz_operator_name: Option<String>,
}

/// Any CRM event: a merge when it carries `merged_userid`, otherwise an add or update.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum CrmEvent {
    /// Customer added or updated.
    Change(Box<CustomerChangeEvent>),
    /// Customers merged.
    Merge(CustomerMergeEvent),
}

impl<'de> Deserialize<'de> for CrmEvent {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = serde_json::Value::deserialize(deserializer)?;
        if value.get("merged_userid").is_some() {
            serde_json::from_value(value)
                .map(CrmEvent::Merge)
                .map_err(serde::de::Error::custom)
        } else {
            serde_json::from_value(value)
                .map(|event| CrmEvent::Change(Box::new(event)))
                .map_err(serde::de::Error::custom)
        }
    }
}

/// `data` of the acknowledgement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AckData {
    /// When you received the push, `yyyyMMddHHmmss` (a trailing space in the EN example).
    #[serde(
        rename = "receiveTime",
        deserialize_with = "vendor_http::lenient::string"
    )]
    pub receive_time: String,
}

/// The acknowledgement a push receiver answers with (000:4892-4902):
/// `{"data":{"receiveTime":"yyyyMMddHHmmss"},"retCode":"000000","retMsg":"Success"}`.
/// The CRM doc lost its own (CRM 63); the ticket one is used for both.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PushAck {
    /// The receive time.
    pub data: AckData,
    /// `"000000"` confirms receipt.
    #[serde(rename = "retCode")]
    pub ret_code: String,
    /// A message (`"Success"`; the ZH doc shows `数据接收成功`).
    #[serde(rename = "retMsg")]
    pub ret_msg: String,
}

impl PushAck {
    /// Confirms receipt at `received_at`, written in `offset` (Sobot's UTC+8 by default).
    pub fn received(received_at: DateTime<Utc>, offset: FixedOffset) -> Self {
        Self {
            data: AckData {
                receive_time: received_at
                    .with_timezone(&offset)
                    .format("%Y%m%d%H%M%S")
                    .to_string(),
            },
            ret_code: crate::codes::SUCCESS.into(),
            ret_msg: "Success".into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;
    use crate::config::china_standard_time;

    #[test]
    fn the_ack_has_the_documented_shape_and_utc8_receive_time() {
        let at = Utc
            .with_ymd_and_hms(2019, 12, 9, 3, 56, 58)
            .single()
            .expect("valid");
        let ack = PushAck::received(at, china_standard_time());
        assert_eq!(
            serde_json::to_value(&ack).expect("encodes"),
            serde_json::json!({"data": {"receiveTime": "20191209115658"}, "retCode": "000000", "retMsg": "Success"})
        );
    }

    #[test]
    fn crm_events_are_told_apart_by_merged_userid() {
        let push: CrmPush = serde_json::from_str(
            r#"{"sys_code":"50","type":"crm","content":[{"userid":"a","merged_userid":"b","datetime":1},{"userid":"c","msg_type":"0"}]}"#,
        )
        .expect("decodes");
        assert!(matches!(push.content[0], CrmEvent::Merge(_)));
        assert!(matches!(push.content[1], CrmEvent::Change(_)));
    }
}
