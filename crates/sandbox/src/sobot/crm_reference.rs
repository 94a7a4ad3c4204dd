//! CRM reference data (sobot-crm.md §7.1, §7.6).

use axum::extract::{Path, RawQuery};
use bytes::Bytes;
use sobot::crm::{OrgNode, OrgNodeKind};

use super::auth::Ctx;
use super::params::{self, Params, require};
use super::reply::{self, Answer};

/// The `language` query parameter the localized lists require (`400004` when missing).
fn language(ctx: &Ctx, query: Option<&str>) -> Result<bool, axum::response::Response> {
    let params = Params::parse(query);
    let language = params.require(ctx, "language", "400004")?;
    Ok(language.eq_ignore_ascii_case("en"))
}

/// `GET user/get_timezone?language=`.
pub(crate) async fn timezones(ctx: Ctx, RawQuery(query): RawQuery) -> Answer {
    let english = language(&ctx, query.as_deref())?;
    let world = ctx.app.read();
    let rows = world
        .crm
        .timezones
        .iter()
        .map(|entry| world.crm.timezone(entry, english))
        .collect();
    reply::items(ctx.lang, rows)
}

/// `GET user/get_language?language=`.
pub(crate) async fn languages(ctx: Ctx, RawQuery(query): RawQuery) -> Answer {
    let english = language(&ctx, query.as_deref())?;
    let world = ctx.app.read();
    let rows = world
        .crm
        .languages
        .iter()
        .map(|entry| world.crm.language(entry, english))
        .collect();
    reply::items(ctx.lang, rows)
}

/// `GET user/get_country?language=`.
pub(crate) async fn countries(ctx: Ctx, RawQuery(query): RawQuery) -> Answer {
    let english = language(&ctx, query.as_deref())?;
    let world = ctx.app.read();
    let rows = world
        .crm
        .countries
        .iter()
        .map(|entry| world.crm.country(entry, english))
        .collect();
    reply::items(ctx.lang, rows)
}

fn strip_tags(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// `POST user/get_multilingual_content_detail {placeholder, lang_type?, rich_text_flag?}`:
/// unknown placeholders give `400004`; rich text is stripped unless `rich_text_flag` is 1.
pub(crate) async fn multilingual(ctx: Ctx, body: Bytes) -> Answer {
    let body = params::json_object(&ctx, &body)?;
    let placeholder = require(&ctx, &body, "placeholder", "400004")?;
    let wanted: Vec<String> = body
        .get("lang_type")
        .and_then(|v| v.as_array())
        .map(|items| {
            items
                .iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    let rich = params::int(&ctx, &body, "rich_text_flag")? == Some(1);
    let world = ctx.app.read();
    let Some(content) = world
        .crm
        .placeholders
        .iter()
        .find(|p| p.placeholder.as_deref() == Some(placeholder.as_str()))
    else {
        return Err(ctx.invalid("placeholder not found"));
    };
    let mut content = content.clone();
    content
        .lang_list
        .retain(|t| wanted.is_empty() || t.lang_type.as_ref().is_some_and(|l| wanted.contains(l)));
    if !rich {
        for translation in &mut content.lang_list {
            translation.lang_value = translation.lang_value.as_deref().map(strip_tags);
        }
        content.default_value = content.default_value.as_deref().map(strip_tags);
    }
    reply::item(ctx.lang, content)
}

/// `GET user_dynamic/getsource`.
pub(crate) async fn sources(ctx: Ctx) -> Answer {
    let rows = ctx.app.read().crm.sources.clone();
    reply::items(ctx.lang, rows)
}

/// `GET user/user_list`: departments with their agents.
pub(crate) async fn org_tree(ctx: Ctx) -> Answer {
    let world = ctx.app.read();
    let org = &world.org;
    let node = |index: usize| -> OrgNode {
        let department = &org.departments[index];
        OrgNode {
            id: Some(department.id.clone()),
            name: Some(department.name.clone()),
            image: None,
            path: Some(department.path.clone()),
            kind: Some(OrgNodeKind::Department),
            manager: None,
            sub_list: org
                .agents
                .iter()
                .filter(|agent| agent.department == index)
                .map(|agent| OrgNode {
                    id: Some(agent.id.clone()),
                    name: Some(agent.name.clone()),
                    image: None,
                    path: Some(department.path.clone()),
                    kind: Some(OrgNodeKind::Agent),
                    manager: Some(if agent.admin { 1 } else { 2 }),
                    sub_list: Vec::new(),
                })
                .collect(),
        }
    };
    let mut root = node(0);
    for index in 1..org.departments.len() {
        root.sub_list.push(node(index));
    }
    reply::items(ctx.lang, vec![root])
}

/// `GET user_dynamic/provice` (sic).
pub(crate) async fn provinces(ctx: Ctx) -> Answer {
    let rows = ctx.app.read().crm.provinces.clone();
    reply::items(ctx.lang, rows)
}

/// `GET user_dynamic/city/{provinceid}` (an unknown province lists nothing).
pub(crate) async fn cities(ctx: Ctx, Path(province): Path<String>) -> Answer {
    let world = ctx.app.read();
    let rows = world
        .crm
        .cities
        .iter()
        .filter(|c| c.provinceid.as_deref() == Some(province.trim()))
        .cloned()
        .collect();
    reply::items(ctx.lang, rows)
}

/// `GET user_dynamic/area/{cityid}`.
pub(crate) async fn districts(ctx: Ctx, Path(city): Path<String>) -> Answer {
    let world = ctx.app.read();
    let rows = world
        .crm
        .districts
        .iter()
        .filter(|d| d.cityid.as_deref() == Some(city.trim()))
        .cloned()
        .collect();
    reply::items(ctx.lang, rows)
}

/// `GET custom_field/custom_fieid_info_list` (sic).
pub(crate) async fn customer_fields(ctx: Ctx) -> Answer {
    let rows = ctx.app.read().crm.customer_fields.clone();
    reply::items(ctx.lang, rows)
}

/// `GET custom_field/get_vip_level_data_list`.
pub(crate) async fn vip_levels(ctx: Ctx) -> Answer {
    let rows = ctx.app.read().crm.vip_levels.clone();
    reply::items(ctx.lang, rows)
}

/// `GET enterprise/query_custom_field_list`.
pub(crate) async fn enterprise_fields(ctx: Ctx) -> Answer {
    let rows = ctx.app.read().crm.enterprise_fields.clone();
    reply::items(ctx.lang, rows)
}
