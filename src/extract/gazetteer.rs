//! The gazetteers of general knowledge in `data/gazetteer/`, embedded in the binary: every
//! country (ISO 3166) with its names, demonyms and capital; places; organizations.
//!
//! STUB: the gazetteer helper writes the data files and the parser.

use std::sync::OnceLock;

/// A sovereign country or territory from ISO 3166.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Country {
    /// ISO 3166-1 alpha-2 code (`NE`).
    pub code: String,
    /// The common English name (`Niger`, `United States`).
    pub name: String,
    /// Other names and short forms as written in news (`US`, `U.S.`, `USA`, `America`).
    pub aliases: Vec<String>,
    /// Demonyms and adjectives, singular and plural (`Nigerien`, `Nigeriens`).
    pub demonyms: Vec<String>,
    /// The capital city, if any.
    pub capital: Option<String>,
    /// Names that stand for the government in news (`Washington`, `White House`, `Kremlin`).
    pub metonyms: Vec<String>,
}

/// What kind of place a [`Place`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PlaceKind {
    /// A city or town.
    City,
    /// An administrative region, province or state.
    Region,
    /// A geographic area that is no country (`Sahel`, `West Africa`, `Sahara`).
    Area,
}

/// A city, region or geographic area.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// The common English name.
    pub name: String,
    /// City, region or area.
    pub kind: PlaceKind,
    /// The ISO code of the country it lies in, when it lies in one.
    pub country: Option<String>,
    /// Other names and adjectives (`West African` for `West Africa`).
    pub aliases: Vec<String>,
}

/// What kind of organization an [`Organization`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OrgCategory {
    /// An international organization or bloc (UN, Ecowas, EU, NATO).
    International,
    /// A news agency (Reuters, AFP, AP).
    Agency,
    /// A broadcaster, newspaper or online platform (BBC, France24, Twitter).
    Media,
    /// An armed or militant group well known in world news (al-Qaeda, Wagner).
    ArmedGroup,
    /// A political party.
    Party,
    /// Anything else in the list.
    Other,
}

/// An organization from the gazetteer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Organization {
    /// The display name.
    pub name: String,
    /// International body, agency, media, armed group, party or other.
    pub category: OrgCategory,
    /// Other names, acronyms and spelling variants (`UN`, `U.N.`, `al-Qaida`).
    pub aliases: Vec<String>,
}

/// All gazetteers together.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Gazetteer {
    /// Every country.
    pub countries: Vec<Country>,
    /// Cities, regions and areas.
    pub places: Vec<Place>,
    /// Organizations.
    pub organizations: Vec<Organization>,
}

impl Gazetteer {
    /// The gazetteer embedded in the binary, parsed once.
    pub fn embedded() -> &'static Gazetteer {
        static GAZETTEER: OnceLock<Gazetteer> = OnceLock::new();
        GAZETTEER.get_or_init(Gazetteer::default)
    }
}
