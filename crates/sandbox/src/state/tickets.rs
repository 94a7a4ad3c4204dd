//! The Ticket API's store: reference data, tickets with replies and history, failed pushes.

use std::collections::HashMap;

use sobot::ticket::{
    CustomField, PushFailure, Region, StatusType, TicketCategory, TicketDetail, TicketStatus,
    TicketStatusInfo, TicketSummary,
};

use super::crm::CrmState;
use crate::clock::format_datetime;

/// A stored ticket: the detail as the API returns it (time strings are rendered per request from
/// the `*_ms` fields), plus what the detail does not carry.
#[derive(Debug, Clone, PartialEq)]
pub struct TicketRecord {
    /// The ticket with its replies and history; `*_ms` fields are the truth.
    pub detail: TicketDetail,
    /// The customer's integration ID at creation (`user_partnerid` filter).
    pub partnerid: Option<String>,
    /// Created at, epoch ms.
    pub created_ms: i64,
    /// Updated at, epoch ms.
    pub updated_ms: i64,
}

impl TicketRecord {
    /// The ticket ID.
    pub fn id(&self) -> &str {
        self.detail.ticketid.as_deref().unwrap_or_default()
    }

    /// Marks the ticket updated at `ms`.
    pub fn touch(&mut self, ms: i64) {
        self.updated_ms = self.updated_ms.max(ms);
        self.detail.update_datetime_ms = Some(self.updated_ms);
    }
}

/// A failed push message and when it failed.
#[derive(Debug, Clone, PartialEq)]
pub struct PushFailureRecord {
    /// The message as listed.
    pub failure: PushFailure,
    /// Its update time, epoch ms (the window filters on it).
    pub at_ms: i64,
}

/// Everything the Ticket API serves.
#[derive(Debug, Clone, Default)]
pub struct TicketState {
    /// The category tree.
    pub categories: Vec<TicketCategory>,
    /// Leaf category ID → its `L1/L2/L3` path name.
    pub leaves: HashMap<String, String>,
    /// Custom field definitions.
    pub fields: Vec<CustomField>,
    /// Category ID → the IDs of its template's fields (leaves without a template have none).
    pub templates: HashMap<String, Vec<String>>,
    /// Built-in and custom statuses (deleted ones included).
    pub statuses: Vec<TicketStatusInfo>,
    /// The region tree of region-type fields.
    pub regions: Vec<Region>,
    /// Tickets in creation order.
    pub tickets: Vec<TicketRecord>,
    /// Ticket ID → index.
    pub by_id: HashMap<String, usize>,
    /// Ticket number → index.
    pub by_code: HashMap<String, usize>,
    /// Failed push messages.
    pub push_failures: Vec<PushFailureRecord>,
    /// Day (`yyyyMMdd`) → the last ticket number sequence issued that day.
    pub day_sequence: HashMap<String, u32>,
}

impl TicketState {
    /// Adds a ticket.
    pub fn insert(&mut self, record: TicketRecord) {
        let index = self.tickets.len();
        self.by_id.insert(record.id().to_owned(), index);
        if let Some(code) = &record.detail.ticket_code {
            self.by_code.insert(code.clone(), index);
        }
        self.tickets.push(record);
    }

    /// The index of the ticket `ticketid` (preferred) or `ticket_code`.
    pub fn find(&self, ticketid: Option<&str>, ticket_code: Option<&str>) -> Option<usize> {
        match ticketid.map(str::trim).filter(|id| !id.is_empty()) {
            Some(id) => self.by_id.get(id).copied(),
            None => ticket_code
                .map(str::trim)
                .and_then(|code| self.by_code.get(code).copied()),
        }
    }

    /// The next ticket number for the day `yyyyMMdd`: the day followed by a six-digit sequence.
    pub fn next_code(&mut self, day: &str) -> String {
        let sequence = self.day_sequence.entry(day.to_owned()).or_insert(0);
        *sequence += 1;
        format!("{day}{:06}", *sequence)
    }

    /// The definition of status `code`, if it exists and is not deleted.
    pub fn status(&self, code: &str) -> Option<&TicketStatusInfo> {
        self.statuses.iter().find(|status| {
            status.status_code.as_ref().map(TicketStatus::code) == Some(code.trim())
                && !status.is_deleted()
        })
    }

    /// Whether tickets in status `code` still need work (not resolved, closed or deleted).
    pub fn is_unsolved(&self, code: &TicketStatus) -> bool {
        match self.status(code.code()).and_then(|s| s.status_type.clone()) {
            Some(StatusType::Resolved | StatusType::Closed | StatusType::Deleted) => false,
            Some(_) => true,
            None => !matches!(
                code,
                TicketStatus::Resolved | TicketStatus::Closed | TicketStatus::Deleted
            ),
        }
    }

    /// The field definition `fieldid`.
    pub fn field(&self, fieldid: &str) -> Option<&CustomField> {
        self.fields
            .iter()
            .find(|field| field.fieldid.as_deref() == Some(fieldid.trim()))
    }

    /// The detail of the ticket at `index` as the API returns it: time strings at
    /// `offset_seconds`, customer fields from the CRM's current record.
    pub fn render_detail(&self, index: usize, offset_seconds: i32, crm: &CrmState) -> TicketDetail {
        let Some(record) = self.tickets.get(index) else {
            return empty_detail();
        };
        let mut detail = record.detail.clone();
        if let Some(customer) = detail
            .userid
            .as_deref()
            .and_then(|id| crm.customer(id))
            .map(|record| &record.customer)
        {
            detail.user_nick = customer.nick.clone();
            detail.user_name = customer.uname.clone();
            detail.user_tels = customer.tel.clone();
            detail.user_emails = customer.email.clone();
        }
        let text = |ms: Option<i64>| ms.map(|ms| format_datetime(ms, offset_seconds));
        detail.create_datetime = text(detail.create_datetime_ms);
        detail.update_datetime = text(detail.update_datetime_ms);
        detail.evaluation_datetime = text(detail.evaluation_datetime_ms);
        detail.closed_datetime = text(detail.closed_datetime_ms);
        detail.first_accept_datetime = text(detail.first_accept_datetime_ms);
        detail.first_complete_datetime = text(detail.first_complete_datetime_ms);
        for reply in &mut detail.deal_list {
            reply.reply_datetime = text(reply.reply_datetime_ms);
        }
        for entry in &mut detail.update_log_list {
            entry.update_datetime = text(entry.update_datetime_ms);
        }
        detail
    }

    /// The ticket at `index` as the lists return it (built without copying replies and
    /// history, which the lists do not carry).
    pub fn render_summary(
        &self,
        index: usize,
        offset_seconds: i32,
        crm: &CrmState,
    ) -> TicketSummary {
        let Some(record) = self.tickets.get(index) else {
            return self
                .render_detail(index, offset_seconds, crm)
                .into_summary();
        };
        let detail = &record.detail;
        let customer = detail
            .userid
            .as_deref()
            .and_then(|id| crm.customer(id))
            .map(|record| &record.customer);
        let text = |ms: Option<i64>| ms.map(|ms| format_datetime(ms, offset_seconds));
        TicketSummary {
            ticketid: detail.ticketid.clone(),
            ticket_code: detail.ticket_code.clone(),
            ticket_title: detail.ticket_title.clone(),
            ticket_content: detail.ticket_content.clone(),
            ticket_from: detail.ticket_from.clone(),
            ticket_level: detail.ticket_level.clone(),
            ticket_status: detail.ticket_status.clone(),
            start_type: detail.start_type.clone(),
            start_name: detail.start_name.clone(),
            ticket_type_name: detail.ticket_type_name.clone(),
            deal_agent_name: detail.deal_agent_name.clone(),
            deal_group_name: detail.deal_group_name.clone(),
            create_datetime: text(detail.create_datetime_ms),
            create_datetime_ms: detail.create_datetime_ms,
            update_datetime: text(detail.update_datetime_ms),
            update_datetime_ms: detail.update_datetime_ms,
            user_nick: customer.map_or_else(|| detail.user_nick.clone(), |c| c.nick.clone()),
            user_name: customer.map_or_else(|| detail.user_name.clone(), |c| c.uname.clone()),
            user_tels: customer.map_or_else(|| detail.user_tels.clone(), |c| c.tel.clone()),
            user_emails: customer.map_or_else(|| detail.user_emails.clone(), |c| c.email.clone()),
            evaluation_datetime: text(detail.evaluation_datetime_ms),
            evaluation_datetime_ms: detail.evaluation_datetime_ms,
            score: detail.score,
            remark: detail.remark.clone(),
        }
    }
}

/// The list view of a detail.
trait IntoSummary {
    fn into_summary(self) -> TicketSummary;
}

impl IntoSummary for TicketDetail {
    fn into_summary(self) -> TicketSummary {
        TicketSummary {
            ticketid: self.ticketid,
            ticket_code: self.ticket_code,
            ticket_title: self.ticket_title,
            ticket_content: self.ticket_content,
            ticket_from: self.ticket_from,
            ticket_level: self.ticket_level,
            ticket_status: self.ticket_status,
            start_type: self.start_type,
            start_name: self.start_name,
            ticket_type_name: self.ticket_type_name,
            deal_agent_name: self.deal_agent_name,
            deal_group_name: self.deal_group_name,
            create_datetime: self.create_datetime,
            create_datetime_ms: self.create_datetime_ms,
            update_datetime: self.update_datetime,
            update_datetime_ms: self.update_datetime_ms,
            user_nick: self.user_nick,
            user_name: self.user_name,
            user_tels: self.user_tels,
            user_emails: self.user_emails,
            evaluation_datetime: self.evaluation_datetime,
            evaluation_datetime_ms: self.evaluation_datetime_ms,
            score: self.score,
            remark: self.remark,
        }
    }
}

/// A detail with every field empty (the starting point of new tickets).
pub fn empty_detail() -> TicketDetail {
    TicketDetail {
        companyid: None,
        ticketid: None,
        ticket_code: None,
        ticket_title: None,
        ticket_content: None,
        ticket_from: None,
        ticket_level: None,
        ticket_status: None,
        ticket_typeid: None,
        ticket_type_name: None,
        start_type: None,
        start_name: None,
        deal_groupid: None,
        deal_group_name: None,
        deal_agentid: None,
        deal_agent_name: None,
        recordid: None,
        userid: None,
        user_nick: None,
        user_name: None,
        user_tels: None,
        user_emails: None,
        update_agent_name: None,
        create_datetime: None,
        create_datetime_ms: None,
        update_datetime: None,
        update_datetime_ms: None,
        evaluation_datetime: None,
        evaluation_datetime_ms: None,
        closed_datetime: None,
        closed_datetime_ms: None,
        first_accept_datetime: None,
        first_accept_datetime_ms: None,
        first_complete_datetime: None,
        first_complete_datetime_ms: None,
        score: None,
        remark: None,
        create_group_names: None,
        concern_serviceid: None,
        concern_service_name: None,
        relation_ticketid: None,
        ticket_email: None,
        file_list: Vec::new(),
        extend_fields_list: Vec::new(),
        params_extends_list: Vec::new(),
        deal_list: Vec::new(),
        update_log_list: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticket_numbers_count_up_per_day() {
        let mut state = TicketState::default();
        assert_eq!(state.next_code("20240903"), "20240903000001");
        assert_eq!(state.next_code("20240903"), "20240903000002");
        assert_eq!(state.next_code("20240904"), "20240904000001");
    }

    #[test]
    fn tickets_are_found_by_id_before_code() {
        let mut state = TicketState::default();
        for (id, code) in [("a", "1"), ("b", "2")] {
            let mut detail = empty_detail();
            detail.ticketid = Some(id.into());
            detail.ticket_code = Some(code.into());
            state.insert(TicketRecord {
                detail,
                partnerid: None,
                created_ms: 0,
                updated_ms: 0,
            });
        }
        assert_eq!(state.find(Some("b"), Some("1")), Some(1));
        assert_eq!(state.find(None, Some("1")), Some(0));
        assert_eq!(state.find(Some(" "), Some("2")), Some(1));
        assert_eq!(state.find(Some("zz"), None), None);
    }
}
