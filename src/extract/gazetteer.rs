//! The gazetteers of general knowledge in `data/gazetteer/`, embedded in the binary: every
//! country (ISO 3166) with its names, demonyms and capital; places; organizations.
//!
//! The files are tab-separated with a header line; `#` lines and blank lines are comments; list
//! fields are separated by `|`. Each file's header comment says what belongs in it. A malformed
//! line is skipped and reported by [`Gazetteer::parse`], never a panic: the data is edited by
//! hand and a bad line must not take the program down.
//!
//! The extractor builds one automaton from [`Gazetteer::surface_forms`]: every name, alias,
//! demonym, adjective and metonym, with what it names and whether its case must match. The
//! data is written for an automaton that matches leftmost-longest (so `Nigeria` is never
//! `Niger`, `South Sudanese` never `Sudanese`, `Papua New Guinea` never `Guinea`), ignores
//! ASCII case and then drops a match of a case-sensitive form whose text differs, and keeps
//! only matches on word boundaries (`Chad` is not in `Chadwick`). One form may name several
//! entries (a capital is a city and its country's metonym): the extractor decides by context.

use std::collections::{BTreeSet, HashMap};
use std::sync::OnceLock;

/// The embedded country list (`code name aliases demonyms capital metonyms`).
const COUNTRIES_TSV: &str = include_str!("../../data/gazetteer/countries.tsv");
/// The embedded place list (`name kind country aliases adjectives`).
const PLACES_TSV: &str = include_str!("../../data/gazetteer/places.tsv");
/// The embedded organization list (`name category aliases`).
const ORGANIZATIONS_TSV: &str = include_str!("../../data/gazetteer/organizations.tsv");

/// The prefix that marks a multi-word form as case-sensitive in the data files (`=Red Cross`).
const EXACT_CASE_MARK: char = '=';

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

impl PlaceKind {
    /// The kind as written in `places.tsv` (`city`, `region`, `area`).
    pub fn as_str(self) -> &'static str {
        match self {
            PlaceKind::City => "city",
            PlaceKind::Region => "region",
            PlaceKind::Area => "area",
        }
    }

    /// Parses the kind as written in `places.tsv`; `None` for anything else.
    pub fn parse(text: &str) -> Option<PlaceKind> {
        match text {
            "city" => Some(PlaceKind::City),
            "region" => Some(PlaceKind::Region),
            "area" => Some(PlaceKind::Area),
            _ => None,
        }
    }
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
    /// The subset of forms that are adjectives or names of the people (`West African`,
    /// `Texan`): the extractor reports them with form `demonym`. Also listed in `aliases`, so
    /// code that only reads `aliases` still sees every form.
    pub adjectives: Vec<String>,
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

impl OrgCategory {
    /// The category as written in `organizations.tsv` (`international`, `armed_group` …).
    pub fn as_str(self) -> &'static str {
        match self {
            OrgCategory::International => "international",
            OrgCategory::Agency => "agency",
            OrgCategory::Media => "media",
            OrgCategory::ArmedGroup => "armed_group",
            OrgCategory::Party => "party",
            OrgCategory::Other => "other",
        }
    }

    /// Parses the category as written in `organizations.tsv`; `None` for anything else.
    pub fn parse(text: &str) -> Option<OrgCategory> {
        match text {
            "international" => Some(OrgCategory::International),
            "agency" => Some(OrgCategory::Agency),
            "media" => Some(OrgCategory::Media),
            "armed_group" => Some(OrgCategory::ArmedGroup),
            "party" => Some(OrgCategory::Party),
            "other" => Some(OrgCategory::Other),
            _ => None,
        }
    }
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
    /// Multi-word forms marked `=` in the data: matched with their exact case because, written
    /// in lower case, they are ordinary phrases (`red cross`, `islamic state`). One-word forms
    /// are always case-sensitive (see [`Gazetteer::is_case_sensitive`]).
    pub exact_case: BTreeSet<String>,
}

/// What a surface form names: an index into [`Gazetteer::countries`], [`Gazetteer::places`] or
/// [`Gazetteer::organizations`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Target {
    /// `countries[i]`.
    Country(usize),
    /// `places[i]`.
    Place(usize),
    /// `organizations[i]`.
    Organization(usize),
}

/// How a surface form relates to what it names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FormRole {
    /// The entry's own name.
    Name,
    /// Another name, short form or spelling.
    Alias,
    /// A demonym or adjective (`Nigerien`, `French`, `West African`).
    Demonym,
    /// A name standing for a country's government (`Kremlin`, `Washington`).
    Metonym,
}

/// One string the extractor looks for, and what it names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SurfaceForm<'a> {
    /// The text as written in the gazetteer.
    pub text: &'a str,
    /// What it names.
    pub target: Target,
    /// Name, alias, demonym or metonym.
    pub role: FormRole,
    /// Whether a match must have exactly this case; otherwise any case matches
    /// (`Al-Qaeda` for `al-Qaeda`).
    pub case_sensitive: bool,
}

impl SurfaceForm<'_> {
    /// Whether the form is a demonym or adjective (reported as form `demonym`).
    pub fn is_demonym(&self) -> bool {
        self.role == FormRole::Demonym
    }

    /// Whether the form is a name standing for a country's government.
    pub fn is_metonym(&self) -> bool {
        self.role == FormRole::Metonym
    }
}

/// Which embedded file a line comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GazetteerFile {
    /// `countries.tsv`.
    Countries,
    /// `places.tsv`.
    Places,
    /// `organizations.tsv`.
    Organizations,
}

impl GazetteerFile {
    /// The first column of the file's header line.
    fn header_first_column(self) -> &'static str {
        match self {
            GazetteerFile::Countries => "code",
            GazetteerFile::Places | GazetteerFile::Organizations => "name",
        }
    }
}

/// A line that was skipped (or, for a missing header, read as data), and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MalformedLine {
    /// The file.
    pub file: GazetteerFile,
    /// The 1-based line number.
    pub line: usize,
    /// What is wrong with it.
    pub reason: String,
}

impl Gazetteer {
    /// The gazetteer embedded in the binary, parsed once. Malformed lines are skipped (a test
    /// asserts there are none in the embedded data).
    pub fn embedded() -> &'static Gazetteer {
        static GAZETTEER: OnceLock<Gazetteer> = OnceLock::new();
        GAZETTEER.get_or_init(|| Gazetteer::parse(COUNTRIES_TSV, PLACES_TSV, ORGANIZATIONS_TSV).0)
    }

    /// The malformed lines of the embedded data (empty when the data is sound).
    pub fn embedded_malformed_lines() -> Vec<MalformedLine> {
        Gazetteer::parse(COUNTRIES_TSV, PLACES_TSV, ORGANIZATIONS_TSV).1
    }

    /// Parses the three files; every malformed line is skipped and returned with its reason.
    pub fn parse(
        countries: &str,
        places: &str,
        organizations: &str,
    ) -> (Gazetteer, Vec<MalformedLine>) {
        let mut gazetteer = Gazetteer::default();
        let mut malformed = Vec::new();
        let mut exact_case = BTreeSet::new();

        for (line, fields) in records(countries, GazetteerFile::Countries, 6, &mut malformed) {
            match parse_country(&fields, &mut exact_case) {
                Ok(country) if gazetteer.country_by_code(&country.code).is_some() => malformed
                    .push(MalformedLine {
                        file: GazetteerFile::Countries,
                        line,
                        reason: format!("duplicate code {}", country.code),
                    }),
                Ok(country) => gazetteer.countries.push(country),
                Err(reason) => malformed.push(MalformedLine {
                    file: GazetteerFile::Countries,
                    line,
                    reason,
                }),
            }
        }
        for (line, fields) in records(places, GazetteerFile::Places, 5, &mut malformed) {
            match parse_place(&fields, &mut exact_case) {
                Ok(place) => gazetteer.places.push(place),
                Err(reason) => malformed.push(MalformedLine {
                    file: GazetteerFile::Places,
                    line,
                    reason,
                }),
            }
        }
        for (line, fields) in records(
            organizations,
            GazetteerFile::Organizations,
            3,
            &mut malformed,
        ) {
            match parse_organization(&fields, &mut exact_case) {
                Ok(organization) => gazetteer.organizations.push(organization),
                Err(reason) => malformed.push(MalformedLine {
                    file: GazetteerFile::Organizations,
                    line,
                    reason,
                }),
            }
        }
        gazetteer.exact_case = exact_case;
        (gazetteer, malformed)
    }

    /// The country with this ISO 3166-1 alpha-2 code (`NE`), any case.
    pub fn country_by_code(&self, code: &str) -> Option<&Country> {
        self.countries
            .iter()
            .find(|country| country.code.eq_ignore_ascii_case(code))
    }

    /// The index in [`Gazetteer::countries`] of the country with this code, any case.
    pub fn country_index_by_code(&self, code: &str) -> Option<usize> {
        self.countries
            .iter()
            .position(|country| country.code.eq_ignore_ascii_case(code))
    }

    /// The country whose name, alias, demonym or metonym is exactly `form`.
    pub fn country_by_form(&self, form: &str) -> Option<&Country> {
        self.lookup(form)
            .into_iter()
            .find_map(|found| match found.target {
                Target::Country(index) => self.countries.get(index),
                _ => None,
            })
    }

    /// The country a target lies in or is: the country itself, a place's country, none for an
    /// organization or an area that spans countries.
    pub fn country_of(&self, target: Target) -> Option<&Country> {
        match target {
            Target::Country(index) => self.countries.get(index),
            Target::Place(index) => self
                .places
                .get(index)
                .and_then(|place| place.country.as_deref())
                .and_then(|code| self.country_by_code(code)),
            Target::Organization(_) => None,
        }
    }

    /// The display name of what a target points to, if the index is valid.
    pub fn target_name(&self, target: Target) -> Option<&str> {
        match target {
            Target::Country(index) => self.countries.get(index).map(|c| c.name.as_str()),
            Target::Place(index) => self.places.get(index).map(|p| p.name.as_str()),
            Target::Organization(index) => self.organizations.get(index).map(|o| o.name.as_str()),
        }
    }

    /// Whether a form must match with its exact case: one-word forms always (`US` is not `us`,
    /// `Turkey` is not `turkey`, `Polish` is not `polish`), multi-word forms when marked `=` in
    /// the data. Other multi-word forms match in any case, so `Al-Qaeda` at the start of a
    /// sentence is `al-Qaeda`.
    pub fn is_case_sensitive(&self, form: &str) -> bool {
        !form.contains([' ', '-']) || self.exact_case.contains(form)
    }

    /// Every surface form of every entry, in file order: names, aliases, demonyms, adjectives
    /// and metonyms. A form may appear twice when two entries share it (a capital is both a
    /// city and its country's metonym); the extractor decides by context.
    pub fn surface_forms(&self) -> impl Iterator<Item = SurfaceForm<'_>> + '_ {
        let countries = self.countries.iter().enumerate().flat_map(move |(i, c)| {
            let target = Target::Country(i);
            std::iter::once((c.name.as_str(), FormRole::Name))
                .chain(c.aliases.iter().map(|a| (a.as_str(), FormRole::Alias)))
                .chain(c.demonyms.iter().map(|d| (d.as_str(), FormRole::Demonym)))
                .chain(c.metonyms.iter().map(|m| (m.as_str(), FormRole::Metonym)))
                .map(move |(text, role)| (text, target, role))
        });
        let places = self.places.iter().enumerate().flat_map(move |(i, p)| {
            let target = Target::Place(i);
            std::iter::once((p.name.as_str(), FormRole::Name))
                .chain(p.aliases.iter().map(move |a| {
                    let role = if p.adjectives.contains(a) {
                        FormRole::Demonym
                    } else {
                        FormRole::Alias
                    };
                    (a.as_str(), role)
                }))
                .map(move |(text, role)| (text, target, role))
        });
        let organizations = self
            .organizations
            .iter()
            .enumerate()
            .flat_map(move |(i, o)| {
                let target = Target::Organization(i);
                std::iter::once((o.name.as_str(), FormRole::Name))
                    .chain(o.aliases.iter().map(|a| (a.as_str(), FormRole::Alias)))
                    .map(move |(text, role)| (text, target, role))
            });
        countries
            .chain(places)
            .chain(organizations)
            .map(move |(text, target, role)| SurfaceForm {
                text,
                target,
                role,
                case_sensitive: self.is_case_sensitive(text),
            })
    }

    /// Every entry a form names, matched as the automaton would: exactly for case-sensitive
    /// forms, ignoring ASCII case for the others. A linear scan: for tests and one-off lookups,
    /// not for the hot path.
    pub fn lookup(&self, form: &str) -> Vec<SurfaceForm<'_>> {
        self.surface_forms()
            .filter(|candidate| {
                if candidate.case_sensitive {
                    candidate.text == form
                } else {
                    candidate.text.eq_ignore_ascii_case(form)
                }
            })
            .collect()
    }

    /// A map from every form to the entries it names, for callers that look up many forms.
    pub fn form_index(&self) -> HashMap<&str, Vec<SurfaceForm<'_>>> {
        let mut index: HashMap<&str, Vec<SurfaceForm<'_>>> = HashMap::new();
        for form in self.surface_forms() {
            index.entry(form.text).or_default().push(form);
        }
        index
    }
}

/// The data lines of one file as (1-based line number, fields), past the header line. Lines
/// with too many fields, or a single field, are reported; missing trailing fields are empty.
fn records(
    text: &str,
    file: GazetteerFile,
    columns: usize,
    malformed: &mut Vec<MalformedLine>,
) -> Vec<(usize, Vec<String>)> {
    let mut out = Vec::new();
    let mut header_seen = false;
    for (index, raw) in text.lines().enumerate() {
        let line = raw.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        if !header_seen {
            header_seen = true;
            // A file whose header was deleted keeps its first row: report, then read it.
            if file.header_first_column() == line.split('\t').next().unwrap_or("").trim() {
                continue;
            }
            malformed.push(MalformedLine {
                file,
                line: index + 1,
                reason: format!("missing header line `{}`", file.header_first_column()),
            });
        }
        let mut fields: Vec<String> = line.split('\t').map(|f| f.trim().to_string()).collect();
        // Trailing empty list fields may be left off by an editor that trims lines.
        while fields.len() < columns && fields.len() >= 2 {
            fields.push(String::new());
        }
        if fields.len() != columns {
            malformed.push(MalformedLine {
                file,
                line: index + 1,
                reason: format!("{} fields, expected {columns}", fields.len()),
            });
            continue;
        }
        out.push((index + 1, fields));
    }
    out
}

/// Splits a `|` list field into its forms, recording `=`-marked ones as exact-case.
fn list(field: &str, exact_case: &mut BTreeSet<String>) -> Vec<String> {
    let mut forms: Vec<String> = Vec::new();
    for item in field.split('|') {
        let form = form(item, exact_case);
        if !form.is_empty() && !forms.contains(&form) {
            forms.push(form);
        }
    }
    forms
}

/// One form with its `=` mark removed (and recorded).
fn form(item: &str, exact_case: &mut BTreeSet<String>) -> String {
    let item = item.trim();
    match item.strip_prefix(EXACT_CASE_MARK) {
        Some(rest) => {
            let rest = rest.trim().to_string();
            if !rest.is_empty() {
                exact_case.insert(rest.clone());
            }
            rest
        }
        None => item.to_string(),
    }
}

/// A non-empty name, or the reason it is rejected.
fn name(field: &str, exact_case: &mut BTreeSet<String>) -> Result<String, String> {
    let name = form(field, exact_case);
    if name.is_empty() {
        Err("empty name".to_string())
    } else {
        Ok(name)
    }
}

/// A well-formed alpha-2 code: two ASCII capitals.
fn is_country_code(code: &str) -> bool {
    code.len() == 2 && code.bytes().all(|b| b.is_ascii_uppercase())
}

/// One `countries.tsv` row.
fn parse_country(fields: &[String], exact_case: &mut BTreeSet<String>) -> Result<Country, String> {
    let [code, country_name, aliases, demonyms, capital, metonyms] = fields else {
        return Err("wrong number of fields".to_string());
    };
    if !is_country_code(code) {
        return Err(format!("bad country code {code:?}"));
    }
    Ok(Country {
        code: code.clone(),
        name: name(country_name, exact_case)?,
        aliases: list(aliases, exact_case),
        demonyms: list(demonyms, exact_case),
        capital: Some(capital.clone()).filter(|c| !c.is_empty()),
        metonyms: list(metonyms, exact_case),
    })
}

/// One `places.tsv` row.
fn parse_place(fields: &[String], exact_case: &mut BTreeSet<String>) -> Result<Place, String> {
    let [place_name, kind, country, aliases, adjectives] = fields else {
        return Err("wrong number of fields".to_string());
    };
    let kind = PlaceKind::parse(kind).ok_or_else(|| format!("unknown place kind {kind:?}"))?;
    if !country.is_empty() && !is_country_code(country) {
        return Err(format!("bad country code {country:?}"));
    }
    let adjectives = list(adjectives, exact_case);
    let mut aliases = list(aliases, exact_case);
    for adjective in &adjectives {
        if !aliases.contains(adjective) {
            aliases.push(adjective.clone());
        }
    }
    Ok(Place {
        name: name(place_name, exact_case)?,
        kind,
        country: Some(country.clone()).filter(|c| !c.is_empty()),
        aliases,
        adjectives,
    })
}

/// One `organizations.tsv` row.
fn parse_organization(
    fields: &[String],
    exact_case: &mut BTreeSet<String>,
) -> Result<Organization, String> {
    let [org_name, category, aliases] = fields else {
        return Err("wrong number of fields".to_string());
    };
    let category =
        OrgCategory::parse(category).ok_or_else(|| format!("unknown category {category:?}"))?;
    Ok(Organization {
        name: name(org_name, exact_case)?,
        category,
        aliases: list(aliases, exact_case),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gazetteer() -> &'static Gazetteer {
        Gazetteer::embedded()
    }

    /// The countries a form names, by code.
    fn country_codes(form: &str) -> Vec<&'static str> {
        let g = gazetteer();
        let mut codes: Vec<&str> = g
            .lookup(form)
            .into_iter()
            .filter_map(|f| match f.target {
                Target::Country(i) => g.countries.get(i).map(|c| c.code.as_str()),
                _ => None,
            })
            .collect();
        codes.dedup();
        codes
    }

    fn role_of(form: &str, code: &str) -> Option<FormRole> {
        let g = gazetteer();
        let index = g.country_index_by_code(code)?;
        g.lookup(form)
            .into_iter()
            .find(|f| f.target == Target::Country(index))
            .map(|f| f.role)
    }

    #[test]
    fn embedded_data_has_no_malformed_line() {
        assert_eq!(Gazetteer::embedded_malformed_lines(), Vec::new());
    }

    #[test]
    fn every_iso_code_once() {
        let codes: Vec<&str> = gazetteer()
            .countries
            .iter()
            .map(|c| c.code.as_str())
            .collect();
        let unique: BTreeSet<&str> = codes.iter().copied().collect();
        assert_eq!(codes.len(), unique.len(), "duplicate codes");
        // ISO 3166-1 has 249 codes; Kosovo (XK) is added as news uses it.
        assert_eq!(codes.len(), 250);
        for code in [
            "NE", "NG", "ML", "MW", "GL", "PR", "HK", "EH", "PS", "XK", "AQ", "VA",
        ] {
            assert!(unique.contains(code), "missing {code}");
        }
    }

    #[test]
    fn no_empty_names_or_forms() {
        let g = gazetteer();
        assert!(g.surface_forms().all(|f| !f.text.trim().is_empty()));
        assert!(!g.places.is_empty() && !g.organizations.is_empty());
    }

    #[test]
    fn no_surface_form_names_two_countries() {
        let g = gazetteer();
        let mut owner: HashMap<String, &str> = HashMap::new();
        for form in g.surface_forms() {
            let Target::Country(i) = form.target else {
                continue;
            };
            let code = g.countries[i].code.as_str();
            let key = if form.case_sensitive {
                form.text.to_string()
            } else {
                form.text.to_lowercase()
            };
            if let Some(previous) = owner.insert(key, code) {
                assert_eq!(previous, code, "{:?} names two countries", form.text);
            }
        }
    }

    #[test]
    fn niger_and_nigeria_stay_apart() {
        assert_eq!(country_codes("Niger"), ["NE"]);
        assert_eq!(country_codes("Nigeria"), ["NG"]);
        assert_eq!(country_codes("Nigerien"), ["NE"]);
        assert_eq!(country_codes("Nigeriens"), ["NE"]);
        assert_eq!(country_codes("Nigerian"), ["NG"]);
        assert_eq!(country_codes("Nigerians"), ["NG"]);
        assert_eq!(role_of("Nigerien", "NE"), Some(FormRole::Demonym));
        assert_eq!(role_of("Niamey", "NE"), Some(FormRole::Metonym));
    }

    #[test]
    fn mali_and_malawi_stay_apart() {
        assert_eq!(country_codes("Mali"), ["ML"]);
        assert_eq!(country_codes("Malawi"), ["MW"]);
        assert_eq!(country_codes("Malian"), ["ML"]);
        assert_eq!(country_codes("Malians"), ["ML"]);
        assert_eq!(country_codes("Malawian"), ["MW"]);
    }

    #[test]
    fn spot_checks() {
        assert_eq!(country_codes("Burkinabe"), ["BF"]);
        assert_eq!(role_of("Burkinabe", "BF"), Some(FormRole::Demonym));
        assert_eq!(role_of("Kremlin", "RU"), Some(FormRole::Metonym));
        assert_eq!(role_of("Washington", "US"), Some(FormRole::Metonym));
        assert_eq!(role_of("U.S.", "US"), Some(FormRole::Alias));
        assert_eq!(role_of("French", "FR"), Some(FormRole::Demonym));
        assert_eq!(country_codes("Congolese"), ["CD"]);
        assert_eq!(country_codes("Congo-Brazzaville"), ["CG"]);
        assert_eq!(country_codes("Burma"), ["MM"]);
        assert_eq!(country_codes("Turkey"), ["TR"]);
        assert_eq!(
            gazetteer().country_by_code("ru").map(|c| c.name.as_str()),
            Some("Russia")
        );
        assert_eq!(
            gazetteer()
                .country_by_code("NE")
                .and_then(|c| c.capital.as_deref()),
            Some("Niamey")
        );
    }

    #[test]
    fn places_never_take_a_country_name() {
        let g = gazetteer();
        let country_forms: BTreeSet<&str> = g
            .surface_forms()
            .filter(|f| matches!(f.target, Target::Country(_)) && !f.is_metonym())
            .map(|f| f.text)
            .collect();
        let clashes: Vec<&str> = g
            .surface_forms()
            .filter(|f| !matches!(f.target, Target::Country(_)))
            .map(|f| f.text)
            .filter(|text| country_forms.contains(text))
            .collect();
        assert_eq!(clashes, Vec::<&str>::new());
    }

    #[test]
    fn places_cover_capitals_regions_and_areas() {
        let g = gazetteer();
        let place = |name: &str| g.places.iter().find(|p| p.name == name);
        let niamey = place("Niamey").expect("capital of Niger");
        assert_eq!(
            (niamey.kind, niamey.country.as_deref()),
            (PlaceKind::City, Some("NE"))
        );
        assert_eq!(
            place("Agadez Region").map(|p| p.kind),
            Some(PlaceKind::Region)
        );
        assert_eq!(place("Sahel").map(|p| p.kind), Some(PlaceKind::Area));
        assert_eq!(place("Sahel").and_then(|p| p.country.as_deref()), None);
        assert!(
            g.lookup("Tillaberi")
                .iter()
                .any(|f| g.target_name(f.target) == Some("Tillabéri"))
        );
        assert!(
            g.lookup("Kiev")
                .iter()
                .any(|f| g.target_name(f.target) == Some("Kyiv"))
        );
        // Common words that are seldom the place stay out.
        for word in [
            "Mobile", "Reading", "Nice", "Bath", "Split", "Male", "Sale", "Of",
        ] {
            assert!(g.lookup(word).is_empty(), "{word} must not be a place");
        }
        let cities = g
            .places
            .iter()
            .filter(|p| p.kind == PlaceKind::City)
            .count();
        assert!(cities > 800, "{cities} cities");
    }

    /// The names of the organizations a form names.
    fn organizations(form: &str) -> Vec<&'static str> {
        let g = gazetteer();
        g.lookup(form)
            .into_iter()
            .filter(|f| matches!(f.target, Target::Organization(_)))
            .filter_map(|f| g.target_name(f.target))
            .collect()
    }

    #[test]
    fn organization_spellings_are_one_row() {
        assert_eq!(organizations("al-Qaida"), ["al-Qaeda"]);
        assert_eq!(organizations("Al-Qaeda"), ["al-Qaeda"]);
        assert_eq!(organizations("AQIM"), ["al-Qaeda in the Islamic Maghreb"]);
        assert_eq!(organizations("ECOWAS"), ["Ecowas"]);
        assert_eq!(
            organizations("Economic Community of West African States"),
            ["Ecowas"]
        );
        assert_eq!(organizations("Agence France-Presse"), ["AFP"]);
        assert_eq!(organizations("Wagner Group"), ["Wagner"]);
        assert_eq!(organizations("France24"), ["France 24"]);
        assert_eq!(organizations("RSF"), ["Rapid Support Forces"]);
        assert_eq!(organizations("Daesh"), ["Islamic State"]);
        let g = gazetteer();
        let category = |name: &str| {
            g.organizations
                .iter()
                .find(|o| o.name == name)
                .map(|o| o.category)
        };
        assert_eq!(category("Reuters"), Some(OrgCategory::Agency));
        assert_eq!(category("Boko Haram"), Some(OrgCategory::ArmedGroup));
        assert_eq!(category("BBC"), Some(OrgCategory::Media));
        assert_eq!(category("NATO"), Some(OrgCategory::International));
    }

    #[test]
    fn english_words_are_no_organization() {
        assert_eq!(organizations("IS"), ["Islamic State"]);
        for word in [
            "is",
            "Is",
            "who",
            "Who",
            "X",
            "x",
            "ap",
            "islamic state",
            "red cross",
        ] {
            assert!(
                organizations(word).is_empty(),
                "{word} must not name an organization"
            );
        }
        assert_eq!(organizations("Red Cross"), ["Red Cross"]);
        assert!(gazetteer().organizations.len() > 200);
    }

    #[test]
    fn a_missing_header_is_reported_and_the_row_kept() {
        let (g, malformed) = Gazetteer::parse("NE\tNiger\t\t\t\t\n", "", "");
        assert_eq!(g.countries.len(), 1);
        assert_eq!(malformed.len(), 1);
        assert_eq!(malformed[0].line, 1);
    }

    #[test]
    fn places_know_their_country() {
        let g = gazetteer();
        let tahoua = g.lookup("Tahoua Region");
        let country = tahoua.first().and_then(|f| g.country_of(f.target));
        assert_eq!(country.map(|c| c.name.as_str()), Some("Niger"));
        let sahel = g.lookup("Sahel");
        assert!(
            sahel
                .first()
                .is_some_and(|f| g.country_of(f.target).is_none())
        );
    }

    #[test]
    fn calendar_words_and_titles_are_no_form() {
        let g = gazetteer();
        let words = [
            "Monday",
            "Tuesday",
            "Wednesday",
            "Thursday",
            "Friday",
            "Saturday",
            "Sunday",
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
            "Mr",
            "Mrs",
            "Dr",
            "President",
            "General",
            "Gen",
            "Minister",
            "Government",
            "Army",
            "Police",
            "Authorities",
            "State",
            "Order",
            "Read",
            "Please",
            "Meanwhile",
            "The",
            "A",
            "It",
            "In",
            "On",
            "At",
            "As",
        ];
        for word in words {
            assert!(
                g.lookup(word).is_empty(),
                "{word} must not be a gazetteer form"
            );
        }
    }

    #[test]
    fn every_capital_is_a_place() {
        let g = gazetteer();
        // Left out on purpose, as the header of places.tsv explains.
        let left_out = [
            "The Valley",
            "Hamilton",
            "George Town",
            "West Island",
            "Stanley",
            "Douglas",
            "Brades",
            "Victoria",
        ];
        for country in &g.countries {
            let Some(capital) = country.capital.as_deref() else {
                continue;
            };
            let spelled_like_a_country = g.country_by_form(capital).is_some();
            let listed = g
                .places
                .iter()
                .any(|p| p.name == capital && p.country.as_deref() == Some(country.code.as_str()));
            let norfolk = country.code == "NF";
            assert!(
                listed || spelled_like_a_country || norfolk || left_out.contains(&capital),
                "capital {capital} of {} has no place row",
                country.name
            );
        }
    }

    #[test]
    fn place_adjectives_are_demonyms() {
        let g = gazetteer();
        let found = g.lookup("West African");
        let place = found
            .iter()
            .find(|f| matches!(f.target, Target::Place(_)))
            .expect("West African is in places.tsv");
        assert_eq!(g.target_name(place.target), Some("West Africa"));
        assert!(place.is_demonym());
    }

    #[test]
    fn one_word_forms_are_case_sensitive() {
        let g = gazetteer();
        assert!(g.is_case_sensitive("US"));
        assert!(g.is_case_sensitive("Turkey"));
        assert!(!g.is_case_sensitive("Burkina Faso"));
        assert!(country_codes("turkey").is_empty());
        assert!(country_codes("us").is_empty());
        assert_eq!(country_codes("BURKINA FASO"), ["BF"]);
    }

    #[test]
    fn malformed_lines_are_skipped_and_reported() {
        let countries = "# c\ncode\tname\taliases\tdemonyms\tcapital\tmetonyms\n\
                         NE\tNiger\t\tNigerien\tNiamey\tNiamey\n\
                         bad line\n\
                         ne\tlower\t\t\t\t\n\
                         NE\tNiger again\t\t\t\t\n\
                         XX\t\t\t\t\t\n";
        let places = "name\tkind\tcountry\taliases\tadjectives\nSahel\tarea\n\
                      Somewhere\tvillage\t\t\t\n";
        let organizations = "name\tcategory\taliases\n=Red Cross\tother\tICRC|=Red Crescent\n\
                             a\tb\tc\td\n";
        let (g, malformed) = Gazetteer::parse(countries, places, organizations);
        assert_eq!(g.countries.len(), 1);
        assert_eq!(g.places.len(), 1);
        assert_eq!(g.organizations.len(), 1);
        let lines: Vec<(GazetteerFile, usize)> =
            malformed.iter().map(|m| (m.file, m.line)).collect();
        assert_eq!(
            lines,
            [
                (GazetteerFile::Countries, 4),
                (GazetteerFile::Countries, 5),
                (GazetteerFile::Countries, 6),
                (GazetteerFile::Countries, 7),
                (GazetteerFile::Places, 3),
                (GazetteerFile::Organizations, 3),
            ]
        );
        assert_eq!(g.organizations[0].name, "Red Cross");
        assert!(g.is_case_sensitive("Red Cross"));
        assert!(g.is_case_sensitive("Red Crescent"));
        assert!(g.lookup("red cross").is_empty());
    }
}
