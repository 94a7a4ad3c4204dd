//! Streams over every page of a paginated list (v5 and call-center page shapes alike).

use std::future::Future;

use futures::Stream;
use vendor_http::paging::RowPage;

use crate::envelope::Page;
use crate::error::Result;

impl<T> RowPage for Page<T> {
    type Row = T;

    fn more_after(&self, page_no: u32, page_size: u32) -> bool {
        self.has_more(i64::from(page_no), i64::from(page_size))
    }

    fn into_rows(self) -> Vec<T> {
        self.items
    }
}

/// Streams the rows of pages 1, 2, ... fetched by `fetch(page_no, page_size)`, stopping after
/// the last page: for a v5 [`Page`], an empty page, the last page per `page_count`, or (without
/// `page_count`) a short page; for a call-center
/// [`Paged`](crate::callcenter::Paged), per its `has_more`.
pub fn paginate<P, F, Fut>(page_size: u32, fetch: F) -> impl Stream<Item = Result<P::Row>> + Send
where
    P: RowPage + Send,
    P::Row: Send + 'static,
    F: FnMut(u32, u32) -> Fut + Send + 'static,
    Fut: Future<Output = Result<P>> + Send,
{
    vendor_http::paging::paginate(page_size, fetch)
}
