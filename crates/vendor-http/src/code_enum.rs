//! [`code_enum!`](crate::code_enum!): vendor code sets that never break decoding on a new value,
//! shared by the Sobot and Udesk clients (alternative spellings per variant cover doc typos such
//! as Udesk's `internat`).

/// How a code set is written on the wire.
#[doc(hidden)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wire {
    /// As a JSON string (`"open"`).
    Text,
    /// As a JSON number when the code is numeric (`1`).
    Integer,
}

#[doc(hidden)]
pub fn serialize_code<S: serde::Serializer>(
    code: &str,
    wire: Wire,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match (wire, code.parse::<i64>()) {
        (Wire::Integer, Ok(number)) => serializer.serialize_i64(number),
        _ => serializer.serialize_str(code),
    }
}

#[doc(hidden)]
pub fn deserialize_code<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<String, D::Error> {
    let text = crate::lenient::string(deserializer)?;
    Ok(text.trim().to_owned())
}

/// Declares a code set: named variants for the documented codes (each with optional alternative
/// spellings accepted on decode), plus one variant that keeps any other value; serialized as the
/// code (text or integer), decoded from a string or a number.
///
/// ```
/// vendor_http::code_enum! {
///     /// Ticket status.
///     pub enum Status(Text) {
///         /// Open.
///         Open = "open",
///         /// Internal, also spelled `internat` by the docs.
///         Internal = "internal" | "internat",
///     }
///     /// Any other status.
///     other Other
/// }
/// assert_eq!(Status::from_code("internat"), Status::Internal);
/// assert_eq!(Status::from_code("new"), Status::Other("new".into()));
/// ```
#[macro_export]
macro_rules! code_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident ($wire:ident) {
            $( $(#[$vmeta:meta])* $variant:ident = $code:literal $(| $alias:literal)*, )*
        }
        $(#[$ometa:meta])*
        other $other:ident
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        $vis enum $name {
            $( $(#[$vmeta])* $variant, )*
            $(#[$ometa])*
            $other(String),
        }

        impl $name {
            /// The code as the vendor writes it.
            pub fn code(&self) -> &str {
                match self {
                    $( Self::$variant => $code, )*
                    Self::$other(code) => code,
                }
            }

            /// The variant for a code (surrounding spaces ignored, documented misspellings
            /// accepted); unknown codes are kept.
            pub fn from_code(code: &str) -> Self {
                match code.trim() {
                    $( $code $(| $alias)* => Self::$variant, )*
                    other => Self::$other(other.to_owned()),
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.code())
            }
        }

        impl From<&str> for $name {
            fn from(code: &str) -> Self {
                Self::from_code(code)
            }
        }

        impl $crate::serde::Serialize for $name {
            fn serialize<S: $crate::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                $crate::code_enum::serialize_code(
                    self.code(),
                    $crate::code_enum::Wire::$wire,
                    serializer,
                )
            }
        }

        impl<'de> $crate::serde::Deserialize<'de> for $name {
            fn deserialize<D: $crate::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                $crate::code_enum::deserialize_code(deserializer).map(|code| Self::from_code(&code))
            }
        }
    };
}

#[cfg(test)]
mod tests {
    code_enum! {
        /// Test set.
        pub enum Sample(Integer) {
            /// One.
            One = "1" | "uno",
        }
        /// Unknown.
        other Unknown
    }

    #[test]
    fn known_aliased_and_unknown_codes_decode_and_encode_in_wire_form() {
        let decoded: Vec<Sample> =
            serde_json::from_str(r#"[1, "1", "uno", " 7 ", "x"]"#).expect("decodes");
        assert_eq!(
            decoded,
            vec![
                Sample::One,
                Sample::One,
                Sample::One,
                Sample::Unknown("7".into()),
                Sample::Unknown("x".into())
            ]
        );
        assert_eq!(
            serde_json::to_string(&decoded).expect("encodes"),
            r#"[1,1,1,7,"x"]"#
        );
    }
}
