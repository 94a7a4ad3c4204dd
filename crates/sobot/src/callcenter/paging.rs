//! Streams over every page of a call-center list (either page shape).

use std::future::Future;

use futures::Stream;

use super::envelope::Paged;
use crate::error::Result;

/// The page size lists are streamed with: the IVR query's stated maximum ("50 max for a single
/// time", 004:1923) and the import-result default; no other maximum is documented.
pub const STREAM_PAGE_SIZE: u32 = 50;

/// A safety stop for a vendor that keeps reporting more pages.
const MAX_PAGES: u32 = 100_000;

/// Streams the rows of pages 1, 2, ... fetched by `fetch(curr_page, page_size)`, stopping after
/// an empty page or the last page per [`Paged::has_more`].
pub fn paginate<T, F, Fut>(page_size: u32, mut fetch: F) -> impl Stream<Item = Result<T>> + Send
where
    T: Send + 'static,
    F: FnMut(u32, u32) -> Fut + Send + 'static,
    Fut: Future<Output = Result<Paged<T>>> + Send,
{
    async_stream::try_stream! {
        let mut page_no = 1;
        loop {
            let page = fetch(page_no, page_size).await?;
            let more = page.has_more(i64::from(page_no), i64::from(page_size));
            for item in page.list {
                yield item;
            }
            if !more || page_no >= MAX_PAGES {
                break;
            }
            page_no += 1;
        }
    }
}
