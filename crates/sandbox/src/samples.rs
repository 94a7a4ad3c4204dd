//! The sample files behind seeded attachments. Seeded tickets carry attachments so that the demo
//! shows them; their links point at the sandbox's own admin API (`/__sandbox/files/sample-…/…`),
//! which serves these images, so opening and saving a seeded attachment works with no network.
//!
//! The seed is generated before the server knows its address, so seeded links start with
//! [`SEED_FILES_BASE`] and [`link_samples`] points them at the running server.

use crate::state::World;

/// The stand-in base of seeded attachment links until [`link_samples`] replaces it.
pub(crate) const SEED_FILES_BASE: &str = "https://sandbox-files.invalid/__sandbox";

/// A sample file kind seeded tickets attach.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Sample {
    /// A screenshot of an error dialog (Sobot replies' `screenshot.png`).
    Screenshot,
    /// A product photo (Udesk replies' photos).
    Photo,
}

impl Sample {
    /// The id the admin API serves it under.
    fn id(self) -> &'static str {
        match self {
            Self::Screenshot => "sample-screenshot",
            Self::Photo => "sample-photo",
        }
    }

    /// Its bytes (a PNG image).
    pub(crate) fn bytes(self) -> &'static [u8] {
        match self {
            Self::Screenshot => include_bytes!("../assets/sample-screenshot.png"),
            Self::Photo => include_bytes!("../assets/sample-photo.png"),
        }
    }

    /// The seeded link to it, shown as `name`.
    pub(crate) fn seed_url(self, name: &str) -> String {
        format!("{SEED_FILES_BASE}/files/{}/{name}", self.id())
    }

    /// The sample served under `id`, if any.
    pub(crate) fn by_id(id: &str) -> Option<Self> {
        [Self::Screenshot, Self::Photo]
            .into_iter()
            .find(|sample| sample.id() == id)
    }
}

/// Points the seeded attachment links of `world` at the admin API under `admin_url`.
pub(crate) fn link_samples(world: &mut World, admin_url: &str) {
    let relink = |url: &mut String| {
        if let Some(rest) = url.strip_prefix(SEED_FILES_BASE) {
            *url = format!("{admin_url}{rest}");
        }
    };
    for ticket in &mut world.tickets.tickets {
        for reply in &mut ticket.detail.deal_list {
            for file in &mut reply.file_list {
                if let Some(url) = file.file_url.as_mut() {
                    relink(url);
                }
            }
        }
    }
    for ticket in &mut world.udesk.tickets {
        for attachment in &mut ticket.attachments {
            relink(&mut attachment.url);
        }
        for reply in &mut ticket.replies {
            for attachment in &mut reply.attachments {
                relink(&mut attachment.url);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Size;

    #[test]
    fn every_seeded_attachment_link_points_at_the_running_sandbox_and_names_a_sample() {
        let mut world = crate::seed::generate(5, Size::Small, 1_767_196_800_000);
        link_samples(&mut world, "http://127.0.0.1:4000/__sandbox");
        let mut links: Vec<String> = world
            .tickets
            .tickets
            .iter()
            .flat_map(|t| t.detail.deal_list.iter())
            .flat_map(|r| r.file_list.iter())
            .filter_map(|f| f.file_url.clone())
            .collect();
        links.extend(
            world
                .udesk
                .tickets
                .iter()
                .flat_map(|t| t.replies.iter())
                .flat_map(|r| r.attachments.iter())
                .map(|a| a.url.clone()),
        );
        assert!(!links.is_empty(), "the seed attaches files");
        for link in links {
            let rest = link
                .strip_prefix("http://127.0.0.1:4000/__sandbox/files/")
                .unwrap_or_else(|| panic!("{link} points at the sandbox"));
            let id = rest.split('/').next().unwrap_or_default();
            assert!(Sample::by_id(id).is_some(), "{link} names a sample");
        }
    }

    #[test]
    fn the_samples_are_png_images() {
        for sample in [Sample::Screenshot, Sample::Photo] {
            assert!(
                sample.bytes().starts_with(b"\x89PNG\r\n\x1a\n"),
                "{sample:?}"
            );
        }
    }
}
