//! The resource bank: curated resources, the moderation queue and the search index.

use std::collections::HashMap;

use plenary_core::{Actor, Link, ResourceId};

use crate::author::ActorDirectory;
use crate::fold::fold_words;
use crate::moderation::check_reason;
use crate::search::{AUTHORS, DESCRIPTION, Hit, Index, Query, TITLE, TOPICS};
use crate::{
    Author, Error, ModerationState, Resource, ResourceKind, Submission, Suggestion, SuggestionId,
};

/// A bank of resources: the curated ones, the public's suggestions waiting for a moderator, and
/// an inverted index that answers searches without scanning.
///
/// Resources are indexed when they are added, by title, description, authors (their ids, and
/// the names and acronyms of the actors the bank was given) and topics.
///
/// ```
/// use plenary_resources::{ModerationState, Query, Resource, ResourceBank, ResourceKind, Suggestion};
///
/// let mut bank = ResourceBank::new();
/// let mut cdt = Resource::new("cdt/timeline".parse()?,
///     "Timeline: Relevant Events Approaching ITU Conference".parse()?, ResourceKind::Timeline);
/// cdt.link = Some("https://www.cdt.org/itu-timeline".parse()?);
/// bank.add(cdt)?;
///
/// let sent = bank.submit(&Suggestion {
///     title: "ITU timeline".into(),
///     link: "https://WWW.cdt.org/itu-timeline?utm_source=twitter".into(),
///     ..Suggestion::default()
/// })?;
/// assert_eq!(sent.state, ModerationState::Duplicate { of: "cdt/timeline".parse()? });
///
/// let hits = bank.search(&Query::new("itu timelines"));
/// assert_eq!(hits[0].resource.id, "cdt/timeline");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct ResourceBank {
    actors: Vec<Actor>,
    resources: Vec<Resource>,
    by_id: HashMap<ResourceId, usize>,
    by_link: HashMap<Link, usize>,
    author_keys: Vec<Vec<String>>,
    index: Index,
    queue: Vec<Submission>,
}

impl ResourceBank {
    /// An empty bank that knows no actors: authors are searched by their ids and names only.
    pub fn new() -> Self {
        Self::default()
    }

    /// An empty bank that searches authors by the names and acronyms of `actors` too.
    pub fn with_actors(actors: Vec<Actor>) -> Self {
        Self {
            actors,
            ..Self::default()
        }
    }

    /// A bank of `resources`, added in order, that knows `actors`.
    ///
    /// # Errors
    ///
    /// The first error of [`add`](Self::add), for the first resource it refuses.
    pub fn from_resources(
        actors: Vec<Actor>,
        resources: impl IntoIterator<Item = Resource>,
    ) -> Result<Self, Error> {
        let mut bank = Self::with_actors(actors);
        for resource in resources {
            bank.add(resource)?;
        }
        Ok(bank)
    }

    /// The actors the bank knows.
    pub fn actors(&self) -> &[Actor] {
        &self.actors
    }

    /// The resources, in the order they were added.
    pub fn resources(&self) -> &[Resource] {
        &self.resources
    }

    /// How many resources the bank holds.
    pub fn len(&self) -> usize {
        self.resources.len()
    }

    /// Whether the bank holds no resource.
    pub fn is_empty(&self) -> bool {
        self.resources.is_empty()
    }

    /// The resource with this id.
    pub fn get(&self, id: &str) -> Option<&Resource> {
        self.by_id.get(id).map(|&i| &self.resources[i])
    }

    /// The resource whose link is, in canonical form, the same as `link`.
    pub fn find_by_link(&self, link: &Link) -> Option<&Resource> {
        self.by_link
            .get(&link.canonical())
            .map(|&i| &self.resources[i])
    }

    /// Adds a curated resource after [`Resource::validate`]; a resource whose id, or whose link in
    /// canonical form, is already in the bank is refused.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidField`] for a resource that breaks a rule of [`Resource::validate`] (or when
    /// the bank already holds 2³² − 1 resources), [`Error::DuplicateResource`] for an id already
    /// in the bank, [`Error::DuplicateLink`] for a link already in the bank in canonical form.
    pub fn add(&mut self, resource: Resource) -> Result<(), Error> {
        resource.validate()?;
        if self.by_id.contains_key(&resource.id) {
            return Err(Error::DuplicateResource { id: resource.id });
        }
        if let Some(link) = &resource.link
            && let Some(existing) = self.find_by_link(link)
        {
            return Err(Error::DuplicateLink {
                link: link.clone(),
                existing: existing.id.clone(),
            });
        }
        let doc = u32::try_from(self.resources.len()).map_err(|_| Error::InvalidField {
            subject: format!("resource {:?}", resource.id.as_str()),
            field: "id",
            value: resource.id.to_string(),
            reason: "does not fit: the bank is full (4,294,967,295 resources)".into(),
        })?;
        let directory = ActorDirectory::new(&self.actors);
        let mut author_text = String::new();
        let mut keys = Vec::new();
        for author in resource.authors.iter().chain(&resource.publisher) {
            match author {
                Author::Actor(id) => {
                    keys.push(id.to_string());
                    author_text.push_str(&id.as_str().replace(['-', '/', '.', '_'], " "));
                    if let Some(actor) = directory.get(id) {
                        for name in std::iter::once(&actor.name).chain(&actor.acronym) {
                            keys.push(fold_words(name.as_str()));
                            author_text.push(' ');
                            author_text.push_str(name.as_str());
                        }
                    }
                }
                Author::Name(name) => {
                    keys.push(fold_words(name.as_str()));
                    author_text.push_str(name.as_str());
                }
            }
            author_text.push(' ');
        }
        let topics: Vec<String> = resource
            .topics
            .iter()
            .map(|t| t.as_str().replace('-', " "))
            .collect();
        let topic_text = topics.join(" ");
        self.index.insert(
            doc,
            &[
                (TITLE, resource.title.as_str()),
                (AUTHORS, &author_text),
                (TOPICS, &topic_text),
                (DESCRIPTION, &resource.description),
            ],
        );
        self.author_keys.push(keys);
        self.by_id.insert(resource.id.clone(), self.resources.len());
        if let Some(link) = &resource.link {
            self.by_link.insert(link.canonical(), self.resources.len());
        }
        self.resources.push(resource);
        Ok(())
    }

    /// The resources that match `query`, best first.
    ///
    /// Words are looked up in the index; only the resources holding a query word are scored,
    /// so a search costs what its words' posting lists cost, not the size of the bank.
    pub fn search(&self, query: &Query) -> Vec<Hit<'_>> {
        let accept = |doc: u32| {
            let i = doc as usize;
            !query.has_filters() || query.accepts(&self.resources[i], &self.author_keys[i])
        };
        if query.text().trim().is_empty() {
            return (0..self.resources.len())
                .filter(|&i| accept(i as u32))
                .take(query.max_hits())
                .map(|i| Hit {
                    resource: &self.resources[i],
                    score: 0.0,
                })
                .collect();
        }
        self.index
            .search(query.text(), accept, query.max_hits())
            .into_iter()
            .map(|(doc, score)| Hit {
                resource: &self.resources[doc as usize],
                score,
            })
            .collect()
    }

    /// Checks a public suggestion and queues it. A suggestion whose link is, in canonical
    /// form, the link of a resource already in the bank is queued as a
    /// [duplicate](ModerationState::Duplicate) naming that resource; any other starts
    /// [pending](ModerationState::Pending). A suggestion that fails the checks is not queued.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidField`] naming the field of the suggestion at fault: a title shorter than
    /// [`MIN_SUGGESTION_TITLE_CHARS`](crate::MIN_SUGGESTION_TITLE_CHARS), longer than
    /// [`MAX_SUGGESTION_TITLE_CHARS`](crate::MAX_SUGGESTION_TITLE_CHARS) or without a letter; a
    /// `mailto` link; a description too long, with control characters, or with more than
    /// [`MAX_SUGGESTION_URLS`](crate::MAX_SUGGESTION_URLS) web addresses. [`Error::Core`] for a
    /// link that is not a safe link at all.
    pub fn submit(&mut self, suggestion: &Suggestion) -> Result<&Submission, Error> {
        let id = SuggestionId::from(self.queue.len() as u64 + 1);
        let mut submission = Submission::check(id, suggestion)?;
        if let Some(existing) = self.find_by_link(&submission.link) {
            submission.state = ModerationState::Duplicate {
                of: existing.id.clone(),
            };
        }
        self.queue.push(submission);
        Ok(&self.queue[self.queue.len() - 1])
    }

    /// Every suggestion ever submitted, in order, with its state.
    pub fn queue(&self) -> &[Submission] {
        &self.queue
    }

    /// The suggestions still waiting for a moderator.
    pub fn pending(&self) -> impl Iterator<Item = &Submission> {
        self.queue
            .iter()
            .filter(|s| s.state == ModerationState::Pending)
    }

    /// Suggestion number `id`.
    pub fn suggestion(&self, id: SuggestionId) -> Option<&Submission> {
        id.position().and_then(|i| self.queue.get(i))
    }

    fn pending_index(&self, id: SuggestionId) -> Result<usize, Error> {
        let (Some(i), Some(submission)) = (id.position(), self.suggestion(id)) else {
            return Err(Error::UnknownSuggestion { id });
        };
        if submission.state != ModerationState::Pending {
            return Err(Error::NotPending {
                id,
                state: submission.state.to_string(),
            });
        }
        Ok(i)
    }

    /// Approves pending suggestion `id` into the bank as resource `resource_id`: the author
    /// becomes an actor id when the bank knows the actor, the kind is the submitter's or
    /// [`ResourceKind::Webpage`]. When a resource with the same canonical link was added since
    /// the suggestion came in, the suggestion becomes a duplicate of it and the approval fails
    /// with [`Error::DuplicateLink`].
    ///
    /// # Errors
    ///
    /// [`Error::UnknownSuggestion`] for a number the queue never gave, [`Error::NotPending`] for a
    /// suggestion already decided, [`Error::DuplicateLink`] as above, and the errors of
    /// [`add`](Self::add) for the resource made of it (such as [`Error::DuplicateResource`] when
    /// `resource_id` is taken).
    pub fn approve(
        &mut self,
        id: SuggestionId,
        resource_id: ResourceId,
    ) -> Result<&Resource, Error> {
        let i = self.pending_index(id)?;
        let submission = &self.queue[i];
        if let Some(existing) = self.find_by_link(&submission.link) {
            let (link, existing) = (submission.link.clone(), existing.id.clone());
            self.queue[i].state = ModerationState::Duplicate {
                of: existing.clone(),
            };
            return Err(Error::DuplicateLink { link, existing });
        }
        let mut resource = Resource::new(
            resource_id.clone(),
            submission.title.clone(),
            submission.kind.unwrap_or(ResourceKind::Webpage),
        );
        if let Some(author) = &submission.author {
            resource
                .authors
                .push(ActorDirectory::new(&self.actors).author(author.as_str())?);
        }
        resource.description = submission.description.clone();
        resource.link = Some(submission.link.clone());
        resource.section = submission.section.clone();
        self.add(resource)?;
        self.queue[i].state = ModerationState::Approved {
            resource: resource_id,
        };
        Ok(&self.resources[self.resources.len() - 1])
    }

    /// Rejects pending suggestion `id`, saying why.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownSuggestion`] for a number the queue never gave, [`Error::NotPending`] for a
    /// suggestion already decided, [`Error::InvalidField`] for a reason that is blank or longer
    /// than [`MAX_REASON_CHARS`](crate::MAX_REASON_CHARS).
    pub fn reject(&mut self, id: SuggestionId, reason: &str) -> Result<&Submission, Error> {
        let i = self.pending_index(id)?;
        let reason = check_reason(id, reason)?;
        self.queue[i].state = ModerationState::Rejected { reason };
        Ok(&self.queue[i])
    }
}
