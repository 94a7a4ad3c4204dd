//! The custom fields a new ticket's form shows: for Sobot those of the template linked to the
//! chosen category (read live, `query_fileds_by_typeid`), for Udesk those of the chosen template.

use super::catalog::{CustomFieldDef, FieldOption};
use super::{Result, TicketDesk, VendorTickets};
use crate::store::reference::{self, ReferenceKind};

impl TicketDesk<'_> {
    /// The custom fields of a Sobot category or a Udesk template; with none chosen, every custom
    /// field of the connection.
    pub async fn form_fields(
        &self,
        connection_id: &str,
        category_or_template: Option<&str>,
    ) -> Result<Vec<CustomFieldDef>> {
        let vendor = self.vendor(connection_id)?;
        let all: Vec<CustomFieldDef> = self
            .catalogs()?
            .into_iter()
            .find(|c| c.connection_id == connection_id)
            .map(|c| c.custom_fields)
            .unwrap_or_default();
        let Some(chosen) = category_or_template.filter(|c| !c.trim().is_empty()) else {
            return Ok(all);
        };
        match &vendor {
            VendorTickets::Sobot(source) => {
                let fields = source.client().tickets().category_fields(chosen).await?;
                Ok(fields
                    .into_iter()
                    .filter_map(|field| {
                        let key = field.fieldid?;
                        Some(CustomFieldDef {
                            name: field.field_name.unwrap_or_else(|| key.clone()),
                            field_type: field
                                .field_type
                                .map(|t| t.code().to_owned())
                                .unwrap_or_default(),
                            required: field.fill_flag == Some(sobot::ticket::FillFlag::Required),
                            options: field
                                .field_data_list
                                .into_iter()
                                .filter_map(|o| {
                                    let value = o.data_value?;
                                    Some(FieldOption {
                                        label: o.data_name.unwrap_or_else(|| value.clone()),
                                        value,
                                    })
                                })
                                .collect(),
                            key,
                        })
                    })
                    .collect())
            }
            VendorTickets::Udesk(_) => {
                let names: Vec<String> = self.with_store(|store| {
                    Ok(reference::list(store.connection(), Some(connection_id))?
                        .into_iter()
                        .filter(|item| item.kind == ReferenceKind::Template && item.code == chosen)
                        .flat_map(|item| {
                            item.extra
                                .get("fields")
                                .and_then(|f| f.as_array())
                                .map(|fields| {
                                    fields
                                        .iter()
                                        .filter_map(|f| {
                                            f.get("field_name")
                                                .and_then(|n| n.as_str())
                                                .map(str::to_owned)
                                        })
                                        .collect::<Vec<_>>()
                                })
                                .unwrap_or_default()
                        })
                        .collect())
                })?;
                Ok(all
                    .into_iter()
                    .filter(|field| names.contains(&field.key))
                    .collect())
            }
        }
    }
}
