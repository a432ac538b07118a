//! Search folds case, accents, tone marks and vowel signs in every script, not only Latin.

use plenary_resources::{Query, Resource, ResourceBank, ResourceKind};

fn bank() -> ResourceBank {
    let mut bank = ResourceBank::new();
    for (id, title) in [
        ("el", "Η ΔΙΕΘΝΉΣ ΈΝΩΣΗ ΤΗΛΕΠΙΚΟΙΝΩΝΙΏΝ"),
        ("ru", "Всемирная конференция по международной электросвязи"),
        ("vi", "Hội nghị thế giới về viễn thông quốc tế"),
        ("ar", "المُؤْتَمَرُ العالَمِيُّ لِلاتِّصالاتِ الدَّوْلِيَّة"),
        (
            "fr",
            "Conférence mondiale des télécommunications internationales",
        ),
    ] {
        bank.add(Resource::new(
            id.parse().expect("a valid id"),
            title.parse().expect("a valid title"),
            ResourceKind::Article,
        ))
        .expect("the ids differ");
    }
    bank
}

#[test]
fn a_query_without_accents_or_case_finds_each_script() {
    let bank = bank();
    for (query, id) in [
        ("διεθνης ενωση", "el"),
        ("ΤΗΛΕΠΙΚΟΙΝΩΝΙΩΝ", "el"),
        ("ВСЕМИРНАЯ КОНФЕРЕНЦИЯ", "ru"),
        ("vien thong quoc te", "vi"),
        ("VIỄN THÔNG", "vi"),
        ("المؤتمر العالمي", "ar"),
        ("TELECOMMUNICATIONS", "fr"),
    ] {
        let hits = bank.search(&Query::new(query));
        let ids: Vec<&str> = hits.iter().map(|h| h.resource.id.as_str()).collect();
        assert_eq!(ids, [id], "{query}");
    }
}
