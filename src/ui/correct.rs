//! Corrections from the keyboard: merge (`m`, the target chosen with the finder), rename (`r`,
//! a prompt), hide (`x`) and undo (`u`). The App keeps the list of corrections and what the
//! analysed corpus said about its actors ([`crate::corrections::Baseline`]); each change builds
//! the next list, applies it again from that baseline on the corpus itself
//! ([`crate::corrections::reapply`]), saves the list through a [`CorrectionsStore`], and only
//! then takes effect: a refused or failed change puts the corpus back as it was. The store is
//! a trait so that [`App::update`] stays testable without files.

use std::sync::Arc;

use crate::corrections::{self, Baseline, Correction, Corrections};
use crate::model::ActorId;

use super::app::{App, Finder, Overlay};
use super::lens::LensItem;

/// Where the corrections are kept between runs (the corrections file, in the real browser).
pub trait CorrectionsStore {
    /// Saves the whole list, replacing what was saved before. An error is a sentence for the
    /// status line.
    fn save(&mut self, corrections: &Corrections) -> Result<(), String>;
}

/// A store that keeps nothing: the corrections last until the browser quits.
#[derive(Debug, Default)]
pub struct MemoryStore;

impl CorrectionsStore for MemoryStore {
    fn save(&mut self, _: &Corrections) -> Result<(), String> {
        Ok(())
    }
}

/// The rename prompt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenamePrompt {
    /// The actor being renamed.
    pub actor: ActorId,
    /// The new name as typed so far.
    pub text: String,
}

impl App {
    /// The name a correction refers to an actor by.
    fn correction_name(&self, actor: ActorId) -> Option<String> {
        self.corpus.actor(actor).map(|a| a.name.clone())
    }

    /// `m`: opens the finder to choose the actor the selected one is merged into.
    pub(super) fn start_merge(&mut self, actor: ActorId) {
        if self.refuse_corrections() {
            return;
        }
        self.overlay = Some(Overlay::Finder(Finder {
            merge: Some(actor),
            ..Finder::default()
        }));
        self.refind();
    }

    /// `r`: opens the rename prompt with the current name.
    pub(super) fn start_rename(&mut self, actor: ActorId) {
        if self.refuse_corrections() {
            return;
        }
        let text = self.correction_name(actor).unwrap_or_default();
        self.overlay = Some(Overlay::Rename(RenamePrompt { actor, text }));
    }

    /// Merges `from` into `into`; the lens follows the merged actor.
    pub(super) fn merge(&mut self, from: ActorId, into: ActorId) {
        let (Some(merge), Some(target)) = (self.correction_name(from), self.correction_name(into))
        else {
            return;
        };
        if from == into {
            self.message = Some("an actor cannot be merged into itself".into());
            return;
        }
        let done = format!("merged {merge} into {target} (u undoes)");
        // The lens follows the merged actor (before the change drops hidden actors from it).
        let lens = self.lens.clone();
        for item in &mut self.lens {
            if *item == LensItem::Actor(from) {
                *item = LensItem::Actor(into);
            }
        }
        let mut seen = Vec::new();
        self.lens.retain(|i| {
            let new = !seen.contains(i);
            seen.push(*i);
            new
        });
        let merged = self.push_correction(
            Correction::Merge {
                merge,
                into: target,
            },
            done,
        );
        if !merged {
            self.lens = lens;
        }
    }

    /// Renames `actor` to `to`.
    pub(super) fn rename(&mut self, actor: ActorId, to: String) {
        let Some(name) = self.correction_name(actor) else {
            return;
        };
        let to = to.trim().to_string();
        if to.is_empty() {
            self.message = Some("a name cannot be empty; nothing changed".into());
            return;
        }
        if to == name {
            return;
        }
        let done = format!("renamed {name} to {to} (u undoes)");
        self.push_correction(Correction::Rename { rename: name, to }, done);
    }

    /// `x`: hides `actor` everywhere.
    pub(super) fn hide(&mut self, actor: ActorId) {
        if self.refuse_corrections() {
            return;
        }
        let Some(name) = self.correction_name(actor) else {
            return;
        };
        let done = format!("hid {name} (u undoes)");
        self.push_correction(Correction::Hide { hide: name }, done);
    }

    /// `u`: takes back the last correction.
    pub(super) fn undo_correction(&mut self) {
        if self.refuse_corrections() {
            return;
        }
        let mut next = self.corrections.clone();
        let Some(last) = next.list.pop() else {
            self.message = Some("no correction to undo".into());
            return;
        };
        self.commit(next, None, format!("undid: {last}"));
    }

    /// True (with a message) when corrections cannot be saved and so are not taken.
    fn refuse_corrections(&mut self) -> bool {
        match &self.store {
            Ok(_) => false,
            Err(why) => {
                self.message = Some(format!("corrections are off: {why}"));
                true
            }
        }
    }

    /// Appends `correction`; true when it took effect.
    fn push_correction(&mut self, correction: Correction, done: String) -> bool {
        if self.refuse_corrections() {
            return false;
        }
        let mut next = self.corrections.clone();
        next.list.push(correction);
        let number = next.list.len();
        self.commit(next, Some(number), done)
    }

    /// Recomputes the corpus for `next`, refuses it when correction `check` does not apply,
    /// saves it, and only then keeps it; refused, the corpus is put back as it was. True when
    /// it took effect.
    ///
    /// The corpus is corrected in place, from the baseline taken before the first correction:
    /// a corrected copy beside the analysed corpus would double the memory (1.4 GB more at
    /// 100,000 articles).
    fn commit(&mut self, next: Corrections, check: Option<usize>, done: String) -> bool {
        // No baseline yet means no correction applied so far: the corpus is as analysed.
        let baseline = self
            .baseline
            .get_or_insert_with(|| Baseline::of(&self.corpus));
        // Unique unless a caller kept a handle on the corpus; then this copies it once.
        let corpus = Arc::make_mut(&mut self.corpus);
        let unmatched = corrections::reapply(corpus, baseline, &next);
        let refused = match check.and_then(|n| unmatched.iter().find(|u| u.number == n)) {
            Some(u) => Some(format!("cannot {}: {}", u.correction, u.reason)),
            None => match &mut self.store {
                Ok(store) => store.save(&next).err(),
                Err(why) => Some(why.clone()),
            }
            .map(|why| format!("not saved, nothing changed: {why}")),
        };
        if let Some(why) = refused {
            corrections::reapply(corpus, baseline, &self.corrections);
            self.message = Some(why);
            return false;
        }
        self.corrections = next;
        self.names = super::names::NameIndex::new(&self.corpus);
        self.relens_keeping_selection();
        self.message = Some(done);
        true
    }

    /// Recomputes the panes on the new corpus, keeping the selections where they were and
    /// dropping from the lens any actor now hidden.
    fn relens_keeping_selection(&mut self) {
        let corpus = Arc::clone(&self.corpus);
        self.lens.retain(|item| match item {
            LensItem::Actor(a) => corpus.actor(*a).is_some_and(|a| !a.hidden),
            _ => true,
        });
        let lists = self.lists;
        self.relens();
        self.lists = lists;
    }
}
