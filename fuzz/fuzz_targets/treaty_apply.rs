//! Proposals applied and compiled: no base and proposal panic `apply` or `compile`; a proposal
//! that applies leaves no mark of its own in the amended text, records only real changes, and
//! shows no misfit in the compilation; an empty proposal changes nothing.
//!
//! The input is a proposal against a small instrument with margin numbers, or, when it holds a
//! NUL, a base text and a proposal on either side of it.
#![no_main]

use libfuzzer_sys::fuzz_target;
use plenary_treaty::{Document, apply, compile, parse, to_akn};

const BASE: &str = "REGULATIONS\n\nIllustrative Regulations\n\nPreamble\n\n\
    1 While the sovereign right of each country is recognized, these Regulations apply.\n\n\
    ARTICLE 1\n\nPurpose\n\n2 1.1 a) These Regulations establish principles.\n\n\
    3 b) They recognize special arrangements.\n\n4 1.2 In these Regulations, words mean things.\n\n\
    ARTICLE 3\n\nInternational Network\n\n28 3.1 Members shall cooperate.\n\n\
    29 3.2 Administrations shall provide facilities.\n\nAPPENDIX 1\n\nAccounting\n\n\
    1.1. Administrations shall settle accounts.\n";

fuzz_target!(|text: &str| {
    let (base, proposal) = match text.split_once('\0') {
        Some((base, proposal)) => (parse(base), parse(proposal)),
        None => (parse(BASE), parse(text)),
    };
    let compilation = compile(&base, std::slice::from_ref(&proposal));
    assert!(compilation.provisions.iter().all(|p| p.proposals.iter().all(|x| !x.source.is_empty())));
    if let Ok(amended) = apply(&base, &proposal) {
        let misfits: Vec<_> = compilation
            .provisions
            .iter()
            .flat_map(|p| &p.proposals)
            .filter_map(|x| x.misfit.as_deref())
            .collect();
        assert!(misfits.is_empty(), "applied, yet the compilation shows {misfits:?}");
        let new = &amended.modifications[base.modifications.len()..];
        assert!(new.iter().all(|m| m.kind().is_some()));
        let mut marks = 0;
        amended.for_each_clause(|_, _, _, c| marks += usize::from(c.mark.is_some()));
        let mut base_marks = 0;
        base.for_each_clause(|_, _, _, c| base_marks += usize::from(c.mark.is_some()));
        assert!(marks <= base_marks, "the amended text keeps marks of the proposal");
        let _ = to_akn(&amended);
    }
    assert_eq!(apply(&base, &Document::default()).ok().as_ref(), Some(&base));
});
