//! The CRM's store: customers with their tags, stages, custom fields and timelines; tags; the
//! blacklist; assignments; enterprises; reference data.

use std::collections::HashMap;

use sobot::crm::{
    AssignmentRecord, BlacklistEntry, City, Country, CrmCustomField, CrmLanguage, CrmTimeZone,
    CustomFieldEntry, Customer, CustomerBehavior, CustomerSourceEntry, District, EnterpriseInput,
    FollowUpStage, MultilingualContent, Province, Tag, TagGroup, VipLevel,
};

/// A customer and what the stored [`Customer`] does not carry directly.
#[derive(Debug, Clone, PartialEq)]
pub struct CustomerRecord {
    /// The customer; `biz_label`, `user_status` and `ex_field_str` are derived when read.
    pub customer: Customer,
    /// Business tag IDs.
    pub tag_ids: Vec<String>,
    /// Follow-up stage ID.
    pub stage_id: Option<String>,
    /// Custom field values.
    pub fields: Vec<CustomFieldEntry>,
    /// The behaviour timeline, oldest first.
    pub behaviors: Vec<CustomerBehavior>,
}

impl CustomerRecord {
    /// The customer ID.
    pub fn id(&self) -> &str {
        self.customer.id.as_deref().unwrap_or_default()
    }
}

/// An enterprise created through `enterprise/save`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Enterprise {
    /// Enterprise ID.
    pub id: String,
    /// What was saved.
    pub input: EnterpriseInput,
}

/// A reference entry with Chinese and English labels.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bilingual {
    /// ID or code.
    pub id: String,
    /// The value to write (zone ID, language code); same as `id` where there is none.
    pub code: String,
    /// Chinese label.
    pub zh: String,
    /// English label.
    pub en: String,
}

impl Bilingual {
    /// The label in `language` (`zh` or `en`).
    pub fn label(&self, english: bool) -> String {
        if english { &self.en } else { &self.zh }.clone()
    }
}

/// Everything the CRM API serves.
#[derive(Debug, Clone, Default)]
pub struct CrmState {
    /// Customers in creation order.
    pub customers: Vec<CustomerRecord>,
    /// Customer ID → index.
    pub by_id: HashMap<String, usize>,
    /// Tag groups (deleted ones are removed).
    pub tag_groups: Vec<TagGroup>,
    /// Tags.
    pub tags: Vec<Tag>,
    /// Follow-up stages.
    pub stages: Vec<FollowUpStage>,
    /// Blacklist entries, current and past.
    pub blacklist: Vec<BlacklistEntry>,
    /// Assignments: the responsible agent's ID and the record.
    pub assignments: Vec<(String, AssignmentRecord)>,
    /// Enterprises.
    pub enterprises: Vec<Enterprise>,
    /// Customer custom fields.
    pub customer_fields: Vec<CrmCustomField>,
    /// Enterprise custom fields.
    pub enterprise_fields: Vec<CrmCustomField>,
    /// VIP levels.
    pub vip_levels: Vec<VipLevel>,
    /// The customer source dictionary.
    pub sources: Vec<CustomerSourceEntry>,
    /// Provinces.
    pub provinces: Vec<Province>,
    /// Cities.
    pub cities: Vec<City>,
    /// Districts.
    pub districts: Vec<District>,
    /// Countries.
    pub countries: Vec<Bilingual>,
    /// Time zones.
    pub timezones: Vec<Bilingual>,
    /// Languages.
    pub languages: Vec<Bilingual>,
    /// Multilingual content by placeholder.
    pub placeholders: Vec<MultilingualContent>,
}

impl CrmState {
    /// Adds a customer; returns its index.
    pub fn insert(&mut self, record: CustomerRecord) -> usize {
        let index = self.customers.len();
        self.by_id.insert(record.id().to_owned(), index);
        self.customers.push(record);
        index
    }

    /// The customer `id`.
    pub fn customer(&self, id: &str) -> Option<&CustomerRecord> {
        self.by_id
            .get(id.trim())
            .and_then(|&index| self.customers.get(index))
    }

    /// The index of customer `id`.
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.by_id.get(id.trim()).copied()
    }

    /// The customer the identification rule matches: same phone, else same e-mail.
    pub fn find_match(&self, tel: Option<&str>, email: Option<&str>) -> Option<usize> {
        let same = |stored: &Option<String>, wanted: Option<&str>| match wanted
            .map(str::trim)
            .filter(|w| !w.is_empty())
        {
            Some(wanted) => stored
                .as_deref()
                .is_some_and(|s| s.split([',', ';']).any(|part| part.trim() == wanted)),
            None => false,
        };
        self.customers
            .iter()
            .position(|c| same(&c.customer.tel, tel))
            .or_else(|| {
                self.customers
                    .iter()
                    .position(|c| same(&c.customer.email, email))
            })
    }

    /// The customer's blacklist entry in force at `now_s`, if any.
    pub fn active_blacklisting(&self, user_id: &str, now_s: i64) -> Option<&BlacklistEntry> {
        self.blacklist.iter().rev().find(|entry| {
            entry.user_id.as_deref() == Some(user_id)
                && entry.is_black == Some(1)
                && entry.black_end_time.is_none_or(|end| end > now_s)
        })
    }

    /// The tag `id`.
    pub fn tag(&self, id: &str) -> Option<&Tag> {
        self.tags
            .iter()
            .find(|tag| tag.id.as_deref() == Some(id.trim()))
    }

    /// The tag group `id`.
    pub fn tag_group(&self, id: &str) -> Option<&TagGroup> {
        self.tag_groups
            .iter()
            .find(|group| group.id.as_deref() == Some(id.trim()))
    }

    /// The customer at `index` as list and detail return it at `now_s`.
    pub fn render(&self, index: usize, now_s: i64) -> Option<Customer> {
        let record = self.customers.get(index)?;
        let mut customer = record.customer.clone();
        customer.biz_label = Some(record.tag_ids.join(","));
        let blacklisted = self.active_blacklisting(record.id(), now_s).is_some();
        customer.user_status = Some(i64::from(blacklisted));
        customer.ex_field_str = Some(serde_json::to_string(&record.fields).unwrap_or_default());
        Some(customer)
    }

    /// Country as the reference list returns it.
    pub fn country(&self, entry: &Bilingual, english: bool) -> Country {
        Country {
            countryid: Some(entry.id.clone()),
            country_name: Some(entry.label(english)),
        }
    }

    /// Time zone as the reference list returns it.
    pub fn timezone(&self, entry: &Bilingual, english: bool) -> CrmTimeZone {
        CrmTimeZone {
            id: Some(entry.id.clone()),
            language: Some(if english { "en" } else { "zh" }.into()),
            timezone_value: Some(entry.label(english)),
            timezoneid: Some(entry.code.clone()),
        }
    }

    /// Language as the reference list returns it.
    pub fn language(&self, entry: &Bilingual, english: bool) -> CrmLanguage {
        CrmLanguage {
            id: Some(entry.id.clone()),
            language: Some(if english { "en" } else { "zh" }.into()),
            language_value: Some(entry.label(english)),
            language_code: Some(entry.code.clone()),
        }
    }
}
