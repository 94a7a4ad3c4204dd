//! Streams over every page of a paginated list, whatever shape the vendor gives its pages.
//!
//! Each vendor client says how to read one of its pages ([`RowPage`]); [`paginate`] fetches
//! pages 1, 2, ... and yields their rows until a page says it is the last.

use std::future::Future;

use futures::Stream;

/// A safety stop for a vendor that keeps reporting more pages.
pub const MAX_PAGES: u32 = 100_000;

/// One fetched page of a list: its rows, and whether a later page may hold more.
pub trait RowPage {
    /// One row of the list.
    type Row;

    /// Whether a page after `page_no` (1-based, asked for with `page_size` rows) may hold more
    /// rows. An empty page should say no, so a vendor that keeps promising more cannot loop.
    fn more_after(&self, page_no: u32, page_size: u32) -> bool;

    /// The page's rows, in order.
    fn into_rows(self) -> Vec<Self::Row>;
}

/// Whether a page after `page_no` may hold more rows, for the common page shape: judged by the
/// number of pages when the vendor sends it, otherwise by a full page; an empty page is the last.
pub fn more_after(rows: usize, page_count: Option<i64>, page_no: i64, page_size: i64) -> bool {
    if rows == 0 {
        return false;
    }
    match page_count {
        Some(count) => page_no < count,
        None => i64::try_from(rows).unwrap_or(i64::MAX) >= page_size,
    }
}

/// Streams the rows of pages 1, 2, ... fetched by `fetch(page_no, page_size)`, stopping after
/// the page whose [`RowPage::more_after`] is false, or after [`MAX_PAGES`] pages.
///
/// A failed fetch is yielded as the stream's last item.
pub fn paginate<P, E, F, Fut>(
    page_size: u32,
    mut fetch: F,
) -> impl Stream<Item = Result<P::Row, E>> + Send
where
    P: RowPage + Send,
    P::Row: Send + 'static,
    E: Send + 'static,
    F: FnMut(u32, u32) -> Fut + Send + 'static,
    Fut: Future<Output = Result<P, E>> + Send,
{
    async_stream::try_stream! {
        let mut page_no = 1;
        loop {
            let page = fetch(page_no, page_size).await?;
            let more = page.more_after(page_no, page_size);
            for row in page.into_rows() {
                yield row;
            }
            if !more || page_no >= MAX_PAGES {
                break;
            }
            page_no += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use futures::{StreamExt, TryStreamExt};

    use super::*;

    /// A test page: its rows and the number of pages it claims.
    struct Rows(Vec<u32>, Option<i64>);

    impl RowPage for Rows {
        type Row = u32;
        fn more_after(&self, page_no: u32, page_size: u32) -> bool {
            more_after(
                self.0.len(),
                self.1,
                i64::from(page_no),
                i64::from(page_size),
            )
        }
        fn into_rows(self) -> Vec<u32> {
            self.0
        }
    }

    #[tokio::test]
    async fn pages_are_fetched_in_order_until_the_last() {
        // Each row says which page and size it was fetched with.
        let rows: Vec<u32> = paginate(2, |page_no, page_size| async move {
            let row = page_no * 100 + page_size;
            Ok::<_, String>(Rows(vec![row, row], Some(3)))
        })
        .try_collect()
        .await
        .expect("stream");
        assert_eq!(rows, vec![102, 102, 202, 202, 302, 302]);
    }

    #[tokio::test]
    async fn without_a_page_count_a_short_or_empty_page_is_the_last() {
        let rows: Vec<u32> = paginate(2, |page_no, _| async move {
            Ok::<_, String>(Rows(if page_no == 1 { vec![1, 2] } else { vec![3] }, None))
        })
        .try_collect()
        .await
        .expect("stream");
        assert_eq!(rows, vec![1, 2, 3]);
        let none: Vec<u32> = paginate(2, |_, _| async { Ok::<_, String>(Rows(vec![], Some(9))) })
            .try_collect()
            .await
            .expect("stream");
        assert!(none.is_empty());
    }

    #[tokio::test]
    async fn a_failed_page_ends_the_stream_with_its_error() {
        let items: Vec<Result<u32, String>> = paginate(1, |page_no, _| async move {
            if page_no == 1 {
                Ok(Rows(vec![7], None))
            } else {
                Err(format!("page {page_no} failed"))
            }
        })
        .collect()
        .await;
        assert_eq!(items, vec![Ok(7), Err("page 2 failed".to_owned())]);
    }

    #[tokio::test]
    async fn a_vendor_that_always_promises_more_is_stopped_at_max_pages() {
        let count = paginate(1, |_, _| async {
            Ok::<_, String>(Rows(vec![1], Some(i64::MAX)))
        })
        .count()
        .await;
        assert_eq!(count, usize::try_from(MAX_PAGES).expect("fits"));
    }
}
