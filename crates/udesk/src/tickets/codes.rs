//! The documented code sets of the ticket API (003:3-32 and the tables), each keeping unknown
//! values.

use vendor_http::code_enum;

code_enum! {
    /// `status_id` (003:5-11). Note 4 ("solving") sits between open and resolved in the
    /// lifecycle: the numbers are not ordered.
    pub enum TicketStatus(Integer) {
        /// 1, open.
        Open = "1",
        /// 2, resolved.
        Resolved = "2",
        /// 3, closed.
        Closed = "3",
        /// 4, solving (in progress).
        Solving = "4",
    }
    /// Another status ID (a tenant's custom status).
    other Other
}

code_enum! {
    /// `status_en`, the stable English status name of a ticket.
    pub enum StatusName(Text) {
        /// `open`.
        Open = "open",
        /// `resolved`.
        Resolved = "resolved",
        /// `closed`.
        Closed = "closed",
        /// `solving`.
        Solving = "solving",
    }
    /// Another name.
    other Other
}

code_enum! {
    /// `priority_id` (003:13-19).
    pub enum Priority(Integer) {
        /// 1, urgent ("urgency").
        Urgent = "1",
        /// 2, high.
        High = "2",
        /// 3, medium (shown elsewhere as "standard"/"normal").
        Medium = "3",
        /// 4, low.
        Low = "4",
    }
    /// Another priority ID.
    other Other
}

code_enum! {
    /// `platform_name`, the channel a ticket came from (003:21-32).
    pub enum Platform(Text) {
        /// Email (the seed's meaning column says "eamil", 003:24).
        Email = "email",
        /// Weibo.
        Weibo = "weibo",
        /// WeChat (the seed's "weixin").
        Wechat = "wechat",
        /// Real-time chat.
        Im = "im",
        /// Telephone.
        Call = "call",
        /// Feedback form.
        Feedback = "feedback",
        /// Help center.
        HelpCenter = "hc",
        /// Manual entry.
        ManualInput = "manual_input",
        /// API.
        Api = "api",
    }
    /// Another channel.
    other Other
}

code_enum! {
    /// A reply's `function_type`: internal note or external comment. The replies table spells
    /// it `internat` (003:750); that spelling is accepted.
    pub enum FunctionType(Text) {
        /// `internal`: a note only agents see.
        Internal = "internal" | "internat",
        /// `external`: a comment the customer sees.
        External = "external",
    }
    /// Another type.
    other Other
}

code_enum! {
    /// The format of reply content (`content_format`, customer reply's `content_type`).
    pub enum ContentFormat(Text) {
        /// Plain text.
        Text = "text",
        /// Rich text.
        Html = "html",
    }
    /// Another format.
    other Other
}

code_enum! {
    /// Who wrote a reply or made a change (`author.user_type`).
    pub enum UserType(Text) {
        /// An agent.
        Agent = "agent",
        /// A customer.
        Customer = "customer",
    }
    /// Another kind of author (e.g. a trigger or the system).
    other Other
}

code_enum! {
    /// How a customer is identified: create's `type` (003:83), update's `customer_id_type`, and
    /// list's `type` (the last two are not enumerated in the seed; assumed the same four).
    pub enum CustomerIdType(Text) {
        /// Customer email.
        Email = "email",
        /// Customer phone.
        Cellphone = "cellphone",
        /// The customer's external unique identifier.
        CustomerToken = "customer_token",
        /// Udesk customer ID.
        CustomerId = "customer_id",
    }
    /// Another identifier type.
    other Other
}

code_enum! {
    /// A custom field's `content_type` (deprecated custom-fields list, 003:950-1090).
    pub enum CustomFieldType(Text) {
        /// Single-line text.
        Text = "text",
        /// Multi-line text.
        AreaText = "area_text",
        /// Date, `2016-08-11`.
        Date = "date",
        /// Date and time, `2017-05-03 14:44`.
        DateTime = "datetime",
        /// Time, `14:44:36`.
        Time = "time",
        /// Link.
        Link = "link",
        /// Location text.
        Location = "location",
        /// Positive integer, sent as text (`"13"`).
        Number = "number",
        /// Decimal number, sent as text (`"13.33"`).
        Numeric = "numeric",
        /// Drop-down list (option index).
        Droplist = "droplist",
        /// Radio buttons (option index).
        Radio = "radio",
        /// Check boxes (several option indexes).
        Checkbox = "checkbox",
    }
    /// Another type (e.g. cascading fields).
    other Other
}

impl CustomFieldType {
    /// Whether values are option indexes (comma-joined in create, an array in update).
    pub fn is_select(&self) -> bool {
        matches!(self, Self::Droplist | Self::Radio | Self::Checkbox)
    }
}

code_enum! {
    /// A template field's `field_type`.
    pub enum TemplateFieldType(Text) {
        /// A text-type field (`TextField_N`).
        TextField = "TextField",
        /// A selection-type field (`SelectField_N`).
        SelectField = "SelectField",
    }
    /// Another kind.
    other Other
}

code_enum! {
    /// Who may see a filter (`permission`). The note says `all` (003:1330) but the example
    /// returns `"All"` (003:1349); both are accepted.
    pub enum FilterPermission(Text) {
        /// Every agent.
        All = "all" | "All" | "ALL",
        /// One agent (`permission_id` is the agent ID).
        Agent = "agent",
        /// One agent group (`permission_id` is the group ID).
        AgentGroup = "agent_group",
    }
    /// Another scope.
    other Other
}

code_enum! {
    /// Which filters to list (`type` of the filters list, 003:1302-1309).
    pub enum FilterScope(Text) {
        /// Filters visible to every agent.
        All = "all",
        /// Filters visible to agents, or to the agent `id`.
        Agent = "agent",
        /// Filters visible to agent groups, or to the group `id`.
        AgentGroup = "agent_group",
    }
    /// Another scope.
    other Other
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integer_codes_encode_as_numbers_and_text_codes_as_strings() {
        assert_eq!(
            serde_json::to_string(&(TicketStatus::Solving, Priority::Urgent, Platform::Api))
                .expect("encodes"),
            r#"[4,1,"api"]"#
        );
    }

    #[test]
    fn the_docs_misspellings_decode_to_the_intended_variant() {
        assert_eq!(FunctionType::from_code("internat"), FunctionType::Internal);
        assert_eq!(FilterPermission::from_code("All"), FilterPermission::All);
        assert_eq!(
            TicketStatus::from_code("7"),
            TicketStatus::Other("7".into())
        );
        assert!(CustomFieldType::Checkbox.is_select());
        assert!(!CustomFieldType::Date.is_select());
    }
}
