//! What an actor is keyed by while resolving, and the table that numbers the keys. Every
//! candidate holds a key's `u32` number rather than the key itself: a key names an
//! organization or place by its normalised name, and a copy per candidate would cost a
//! string per candidate.

use rustc_hash::FxHashMap as HashMap;

use super::super::gazetteer_match::GazTarget;
use crate::extract::gazetteer::Gazetteer;
use crate::model::ActorKind;

/// What an actor is keyed by while resolving.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Key {
    /// A gazetteer country, by index.
    Country(u32),
    /// An organization, by normalised name.
    Org(Box<str>),
    /// A place, by normalised name.
    Place(Box<str>),
    /// A person, by the root of its cluster of names.
    Person(u32),
}

/// Lowercase letters and digits only: "al-Qaida" and "Al Qaida" share one key.
pub fn normalize(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The keys met so far, numbered in order of first use, with their display names.
pub struct KeyTable<'g> {
    gazetteer: &'g Gazetteer,
    keys: Vec<Key>,
    ids: HashMap<Key, u32>,
    display: Vec<Option<String>>,
    /// A gazetteer target's key, worked out once, at its first mention.
    of_target: HashMap<GazTarget, u32>,
}

impl<'g> KeyTable<'g> {
    /// An empty table for keys of `gazetteer`'s entries and of names found in text.
    pub fn new(gazetteer: &'g Gazetteer) -> KeyTable<'g> {
        KeyTable {
            gazetteer,
            keys: Vec::new(),
            ids: HashMap::default(),
            display: Vec::new(),
            of_target: HashMap::default(),
        }
    }

    /// The number of `key`, given one if it has none yet.
    pub fn intern(&mut self, key: Key) -> u32 {
        if let Some(&id) = self.ids.get(&key) {
            return id;
        }
        // Fewer keys than candidates; saturation would only merge actors, never panic.
        let id = u32::try_from(self.keys.len()).unwrap_or(u32::MAX);
        self.keys.push(key.clone());
        self.display.push(None);
        self.ids.insert(key, id);
        id
    }

    /// The key of `key` as an interned number, with `name` for display unless it has one.
    pub fn intern_named(&mut self, key: Key, name: impl FnOnce() -> String) -> u32 {
        let id = self.intern(key);
        self.name_unless_named(id, name);
        id
    }

    /// Gives key `id` the display `name` unless an earlier mention gave it one.
    pub fn name_unless_named(&mut self, id: u32, name: impl FnOnce() -> String) {
        if let Some(slot) = self.display.get_mut(id as usize)
            && slot.is_none()
        {
            *slot = Some(name());
        }
    }

    /// Gives key `id` the display `name`, whatever it had.
    pub fn rename(&mut self, id: u32, name: String) {
        if let Some(slot) = self.display.get_mut(id as usize) {
            *slot = Some(name);
        }
    }

    /// The key and display name of a gazetteer target.
    pub fn of_gazetteer(&self, t: GazTarget) -> (Key, String) {
        let g = self.gazetteer;
        match t {
            GazTarget::Country(i) => (
                Key::Country(i),
                g.countries
                    .get(i as usize)
                    .map_or_else(String::new, |c| c.name.clone()),
            ),
            GazTarget::Org(i) => {
                let name = g
                    .organizations
                    .get(i as usize)
                    .map_or_else(String::new, |o| o.name.clone());
                (Key::Org(normalize(&name).into()), name)
            }
            GazTarget::Place(i) => {
                let name = g
                    .places
                    .get(i as usize)
                    .map_or_else(String::new, |p| p.name.clone());
                (Key::Place(normalize(&name).into()), name)
            }
            GazTarget::Capital(i) => {
                let name = g
                    .countries
                    .get(i as usize)
                    .and_then(|c| c.capital.clone())
                    .unwrap_or_default();
                (Key::Place(normalize(&name).into()), name)
            }
        }
    }

    /// The number of a gazetteer target's key, named after the gazetteer unless an earlier
    /// mention named it.
    pub fn target(&mut self, t: GazTarget) -> u32 {
        if let Some(&id) = self.of_target.get(&t) {
            return id;
        }
        let (key, name) = self.of_gazetteer(t);
        let id = self.intern_named(key, || name);
        self.of_target.insert(t, id);
        id
    }

    /// The key numbered `id`.
    pub fn key(&self, id: u32) -> Option<&Key> {
        self.keys.get(id as usize)
    }

    /// True when key `id` is an organization's.
    pub fn is_org(&self, id: u32) -> bool {
        matches!(self.key(id), Some(Key::Org(_)))
    }

    /// The kind of actor key `id` stands for.
    pub fn kind(&self, id: u32) -> ActorKind {
        match self.key(id) {
            Some(Key::Country(_)) => ActorKind::Country,
            Some(Key::Org(_)) => ActorKind::Organization,
            Some(Key::Place(_)) => ActorKind::Place,
            Some(Key::Person(_)) | None => ActorKind::Person,
        }
    }

    /// The display name of key `id`, if one was given.
    pub fn display(&self, id: u32) -> Option<&str> {
        self.display.get(id as usize).and_then(|d| d.as_deref())
    }

    /// The number of keys.
    pub fn len(&self) -> usize {
        self.keys.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_numbered_once_and_the_first_name_stays() {
        let mut keys = KeyTable::new(Gazetteer::embedded());
        let a = keys.intern_named(Key::Org(normalize("al-Qaida").into()), || "al-Qaida".into());
        let b = keys.intern_named(Key::Org(normalize("Al Qaida").into()), || "Al Qaida".into());
        assert_eq!(a, b);
        assert_eq!(keys.display(a), Some("al-Qaida"));
        keys.rename(a, "Al-Qaida".into());
        assert_eq!(keys.display(a), Some("Al-Qaida"));
        assert_eq!(keys.len(), 1);
        assert!(keys.is_org(a));
        assert_eq!(keys.display(7), None);
    }
}
