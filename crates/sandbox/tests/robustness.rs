//! Malformed requests get a documented envelope, never a panic or an HTTP error: every v5
//! endpoint is sent empty, truncated, mistyped and oversized input.

use crate::common;

use common::{sandbox, token};
use serde_json::Value;
use vendor_http::reqwest;

const GETS: &[&str] = &[
    "/api/ws/5/ticket/get_timezone",
    "/api/ws/5/ticket/get_data_dict",
    "/api/ws/5/ticket/query_ticket_extend_fields",
    "/api/ws/5/ticket/get_region",
    "/api/ws/5/ticket/query_fileds_by_typeid",
    "/api/ws/5/ticket/query_ticket_status_infos",
    "/api/ws/5/ticket/query_tickets",
    "/api/ws/5/ticket/query_tickets_by_update_time",
    "/api/ws/5/ticket/get_ticket_by_id",
    "/api/ws/5/ticket/get_ticket_data",
    "/api/ws/5/ticket/query_agent_jobs",
    "/api/ws/5/ticket/query_ticket_push_fail_infos",
    "/api/scrm/5/user/get_timezone",
    "/api/scrm/5/user/get_language",
    "/api/scrm/5/user/get_country",
    "/api/scrm/5/user_dynamic/getsource",
    "/api/scrm/5/user/user_list",
    "/api/scrm/5/user_dynamic/provice",
    "/api/scrm/5/user_dynamic/city/%E2%9C%93",
    "/api/scrm/5/user_dynamic/area/x",
    "/api/scrm/5/custom_field/custom_fieid_info_list",
    "/api/scrm/5/custom_field/get_vip_level_data_list",
    "/api/scrm/5/enterprise/query_custom_field_list",
    "/api/scrm/5/label_group/list",
    "/api/scrm/5/label_group/remove/x",
    "/api/scrm/5/label/list",
    "/api/scrm/5/label/remove/x",
    "/api/scrm/5/user/list_by_page",
    "/api/scrm/5/user_dynamic/list_by_page",
    "/api/scrm/5/user_stage/query_list_by_type",
    "/api/scrm/5/user/query_black_list",
];

const POSTS: &[&str] = &[
    "/api/ws/5/ticket/save_option_data_value",
    "/api/ws/5/ticket/save_user_ticket",
    "/api/ws/5/ticket/save_agent_ticket",
    "/api/ws/5/ticket/save_user_reply",
    "/api/ws/5/ticket/save_ticket_reply",
    "/api/ws/5/ticket/user_upload_file",
    "/api/ws/5/ticket/upload_file",
    "/api/ws/5/ticket/reminder",
    "/api/ws/5/ticket/add_ticket_evaluation",
    "/api/ws/5/ticket/del_reply_infos",
    "/api/ws/5/ticket/update_ticket_user",
    "/api/wb/5/data/export_data",
    "/api/scrm/5/user/get_multilingual_content_detail",
    "/api/scrm/5/label_group/save",
    "/api/scrm/5/label_group/update",
    "/api/scrm/5/label/save",
    "/api/scrm/5/label/update",
    "/api/scrm/5/label/userlabels",
    "/api/scrm/5/label/update_userlabel/x",
    "/api/scrm/5/label/update_biz_label",
    "/api/scrm/5/user/save",
    "/api/scrm/5/user/update/x",
    "/api/scrm/5/enterprise/save",
    "/api/scrm/5/user/detail",
    "/api/scrm/5/public_user/assign",
    "/api/scrm/5/public_user/confirm",
    "/api/scrm/5/user/cus_distribute_records",
    "/api/scrm/5/user/cus_distribute_statistics",
    "/api/scrm/5/user_stage/record_save",
    "/api/scrm/5/user_stage/stage_save",
    "/api/scrm/5/user/add_black_list",
    "/api/scrm/5/user/remove_black_list",
];

const BODIES: &[&str] = &[
    "",
    "{",
    "[]",
    "null",
    "{\"x\":1}",
    "[{\"id\":7},1,null]",
    "{\"nick\":[],\"crm_status\":{},\"ticketid\":1e400,\"page_size\":-1,\"confirmids\":\",,,\",\"extend_fields\":\"no\",\"label_list\":[1],\"liable_list\":[null],\"field_data_value\":[[]],\"ex_field_str\":\"[{\\\"x\\\":\"}",
];

const QUERIES: &[&str] = &[
    "",
    "page_no=-1&page_size=abc",
    "page_no=99999999999999999999&page_size=0",
    "create_start_datetime_ms=zz&create_end_datetime_ms=1&update_start_datetime=2024-13-45%2025:61:61&update_end_datetime=x",
    "start_datetime_ms=-9223372036854775808&end_datetime_ms=9223372036854775807&ticketid=%00&groupid=&language=&userid=%FF",
    "create_start_datetime_ms=9223372036854775807&create_end_datetime_ms=9223372036854775807",
];

fn assert_enveloped(what: &str, status: u16, text: &str) {
    assert_eq!(status, 200, "{what}: HTTP {status} {text}");
    let value: Value =
        serde_json::from_str(text).unwrap_or_else(|e| panic!("{what}: not JSON ({e}): {text}"));
    let code = value
        .get("ret_code")
        .or_else(|| value.get("retCode"))
        .and_then(Value::as_str);
    assert!(
        code.is_some_and(|c| c.len() == 6),
        "{what}: no ret_code in {text}"
    );
}

#[tokio::test]
async fn every_endpoint_answers_garbage_with_an_envelope() {
    let sandbox = sandbox().await;
    let token = token(&sandbox).await;
    let http = reqwest::Client::new();
    let base = sandbox.sobot_base_url();
    for path in GETS {
        for query in QUERIES {
            let response = http
                .get(format!("{base}{path}?{query}"))
                .header("token", &token)
                .send()
                .await
                .unwrap_or_else(|e| panic!("GET {path}?{query}: {e}"));
            let status = response.status().as_u16();
            let text = response.text().await.expect("a body");
            assert_enveloped(&format!("GET {path}?{query}"), status, &text);
        }
    }
    for path in POSTS {
        for body in BODIES {
            let response = http
                .post(format!("{base}{path}?{}", QUERIES[4]))
                .header("token", &token)
                .header("content-type", "application/json")
                .body(*body)
                .send()
                .await
                .unwrap_or_else(|e| panic!("POST {path} {body}: {e}"));
            let status = response.status().as_u16();
            let text = response.text().await.expect("a body");
            assert_enveloped(&format!("POST {path} {body}"), status, &text);
        }
    }
    let answer = http
        .post(format!("{base}/api/ws/5/ticket/upload_file"))
        .header("token", &token)
        .header("content-type", "multipart/form-data; boundary=zz")
        .body("--zz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a")
        .send()
        .await
        .expect("answers");
    let status = answer.status().as_u16();
    assert_enveloped(
        "truncated multipart",
        status,
        &answer.text().await.expect("a body"),
    );
}

#[tokio::test]
async fn get_token_answers_garbage_with_an_envelope() {
    let sandbox = sandbox().await;
    let http = reqwest::Client::new();
    for query in [
        "",
        "appid=",
        "appid=%FF&create_time=x&sign=y",
        "sign=&sign=&appid=a",
    ] {
        let response = http
            .get(format!(
                "{}/api/get_token?{query}",
                sandbox.sobot_base_url()
            ))
            .send()
            .await
            .expect("answers");
        let status = response.status().as_u16();
        assert_enveloped(query, status, &response.text().await.expect("a body"));
    }
}
