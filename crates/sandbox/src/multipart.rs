//! Just enough multipart/form-data parsing for the upload endpoints: the `file` part's name and
//! bytes, and text fields.

use bytes::Bytes;

/// One part of a multipart body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Part {
    /// The form field name.
    pub name: String,
    /// The file name, for file parts.
    pub filename: Option<String>,
    /// The content.
    pub data: Bytes,
}

/// The boundary of a `multipart/form-data` content type.
pub(crate) fn boundary(content_type: &str) -> Option<String> {
    let (kind, rest) = content_type.split_once(';')?;
    if !kind.trim().eq_ignore_ascii_case("multipart/form-data") {
        return None;
    }
    rest.split(';').find_map(|param| {
        let (key, value) = param.split_once('=')?;
        key.trim()
            .eq_ignore_ascii_case("boundary")
            .then(|| value.trim().trim_matches('"').to_owned())
            .filter(|b| !b.is_empty())
    })
}

fn find(haystack: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    if needle.is_empty() || from > haystack.len() {
        return None;
    }
    haystack[from..]
        .windows(needle.len())
        .position(|window| window == needle)
        .map(|at| at + from)
}

fn header_param(headers: &str, key: &str) -> Option<String> {
    let marker = format!("{key}=\"");
    let start = headers.find(&marker)? + marker.len();
    let end = headers[start..].find('"')? + start;
    Some(headers[start..end].to_owned())
}

/// The parts of `body`; malformed bodies give the parts found before the damage.
pub(crate) fn parts(body: &Bytes, boundary: &str) -> Vec<Part> {
    let delimiter = format!("--{boundary}");
    let delimiter = delimiter.as_bytes();
    let mut parts = Vec::new();
    let Some(mut at) = find(body, delimiter, 0) else {
        return parts;
    };
    loop {
        let start = at + delimiter.len();
        if body.get(start..start + 2) == Some(b"--") {
            break;
        }
        let Some(head_end) = find(body, b"\r\n\r\n", start) else {
            break;
        };
        let Some(next) = find(body, delimiter, head_end + 4) else {
            break;
        };
        let headers = String::from_utf8_lossy(&body[start..head_end]).into_owned();
        let data_end = if next >= 2 && &body[next - 2..next] == b"\r\n" {
            next - 2
        } else {
            next
        };
        if let Some(name) = header_param(&headers, "name") {
            parts.push(Part {
                name,
                filename: header_param(&headers, "filename"),
                data: body.slice(head_end + 4..data_end.max(head_end + 4)),
            });
        }
        at = next;
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_part_and_fields_are_found() {
        let body = Bytes::from_static(
            b"--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\xe6\x8a\xa5\xe5\x91\x8a.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1\r\n--XyZ\r\nContent-Disposition: form-data; name=\"file_num_key\"\r\n\r\nk1\r\n--XyZ--\r\n",
        );
        let found = parts(&body, "XyZ");
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].name, "file");
        assert_eq!(found[0].filename.as_deref(), Some("报告.pdf"));
        assert_eq!(&found[0].data[..], b"%PDF-1");
        assert_eq!(&found[1].data[..], b"k1");
    }

    #[test]
    fn the_boundary_is_read_from_the_content_type() {
        assert_eq!(
            boundary("multipart/form-data; boundary=\"abc\"").as_deref(),
            Some("abc")
        );
        assert_eq!(boundary("application/json"), None);
    }

    #[test]
    fn a_truncated_body_yields_no_part_instead_of_panicking() {
        let body =
            Bytes::from_static(b"--XyZ\r\nContent-Disposition: form-data; name=\"file\"\r\n");
        assert!(parts(&body, "XyZ").is_empty());
    }
}
