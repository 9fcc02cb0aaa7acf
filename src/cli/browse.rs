//! `dossier [PATH…] [--mouse] [--ascii]`: the interactive browser.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use super::CliError;
use crate::corrections::{Corrections, file};
use crate::ui::App;
use crate::ui::correct::CorrectionsStore;

/// Saves the browser's corrections to the corrections file, atomically.
#[derive(Debug, Clone)]
pub struct FileStore {
    /// The corrections file.
    pub path: PathBuf,
}

impl CorrectionsStore for FileStore {
    fn save(&mut self, corrections: &Corrections) -> Result<(), String> {
        file::write(&self.path, corrections)
    }
}

/// The browser's App on `raw` (the corpus as analysed) with the corrections file at `path`
/// applied and kept up to date; without a path, corrections last until the browser quits.
/// Returns the App and a sentence for each problem with the file (unreadable: then the browser
/// refuses corrections rather than overwrite it; an entry that no longer applies).
pub fn app_with_corrections(
    raw: crate::model::Corpus,
    path: Option<PathBuf>,
    width: u16,
    height: u16,
) -> (App, Vec<String>) {
    let Some(path) = path else {
        return (App::new(Arc::new(raw), width, height), Vec::new());
    };
    let read = file::read(&path);
    let mut problems = Vec::new();
    if let Err(why) = &read {
        problems.push(format!(
            "{why}; no correction applied, and the browser will not overwrite it"
        ));
    }
    let (app, unmatched) =
        App::with_corrections(raw, read, Box::new(FileStore { path }), width, height);
    problems.extend(unmatched.iter().map(ToString::to_string));
    (app, problems)
}

/// Runs the browser. When standard output is not a terminal there is nothing to draw on: say so,
/// name the commands that work without one, and exit 2.
pub fn run(
    corpus: &super::CorpusArgs,
    mouse: bool,
    ascii: bool,
    out: &mut dyn Write,
) -> Result<ExitCode, CliError> {
    if !std::io::stdout().is_terminal() {
        eprintln!(
            "dossier: the browser needs a terminal, and standard output is not one.\n\
             Commands that work without a terminal: check, articles, actors, timeline, quotes, sources, passages, extract\n\
             (for example `dossier check --json`; `dossier --help` lists them all)."
        );
        return Ok(ExitCode::from(2));
    }
    // The corpus as analysed (from the cache when unchanged); the App applies corrections.
    let raw = super::open_analysed(corpus)?;
    let path = corpus.corrections_path();
    let _ = out;
    let mut problems = Vec::new();
    crate::term::run(
        |w, h| {
            let (mut app, found) = app_with_corrections(raw, path, w, h);
            // The first problem greets the user in the status line; all are printed on exit.
            app.message = found.first().cloned();
            problems = found;
            app
        },
        crate::term::Options { mouse, ascii },
    )?;
    // After the terminal is restored, so the user can read them.
    for p in problems {
        eprintln!("dossier: {p}");
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corrections::Correction;
    use crate::ui::{Action, Pane, fixture};

    fn hide_selected(app: &mut App, name: &str) {
        let id = app.corpus.find_actor(name).expect("fixture actor");
        app.update(Action::Focus(Pane::Actors));
        let row = app.rows[2]
            .iter()
            .position(|r| app.narrowed.actors.get(r.item).map(|a| a.0) == Some(id))
            .expect("listed");
        app.lists[2].selected = row;
        app.update(Action::HideActor);
    }

    #[test]
    fn corrections_round_trip_through_the_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join(".dossier").join(file::FILE_NAME);
        let (mut app, problems) =
            app_with_corrections(fixture::corpus(), Some(path.clone()), 120, 40);
        assert!(problems.is_empty(), "{problems:?}");
        let france = app.corpus.find_actor("France").expect("fixture actor");
        let name = app.corpus.actors[france.index()].name.clone();
        hide_selected(&mut app, "France");
        assert_eq!(
            file::read(&path).expect("written").list,
            vec![Correction::Hide { hide: name }]
        );
        // The next start applies it.
        let (again, problems) =
            app_with_corrections(fixture::corpus(), Some(path.clone()), 120, 40);
        assert!(problems.is_empty(), "{problems:?}");
        assert!(again.corpus.actors[france.index()].hidden);
        // Undo writes the empty list and shows the actor as analysed.
        let mut again = again;
        again.update(Action::UndoCorrection);
        assert_eq!(file::read(&path).expect("written").list, vec![]);
        assert!(!again.corpus.actors[france.index()].hidden);
    }

    #[test]
    fn an_unreadable_file_is_reported_and_left_alone() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join(file::FILE_NAME);
        std::fs::write(&path, "[[correction]\n").expect("write");
        let (mut app, problems) =
            app_with_corrections(fixture::corpus(), Some(path.clone()), 120, 40);
        assert_eq!(problems.len(), 1);
        assert!(problems[0].contains("will not overwrite"), "{problems:?}");
        hide_selected(&mut app, "France");
        assert!(
            app.message
                .as_deref()
                .is_some_and(|m| m.contains("corrections are off"))
        );
        assert_eq!(
            std::fs::read_to_string(&path).expect("still there"),
            "[[correction]\n"
        );
    }
}
