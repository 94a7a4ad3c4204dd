//! Saving ticket attachments from the sandbox to disk: a seeded attachment as the ticket shows it,
//! a file just uploaded (its Chinese name kept), and a link the server no longer serves.

use switchboard_core::download::{DownloadError, Downloader};
use switchboard_core::profiles::VendorLanguage;
use switchboard_core::tickets::attachments::UploadState;

use crate::common;

type Setup = common::Synced;

async fn setup() -> Setup {
    Setup::sobot(7, VendorLanguage::Zh, 3).await
}

fn no_progress(_: u64, _: Option<u64>) {}

#[tokio::test]
async fn a_seeded_attachment_of_an_opened_ticket_saves_as_the_image_the_sandbox_serves() {
    let setup = setup().await;
    let ticket_id = setup.sandbox.inspect(|world| {
        world
            .tickets
            .tickets
            .iter()
            .find(|t| t.detail.deal_list.iter().any(|r| !r.file_list.is_empty()))
            .map(|t| t.id().to_owned())
            .expect("a seeded ticket with an attachment")
    });
    let detail = setup
        .desk()
        .detail("sobot", &ticket_id)
        .await
        .expect("detail");
    let attachment = detail
        .replies
        .iter()
        .flat_map(|reply| reply.attachments.iter())
        .next()
        .expect("the attachment is shown");
    let dir = tempfile::tempdir().expect("dir");
    let destination = dir.path().join(&attachment.name);
    let saved = Downloader::new()
        .expect("client")
        .save(&attachment.url, &destination, &no_progress)
        .await
        .expect("saved");
    let bytes = std::fs::read(&destination).expect("read");
    assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"), "a PNG image");
    assert_eq!(saved.bytes, bytes.len() as u64);
}

#[tokio::test]
async fn an_uploaded_file_saves_back_byte_for_byte_under_its_chinese_name() {
    let setup = setup().await;
    let dir = tempfile::tempdir().expect("dir");
    let original = dir.path().join("退款凭证.pdf");
    let content: Vec<u8> = (0..300_000_u32).map(|i| (i % 251) as u8).collect();
    std::fs::write(&original, &content).expect("write");
    let uploads = setup
        .desk()
        .upload("sobot", None, std::slice::from_ref(&original), &|_| {})
        .await
        .expect("uploaded");
    let UploadState::Uploaded { reference } = &uploads[0].state else {
        panic!("uploads: {:?}", uploads[0].state);
    };
    let copy = dir.path().join("副本 退款凭证.pdf");
    let progress = std::sync::Mutex::new(Vec::new());
    Downloader::new()
        .expect("client")
        .save(reference, &copy, &|done, total| {
            progress.lock().expect("lock").push((done, total))
        })
        .await
        .expect("saved");
    assert_eq!(std::fs::read(&copy).expect("read"), content);
    let progress = progress.into_inner().expect("lock");
    assert_eq!(progress.last(), Some(&(300_000, Some(300_000))));
}

#[tokio::test]
async fn a_link_the_sandbox_does_not_serve_is_reported_as_404_and_nothing_is_written() {
    let setup = setup().await;
    let dir = tempfile::tempdir().expect("dir");
    let destination = dir.path().join("gone.png");
    let url = format!("{}/files/no-such-file/gone.png", setup.sandbox.admin_url());
    let err = Downloader::new()
        .expect("client")
        .save(&url, &destination, &no_progress)
        .await
        .expect_err("not served");
    assert!(
        matches!(err, DownloadError::Status { status: 404, .. }),
        "{err}"
    );
    assert_eq!(std::fs::read_dir(dir.path()).expect("dir").count(), 0);
}
