//! The CRM API's documented code sets (sobot-crm.md §7). Each keeps unknown values.

use vendor_http::code_enum;

code_enum! {
    /// `crm_status`: where a customer stands in the sales flow.
    pub enum CrmStatus(Integer) {
        /// `1` first inquiry.
        FirstInquiry = "1",
        /// `2` to be assigned.
        ToBeAssigned = "2",
        /// `3` following up (has a responsible agent).
        FollowingUp = "3",
        /// `4` in the customer pool.
        Pool = "4",
    }
    /// An undocumented status.
    other Other
}

code_enum! {
    /// `sex`.
    pub enum Sex(Integer) {
        /// `0` unset (seen in the add-push example).
        Unset = "0",
        /// `1` male.
        Male = "1",
        /// `2` female.
        Female = "2",
    }
    /// An undocumented value.
    other Other
}

code_enum! {
    /// `create_type`: how a customer was created.
    pub enum CreateType(Integer) {
        /// `1` agent.
        Agent = "1",
        /// `2` collection bot.
        CollectionBot = "2",
        /// `3` reception bot.
        ReceptionBot = "3",
        /// `4` voice bot.
        VoiceBot = "4",
        /// `5` telemarketing bot.
        TelemarketingBot = "5",
        /// `6` trigger.
        Trigger = "6",
        /// `7` scheduled task.
        ScheduledTask = "7",
    }
    /// An undocumented creator.
    other Other
}

code_enum! {
    /// `black_type`: how long a customer stays blacklisted.
    pub enum BlacklistDuration(Integer) {
        /// `-1` permanent (stored as a far-future end time).
        Permanent = "-1",
        /// `24` hours.
        Hours24 = "24",
        /// `48` hours.
        Hours48 = "48",
        /// `72` hours.
        Hours72 = "72",
    }
    /// An undocumented value (`0` appears on inactive entries, CRM 59).
    other Other
}

code_enum! {
    /// `assign_biz_type`: which assignment move (a String, CRM 45).
    pub enum AssignMove(Text) {
        /// `1` to-be-assigned → assign.
        AssignNew = "1",
        /// `2` pool → assign.
        AssignFromPool = "2",
        /// `3` pool → receive (claim).
        ClaimFromPool = "3",
        /// `4` my customers → reassign.
        Reassign = "4",
        /// `5` following up → change agent.
        ChangeAgent = "5",
    }
    /// An undocumented move.
    other Other
}

code_enum! {
    /// `confirm_type` of a pool recycle (effect undocumented, CRM 46).
    pub enum RecycleVerdict(Integer) {
        /// `1` valid customer.
        Valid = "1",
        /// `2` invalid customer.
        Invalid = "2",
    }
    /// An undocumented verdict.
    other Other
}

code_enum! {
    /// `stage_type` of a follow-up stage. Whether a result is sent as `2` or `21`-`23` is
    /// undocumented (CRM 52); both are representable.
    pub enum StageType(Integer) {
        /// `1` follow-up process.
        Process = "1",
        /// `2` follow-up result.
        Result = "2",
        /// `21` order won.
        Won = "21",
        /// `22` order lost.
        Lost = "22",
        /// `23` invalid.
        Invalid = "23",
    }
    /// An undocumented stage type.
    other Other
}

code_enum! {
    /// `source`: where a customer came from (the dictionary example lists 0-14, the customer
    /// list shows 18, CRM 43; read the full list with `customer_sources`).
    pub enum CustomerSource(Integer) {
        /// `0` desktop website.
        DesktopWebsite = "0",
        /// `1` WeChat official account.
        WeChatOfficialAccount = "1",
        /// `2` app.
        App = "2",
        /// `3` micro-blog.
        Weibo = "3",
        /// `4` mobile website.
        MobileWebsite = "4",
        /// `5` "Melting cloud" (RongCloud).
        RongCloud = "5",
        /// `6` call center.
        CallCenter = "6",
        /// `7` ticket center.
        TicketCenter = "7",
        /// `8` customer center.
        CustomerCenter = "8",
        /// `9` WeCom.
        WeCom = "9",
        /// `10` WeChat mini program.
        WeChatMiniProgram = "10",
        /// `11` mail.
        Mail = "11",
        /// `12` Baidu marketing.
        BaiduMarketing = "12",
        /// `13` Toutiao ("headline").
        Toutiao = "13",
        /// `14` 360.
        Search360 = "14",
    }
    /// A source not in the documented dictionary.
    other Other
}

code_enum! {
    /// `search_type` of the customer list (the example passes `tel`, CRM 38).
    pub enum CustomerSearchBy(Text) {
        /// `1` nickname.
        Nickname = "1",
        /// `2` real name.
        RealName = "2",
        /// `3` company.
        Company = "3",
        /// `4` phone.
        Phone = "4",
        /// `5` email.
        Email = "5",
    }
    /// Another value, sent as is.
    other Other
}

code_enum! {
    /// `module_type` of the customer list.
    pub enum CustomerView(Text) {
        /// `1` all customers (default).
        All = "1",
        /// `2` new.
        New = "2",
        /// `3` to be assigned.
        ToBeAssigned = "3",
        /// `4` following up.
        FollowingUp = "4",
        /// `5` customer pool.
        Pool = "5",
        /// `6` my customers.
        Mine = "6",
    }
    /// Another value, sent as is.
    other Other
}

code_enum! {
    /// `type` of a tag group.
    pub enum TagGroupKind(Integer) {
        /// `0` visitor tags.
        Visitor = "0",
        /// `1` customer tags.
        Customer = "1",
        /// `2` ticket tags.
        Ticket = "2",
    }
    /// An undocumented kind.
    other Other
}

code_enum! {
    /// `type` of a node of the agent tree.
    pub enum OrgNodeKind(Integer) {
        /// `1` department.
        Department = "1",
        /// `2` agent.
        Agent = "2",
    }
    /// An undocumented kind.
    other Other
}

code_enum! {
    /// `field_type` of a customer or enterprise custom field (the push swaps 7 and 8, CRM 58).
    pub enum CrmFieldType(Integer) {
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
        /// `7` check box.
        Checkbox = "7",
        /// `8` radio.
        Radio = "8",
        /// `9` cascade.
        Cascade = "9",
    }
    /// An undocumented type.
    other Other
}

code_enum! {
    /// `biz_type` filter of the behaviour timeline.
    pub enum BehaviorGroup(Text) {
        /// Staff follow-up records.
        Service = "groupService",
        /// Customer status changes.
        User = "groupUser",
        /// Everything else.
        Other = "groupOther",
    }
    /// Another value, sent as is.
    other Unknown
}

code_enum! {
    /// The `action` of a customer create (an upsert).
    pub enum UpsertAction(Text) {
        /// A new customer was created.
        Added = "add",
        /// An existing customer matched the identification rules and was updated.
        Updated = "update",
    }
    /// An undocumented action.
    other Other
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blacklist_durations_are_sent_as_integers_and_unknown_ones_kept() {
        assert_eq!(
            serde_json::to_string(&BlacklistDuration::Permanent).expect("encodes"),
            "-1"
        );
        let inactive: BlacklistDuration = serde_json::from_str("0").expect("decodes");
        assert_eq!(inactive, BlacklistDuration::Other("0".into()));
    }

    #[test]
    fn customer_sources_beyond_the_dictionary_decode() {
        let source: CustomerSource = serde_json::from_str("18").expect("decodes");
        assert_eq!(source, CustomerSource::Other("18".into()));
        assert_eq!(
            serde_json::from_str::<CustomerSource>("\"9\"").expect("decodes"),
            CustomerSource::WeCom
        );
    }
}
