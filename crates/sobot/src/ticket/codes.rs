//! The Ticket API's documented code sets (sobot-ticket.md §5). Each keeps unknown values.

use vendor_http::code_enum;

code_enum! {
    /// `ticket_status`: a status *code*, built-in or custom (`1012`, ...); write operations take
    /// the code, not `status_id` (000:2469).
    pub enum TicketStatus(Text) {
        /// `0` not received (unassigned).
        NotReceived = "0",
        /// `1` processing.
        Processing = "1",
        /// `2` waiting for reply; the status list calls it "Awaiting Agent Reply" (I-11).
        WaitingForReply = "2",
        /// `3` resolved.
        Resolved = "3",
        /// `99` closed.
        Closed = "99",
        /// `98` deleted.
        Deleted = "98",
    }
    /// A custom status code from `query_ticket_status_infos`.
    other Custom
}

code_enum! {
    /// `ticket_level`: the priority.
    pub enum TicketLevel(Text) {
        /// `0` low.
        Low = "0",
        /// `1` medium.
        Medium = "1",
        /// `2` high.
        High = "2",
        /// `3` urgent ("Emergency" in the dictionary example, I-10).
        Urgent = "3",
    }
    /// An undocumented level.
    other Other
}

code_enum! {
    /// `ticket_from`: where a ticket came from (EN full list 000:2916; ZH stops at 21, I-14).
    pub enum TicketSource(Text) {
        /// `0` Ticket Center (agent).
        TicketCenter = "0",
        /// `1` desktop web (customer).
        DesktopWeb = "1",
        /// `2` mobile web (customer).
        MobileWeb = "2",
        /// `3` WeChat official account (customer).
        WeChatOfficialAccount = "3",
        /// `4` app (customer).
        App = "4",
        /// `6` desktop-web livechat workbench (agent).
        DesktopWorkbench = "6",
        /// `7` CRM (agent).
        Crm = "7",
        /// `8` Call Center (agent).
        CallCenter = "8",
        /// `9` WeChat official-account workbench (agent).
        WeChatWorkbench = "9",
        /// `10` mobile-web workbench (agent).
        MobileWorkbench = "10",
        /// `11` app workbench (agent).
        AppWorkbench = "11",
        /// `12` email (customer).
        Email = "12",
        /// `13` voice message (customer).
        VoiceMessage = "13",
        /// `14` mini-program workbench (agent).
        MiniProgramWorkbench = "14",
        /// `15` WeCom workbench (agent).
        WeComWorkbench = "15",
        /// `16` WeChat mini program (customer).
        WeChatMiniProgram = "16",
        /// `17` WeCom (customer).
        WeCom = "17",
        /// `18` bulk import (agent).
        BulkImport = "18",
        /// `19` WeChat customer service (agent).
        WeChatAgent = "19",
        /// `20` WeCom SCRM (agent).
        WeComScrm = "20",
        /// `21` bot (customer).
        Bot = "21",
        /// `22` Facebook workbench (agent).
        FacebookWorkbench = "22",
        /// `23` Facebook (customer).
        Facebook = "23",
        /// `24` WhatsApp workbench (agent).
        WhatsAppWorkbench = "24",
        /// `25` WhatsApp (customer).
        WhatsApp = "25",
        /// `26` Instagram workbench (agent).
        InstagramWorkbench = "26",
        /// `27` Instagram (customer).
        Instagram = "27",
        /// `28` Line workbench (agent).
        LineWorkbench = "28",
        /// `29` Line (customer).
        Line = "29",
        /// `30` Discord workbench (agent).
        DiscordWorkbench = "30",
        /// `31` Discord (customer).
        Discord = "31",
        /// `32` Telegram workbench (agent).
        TelegramWorkbench = "32",
        /// `33` Telegram (customer).
        Telegram = "33",
        /// `34` Shopify (listed for both customer and agent creation).
        Shopify = "34",
    }
    /// An undocumented source (`5` is never defined).
    other Other
}

code_enum! {
    /// `field_type` of a ticket custom field.
    pub enum FieldType(Integer) {
        /// `1` single-line text.
        SingleLineText = "1",
        /// `2` multi-line text.
        MultiLineText = "2",
        /// `3` date.
        Date = "3",
        /// `4` time.
        Time = "4",
        /// `5` number.
        Number = "5",
        /// `6` drop-down.
        DropDown = "6",
        /// `7` checkbox.
        Checkbox = "7",
        /// `8` radio.
        Radio = "8",
        /// `9` cascade.
        Cascade = "9",
        /// `11` region (ZH doc only, 001:1467).
        Region = "11",
        /// `12` date and time.
        DateTime = "12",
    }
    /// An undocumented type (`10` appears only in an export example).
    other Other
}

code_enum! {
    /// `status_type` of a custom status.
    pub enum StatusType(Integer) {
        /// `1` new.
        New = "1",
        /// `2` in progress.
        InProgress = "2",
        /// `3` waiting for customer.
        WaitingForCustomer = "3",
        /// `4` paused.
        Paused = "4",
        /// `5` resolved.
        Resolved = "5",
        /// `6` closed.
        Closed = "6",
        /// `7` deleted.
        Deleted = "7",
    }
    /// An undocumented status type.
    other Other
}

code_enum! {
    /// `start_type`: who created a ticket or wrote a reply or log entry.
    pub enum StartType(Text) {
        /// `0` agent.
        Agent = "0",
        /// `1` customer.
        Customer = "1",
        /// `2` flow trigger.
        FlowTrigger = "2",
        /// `3` ticket bot.
        TicketBot = "3",
        /// `4` ticket-bot rule.
        TicketBotRule = "4",
        /// `5` system.
        System = "5",
        /// `6` automation.
        Automation = "6",
    }
    /// An undocumented actor.
    other Other
}

code_enum! {
    /// `reply_type`: who may see a reply.
    pub enum ReplyVisibility(Text) {
        /// `0` everyone, the customer included.
        Public = "0",
        /// `1` agents only (internal).
        Internal = "1",
    }
    /// An undocumented visibility.
    other Other
}

code_enum! {
    /// `reply_type_new`: what kind of reply.
    pub enum ReplyKind(Text) {
        /// `1` ticket reply.
        TicketReply = "1",
        /// `2` email reply.
        EmailReply = "2",
        /// `3` internal note.
        InternalNote = "3",
        /// `4` email notification.
        EmailNotification = "4",
        /// `5` SMS notification.
        SmsNotification = "5",
        /// `6` call reply (the content is the call ID).
        CallReply = "6",
        /// `7` Amazon reply.
        AmazonReply = "7",
    }
    /// An undocumented kind.
    other Other
}

code_enum! {
    /// `log_from`: what caused a history entry (numbers differ from [`StartType`]).
    pub enum LogSource(Text) {
        /// `1` page operation.
        PageOperation = "1",
        /// `2` flow trigger.
        FlowTrigger = "2",
        /// `3` automation.
        Automation = "3",
        /// `4` ticket-bot rule.
        TicketBotRule = "4",
        /// `5` ticket bot.
        TicketBot = "5",
        /// `6` system.
        System = "6",
    }
    /// An undocumented cause.
    other Other
}

code_enum! {
    /// `first_contact_type`: how the customer prefers to be contacted (an Int in requests).
    pub enum ContactType(Integer) {
        /// `1` email.
        Email = "1",
        /// `2` phone.
        Phone = "2",
    }
    /// An undocumented channel.
    other Other
}

code_enum! {
    /// `fill_flag`: whether a custom field is required.
    pub enum FillFlag(Integer) {
        /// `0` optional.
        Optional = "0",
        /// `1` required.
        Required = "1",
    }
    /// An undocumented flag.
    other Other
}

code_enum! {
    /// `node_flag` of a category or cascade option: `0` is a leaf (counter-intuitive but
    /// confirmed by the example, I-10).
    pub enum NodeFlag(Text) {
        /// `0` leaf (usable as `ticket_typeid`).
        Leaf = "0",
        /// `1` has children.
        Branch = "1",
    }
    /// An undocumented flag.
    other Other
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn custom_status_codes_are_kept_and_sent_back_unchanged() {
        let status: TicketStatus = serde_json::from_str("\"1012\"").expect("decodes");
        assert_eq!(status, TicketStatus::Custom("1012".into()));
        assert_eq!(serde_json::to_string(&status).expect("encodes"), "\"1012\"");
        let closed: TicketStatus = serde_json::from_str("99").expect("number");
        assert_eq!(closed, TicketStatus::Closed);
    }

    #[test]
    fn a_new_ticket_source_does_not_break_decoding() {
        let source: TicketSource = serde_json::from_str("\"35\"").expect("decodes");
        assert_eq!(source, TicketSource::Other("35".into()));
        assert_eq!(TicketSource::from_code("34"), TicketSource::Shopify);
    }

    #[test]
    fn field_types_decode_from_strings_and_numbers_and_encode_as_numbers() {
        let types: Vec<FieldType> = serde_json::from_str(r#"[6,"11",10]"#).expect("decodes");
        assert_eq!(
            types,
            vec![
                FieldType::DropDown,
                FieldType::Region,
                FieldType::Other("10".into())
            ]
        );
        assert_eq!(serde_json::to_string(&types).expect("encodes"), "[6,11,10]");
    }
}
