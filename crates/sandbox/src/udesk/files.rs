//! Attachments: raw-byte uploads to a ticket or for its next reply, and clearing pending reply
//! uploads (003:1621-1671, 1846-1935). Uploaded bytes are served back under
//! `/__sandbox/files/{id}/{name}`.

use bytes::Bytes;
use serde_json::{Value, json};

use super::auth::Signed;
use super::reply::{self, Answer, generic};
use crate::app::{StoredFile, lock};
use crate::clock::now_ms;
use crate::state::udesk::UdeskAttachment;

/// 20 MB per file and per ticket (003:2049-2051).
const MAX_BYTES: usize = 20 * 1024 * 1024;

/// At most this many attachments per ticket (003:2047).
const MAX_ATTACHMENTS: usize = 10;

struct Upload {
    ticket: i64,
    name: String,
}

fn upload_params(signed: &Signed, body: &Bytes) -> Result<Upload, axum::response::Response> {
    let ticket = signed
        .params
        .text("ticket_id")
        .filter(|t| !t.trim().is_empty());
    let Some(ticket) = ticket else {
        return Err(generic("ticket_id is a required field and cannot be empty"));
    };
    let name = signed
        .params
        .text("file_name")
        .filter(|n| !n.trim().is_empty());
    let Some(name) = name else {
        return Err(generic("file_name is a required field and cannot be empty"));
    };
    if name.chars().count() > 255
        || !name
            .rsplit_once('.')
            .is_some_and(|(s, e)| !s.is_empty() && !e.is_empty())
    {
        return Err(generic(
            "file_name must carry the file's extension (at most 255 characters)",
        ));
    }
    if body.is_empty() {
        return Err(generic("Sorry, you have not uploaded attachments"));
    }
    if body.len() > MAX_BYTES {
        return Err(generic("Sorry, the file you uploaded exceeds 20mb"));
    }
    let ticket = ticket.trim().parse::<i64>().unwrap_or_default();
    if signed.app.read().udesk.ticket(ticket).is_none() {
        return Err(generic("Sorry, the ticket does not exist"));
    }
    Ok(Upload { ticket, name })
}

fn store(signed: &Signed, id: i64, name: &str, body: Bytes) -> String {
    let key = format!("udesk-{id}");
    let url = format!(
        "{}/files/{key}/{}",
        signed.app.info.admin_url,
        url::form_urlencoded::byte_serialize(name.as_bytes()).collect::<String>()
    );
    lock(&signed.app.files).insert(
        key,
        StoredFile {
            name: name.to_owned(),
            bytes: body,
        },
    );
    url
}

fn size_limit() -> i64 {
    i64::try_from(MAX_BYTES).unwrap_or(i64::MAX)
}

fn size(body: &Bytes) -> i64 {
    i64::try_from(body.len()).unwrap_or(i64::MAX)
}

/// `POST /open_api_v1/tickets/upload_file?ticket_id=&file_name=&type=`.
pub(crate) async fn upload_file(signed: Signed, body: Bytes) -> Answer {
    let upload = upload_params(&signed, &body)?;
    let id = {
        let mut world = signed.app.write();
        let state = &mut world.udesk;
        let Some(ticket) = state.ticket(upload.ticket) else {
            return Err(generic("Sorry, the ticket does not exist"));
        };
        if ticket.attachments.len() >= MAX_ATTACHMENTS {
            return Err(generic("A ticket can upload up to 10 attachments"));
        }
        let total: i64 = ticket.attachments.iter().map(|a| a.size).sum();
        if total + size(&body) > size_limit() {
            return Err(generic(
                "A ticket associated with an attachment cannot exceed 20mb",
            ));
        }
        state.next_id()
    };
    let url = store(&signed, id, &upload.name, body.clone());
    let mut world = signed.app.write();
    if let Some(ticket) = world.udesk.ticket_mut(upload.ticket) {
        ticket.attachments.push(UdeskAttachment {
            id,
            name: upload.name.clone(),
            url: url.clone(),
            size: size(&body),
            at_ms: now_ms(),
        });
        ticket.updated_ms = now_ms();
    }
    reply::ok(json!({"message": {"msg": "upload Success", "url": url, "attachment_id": id}}))
}

/// `POST /open_api_v1/tickets/upload_file_for_reply?ticket_id=&file_name=&type=`.
pub(crate) async fn upload_file_for_reply(signed: Signed, body: Bytes) -> Answer {
    let upload = upload_params(&signed, &body)?;
    let id = signed.app.write().udesk.next_id();
    let url = store(&signed, id, &upload.name, body.clone());
    let mut world = signed.app.write();
    let pending = world
        .udesk
        .pending_reply_files
        .entry(upload.ticket)
        .or_default();
    let total: i64 = pending.iter().map(|a| a.size).sum();
    if total + size(&body) > size_limit() {
        return Err(generic(
            "A ticket associated with an attachment cannot exceed 20mb",
        ));
    }
    pending.push(UdeskAttachment {
        id,
        name: upload.name,
        url: url.clone(),
        size: size(&body),
        at_ms: now_ms(),
    });
    reply::ok(json!({"message": {
        "msg": "upload Success", "url": url, "attachment_id": id, "attachable_type": "Reply",
    }}))
}

/// `POST /open_api_v1/tickets/delete_file_for_reply`: `ticket_id` in the query (the table) or a
/// JSON body (the example).
pub(crate) async fn delete_file_for_reply(signed: Signed, body: Bytes) -> Answer {
    let from_body = serde_json::from_slice::<Value>(&body)
        .ok()
        .and_then(|v| v.get("ticket_id").cloned())
        .and_then(|v| match v {
            Value::Number(n) => Some(n.to_string()),
            Value::String(s) => Some(s),
            _ => None,
        });
    let ticket = signed
        .params
        .text("ticket_id")
        .or(from_body)
        .filter(|t| !t.trim().is_empty());
    let Some(ticket) = ticket else {
        return Err(generic("ticket_id is a required field and cannot be empty"));
    };
    let id = ticket.trim().parse::<i64>().unwrap_or_default();
    let mut world = signed.app.write();
    if world.udesk.ticket(id).is_none() {
        return Err(generic("Sorry, the ticket does not exist"));
    }
    world.udesk.pending_reply_files.remove(&id);
    reply::ok(json!({"message": "Clear attachments successfully"}))
}
