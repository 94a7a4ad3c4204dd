//! Profiles and connections: kept in `profiles.toml` in the OS config directory, with each
//! connection's secrets in the [`crate::secrets::SecretStore`].

mod file;
mod model;
mod validate;

pub use file::{ProfileError, ProfileStore};
pub use model::{
    CallCenterConnection, Profile, SobotConnection, SobotRegion, TimeDialect, UdeskConnection,
    VendorLanguage,
};
pub use validate::{FieldError, FieldProblem, validate};
