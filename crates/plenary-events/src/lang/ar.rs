//! Arabic date words: month names of the Gregorian calendar as written in the Arab group's
//! documents, connectors, and filler words; digits may be Arabic-Indic (`٣ ديسمبر ٢٠١٢`).

use chrono::Weekday::{Fri, Mon, Sat, Sun, Thu, Tue, Wed};

use super::Word::{self, *};

pub(super) const WORDS: &[(&str, Word)] = &[
    ("يناير", Month(1)),
    ("فبراير", Month(2)),
    ("مارس", Month(3)),
    ("أبريل", Month(4)),
    ("ابريل", Month(4)),
    ("مايو", Month(5)),
    ("يونيو", Month(6)),
    ("يوليو", Month(7)),
    ("أغسطس", Month(8)),
    ("اغسطس", Month(8)),
    ("سبتمبر", Month(9)),
    ("أكتوبر", Month(10)),
    ("اكتوبر", Month(10)),
    ("نوفمبر", Month(11)),
    ("ديسمبر", Month(12)),
    ("الاثنين", Weekday(Mon)),
    ("الثلاثاء", Weekday(Tue)),
    ("الأربعاء", Weekday(Wed)),
    ("الخميس", Weekday(Thu)),
    ("الجمعة", Weekday(Fri)),
    ("السبت", Weekday(Sat)),
    ("الأحد", Weekday(Sun)),
    ("إلى", Range),
    ("الى", Range),
    ("حتى", Range),
    ("و", Pair),
    ("بين", Between),
    ("حوالي", Approximate),
    ("نحو", Approximate),
    ("مبدئيا", Uncertain),
    ("قبل", Deadline),
    ("من", Filler),
    ("في", Filler),
    ("عام", Filler),
    ("سنة", Filler),
];
