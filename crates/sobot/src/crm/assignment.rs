//! Assignment, the customer pool, follow-up records and stages (sobot-crm.md §7.4-7.5).

use serde::{Deserialize, Serialize};
use serde_with::skip_serializing_none;

use super::Crm;
use super::codes::{AssignMove, RecycleVerdict, StageType};
use crate::client::ApiRequest;
use crate::de;
use crate::envelope::{ItemsEnvelope, Page, StatusEnvelope};
use crate::error::Result;
use crate::wire::json_body;

/// Joins customer IDs with commas, the `confirmids` format.
pub fn confirm_ids<S: AsRef<str>>(ids: &[S]) -> String {
    ids.iter()
        .map(|id| id.as_ref())
        .collect::<Vec<_>>()
        .join(",")
}

/// A responsible agent (`liable_list[]`).
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LiableAgent {
    /// Agent ID.
    pub liable_serviceid: String,
    /// Agent name.
    pub liable_service_name: String,
    /// The agent's department path (`|`-separated, as `path` in the org tree).
    pub liable_departmentid: Option<String>,
}

/// Body of `public_user/assign`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assignment {
    /// Customer IDs, comma-separated in one string ([`confirm_ids`]).
    pub confirmids: String,
    /// Which move.
    pub assign_biz_type: AssignMove,
    /// Responsible agents.
    pub liable_list: Vec<LiableAgent>,
}

/// Body of `public_user/confirm`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PoolRecycle {
    /// Customer IDs, comma-separated ([`confirm_ids`]).
    pub confirmids: String,
    /// Valid or invalid customer.
    pub confirm_type: RecycleVerdict,
}

/// Body of `user/cus_distribute_records` (no paging parameters exist, CRM 47).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssignmentRecordsQuery {
    /// One agent.
    pub liable_serviceid: String,
    /// From, epoch seconds.
    pub start_time: i64,
    /// Until, epoch seconds.
    pub end_time: i64,
}

/// One assignment of a customer to the agent.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssignmentRecord {
    /// Assigned at, epoch seconds.
    #[serde(default, deserialize_with = "de::int")]
    pub assign_time: Option<i64>,
    /// Customer ID.
    #[serde(default, deserialize_with = "de::text")]
    pub userid: Option<String>,
    /// Company ID.
    #[serde(default, deserialize_with = "de::text")]
    pub companyid: Option<String>,
    /// Customer nickname.
    #[serde(default, deserialize_with = "de::text")]
    pub nick: Option<String>,
}

/// Body of `user/cus_distribute_statistics` (at most one month apart).
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssignmentStatsQuery {
    /// One agent.
    pub liable_serviceid: String,
    /// From, `yyyy-MM-dd`.
    pub start_date: String,
    /// Until, `yyyy-MM-dd`.
    pub end_date: String,
    /// UTC offset such as `+08:00`.
    pub timezone: Option<String>,
}

/// Assignments on one day (only days with assignments are listed).
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssignmentCount {
    /// Agent ID.
    #[serde(default, deserialize_with = "de::text")]
    pub liable_serviceid: Option<String>,
    /// Company ID.
    #[serde(default, deserialize_with = "de::text")]
    pub companyid: Option<String>,
    /// Number of assignments.
    #[serde(default, deserialize_with = "de::int")]
    pub assign_num: Option<i64>,
    /// The day, `yyyy-MM-dd`.
    #[serde(default, deserialize_with = "de::text")]
    pub assign_date: Option<String>,
}

/// Body of `user_stage/record_save`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowUpRecord {
    /// Customer ID.
    pub userid: String,
    /// Free text.
    pub content: String,
}

/// A follow-up stage (`user_stage/query_list_by_type`; its type is not returned, CRM 52).
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowUpStage {
    /// Stage ID.
    #[serde(default, deserialize_with = "de::text")]
    pub id: Option<String>,
    /// Name.
    #[serde(default, deserialize_with = "de::text")]
    pub name: Option<String>,
    /// Order.
    #[serde(default, deserialize_with = "de::int")]
    pub sortnum: Option<i64>,
}

/// Body of `user_stage/stage_save`.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StageChange {
    /// Customer ID.
    pub userid: String,
    /// Stage ID.
    pub stageid: String,
    /// Stage name (sent redundantly).
    pub stage_name: String,
    /// Stage type.
    pub stage_type: StageType,
    /// Note (in the example, 002:1804, not in the table).
    pub remark: Option<String>,
}

impl Crm<'_> {
    /// `POST /api/scrm/5/public_user/assign` (the example's URL `/label_group/draw` is wrong,
    /// CRM 44): assigns customers to agents.
    pub async fn assign(&self, assignment: &Assignment) -> Result<()> {
        let request =
            ApiRequest::post_json("api/scrm/5/public_user/assign", json_body(assignment)?);
        let _: StatusEnvelope = self.client.call(&request).await?;
        Ok(())
    }

    /// `POST /api/scrm/5/public_user/confirm`: returns customers to the pool.
    pub async fn recycle_to_pool(&self, recycle: &PoolRecycle) -> Result<()> {
        let request = ApiRequest::post_json("api/scrm/5/public_user/confirm", json_body(recycle)?);
        let _: StatusEnvelope = self.client.call(&request).await?;
        Ok(())
    }

    /// `POST /api/scrm/5/user/cus_distribute_records`: one agent's assignments in a period
    /// (a read; the answer has paging fields but the request no paging parameters).
    pub async fn assignment_records(
        &self,
        query: &AssignmentRecordsQuery,
    ) -> Result<Page<AssignmentRecord>> {
        let request =
            ApiRequest::post_json("api/scrm/5/user/cus_distribute_records", json_body(query)?)
                .idempotent();
        self.client.call(&request).await
    }

    /// `POST /api/scrm/5/user/cus_distribute_statistics`: one agent's daily assignment counts.
    pub async fn assignment_statistics(
        &self,
        query: &AssignmentStatsQuery,
    ) -> Result<Vec<AssignmentCount>> {
        let request = ApiRequest::post_json(
            "api/scrm/5/user/cus_distribute_statistics",
            json_body(query)?,
        )
        .idempotent();
        let envelope: ItemsEnvelope<AssignmentCount> = self.client.call(&request).await?;
        Ok(envelope.items)
    }

    /// `POST /api/scrm/5/user_stage/record_save`: adds a follow-up record.
    pub async fn add_follow_up(&self, record: &FollowUpRecord) -> Result<()> {
        let request =
            ApiRequest::post_json("api/scrm/5/user_stage/record_save", json_body(record)?);
        let _: StatusEnvelope = self.client.call(&request).await?;
        Ok(())
    }

    /// `GET /api/scrm/5/user_stage/query_list_by_type`: the follow-up stages.
    pub async fn follow_up_stages(&self) -> Result<Vec<FollowUpStage>> {
        let envelope: ItemsEnvelope<FollowUpStage> = self
            .client
            .call(&ApiRequest::get("api/scrm/5/user_stage/query_list_by_type"))
            .await?;
        Ok(envelope.items)
    }

    /// `POST /api/scrm/5/user_stage/stage_save`: moves a customer to a stage.
    pub async fn set_stage(&self, change: &StageChange) -> Result<()> {
        let request = ApiRequest::post_json("api/scrm/5/user_stage/stage_save", json_body(change)?);
        let _: StatusEnvelope = self.client.call(&request).await?;
        Ok(())
    }
}
