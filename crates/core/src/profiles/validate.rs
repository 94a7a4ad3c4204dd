//! Checks a profile before it is saved, naming the field that is wrong.

use super::model::{Profile, SobotRegion};

/// A field of a profile that is not acceptable, and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {problem}")]
pub struct FieldError {
    /// The field's path, such as `sobot.appid` or `udesk[1].email`.
    pub field: String,
    /// What is wrong, for the user.
    pub problem: FieldProblem,
}

/// What can be wrong with a field.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FieldProblem {
    /// Nothing was entered.
    #[error("is required")]
    Required,
    /// Not an http(s) URL.
    #[error("must be an http or https URL")]
    NotAUrl,
    /// Not an email address.
    #[error("must be an email address")]
    NotAnEmail,
    /// Another entry already uses this value.
    #[error("is already used by another entry")]
    Duplicate,
}

fn required(field: &str, value: &str, errors: &mut Vec<FieldError>) {
    if value.trim().is_empty() {
        errors.push(FieldError {
            field: field.to_owned(),
            problem: FieldProblem::Required,
        });
    }
}

fn url(field: &str, value: &str, errors: &mut Vec<FieldError>) {
    let value = value.trim();
    if value.is_empty() {
        errors.push(FieldError {
            field: field.to_owned(),
            problem: FieldProblem::Required,
        });
        return;
    }
    let valid = ["http://", "https://"].iter().any(|scheme| {
        value.strip_prefix(scheme).is_some_and(|rest| {
            !rest.is_empty() && !rest.starts_with('/') && !rest.contains(char::is_whitespace)
        })
    });
    if !valid {
        errors.push(FieldError {
            field: field.to_owned(),
            problem: FieldProblem::NotAUrl,
        });
    }
}

/// Every problem of `profile`, in field order; empty when it can be saved.
pub fn validate(profile: &Profile) -> Vec<FieldError> {
    let mut errors = Vec::new();
    required("name", &profile.name, &mut errors);
    if let Some(sobot) = &profile.sobot {
        required("sobot.appid", &sobot.appid, &mut errors);
        required("sobot.timezone_id", &sobot.timezone_id, &mut errors);
        if let SobotRegion::Custom(base) = &sobot.region {
            url("sobot.region", base, &mut errors);
        }
    }
    if let Some(cc) = &profile.callcenter {
        url("callcenter.base_url", &cc.base_url, &mut errors);
        required("callcenter.app_id", &cc.app_id, &mut errors);
        required("callcenter.agent_no", &cc.agent_no, &mut errors);
    }
    for (index, udesk) in profile.udesk.iter().enumerate() {
        let field = |name: &str| format!("udesk[{index}].{name}");
        required(&field("name"), &udesk.name, &mut errors);
        url(&field("base_url"), &udesk.base_url, &mut errors);
        let email = udesk.email.trim();
        if email.is_empty() {
            errors.push(FieldError {
                field: field("email"),
                problem: FieldProblem::Required,
            });
        } else if !is_email(email) {
            errors.push(FieldError {
                field: field("email"),
                problem: FieldProblem::NotAnEmail,
            });
        }
        let same_account = profile.udesk[..index].iter().any(|other| {
            other
                .base_url
                .trim()
                .eq_ignore_ascii_case(udesk.base_url.trim())
                && other.email.trim().eq_ignore_ascii_case(email)
        });
        if same_account {
            errors.push(FieldError {
                field: field("email"),
                problem: FieldProblem::Duplicate,
            });
        }
    }
    errors
}

fn is_email(value: &str) -> bool {
    value.split_once('@').is_some_and(|(local, domain)| {
        !local.is_empty()
            && domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
    }) && !value.contains(char::is_whitespace)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profiles::model::*;

    fn udesk(name: &str, base_url: &str, email: &str) -> UdeskConnection {
        UdeskConnection {
            id: name.to_lowercase(),
            name: name.into(),
            base_url: base_url.into(),
            email: email.into(),
        }
    }

    fn profile() -> Profile {
        Profile {
            id: "p1".into(),
            name: "上海客服".into(),
            sobot: Some(SobotConnection {
                id: "sobot".into(),
                region: SobotRegion::China,
                appid: "1234".into(),
                language: VendorLanguage::Zh,
                timezone_id: "Asia/Shanghai".into(),
                time_dialect: TimeDialect::DateTime,
            }),
            callcenter: None,
            udesk: vec![udesk("Udesk SH", "https://demo.udesk.cn", "admin@demo.cn")],
        }
    }

    #[test]
    fn a_complete_profile_has_no_problem() {
        assert_eq!(validate(&profile()), vec![]);
    }

    #[test]
    fn each_problem_names_its_field() {
        let mut p = profile();
        p.name = " ".into();
        if let Some(sobot) = p.sobot.as_mut() {
            sobot.appid = String::new();
            sobot.region = SobotRegion::Custom("ftp://x".into());
        }
        p.udesk
            .push(udesk("Second", "demo.udesk.cn", "not-an-email"));
        p.udesk
            .push(udesk("Third", "https://DEMO.udesk.cn", "Admin@demo.cn"));
        let found: Vec<(String, FieldProblem)> = validate(&p)
            .into_iter()
            .map(|e| (e.field, e.problem))
            .collect();
        assert_eq!(
            found,
            vec![
                ("name".into(), FieldProblem::Required),
                ("sobot.appid".into(), FieldProblem::Required),
                ("sobot.region".into(), FieldProblem::NotAUrl),
                ("udesk[1].base_url".into(), FieldProblem::NotAUrl),
                ("udesk[1].email".into(), FieldProblem::NotAnEmail),
                ("udesk[2].email".into(), FieldProblem::Duplicate),
            ]
        );
    }
}
