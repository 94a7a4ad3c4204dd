//! Streams over every page of a paginated list, and the per-endpoint page-size rules.

use std::future::Future;

use futures::{Stream, TryFutureExt};
use vendor_http::paging::RowPage;

use crate::envelope::Meta;
use crate::error::Result;

/// Whether a page after `page` may hold more rows: judged by `meta.total_pages` when present,
/// otherwise by a full page.
pub fn has_more(rows: usize, meta: Option<&Meta>, page: u32, per_page: u32) -> bool {
    vendor_http::paging::more_after(
        rows,
        meta.and_then(|meta| meta.total_pages),
        i64::from(page),
        i64::from(per_page),
    )
}

/// A fetched page's rows with its `meta`, as the shared page stream reads them.
struct MetaPage<T> {
    rows: Vec<T>,
    meta: Option<Meta>,
}

impl<T> RowPage for MetaPage<T> {
    type Row = T;

    fn more_after(&self, page: u32, per_page: u32) -> bool {
        has_more(self.rows.len(), self.meta.as_ref(), page, per_page)
    }

    fn into_rows(self) -> Vec<T> {
        self.rows
    }
}

/// Streams the rows of pages 1, 2, ... fetched by `fetch(page, per_page)`, stopping after an
/// empty page, the last page per `meta.total_pages`, or (without it) a short page.
pub fn paginate<T, F, Fut>(per_page: u32, mut fetch: F) -> impl Stream<Item = Result<T>> + Send
where
    T: Send + 'static,
    F: FnMut(u32, u32) -> Fut + Send + 'static,
    Fut: Future<Output = Result<(Vec<T>, Option<Meta>)>> + Send,
{
    vendor_http::paging::paginate(per_page, move |page, per_page| {
        fetch(page, per_page).map_ok(|(rows, meta)| MetaPage { rows, meta })
    })
}

/// A page request: `page` (1-based) and `per_page`, clamped per endpoint.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct PageRequest {
    /// Page number, 1-based.
    pub page: u32,
    /// Rows per page.
    pub per_page: u32,
}

impl PageRequest {
    /// Lists documented as "default 20, maximum 100" (tickets, tickets in filter).
    pub fn up_to_100(page: u32, per_page: u32) -> Self {
        Self {
            page: page.max(1),
            per_page: per_page.clamp(1, 100),
        }
    }

    /// Replies and change logs: below 20 Udesk still returns 20, above 100 it returns 100
    /// (003:734, 003:835), so the request says what will come back.
    pub fn between_20_and_100(page: u32, per_page: u32) -> Self {
        Self {
            page: page.max(1),
            per_page: per_page.clamp(20, 100),
        }
    }

    /// Filters: "maximum is 50" (003:1305).
    pub fn up_to_50(page: u32, per_page: u32) -> Self {
        Self {
            page: page.max(1),
            per_page: per_page.clamp(1, 50),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::{Arc, Mutex};

    use futures::TryStreamExt;

    use super::*;

    fn meta(total_pages: i64) -> Option<Meta> {
        Some(Meta {
            current_page: None,
            total_pages: Some(total_pages),
            total_count: None,
        })
    }

    #[tokio::test]
    async fn pages_are_fetched_until_total_pages() {
        let seen = Arc::new(Mutex::new(Vec::new()));
        let log = seen.clone();
        let rows: Vec<u32> = paginate(2, move |page, per_page| {
            log.lock().expect("lock").push((page, per_page));
            async move { Ok((vec![page * 10, page * 10 + 1], meta(3))) }
        })
        .try_collect()
        .await
        .expect("stream");
        assert_eq!(rows, vec![10, 11, 20, 21, 30, 31]);
        assert_eq!(*seen.lock().expect("lock"), vec![(1, 2), (2, 2), (3, 2)]);
    }

    #[tokio::test]
    async fn without_meta_a_short_page_is_the_last() {
        let rows: Vec<u32> = paginate(2, |page, _| async move {
            Ok((if page == 1 { vec![1, 2] } else { vec![3] }, None))
        })
        .try_collect()
        .await
        .expect("stream");
        assert_eq!(rows, vec![1, 2, 3]);
    }

    #[tokio::test]
    async fn an_empty_page_ends_the_stream_even_if_meta_promises_more() {
        let rows: Vec<u32> = paginate(2, |_, _| async move { Ok((Vec::<u32>::new(), meta(9))) })
            .try_collect()
            .await
            .expect("stream");
        assert!(rows.is_empty());
    }

    #[test]
    fn page_sizes_are_clamped_to_each_endpoint_rules() {
        assert_eq!(PageRequest::up_to_100(0, 500).per_page, 100);
        assert_eq!(PageRequest::up_to_100(0, 500).page, 1);
        assert_eq!(PageRequest::between_20_and_100(1, 5).per_page, 20);
        assert_eq!(PageRequest::up_to_50(1, 100).per_page, 50);
    }
}
