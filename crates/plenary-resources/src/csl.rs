//! CSL-JSON, the bibliography format of citeproc processors (Zotero, Pandoc, citeproc-js).

use plenary_core::{Actor, Precision};
use serde_json::{Map, Value, json};

use crate::author::ActorDirectory;
use crate::{Author, Resource, ResourceKind};

/// The CSL 1.0.1 item type of a kind, and the genre that says more when the type is generic.
pub fn csl_type(kind: ResourceKind) -> (&'static str, Option<&'static str>) {
    match kind {
        ResourceKind::PolicyAnalysis => ("report", Some("Policy analysis")),
        ResourceKind::Report => ("report", None),
        ResourceKind::Background => ("report", Some("Background paper")),
        ResourceKind::Comments => ("report", Some("Comments")),
        ResourceKind::Testimony => ("speech", Some("Testimony")),
        ResourceKind::Letter => ("article", Some("Open letter")),
        ResourceKind::SampleLetter => ("pamphlet", Some("Sample letter")),
        ResourceKind::TalkingPoints => ("pamphlet", Some("Talking points")),
        ResourceKind::Petition => ("webpage", Some("Petition")),
        ResourceKind::Timeline => ("webpage", Some("Timeline")),
        ResourceKind::Video => ("motion_picture", None),
        ResourceKind::Audio => ("song", Some("Audio recording")),
        ResourceKind::News => ("article-newspaper", None),
        ResourceKind::Statement => ("article", Some("Statement")),
        ResourceKind::Article => ("article", None),
        ResourceKind::LegalDocument => ("legislation", None),
        ResourceKind::Webpage => ("webpage", None),
    }
}

/// The resources as a CSL-JSON array, one item each, ready for a citeproc processor.
///
/// Authors that are people (actors of kind person, or academics with a personal name) get
/// `family` and `given` names; organisations and free names are `literal`. The description is
/// the `abstract`, topics are the `keyword`, the first language is `language`, and the
/// published date is `issued` in `date-parts` to its precision.
///
/// ```
/// use plenary_resources::{Author, Resource, ResourceKind, to_csl_json};
///
/// let mut r = Resource::new("crs/internet-freedom".parse()?,
///     "Promoting Global Internet Freedom: Policy and Technology".parse()?, ResourceKind::Report);
/// r.authors.push(Author::Name("Congressional Research Service".parse()?));
/// r.published = Some("2012-06".parse()?);
/// let csl = to_csl_json(&[r], &[]);
/// assert_eq!(csl[0]["type"], "report");
/// assert_eq!(csl[0]["author"][0]["literal"], "Congressional Research Service");
/// assert_eq!(csl[0]["issued"]["date-parts"][0], serde_json::json!([2012, 6]));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn to_csl_json(resources: &[Resource], actors: &[Actor]) -> Value {
    let directory = ActorDirectory::new(actors);
    Value::Array(resources.iter().map(|r| item(r, &directory)).collect())
}

fn item(r: &Resource, directory: &ActorDirectory<'_>) -> Value {
    let (kind, genre) = csl_type(r.kind);
    let mut item = Map::new();
    item.insert("id".into(), json!(r.id.as_str()));
    item.insert("type".into(), json!(kind));
    item.insert("title".into(), json!(r.title.as_str()));
    if !r.authors.is_empty() {
        let names: Vec<Value> = r.authors.iter().map(|a| name(a, directory)).collect();
        item.insert("author".into(), Value::Array(names));
    }
    if let Some(publisher) = &r.publisher {
        item.insert("publisher".into(), json!(directory.display_name(publisher)));
    }
    if let Some(genre) = genre {
        item.insert("genre".into(), json!(genre));
    }
    if !r.description.is_empty() {
        item.insert("abstract".into(), json!(r.description));
    }
    if let Some(link) = &r.link {
        item.insert("URL".into(), json!(link.as_str()));
    }
    if let Some(date) = r.published {
        let mut parts = vec![date.year_number()];
        if let Some(month) = date.month() {
            parts.push(month as i32);
        }
        if let (Some(day), Precision::Day) = (date.day(), date.precision()) {
            parts.push(day as i32);
        }
        item.insert("issued".into(), json!({ "date-parts": [parts] }));
    }
    if let Some(language) = r.languages.first() {
        item.insert("language".into(), json!(language.as_str()));
    }
    if !r.topics.is_empty() {
        let topics: Vec<&str> = r.topics.iter().map(|t| t.as_str()).collect();
        item.insert("keyword".into(), json!(topics.join(", ")));
    }
    if let Some(section) = &r.section {
        item.insert("collection-title".into(), json!(section.as_str()));
    }
    Value::Object(item)
}

fn name(author: &Author, directory: &ActorDirectory<'_>) -> Value {
    let shown = directory.display_name(author);
    if directory.is_person(author)
        && let Some((given, family)) = shown.rsplit_once(' ')
    {
        return json!({ "family": family, "given": given });
    }
    json!({ "literal": shown })
}

#[cfg(test)]
mod tests {
    use plenary_core::ActorKind;

    use super::*;

    /// The item types of CSL 1.0.1, which every citeproc processor accepts.
    const CSL_TYPES: &[&str] = &[
        "article",
        "article-journal",
        "article-magazine",
        "article-newspaper",
        "bill",
        "book",
        "broadcast",
        "chapter",
        "dataset",
        "entry",
        "entry-dictionary",
        "entry-encyclopedia",
        "figure",
        "graphic",
        "interview",
        "legal_case",
        "legislation",
        "manuscript",
        "map",
        "motion_picture",
        "musical_score",
        "pamphlet",
        "paper-conference",
        "patent",
        "personal_communication",
        "post",
        "post-weblog",
        "report",
        "review",
        "review-book",
        "song",
        "speech",
        "thesis",
        "treaty",
        "webpage",
    ];

    #[test]
    fn every_kind_maps_to_a_csl_type() {
        for kind in ResourceKind::ALL {
            assert!(CSL_TYPES.contains(&csl_type(kind).0), "{kind}");
        }
        assert_eq!(csl_type(ResourceKind::Video).0, "motion_picture");
        assert_eq!(csl_type(ResourceKind::LegalDocument).0, "legislation");
    }

    #[test]
    fn people_have_family_and_given_names() {
        let actors = [
            Actor::new(
                "patrick-ryan".parse().unwrap(),
                "Patrick S. Ryan".parse().unwrap(),
                ActorKind::Academic,
            ),
            Actor::new(
                "isoc".parse().unwrap(),
                "Internet Society".parse().unwrap(),
                ActorKind::CivilSociety,
            ),
        ];
        let mut r = Resource::new(
            "x".parse().unwrap(),
            "X".parse().unwrap(),
            ResourceKind::Testimony,
        );
        r.authors = vec![
            Author::Actor("patrick-ryan".parse().unwrap()),
            Author::Actor("isoc".parse().unwrap()),
            Author::Name("Various".parse().unwrap()),
        ];
        r.published = Some("2012-12-03".parse().unwrap());
        r.link = Some("https://example.org/a?b=1".parse().unwrap());
        let csl = to_csl_json(&[r], &actors);
        assert_eq!(
            csl,
            json!([{
                "id": "x", "type": "speech", "title": "X", "genre": "Testimony",
                "author": [
                    {"family": "Ryan", "given": "Patrick S."},
                    {"literal": "Internet Society"},
                    {"literal": "Various"}
                ],
                "URL": "https://example.org/a?b=1",
                "issued": {"date-parts": [[2012, 12, 3]]}
            }])
        );
    }
}
