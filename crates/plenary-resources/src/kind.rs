//! What kind of thing a resource is.

use std::fmt;

use serde::{Deserialize, Serialize};

/// What kind of thing a resource is: an analysis, a letter, a video, ….
///
/// In JSON a snake_case string such as `"policy_analysis"` or `"sample_letter"`.
///
/// ```
/// use plenary_resources::ResourceKind;
///
/// assert_eq!(ResourceKind::TalkingPoints.label(), "talking points");
/// assert_eq!(serde_json::to_string(&ResourceKind::SampleLetter)?, r#""sample_letter""#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ResourceKind {
    /// A brief or paper that analyses proposals or a policy question.
    PolicyAnalysis,
    /// A report, such as one of a parliamentary research service.
    Report,
    /// A background paper that explains a process or a text.
    Background,
    /// Testimony before a parliament or a committee.
    Testimony,
    /// Comments filed in a consultation or a preparatory process.
    Comments,
    /// A letter, often an open or sign-on letter.
    Letter,
    /// A letter for others to adapt and send.
    SampleLetter,
    /// Talking points or key messages for advocates.
    TalkingPoints,
    /// A petition to sign.
    Petition,
    /// A timeline of events.
    Timeline,
    /// A video.
    Video,
    /// A recording or podcast.
    Audio,
    /// A news article.
    News,
    /// A statement or press release.
    Statement,
    /// An article, an opinion piece or a blog post.
    Article,
    /// A legal text: a law, a regulation, a court filing.
    LegalDocument,
    /// A web page that fits no other kind.
    Webpage,
}

impl ResourceKind {
    /// Every kind, in declaration order.
    pub const ALL: [ResourceKind; 17] = [
        Self::PolicyAnalysis,
        Self::Report,
        Self::Background,
        Self::Testimony,
        Self::Comments,
        Self::Letter,
        Self::SampleLetter,
        Self::TalkingPoints,
        Self::Petition,
        Self::Timeline,
        Self::Video,
        Self::Audio,
        Self::News,
        Self::Statement,
        Self::Article,
        Self::LegalDocument,
        Self::Webpage,
    ];

    /// The kind in plain words, such as `"policy analysis"`.
    pub fn label(self) -> &'static str {
        match self {
            Self::PolicyAnalysis => "policy analysis",
            Self::Report => "report",
            Self::Background => "background",
            Self::Testimony => "testimony",
            Self::Comments => "comments",
            Self::Letter => "letter",
            Self::SampleLetter => "sample letter",
            Self::TalkingPoints => "talking points",
            Self::Petition => "petition",
            Self::Timeline => "timeline",
            Self::Video => "video",
            Self::Audio => "audio",
            Self::News => "news",
            Self::Statement => "statement",
            Self::Article => "article",
            Self::LegalDocument => "legal document",
            Self::Webpage => "webpage",
        }
    }

    /// The kind named by its label or its JSON name, in any case: `"Talking points"` or
    /// `"talking_points"`.
    pub fn from_label(label: &str) -> Option<Self> {
        let wanted = label.trim().to_lowercase().replace(['_', '-'], " ");
        Self::ALL.into_iter().find(|k| k.label() == wanted)
    }
}

impl fmt::Display for ResourceKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_names_are_the_labels_in_snake_case() {
        for kind in ResourceKind::ALL {
            let json = serde_json::to_string(&kind).unwrap();
            assert_eq!(json, format!("\"{}\"", kind.label().replace(' ', "_")));
            assert_eq!(serde_json::from_str::<ResourceKind>(&json).unwrap(), kind);
        }
        assert!(serde_json::from_str::<ResourceKind>(r#""blog""#).is_err());
    }

    #[test]
    fn labels_read_back() {
        for (label, kind) in [
            ("Talking points", Some(ResourceKind::TalkingPoints)),
            ("sample_letter", Some(ResourceKind::SampleLetter)),
            (" legal-document ", Some(ResourceKind::LegalDocument)),
            ("blog", None),
        ] {
            assert_eq!(ResourceKind::from_label(label), kind, "{label}");
        }
    }
}
