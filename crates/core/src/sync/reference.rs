//! Reference data sync: each connection's statuses (custom ones included), priorities, sources,
//! categories, agents, groups, custom fields and templates, fetched from the vendor and written
//! kind by kind into the store (see [`crate::store::reference`] for the codes and `extra`).
//!
//! A kind is replaced only when everything it is built from was fetched, so a failed call keeps
//! the previous items of that kind; each failed call is reported, none stops the others.

mod fixed;

pub use fixed::{udesk_platform_code, udesk_priority_code, udesk_status_code};

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::{Arc, Mutex, PoisonError};

use serde_json::{Value, json};
use sobot::SobotClient;
use sobot::ticket::{DataDictionary, StatusType, TicketCategory, TicketStatus, TicketStatusInfo};
use udesk::UdeskClient;
use vendor_http::{RetryClass, Retryable};

use super::{FetchError, SyncError};
use crate::store::Store;
use crate::store::reference::{ReferenceItem, ReferenceKind, replace_kind};

/// What one connection's reference fetch produced: the kinds fetched completely, and the calls
/// that failed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReferenceFetch {
    /// Complete kinds with their items (an empty list clears the kind).
    pub kinds: Vec<(ReferenceKind, Vec<ReferenceItem>)>,
    /// The calls that failed, each naming what it was for.
    pub failures: Vec<FetchError>,
}

impl ReferenceFetch {
    fn set(&mut self, kind: ReferenceKind, items: Vec<ReferenceItem>) {
        self.kinds.retain(|(k, _)| *k != kind);
        self.kinds.push((kind, items));
    }

    /// The fetched items of `kind`, if that kind was fetched completely.
    pub fn items(&self, kind: ReferenceKind) -> Option<&[ReferenceItem]> {
        self.kinds
            .iter()
            .find(|(k, _)| *k == kind)
            .map(|(_, items)| items.as_slice())
    }
}

fn failure(what: &str, err: &(impl std::fmt::Display + Retryable)) -> FetchError {
    FetchError {
        message: format!("reference data ({what}): {err}"),
        retryable: err.retry_class() != RetryClass::Never,
    }
}

/// Builds items of one kind of one connection, numbering their positions in order.
struct Items {
    connection_id: String,
    kind: ReferenceKind,
    items: Vec<ReferenceItem>,
    seen: HashSet<String>,
}

impl Items {
    fn new(connection_id: &str, kind: ReferenceKind) -> Self {
        Self {
            connection_id: connection_id.to_owned(),
            kind,
            items: Vec::new(),
            seen: HashSet::new(),
        }
    }

    /// Adds an item unless its code is empty or already there.
    fn push(&mut self, code: &str, name: Option<&str>, extra: Value) {
        if code.is_empty() || !self.seen.insert(code.to_owned()) {
            return;
        }
        self.items.push(ReferenceItem {
            connection_id: self.connection_id.clone(),
            kind: self.kind,
            code: code.to_owned(),
            name: name.filter(|n| !n.is_empty()).unwrap_or(code).to_owned(),
            position: i64::try_from(self.items.len()).unwrap_or(i64::MAX),
            extra,
        });
    }
}

fn status_item(items: &mut Items, info: &TicketStatusInfo, names: &HashMap<String, String>) {
    let Some(code) = info.status_code.as_ref().map(|c| c.code().to_owned()) else {
        return;
    };
    let status = TicketStatus::from_code(&code);
    let name = info
        .status_name
        .clone()
        .or_else(|| names.get(&code).cloned());
    items.push(
        &code,
        name.as_deref(),
        json!({
            "custom": matches!(status, TicketStatus::Custom(_)),
            "deleted": info.is_deleted(),
            "closed": status == TicketStatus::Closed || info.status_type == Some(StatusType::Closed),
            "status_id": info.status_id,
            "customer_name": info.customer_status_name,
        }),
    );
}

fn categories(items: &mut Items, nodes: &[TicketCategory], parent: Option<&str>, path: &str) {
    for node in nodes {
        let name = node.type_name.clone().unwrap_or_default();
        let here = if path.is_empty() {
            name.clone()
        } else {
            format!("{path}/{name}")
        };
        if let Some(id) = node.typeid.as_deref() {
            let parent = node
                .parentid
                .as_deref()
                .filter(|p| !p.is_empty() && *p != "-1")
                .or(parent);
            items.push(
                id,
                Some(&name),
                json!({"parent": parent, "leaf": node.is_leaf(), "level": node.type_level, "path": here}),
            );
        }
        categories(items, &node.sub_type_list, node.typeid.as_deref(), &here);
    }
}

fn sobot_dictionary(connection_id: &str, dict: &DataDictionary, fetch: &mut ReferenceFetch) {
    let mut priorities = Items::new(connection_id, ReferenceKind::Priority);
    for entry in &dict.ticket_level_list {
        priorities.push(
            entry.dict_value.code(),
            entry.dict_name.as_deref(),
            json!({}),
        );
    }
    if priorities.items.is_empty() {
        fixed::push_all(&mut priorities, fixed::SOBOT_PRIORITIES, "zh-CN");
    }
    fixed::name_known_codes(&mut priorities.items, fixed::SOBOT_PRIORITIES);
    fetch.set(ReferenceKind::Priority, priorities.items);
    let mut tree = Items::new(connection_id, ReferenceKind::Category);
    categories(&mut tree, &dict.ticket_type_list, None, "");
    fetch.set(ReferenceKind::Category, tree.items);
    let mut groups = Items::new(connection_id, ReferenceKind::Group);
    for group in &dict.group_list {
        if let Some(id) = group.groupid.as_deref() {
            groups.push(id, group.group_name.as_deref(), json!({}));
        }
    }
    fetch.set(ReferenceKind::Group, groups.items);
    let mut agents = Items::new(connection_id, ReferenceKind::Agent);
    for agent in &dict.agent_list {
        if let Some(id) = agent.agentid.as_deref() {
            agents.push(id, agent.agent_name.as_deref(), json!({}));
        }
    }
    fetch.set(ReferenceKind::Agent, agents.items);
}

/// Fetches a Sobot v5 connection's reference data: the data dictionary (categories, built-in
/// statuses, priorities, groups, agents), every status (custom and deleted ones included) and
/// the custom fields; sources are the documented fixed set in the connection's `language`
/// (`"en"` or `"zh-CN"`).
pub async fn fetch_sobot(
    connection_id: &str,
    client: &SobotClient,
    language: &str,
) -> ReferenceFetch {
    let tickets = client.tickets();
    let (dictionary, statuses, fields) = futures::join!(
        tickets.data_dictionary(),
        tickets.statuses(),
        tickets.custom_fields()
    );
    let mut fetch = ReferenceFetch::default();
    let mut sources = Items::new(connection_id, ReferenceKind::Source);
    fixed::push_all(&mut sources, fixed::SOBOT_SOURCES, language);
    fetch.set(ReferenceKind::Source, sources.items);
    let builtin_names: HashMap<String, String> = match &dictionary {
        Ok(dict) => {
            sobot_dictionary(connection_id, dict, &mut fetch);
            dict.ticket_status_list
                .iter()
                .filter_map(|e| Some((e.dict_value.code().to_owned(), e.dict_name.clone()?)))
                .collect()
        }
        Err(err) => {
            fetch.failures.push(failure("data dictionary", err));
            HashMap::new()
        }
    };
    match &statuses {
        Ok(list) => {
            let mut items = Items::new(connection_id, ReferenceKind::Status);
            for info in list {
                status_item(&mut items, info, &builtin_names);
            }
            // Built-in statuses the status list left out still name tickets' codes.
            if let Ok(dict) = &dictionary {
                for entry in &dict.ticket_status_list {
                    let info = TicketStatusInfo {
                        status_id: None,
                        status_code: Some(entry.dict_value.clone()),
                        status_name: entry.dict_name.clone(),
                        status_type: None,
                        status_desc: None,
                        customer_status_name: None,
                        dynamic_content: Vec::new(),
                        customer_dynamic_content: Vec::new(),
                        is_delete: None,
                    };
                    status_item(&mut items, &info, &builtin_names);
                }
            }
            fixed::name_known_codes(&mut items.items, fixed::SOBOT_BUILTIN_STATUSES);
            fetch.set(ReferenceKind::Status, items.items);
        }
        Err(err) => fetch.failures.push(failure("statuses", err)),
    }
    match &fields {
        Ok(list) => {
            let mut items = Items::new(connection_id, ReferenceKind::CustomField);
            for field in list {
                let Some(id) = field.fieldid.as_deref() else {
                    continue;
                };
                let options: Vec<Value> = field
                    .field_data_list
                    .iter()
                    .map(|o| json!({"value": o.data_value, "label": o.data_name, "id": o.data_id, "parent": o.data_parent_id}))
                    .collect();
                items.push(
                    id,
                    field.field_name.as_deref(),
                    json!({
                        "key": id,
                        "type": field.field_type.as_ref().map(|t| t.code().to_owned()),
                        "options": options,
                        "required": field.fill_flag == Some(sobot::ticket::FillFlag::Required),
                    }),
                );
            }
            fetch.set(ReferenceKind::CustomField, items.items);
        }
        Err(err) => fetch.failures.push(failure("custom fields", err)),
    }
    fetch
}

/// Fetches a Udesk account's reference data: custom fields and templates from the API, and
/// the documented fixed statuses, priorities and sources (Udesk lists no agents or groups; the
/// ones its tickets name are added by [`derive_from_tickets`]).
pub async fn fetch_udesk(connection_id: &str, client: &UdeskClient) -> ReferenceFetch {
    let tickets = client.tickets();
    let (fields, templates) = futures::join!(tickets.custom_fields(), tickets.templates());
    let mut fetch = ReferenceFetch::default();
    for (kind, set) in [
        (ReferenceKind::Status, fixed::UDESK_STATUSES),
        (ReferenceKind::Priority, fixed::UDESK_PRIORITIES),
        (ReferenceKind::Source, fixed::UDESK_PLATFORMS),
    ] {
        let mut items = Items::new(connection_id, kind);
        fixed::push_all(&mut items, set, "zh-CN");
        if kind == ReferenceKind::Status {
            for item in &mut items.items {
                let closed = item.code == "closed";
                item.extra["custom"] = json!(false);
                item.extra["deleted"] = json!(false);
                item.extra["closed"] = json!(closed);
            }
        }
        fetch.set(kind, items.items);
    }
    match fields {
        Ok(list) => {
            let mut items = Items::new(connection_id, ReferenceKind::CustomField);
            for field in &list {
                let options: Vec<Value> = field
                    .option_labels()
                    .into_iter()
                    .map(|(value, label)| json!({"value": value, "label": label}))
                    .collect();
                items.push(
                    &field.field_name,
                    field.field_label.as_deref(),
                    json!({
                        "key": field.field_name,
                        "type": field.content_type.as_ref().map(|t| t.code().to_owned()),
                        "options": options,
                        "required": field.requirement.unwrap_or(false),
                        "comment": field.comment,
                    }),
                );
            }
            fetch.set(ReferenceKind::CustomField, items.items);
        }
        Err(err) => fetch.failures.push(failure("custom fields", &err)),
    }
    match templates {
        Ok(list) => {
            let mut items = Items::new(connection_id, ReferenceKind::Template);
            for template in &list {
                items.push(
                    &template.id,
                    template.name.as_deref(),
                    json!({
                        "description": template.description,
                        "fields": template.custom_fields,
                    }),
                );
            }
            fetch.set(ReferenceKind::Template, items.items);
        }
        Err(err) => fetch.failures.push(failure("templates", &err)),
    }
    fetch
}

/// Writes every complete kind of `fetch` into the store, one transaction per kind.
pub fn store_fetch(
    store: &Arc<Mutex<Store>>,
    connection_id: &str,
    fetch: &ReferenceFetch,
) -> Result<(), SyncError> {
    let mut db = store.lock().unwrap_or_else(PoisonError::into_inner);
    for (kind, items) in &fetch.kinds {
        replace_kind(db.connection_mut(), connection_id, *kind, items)?;
    }
    Ok(())
}

/// Replaces a connection's agents and groups with the ones its stored tickets name (for
/// vendors whose API lists neither, such as Udesk). Agents carry the groups they were seen in.
pub fn derive_from_tickets(
    store: &Arc<Mutex<Store>>,
    connection_id: &str,
) -> Result<(), SyncError> {
    let mut db = store.lock().unwrap_or_else(PoisonError::into_inner);
    let rows: Vec<[Option<String>; 4]> = {
        let mut statement = db.connection().prepare(
            "SELECT DISTINCT assignee_id, assignee_name, group_id, group_name FROM tickets \
             WHERE connection_id = ? AND (assignee_id IS NOT NULL OR group_id IS NOT NULL) \
             ORDER BY assignee_name, group_name",
        )?;
        statement
            .query_map([connection_id], |row| {
                Ok([row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?])
            })?
            .collect::<Result<_, _>>()?
    };
    let mut groups = Items::new(connection_id, ReferenceKind::Group);
    let mut agent_groups: BTreeMap<String, (Option<String>, Vec<String>)> = BTreeMap::new();
    for [agent, agent_name, group, group_name] in rows {
        if let Some(group) = group.as_deref().filter(|g| !g.is_empty()) {
            groups.push(group, group_name.as_deref(), json!({}));
        }
        if let Some(agent) = agent.filter(|a| !a.is_empty()) {
            let entry = agent_groups.entry(agent).or_default();
            entry.0 = entry.0.take().or(agent_name);
            if let Some(group) = group.filter(|g| !g.is_empty() && !entry.1.contains(g)) {
                entry.1.push(group);
            }
        }
    }
    let mut agents = Items::new(connection_id, ReferenceKind::Agent);
    for (id, (name, group_ids)) in &agent_groups {
        agents.push(id, name.as_deref(), json!({"group_ids": group_ids}));
    }
    replace_kind(
        db.connection_mut(),
        connection_id,
        ReferenceKind::Group,
        &groups.items,
    )?;
    replace_kind(
        db.connection_mut(),
        connection_id,
        ReferenceKind::Agent,
        &agents.items,
    )?;
    Ok(())
}

/// Ids of a Sobot connection's agents, groups and categories by name (and category path), for
/// tickets that name them only by name. Names shared by two items are left out.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SobotDirectory {
    agents: HashMap<String, Option<String>>,
    groups: HashMap<String, Option<String>>,
    categories: HashMap<String, Option<String>>,
}

impl SobotDirectory {
    /// The directory of connection `connection_id` from the reference data stored in `db`.
    pub(crate) fn stored(db: &rusqlite::Connection, connection_id: &str) -> rusqlite::Result<Self> {
        let items = crate::store::reference::list(db, Some(connection_id))?;
        Ok(Self::from_items(&items))
    }

    /// The directory of the agents, groups and categories among `items`.
    pub fn from_items(items: &[ReferenceItem]) -> Self {
        let mut directory = Self::default();
        for item in items {
            let (map, key) = match item.kind {
                ReferenceKind::Agent => (&mut directory.agents, item.name.clone()),
                ReferenceKind::Group => (&mut directory.groups, item.name.clone()),
                ReferenceKind::Category => (
                    &mut directory.categories,
                    item.extra["path"].as_str().unwrap_or(&item.name).to_owned(),
                ),
                _ => continue,
            };
            map.entry(key)
                .and_modify(|id| *id = None)
                .or_insert_with(|| Some(item.code.clone()));
        }
        directory
    }

    fn find(map: &HashMap<String, Option<String>>, name: Option<&str>) -> Option<String> {
        map.get(name?.trim()).cloned().flatten()
    }

    /// The id of the agent named `name`.
    pub fn agent(&self, name: Option<&str>) -> Option<String> {
        Self::find(&self.agents, name)
    }

    /// The id of the group named `name`.
    pub fn group(&self, name: Option<&str>) -> Option<String> {
        Self::find(&self.groups, name)
    }

    /// The id of the category at `path` (`L1/L2/L3`).
    pub fn category(&self, path: Option<&str>) -> Option<String> {
        Self::find(&self.categories, path)
    }
}

#[cfg(test)]
mod tests;
