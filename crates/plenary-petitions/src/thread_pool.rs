//! The lowest layer: running work items on a few threads, each thread taking the next item
//! whenever it finishes one.

use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Runs `work` on every item on `threads` threads (this one among them), each thread taking
/// the next item whenever it finishes one, and returns the results in the items' order. A panic
/// on any thread is resumed here.
pub(crate) fn on_threads<T: Send, R: Send>(
    items: Vec<T>,
    threads: usize,
    work: impl Fn(T) -> R + Sync,
) -> Vec<R> {
    let count = items.len();
    let items: Vec<Mutex<Option<T>>> = items.into_iter().map(|i| Mutex::new(Some(i))).collect();
    let next = AtomicUsize::new(0);
    let take_and_work = || {
        let mut done = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(slot) = items.get(i) else {
                return done;
            };
            // Each item is taken exactly once, so no lock is ever held by a panicking thread.
            let item = slot.lock().map(|mut item| item.take());
            if let Ok(Some(item)) = item {
                done.push((i, work(item)));
            }
        }
    };
    let mut done: Vec<(usize, R)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (1..threads.min(count))
            .map(|_| scope.spawn(take_and_work))
            .collect();
        let mut done = take_and_work();
        for handle in handles {
            match handle.join() {
                Ok(more) => done.extend(more),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
        done
    });
    done.sort_unstable_by_key(|&(i, _)| i);
    done.into_iter().map(|(_, result)| result).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_back_in_order() {
        for threads in 1..=4 {
            let squares = on_threads((0..100_u64).collect(), threads, |i| i * i);
            assert_eq!(squares, (0..100_u64).map(|i| i * i).collect::<Vec<_>>());
            assert!(on_threads(Vec::<u8>::new(), threads, |i| i).is_empty());
        }
    }
}
