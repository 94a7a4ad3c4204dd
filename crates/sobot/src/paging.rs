//! Streams over every page of a paginated list.

use std::future::Future;

use futures::Stream;

use crate::envelope::Page;
use crate::error::Result;

/// A safety stop for a vendor that keeps reporting more pages.
const MAX_PAGES: u32 = 100_000;

/// Streams the rows of pages 1, 2, ... fetched by `fetch(page_no, page_size)`, stopping after
/// an empty page, the last page per `page_count`, or (without `page_count`) a short page.
pub fn paginate<T, F, Fut>(page_size: u32, mut fetch: F) -> impl Stream<Item = Result<T>> + Send
where
    T: Send + 'static,
    F: FnMut(u32, u32) -> Fut + Send + 'static,
    Fut: Future<Output = Result<Page<T>>> + Send,
{
    async_stream::try_stream! {
        let mut page_no = 1;
        loop {
            let page = fetch(page_no, page_size).await?;
            let more = page.has_more(i64::from(page_no), i64::from(page_size));
            for item in page.items {
                yield item;
            }
            if !more || page_no >= MAX_PAGES {
                break;
            }
            page_no += 1;
        }
    }
}
