//! Values whose JSON form is their text form: one way in (the type's parser) for `FromStr`,
//! `TryFrom<&str>` and serde alike.

use std::fmt;
use std::marker::PhantomData;
use std::str::FromStr;

use serde::Deserializer;
use serde::de::{self, Visitor};

/// Implements `FromStr`, `TryFrom<&str>`, `Serialize` (through `Display`) and `Deserialize`
/// (through `$parse`) for a type whose text form is its JSON form, and with the `schemars`
/// feature its JSON Schema: a string, described by `$expecting`, with any extra keywords given.
macro_rules! impl_text_form {
    ($ty:ty, $parse:path, $expecting:literal) => {
        $crate::text_form::impl_text_form!($ty, $parse, $expecting, {});
    };
    ($ty:ty, $parse:path, $expecting:literal, { $($schema:tt)* }) => {
        #[cfg(feature = "schemars")]
        impl ::schemars::JsonSchema for $ty {
            fn schema_name() -> ::std::borrow::Cow<'static, str> {
                stringify!($ty).into()
            }

            fn json_schema(_: &mut ::schemars::SchemaGenerator) -> ::schemars::Schema {
                ::schemars::json_schema!({
                    "type": "string",
                    "description": $expecting,
                    $($schema)*
                })
            }
        }

        impl ::std::str::FromStr for $ty {
            type Err = $crate::Error;

            fn from_str(text: &str) -> Result<Self, $crate::Error> {
                $parse(text)
            }
        }

        impl TryFrom<&str> for $ty {
            type Error = $crate::Error;

            fn try_from(text: &str) -> Result<Self, $crate::Error> {
                $parse(text)
            }
        }

        impl ::serde::Serialize for $ty {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_str(self)
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $ty {
            fn deserialize<D: ::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> Result<Self, D::Error> {
                $crate::text_form::deserialize_from_str(deserializer, $expecting)
            }
        }
    };
}

pub(crate) use impl_text_form;

/// Deserializes a string through `T::from_str`, so JSON goes through the same checks as code.
pub(crate) fn deserialize_from_str<'de, D, T>(
    deserializer: D,
    expecting: &'static str,
) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: FromStr,
    T::Err: fmt::Display,
{
    struct StrVisitor<T> {
        expecting: &'static str,
        marker: PhantomData<T>,
    }

    impl<T> Visitor<'_> for StrVisitor<T>
    where
        T: FromStr,
        T::Err: fmt::Display,
    {
        type Value = T;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str(self.expecting)
        }

        fn visit_str<E: de::Error>(self, v: &str) -> Result<T, E> {
            v.parse().map_err(E::custom)
        }
    }

    deserializer.deserialize_str(StrVisitor {
        expecting,
        marker: PhantomData,
    })
}
