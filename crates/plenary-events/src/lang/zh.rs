//! Chinese date words. Years, months and days are numerals with their marks (`2012年`, `12月`,
//! `3日`), which the tokenizer reads; this table holds the connectors around them.

use super::Word::{self, *};

pub(super) const WORDS: &[(&str, Word)] = &[
    ("至", Range),
    ("到", Range),
    ("和", Pair),
    ("与", Pair),
    ("待定", Unknown),
    ("暂定", Uncertain),
    ("约", Approximate),
    ("左右", Approximate),
    ("截止", Deadline),
    ("从", Filler),
    ("于", Filler),
    ("自", Filler),
];
