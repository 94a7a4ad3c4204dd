//! Streams over every page of a call-center list (either page shape).

use vendor_http::paging::RowPage;

use super::envelope::Paged;
/// Streams the rows of pages 1, 2, ... fetched by `fetch(curr_page, page_size)`, stopping after
/// an empty page or the last page per [`Paged::has_more`] (the same stream as the v5 lists').
pub use crate::paging::paginate;

/// The page size lists are streamed with: the IVR query's stated maximum ("50 max for a single
/// time", 004:1923) and the import-result default; no other maximum is documented.
pub const STREAM_PAGE_SIZE: u32 = 50;

impl<T> RowPage for Paged<T> {
    type Row = T;

    fn more_after(&self, page_no: u32, page_size: u32) -> bool {
        self.has_more(i64::from(page_no), i64::from(page_size))
    }

    fn into_rows(self) -> Vec<T> {
        self.list
    }
}
