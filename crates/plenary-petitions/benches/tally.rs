//! Signatures NDJSON → tally, over a generated file of 1,000,000 lines (113 MB).
//!
//! First, as a user runs it: the file written to a temporary directory, then tallied the way
//! `petitions tally` does (open, map the file and read it on every core, report, JSON out),
//! timed in wall and CPU seconds in this process and then as a process of its own (this bench
//! run again as a child, from start to exit), side by side with DuckDB running the same rules
//! in SQL
//! (`benches/duckdb_tally.sql`: `read_json`, the canonical-email rule, `arg_min` per signer) as
//! a whole Python process. DuckDB comes from PyPI into a virtual environment made in the
//! temporary directory (or the Python named by `PLENARY_BENCH_PYTHON`); when neither can be
//! had the DuckDB half is skipped with a notice. Then criterion: one thread end to end,
//! `tally_parallel` on every core, and as many independent one-thread tallies at once (how fast
//! the machine's cores go when all are busy).

use std::hint::black_box;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use criterion::{Criterion, Throughput, criterion_group};
use plenary_petitions::{Tally, tally_parallel};

const LINES: u64 = 1_000_000;

/// A deterministic signatures file: 1,000,000 lines from 800,000 signers (a fifth are repeats,
/// with address variants), 40 countries, a few lines with escapes, no country or CRLF.
fn generate() -> Vec<u8> {
    let countries = [
        "GB", "US", "DE", "FR", "BR", "IN", "KE", "NG", "AE", "JP", "CN", "RU", "ES", "IT", "MX",
        "AR", "CA", "AU", "ZA", "EG", "SE", "NO", "DK", "FI", "PL", "UA", "TR", "IR", "PK", "BD",
        "ID", "PH", "TH", "VN", "KR", "CL", "CO", "PE", "GH", "CH",
    ];
    let mut out = Vec::with_capacity(140 * LINES as usize);
    let mut state: u64 = 0x2012_1213;
    for i in 0..LINES {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        let signer = if i % 5 == 4 {
            (state >> 33) % (i.max(1)) % 800_000
        } else {
            i * 4 / 5
        };
        let country = countries[(signer % countries.len() as u64) as usize];
        let second = 1_354_500_000 + (state >> 40) % 1_000_000;
        let (h, m, s) = ((second / 3600) % 24, (second / 60) % 60, second % 60);
        let day = 3 + (second / 86_400) % 11;
        let email = match i % 7 {
            0 => format!("Signer.{signer}+wcit@GoogleMail.com"),
            1 => format!("signer.{signer}@gmail.com"),
            _ => format!("signer{signer}@example{}.org", signer % 97),
        };
        let country = if i % 50 == 0 {
            "null".to_owned()
        } else {
            format!("\"{country}\"")
        };
        let name = if i % 100 == 0 {
            "Jos\\u00e9 Lima"
        } else {
            "Ana Maria Lima"
        };
        let end = if i % 10 == 0 { "\r\n" } else { "\n" };
        write!(
            out,
            "{{\"name\":\"{name}\",\"email\":\"{email}\",\"country\":{country},\"signed_at\":\"2012-12-{day:02}T{h:02}:{m:02}:{s:02}Z\"}}{end}"
        )
        .expect("writing to a Vec cannot fail");
    }
    out
}

/// Times one thread, `threads` threads and `threads` independent one-thread tallies in turn,
/// `rounds` times, and prints the medians: on a shared machine whose speed drifts, taking the
/// three in turn compares them under the same conditions, which criterion's one-after-the-other
/// groups do not.
fn interleaved(input: &[u8], threads: usize, rounds: usize) {
    let one = || {
        let mut tally = Tally::with_milestones([1000, 10_000, 100_000]);
        tally.add_ndjson(black_box(input));
        black_box(tally.report());
    };
    let mut times: [Vec<f64>; 3] = [Vec::new(), Vec::new(), Vec::new()];
    for _ in 0..rounds {
        let start = Instant::now();
        one();
        times[0].push(start.elapsed().as_secs_f64() * 1e3);
        let start = Instant::now();
        black_box(tally_parallel(black_box(input), &[1000, 10_000, 100_000], threads).report());
        times[1].push(start.elapsed().as_secs_f64() * 1e3);
        let start = Instant::now();
        std::thread::scope(|scope| {
            for _ in 0..threads {
                scope.spawn(one);
            }
        });
        times[2].push(start.elapsed().as_secs_f64() * 1e3);
    }
    let [one, parallel, independent] = times.map(|mut t| {
        t.sort_by(f64::total_cmp);
        t[t.len() / 2]
    });
    let n = threads as f64;
    eprintln!(
        "interleaved medians of {rounds}: one thread {one:.0} ms; {threads} threads {parallel:.0} ms \
         ({:.2}x one); {threads} independent tallies at once {independent:.0} ms, {:.0} ms a \
         tally ({:.2}x one: the machine's own scaling)",
        one / parallel,
        independent / n,
        one * n / independent,
    );
}

/// The CPU seconds (user and system) this process has used, from `/proc/self/stat`; `None`
/// where there is no such file.
fn cpu_seconds() -> Option<f64> {
    proc_stat_seconds(11)
}

/// The CPU seconds (user and system) of the children this process has waited for.
fn children_cpu_seconds() -> Option<f64> {
    proc_stat_seconds(13)
}

/// The sum of two neighbouring tick counts of `/proc/self/stat`, the first at `index` counted
/// from the state (field 3): 11 is utime and stime (fields 14, 15), 13 cutime and cstime
/// (16, 17). Ticks are 1/100 s, USER_HZ on every Linux.
fn proc_stat_seconds(index: usize) -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let after_name = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = after_name.split(' ').collect();
    let ticks: f64 =
        fields.get(index)?.parse::<f64>().ok()? + fields.get(index + 1)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

/// A Python that can import duckdb: `PLENARY_BENCH_PYTHON`, or one made in `dir` from PyPI.
fn duckdb_python(dir: &Path) -> Result<PathBuf, String> {
    if let Some(python) = std::env::var_os("PLENARY_BENCH_PYTHON") {
        return Ok(PathBuf::from(python));
    }
    let venv = dir.join("venv");
    let made = Command::new("python3")
        .args(["-m", "venv"])
        .arg(&venv)
        .status()
        .map_err(|e| format!("no python3: {e}"))?;
    if !made.success() {
        return Err("python3 -m venv failed".into());
    }
    let python = venv.join("bin").join("python");
    let installed = Command::new(&python)
        .args(["-m", "pip", "install", "--quiet", "duckdb"])
        .status()
        .map_err(|e| format!("pip did not run: {e}"))?;
    if !installed.success() {
        return Err("pip install duckdb failed".into());
    }
    Ok(python)
}

/// Times the whole tally of the file as `petitions tally` runs it, and DuckDB's whole process
/// on the same file, and prints both with their ratio.
fn against_duckdb(input: &[u8], threads: usize) {
    let dir = std::env::temp_dir().join(format!("plenary-tally-bench-{}", std::process::id()));
    if let Err(e) = std::fs::create_dir_all(&dir) {
        eprintln!(
            "cannot make {}: {e}; whole-process figures skipped",
            dir.display()
        );
        return;
    }
    let file = dir.join("signatures.ndjson");
    std::fs::write(&file, input).expect("the temporary directory takes the generated file");

    let (mut walls, mut cpus) = (Vec::new(), Vec::new());
    let (mut counted, mut memory) = (0, 0);
    for _ in 0..7 {
        let (start, cpu) = (Instant::now(), cpu_seconds());
        let reader = std::fs::File::open(&file).expect("the file was just written");
        let mut tally = Tally::with_milestones([1000, 10_000, 100_000]);
        tally.read_file_on(reader, threads).expect("the file reads");
        serde_json::to_writer_pretty(std::io::sink(), &tally.report()).expect("JSON out");
        walls.push(start.elapsed().as_secs_f64());
        if let (Some(before), Some(after)) = (cpu, cpu_seconds()) {
            cpus.push(after - before);
        }
        counted = tally.counted();
        memory = tally.signer_memory_bytes();
    }
    let (wall, cpu) = (median(walls), (!cpus.is_empty()).then(|| median(cpus)));
    eprintln!(
        "petitions tally, whole file on {threads} threads: {:.0} ms wall, {:.2} M lines/s; {}; \
         {:.1} bytes of signer memory per unique signer",
        wall * 1e3,
        LINES as f64 / wall / 1e6,
        cpu.map_or("CPU time unknown".to_owned(), |cpu| format!(
            "{:.0} ms CPU, {:.2} M lines per CPU-second",
            cpu * 1e3,
            LINES as f64 / cpu / 1e6
        )),
        memory as f64 / counted.max(1) as f64,
    );

    // The same, as a user runs it: a process of its own (this bench, run again as a child),
    // from its start to its exit, the JSON written out.
    let (mut process_walls, mut process_cpus) = (Vec::new(), Vec::new());
    let me = std::env::current_exe();
    for _ in 0..7 {
        let Ok(me) = &me else { break };
        let (start, cpu) = (Instant::now(), children_cpu_seconds());
        let status = Command::new(me)
            .env(CHILD_FILE, &file)
            .stdout(std::process::Stdio::null())
            .status();
        if !status.as_ref().is_ok_and(|s| s.success()) {
            eprintln!("the whole-process run failed: {status:?}");
            break;
        }
        process_walls.push(start.elapsed().as_secs_f64());
        if let (Some(before), Some(after)) = (cpu, children_cpu_seconds()) {
            process_cpus.push(after - before);
        }
    }
    let process_cpu = (!process_cpus.is_empty()).then(|| median(process_cpus));
    let process_wall = (!process_walls.is_empty()).then(|| median(process_walls));
    if let Some(process_wall) = process_wall {
        eprintln!(
            "the same as a process of its own (as `petitions tally FILE` runs): {:.0} ms wall; {}",
            process_wall * 1e3,
            process_cpu.map_or("CPU time unknown".to_owned(), |cpu| format!(
                "{:.0} ms CPU, {:.2} M lines per CPU-second",
                cpu * 1e3,
                LINES as f64 / cpu / 1e6
            )),
        );
    }

    let python = match duckdb_python(&dir) {
        Ok(python) => python,
        Err(e) => {
            eprintln!(
                "DuckDB half skipped: {e} (set PLENARY_BENCH_PYTHON to a Python with duckdb)"
            );
            let _ = std::fs::remove_dir_all(&dir);
            return;
        }
    };
    let sql = include_str!("duckdb_tally.sql").replace("{FILE}", &file.to_string_lossy());
    let script = "import sys, duckdb\nduckdb.sql('SET enable_progress_bar = false')\n\
                  rows = duckdb.sql(sys.stdin.read()).fetchall()\nprint(sum(r[1] for r in rows))";
    let (mut duck_walls, mut duck_cpus) = (Vec::new(), Vec::new());
    for _ in 0..3 {
        let (start, cpu) = (Instant::now(), children_cpu_seconds());
        let mut child = match Command::new(&python)
            .args(["-c", script])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
        {
            Ok(child) => child,
            Err(e) => {
                eprintln!("DuckDB half skipped: {e}");
                break;
            }
        };
        if let Some(mut stdin) = child.stdin.take() {
            stdin
                .write_all(sql.as_bytes())
                .expect("python reads its script");
        }
        let output = child.wait_with_output().expect("python runs");
        let elapsed = start.elapsed().as_secs_f64();
        if let (Some(before), Some(after)) = (cpu, children_cpu_seconds()) {
            duck_cpus.push(after - before);
        }
        let stdout = String::from_utf8_lossy(&output.stdout);
        let signers = stdout.lines().last().unwrap_or("").trim().to_owned();
        if !output.status.success() || signers != counted.to_string() {
            eprintln!("DuckDB half skipped: it counted {signers:?}, the tally {counted}");
            break;
        }
        duck_walls.push(elapsed);
    }
    if !duck_walls.is_empty() {
        // Process against process where the tally ran as one, else against the in-process
        // figures.
        let (tally_wall, tally_cpu, against) = match process_wall {
            Some(w) => (w, process_cpu, "its own process"),
            None => (wall, cpu, "in this process"),
        };
        let duck = median(duck_walls);
        let cpu_ratio = match (
            tally_cpu,
            (!duck_cpus.is_empty()).then(|| median(duck_cpus)),
        ) {
            (Some(cpu), Some(duck_cpu)) => format!(
                "; {:.0} ms CPU, {:.1}x the tally's CPU time",
                duck_cpu * 1e3,
                duck_cpu / cpu
            ),
            _ => String::new(),
        };
        eprintln!(
            "DuckDB (read_json, same rules, arg_min), whole Python process: {:.0} ms wall, \
             petitions tally ({against}) {:.1}x as fast{cpu_ratio}",
            duck * 1e3,
            duck / tally_wall
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// Set in a child run of this bench: the file to tally as `petitions tally FILE` does, in a
/// process of its own, after which the child exits.
const CHILD_FILE: &str = "PLENARY_BENCH_TALLY_FILE";

/// A child run: the tally of `file` as `petitions tally FILE` makes it, JSON out, and nothing
/// else (no criterion, whose start costs more than the tally).
fn child(file: &std::ffi::OsStr) {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let reader = std::fs::File::open(file).expect("the bench wrote the file");
    let mut tally = Tally::with_milestones([1000, 10_000, 100_000]);
    tally.read_file_on(reader, threads).expect("the file reads");
    let stdout = std::io::stdout().lock();
    serde_json::to_writer_pretty(stdout, &tally.report()).expect("JSON out");
}

fn bench(c: &mut Criterion) {
    let input = generate();
    let mut check = Tally::with_milestones([1000, 10_000, 100_000]);
    check.add_ndjson(&input);
    assert_eq!(check.lines(), LINES);
    eprintln!(
        "{} lines, {} MB, {} unique signers, {:.1} bytes of signer memory per unique signer",
        LINES,
        input.len() / 1_000_000,
        check.counted(),
        check.signer_memory_bytes() as f64 / check.counted() as f64
    );

    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    against_duckdb(&input, threads);
    interleaved(&input, threads, 10);

    let mut group = c.benchmark_group("tally");
    group.sample_size(10);
    group.throughput(Throughput::Elements(LINES));
    group.bench_function("one_thread_1m_lines", |b| {
        b.iter(|| {
            let mut tally = Tally::with_milestones([1000, 10_000, 100_000]);
            tally.add_ndjson(black_box(&input));
            black_box(tally.report())
        })
    });
    group.bench_function(format!("{threads}_threads_1m_lines"), |b| {
        b.iter(|| {
            black_box(tally_parallel(black_box(&input), &[1000, 10_000, 100_000], threads).report())
        })
    });
    group.throughput(Throughput::Elements(LINES * threads as u64));
    group.bench_function(format!("{threads}_independent_tallies_at_once"), |b| {
        b.iter(|| {
            std::thread::scope(|scope| {
                let handles: Vec<_> = (0..threads)
                    .map(|_| {
                        scope.spawn(|| {
                            let mut tally = Tally::with_milestones([1000, 10_000, 100_000]);
                            tally.add_ndjson(black_box(&input));
                            tally.report()
                        })
                    })
                    .collect();
                for handle in handles {
                    black_box(handle.join().expect("a tally does not panic"));
                }
            })
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
// `criterion_main!`, with the child run first.
fn main() {
    if let Some(file) = std::env::var_os(CHILD_FILE) {
        child(&file);
        return;
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
}
