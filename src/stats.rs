//! Where load time goes: time per stage of loading and analysis, and the peak memory, for
//! `dossier check --stats`.
//!
//! Two kinds of figure, because the stages run differently:
//! - Corpus-wide stages (actors, times, events, quotes, sources, passages, index, cache) and the
//!   loader as a whole (`read`) are timed as wall time: one pair of `Instant::now` calls per
//!   stage, recorded in a [`StageTimes`].
//! - Cleaning and sentence splitting run per article inside the loader, on every core at once;
//!   they are timed as thread time summed over all threads ([`thread_timer`]), which can exceed
//!   the wall time of the load on a machine with several cores. The counters are process-wide
//!   atomics: two clock readings and one atomic addition per article, negligible beside the work.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use serde::Serialize;

/// A stage of loading and analysing a corpus.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Stage {
    /// The whole loader, wall time: discovery, reading, decoding, parsing, cleaning, sentences.
    Read,
    /// Cleaning article bodies (thread time summed over threads; part of `read`).
    Clean,
    /// Sentence splitting (thread time summed over threads; part of `read`).
    Sentences,
    /// Actor extraction and resolution across the corpus.
    Actors,
    /// Time expressions.
    Times,
    /// Events and timeline entries.
    Events,
    /// Attribution: each article's quotations and the sources it cites (one analysis serves
    /// both).
    Quotes,
    /// Merging cited sources across the corpus.
    Sources,
    /// Shared passages.
    Passages,
    /// Building the lookups ([`crate::model::Corpus::reindex`]).
    Index,
    /// The model cache: fingerprinting the input files, reading or writing the cache.
    Cache,
}

impl Stage {
    /// Every stage, in the order they are reported.
    pub const ALL: [Stage; 11] = [
        Stage::Read,
        Stage::Clean,
        Stage::Sentences,
        Stage::Actors,
        Stage::Times,
        Stage::Events,
        Stage::Quotes,
        Stage::Sources,
        Stage::Passages,
        Stage::Index,
        Stage::Cache,
    ];

    /// The stage's name as printed.
    pub fn name(self) -> &'static str {
        match self {
            Stage::Read => "read",
            Stage::Clean => "clean",
            Stage::Sentences => "sentences",
            Stage::Actors => "actors",
            Stage::Times => "times",
            Stage::Events => "events",
            Stage::Quotes => "quotes",
            Stage::Sources => "sources",
            Stage::Passages => "passages",
            Stage::Index => "index",
            Stage::Cache => "cache",
        }
    }

    /// Whether the stage is measured as thread time summed over threads rather than wall time.
    pub fn is_thread_time(self) -> bool {
        matches!(self, Stage::Clean | Stage::Sentences)
    }

    fn slot(self) -> usize {
        self as usize
    }
}

/// Wall time spent per stage; a stage met twice (the index is built twice) adds up. With each
/// wall-time stage, the process's peak memory when it ended, so that the stage which raised
/// the peak shows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StageTimes {
    spent: [Duration; Stage::ALL.len()],
    peak_after: [Option<u64>; Stage::ALL.len()],
}

impl StageTimes {
    /// Adds `spent` to `stage`; for a wall-time stage that just ended, notes the peak memory.
    pub fn add(&mut self, stage: Stage, spent: Duration) {
        if let Some(total) = self.spent.get_mut(stage.slot()) {
            *total += spent;
        }
        if !stage.is_thread_time()
            && let Some(peak) = self.peak_after.get_mut(stage.slot())
        {
            *peak = peak_memory_bytes().max(*peak);
        }
    }

    /// Runs `work`, adding its wall time to `stage`.
    pub fn time<T>(&mut self, stage: Stage, work: impl FnOnce() -> T) -> T {
        let started = Instant::now();
        let result = work();
        self.add(stage, started.elapsed());
        result
    }

    /// The process's peak memory in bytes when `stage` last ended; `None` for stages not met,
    /// thread-time stages, and systems that do not say.
    pub fn peak_after(&self, stage: Stage) -> Option<u64> {
        self.peak_after.get(stage.slot()).copied().flatten()
    }

    /// The time recorded for `stage`.
    pub fn get(&self, stage: Stage) -> Duration {
        self.spent.get(stage.slot()).copied().unwrap_or_default()
    }

    /// Moves the process-wide thread-time counters (clean, sentences) into these times and
    /// resets them, so that the next load starts from zero.
    pub fn collect_thread_times(&mut self) {
        for stage in Stage::ALL.into_iter().filter(|s| s.is_thread_time()) {
            let nanos = THREAD_NANOS
                .get(stage.slot())
                .map(|c| c.swap(0, Ordering::Relaxed))
                .unwrap_or(0);
            self.add(stage, Duration::from_nanos(nanos));
        }
    }
}

/// Thread time per stage in nanoseconds, indexed by [`Stage`]; only the thread-time stages use it.
static THREAD_NANOS: [AtomicU64; Stage::ALL.len()] = [const { AtomicU64::new(0) }; 11];

/// Starts timing `stage` on this thread; the time is added when the guard is dropped.
pub fn thread_timer(stage: Stage) -> ThreadTimer {
    ThreadTimer {
        stage,
        started: Instant::now(),
    }
}

/// Adds the thread time since its creation to its stage when dropped (see [`thread_timer`]).
#[derive(Debug)]
pub struct ThreadTimer {
    stage: Stage,
    started: Instant,
}

impl Drop for ThreadTimer {
    fn drop(&mut self) {
        let nanos = u64::try_from(self.started.elapsed().as_nanos()).unwrap_or(u64::MAX);
        if let Some(counter) = THREAD_NANOS.get(self.stage.slot()) {
            counter.fetch_add(nanos, Ordering::Relaxed);
        }
    }
}

/// The peak resident memory of this process in bytes (`VmHWM` of `/proc/self/status`), or
/// `None` where the system does not say (not Linux, no `/proc`).
pub fn peak_memory_bytes() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    parse_vm_hwm(&status)
}

/// Reads the `VmHWM:   1234 kB` line of a `/proc/PID/status` text, in bytes.
fn parse_vm_hwm(status: &str) -> Option<u64> {
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let mut words = line.split_whitespace().skip(1);
    let value: u64 = words.next()?.parse().ok()?;
    let unit = match words.next() {
        Some("kB") => 1024,
        Some("mB") | Some("MB") => 1024 * 1024,
        _ => return None,
    };
    value.checked_mul(unit)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vm_hwm_is_read_in_bytes() {
        let status = "Name:\tdossier\nVmPeak:\t  9000 kB\nVmHWM:\t    2048 kB\nVmRSS:\t 100 kB\n";
        assert_eq!(parse_vm_hwm(status), Some(2048 * 1024));
        assert_eq!(parse_vm_hwm("Name: x\n"), None);
        assert_eq!(parse_vm_hwm("VmHWM: lots kB\n"), None);
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn peak_memory_is_known_on_linux() {
        assert!(peak_memory_bytes().is_some_and(|b| b > 0));
    }

    #[test]
    fn stage_times_add_up() {
        let mut times = StageTimes::default();
        times.add(Stage::Index, Duration::from_millis(3));
        times.add(Stage::Index, Duration::from_millis(4));
        assert_eq!(times.get(Stage::Index), Duration::from_millis(7));
        assert_eq!(times.get(Stage::Actors), Duration::ZERO);
        let answer = times.time(Stage::Actors, || 42);
        assert_eq!(answer, 42);
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn the_peak_is_noted_when_a_wall_time_stage_ends() {
        let mut times = StageTimes::default();
        times.time(Stage::Actors, || ());
        times.add(Stage::Clean, Duration::from_millis(1));
        assert!(times.peak_after(Stage::Actors).is_some_and(|b| b > 0));
        assert_eq!(times.peak_after(Stage::Clean), None);
        assert_eq!(times.peak_after(Stage::Times), None);
    }

    #[test]
    fn every_stage_has_its_own_slot() {
        for (i, stage) in Stage::ALL.into_iter().enumerate() {
            assert_eq!(stage.slot(), i);
        }
    }
}
