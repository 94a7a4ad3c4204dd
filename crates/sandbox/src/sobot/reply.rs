//! Answers in the v5 envelope `{ret_code, ret_msg, item | items | data, paging}`, always under
//! HTTP 200 as the docs describe, with `ret_msg` in the language the `language` header asks for.

use axum::Json;
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use sobot::codes::SUCCESS;
use sobot::envelope::{ItemEnvelope, ItemsEnvelope, Page, StatusEnvelope};

/// A handler's answer: the success or the documented error, both already envelopes.
pub(crate) type Answer = Result<Response, Response>;

/// The language of `ret_msg` (`language` header; Chinese by default, 000:32-40).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Lang {
    /// `zh` (the default).
    Chinese,
    /// `en`.
    English,
}

impl Lang {
    /// The language a request asks for.
    pub fn of(headers: &HeaderMap) -> Self {
        match headers
            .get("language")
            .and_then(|value| value.to_str().ok())
            .map(|value| value.trim().to_ascii_lowercase())
            .as_deref()
        {
            Some("en") => Lang::English,
            _ => Lang::Chinese,
        }
    }

    /// Whether English was asked for.
    pub fn english(self) -> bool {
        self == Lang::English
    }
}

/// The documented meaning of `code` in `lang` (000:4912-4954, 001:5054-5097, 002:3457-3481).
pub(crate) fn message(code: &str, lang: Lang) -> &'static str {
    let (zh, en) = match code {
        SUCCESS => ("操作成功", "Success"),
        "700046" => (
            "贵公司购买的版本不支持API接口",
            "Your edition does not support the API",
        ),
        "900001" => ("token为空", "Token is blank"),
        "900002" => (
            "token已过期,请重新获取",
            "Token expired, please get a new one",
        ),
        "900003" => ("签名错误", "Signature error"),
        "900004" => (
            "未查询到公司的API配置",
            "No API configuration found for the company",
        ),
        "400001" => ("创建时间不能为空", "Creation time cannot be blank"),
        "400002" => (
            "创建结束时间小于开始时间",
            "Creation end time is earlier than start time",
        ),
        "400003" => (
            "查询创建时间段不能超过一个月",
            "The creation time period cannot exceed one month",
        ),
        "400004" => ("请求参数不能为空", "Request parameter cannot be null"),
        "400005" => ("时间格式错误", "Wrong time format"),
        "400006" => ("操作客服ID为空", "Operating agent ID is blank"),
        "400007" => ("操作客服ID错误", "Operating agent ID is incorrect"),
        "400008" => ("工单分类ID为空", "Ticket category ID is blank"),
        "400009" => ("工单状态为空", "Ticket status is blank"),
        "400010" => ("工单来源为空", "Ticket source is blank"),
        "400011" => ("工单优先级为空", "Ticket level is blank"),
        "400012" => ("技能组ID为空", "Skill group ID is blank"),
        "400013" => (
            "受理技能组与受理客服不匹配",
            "The receiving group does not match the receiving agent",
        ),
        "400014" => ("请求失败", "Request failed"),
        "400015" => ("开始时间不能为空", "Start time cannot be blank"),
        "400016" => (
            "您读取的工单数据已过期，请刷新",
            "The ticket data you read has expired, please refresh",
        ),
        "400017" => ("更新时间不能为空", "Update time cannot be blank"),
        "400018" => (
            "更新结束时间小于开始时间",
            "Update end time is earlier than start time",
        ),
        "400019" => (
            "查询更新时间段不能超过一个月",
            "The update time period cannot exceed one month",
        ),
        "400020" => ("工单不存在", "Ticket not found"),
        "400021" => ("工单回复不存在", "Ticket reply not found"),
        "400057" => (
            "结束时间小于开始时间",
            "End time is earlier than start time",
        ),
        "400308" => ("名称已存在", "Name already exists"),
        "400309" => ("名称不能为空", "Name cannot be blank"),
        "400311" => ("工单状态不存在", "Ticket status not found"),
        "400314" => ("工单状态不正确", "Ticket status is incorrect"),
        "400401" => ("地区编码不正确", "Region code is incorrect"),
        "510001" => ("标签组不存在", "Tag group not found"),
        "510002" => ("标签组名称已存在", "Tag group name already exists"),
        "510003" => ("标签名称已存在", "Tag name already exists"),
        "510004" => (
            "标签参数名已存在或标签不存在",
            "Tag param name already exists, or tag not found",
        ),
        "510005" => ("标签组名称不能为空", "Tag group name cannot be blank"),
        "510006" => ("标签名称不能为空", "Tag name cannot be blank"),
        "510007" => ("名称不能超过30个字符", "Name cannot exceed 30 characters"),
        _ => ("系统未知异常", "Unknown system error"),
    };
    if lang.english() { en } else { zh }
}

fn success(lang: Lang) -> Option<String> {
    Some(message(SUCCESS, lang).to_owned())
}

/// A documented error: `{ret_code, ret_msg}` under HTTP 200.
pub(crate) fn fail(lang: Lang, code: &str) -> Response {
    fail_with(lang, code, None)
}

/// A documented error whose message names what was wrong (`ret_msg` is the documented meaning,
/// followed by the detail).
pub(crate) fn fail_with(lang: Lang, code: &str, detail: Option<&str>) -> Response {
    let mut text = message(code, lang).to_owned();
    if let Some(detail) = detail {
        text.push_str(": ");
        text.push_str(detail);
    }
    Json(StatusEnvelope {
        ret_code: code.to_owned(),
        ret_msg: Some(text),
    })
    .into_response()
}

/// `400004` naming the parameter.
pub(crate) fn invalid(lang: Lang, what: &str) -> Response {
    fail_with(lang, "400004", Some(what))
}

/// Success with no payload.
pub(crate) fn ok(lang: Lang) -> Answer {
    Ok(Json(StatusEnvelope {
        ret_code: SUCCESS.into(),
        ret_msg: success(lang),
    })
    .into_response())
}

/// Success with `item`.
pub(crate) fn item<T: Serialize>(lang: Lang, item: T) -> Answer {
    Ok(Json(ItemEnvelope {
        ret_code: SUCCESS.into(),
        ret_msg: success(lang),
        item: Some(item),
    })
    .into_response())
}

/// Success with `items`.
pub(crate) fn items<T: Serialize>(lang: Lang, items: Vec<T>) -> Answer {
    Ok(Json(ItemsEnvelope {
        ret_code: SUCCESS.into(),
        ret_msg: success(lang),
        items,
    })
    .into_response())
}

/// Success with one page of `rows` (all matching rows; the page is cut here).
pub(crate) fn page<T: Serialize>(
    lang: Lang,
    rows: Vec<T>,
    page_no: usize,
    page_size: usize,
) -> Answer {
    let total = rows.len();
    let items: Vec<T> = rows
        .into_iter()
        .skip(page_no.saturating_sub(1).saturating_mul(page_size))
        .take(page_size)
        .collect();
    Ok(Json(paged(lang, items, page_no, page_size, total)).into_response())
}

/// A page envelope around rows already cut.
pub(crate) fn paged<T>(
    lang: Lang,
    items: Vec<T>,
    page_no: usize,
    page_size: usize,
    total: usize,
) -> Page<T> {
    let as_i64 = |n: usize| i64::try_from(n).unwrap_or(i64::MAX);
    Page {
        ret_code: SUCCESS.into(),
        ret_msg: success(lang),
        items,
        page_no: Some(as_i64(page_no)),
        page_size: Some(as_i64(page_size)),
        page_count: Some(as_i64(total.div_ceil(page_size.max(1)))),
        total_count: Some(as_i64(total)),
    }
}

/// Success with a hand-built JSON body (the documented deviations from the envelope).
pub(crate) fn raw(value: serde_json::Value) -> Answer {
    Ok(Json(value).into_response())
}

/// The success message in `lang`, for hand-built bodies.
pub(crate) fn success_message(lang: Lang) -> &'static str {
    message(SUCCESS, lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_follow_the_language() {
        assert_eq!(message("000000", Lang::English), "Success");
        assert_eq!(message("000000", Lang::Chinese), "操作成功");
        assert_eq!(
            message("400003", Lang::Chinese),
            "查询创建时间段不能超过一个月"
        );
    }

    #[test]
    fn pages_count_pages_and_rows() {
        let page = paged(Lang::English, vec![1, 2], 3, 2, 5);
        assert_eq!(page.page_count, Some(3));
        assert_eq!(page.total_count, Some(5));
    }
}
