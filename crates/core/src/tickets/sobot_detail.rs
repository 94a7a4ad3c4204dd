//! Sobot v5 ticket detail mapped into [`TicketDetail`].

use sobot::ticket::{ReplyVisibility, StartType, TicketDetail as SobotDetail, TicketSummary};
use sobot::time::parse_datetime;

use super::detail::{
    Attachment, AuthorKind, Customer, FieldValue, HistoryEntry, Reply, Satisfaction, TicketDetail,
};
use crate::sync::SobotTicketSource;

fn author_kind(start: Option<&StartType>) -> AuthorKind {
    match start {
        Some(StartType::Agent) => AuthorKind::Agent,
        Some(StartType::Customer) => AuthorKind::Customer,
        Some(_) => AuthorKind::System,
        None => AuthorKind::Unknown,
    }
}

/// A file's name from the last segment of its URL, percent-decoded (Chinese names arrive
/// encoded).
fn name_from_url(url: &str) -> String {
    let path = url.split(['?', '#']).next().unwrap_or(url);
    let last = path.rsplit('/').next().unwrap_or(path);
    percent_encoding::percent_decode_str(last)
        .decode_utf8_lossy()
        .into_owned()
}

fn non_empty(text: Option<String>) -> Option<String> {
    text.filter(|t| !t.trim().is_empty())
}

/// Maps a Sobot detail read through `source` (its connection and time zone).
pub(crate) fn map(source: &SobotTicketSource, detail: SobotDetail) -> Option<TicketDetail> {
    let offset = source.utc_offset();
    let millis = |ms: Option<i64>, text: &Option<String>| {
        ms.or_else(|| {
            text.as_deref()
                .and_then(|t| parse_datetime(t, offset))
                .map(|d| d.timestamp_millis())
        })
    };
    let summary: TicketSummary =
        serde_json::from_value(serde_json::to_value(&detail).ok()?).ok()?;
    let mut ticket = source.to_stored(summary)?;
    ticket.category_id = non_empty(detail.ticket_typeid.clone());
    ticket.assignee_id = non_empty(detail.deal_agentid.clone());
    ticket.group_id = non_empty(detail.deal_groupid.clone());
    ticket.customer_id = non_empty(detail.userid.clone());
    ticket.custom_fields = serde_json::Value::Object(
        detail
            .extend_fields_list
            .iter()
            .filter_map(|f| {
                Some((
                    f.fieldid.clone()?,
                    serde_json::Value::from(f.field_value.clone().unwrap_or_default()),
                ))
            })
            .collect(),
    );
    ticket.raw = serde_json::to_value(&detail).unwrap_or(serde_json::Value::Null);
    let attachments = |files: &[sobot::ticket::FileInfo]| -> Vec<Attachment> {
        files
            .iter()
            .filter_map(|f| {
                let url = f.file_url.clone()?;
                Some(Attachment {
                    name: f
                        .file_name
                        .clone()
                        .filter(|n| !n.trim().is_empty())
                        .unwrap_or_else(|| name_from_url(&url)),
                    url,
                    size: None,
                })
            })
            .collect()
    };
    let replies = detail
        .deal_list
        .iter()
        .map(|r| Reply {
            id: non_empty(r.replyid.clone()),
            author: non_empty(r.update_user_name.clone()),
            author_kind: author_kind(r.start_type.as_ref()),
            internal: r.reply_type.as_ref() == Some(&ReplyVisibility::Internal),
            html: r.reply_content.clone().unwrap_or_default(),
            at_ms: millis(r.reply_datetime_ms, &r.reply_datetime),
            attachments: attachments(&r.file_list),
        })
        .collect();
    let history = detail
        .update_log_list
        .iter()
        .map(|entry| HistoryEntry {
            at_ms: millis(entry.update_datetime_ms, &entry.update_datetime),
            actor: non_empty(entry.update_agent_name.clone()),
            summary: [
                entry.update_title.as_deref(),
                entry.update_contents.as_deref(),
            ]
            .into_iter()
            .flatten()
            .filter(|t| !t.trim().is_empty())
            .collect::<Vec<_>>()
            .join(": "),
        })
        .collect();
    let customer = (detail.userid.is_some()
        || detail.user_nick.is_some()
        || detail.user_name.is_some())
    .then(|| Customer {
        id: non_empty(detail.userid.clone()),
        name: non_empty(detail.user_nick.clone()).or_else(|| non_empty(detail.user_name.clone())),
        phone: non_empty(detail.user_tels.clone()),
        email: non_empty(detail.user_emails.clone()),
    });
    let satisfaction = detail.score.filter(|s| *s > 0).map(|score| Satisfaction {
        score: score.to_string(),
        remark: non_empty(detail.remark.clone()),
        at_ms: millis(detail.evaluation_datetime_ms, &detail.evaluation_datetime),
    });
    let fields = detail
        .extend_fields_list
        .iter()
        .filter_map(|f| {
            Some(FieldValue {
                id: f.fieldid.clone()?,
                name: f.field_name.clone().unwrap_or_default(),
                value: f
                    .field_text
                    .clone()
                    .filter(|t| !t.is_empty())
                    .or_else(|| f.field_value.clone())
                    .unwrap_or_default(),
            })
        })
        .collect();
    Some(
        TicketDetail {
            category_name: non_empty(detail.ticket_type_name.clone()),
            attachments: attachments(&detail.file_list),
            ticket,
            replies,
            history,
            customer,
            satisfaction,
            fields,
        }
        .sorted(),
    )
}

#[cfg(test)]
mod tests {
    use super::name_from_url;

    #[test]
    fn a_file_name_from_a_url_is_decoded() {
        assert_eq!(
            name_from_url("https://files.sobot.com/a/%E9%80%80%E6%AC%BE%E5%87%AD%E8%AF%81.png?x=1"),
            "退款凭证.png"
        );
        assert_eq!(name_from_url("https://h/x/plain.pdf"), "plain.pdf");
    }
}
