//! Word lists for the synthetic corpus. Every list is non-empty, which `pick` relies on.

pub const FIRST_NAMES: &[&str] = &[
    "Amina", "Ibrahim", "Fatima", "Moussa", "Aisha", "Oumar", "Mariam", "Yusuf", "Hawa", "Salif",
    "Grace", "John", "Maria", "Peter", "Elena", "Ahmed", "Leila", "Karim", "Sofia", "David",
    "Anna", "Mikhail", "Olga", "Chen", "Wei", "Priya", "Ravi", "Kofi", "Ama", "Jean", "Claire",
    "Pierre", "Hans", "Ingrid", "Carlos", "Lucia", "Tariq", "Noor", "Samuel", "Ruth", "Abdou",
    "Halima", "Issa", "Zainab", "Bola", "Chidi", "Ngozi", "Thabo", "Lerato", "Omar",
];

pub const SYLLABLES: &[&str] = &[
    "ba", "zo", "tchi", "ma", "dou", "ka", "ri", "lo", "sa", "ne", "ko", "ta", "mi", "ra", "del",
    "ven", "ost", "ber", "lin", "gar", "nov", "ski", "wa", "ndi", "ye", "fo", "mbo", "ke", "ran",
    "sol", "ter", "vic", "ham", "son", "ous", "sou", "dia", "kou", "tra", "ore",
];

pub const TITLES: &[&str] = &[
    "President",
    "Prime Minister",
    "Foreign Minister",
    "General",
    "Colonel",
    "Defence Minister",
    "Senator",
    "Ambassador",
    "Mr",
    "Mrs",
    "Dr",
    "Governor",
];

pub const ROLES: &[&str] = &[
    "president",
    "prime minister",
    "foreign minister",
    "army chief",
    "government spokesman",
    "opposition leader",
    "ambassador",
    "interior minister",
    "central bank governor",
    "rebel commander",
];

pub const ORGANIZATIONS: &[&str] = &[
    "United Nations",
    "African Union",
    "European Union",
    "Ecowas",
    "World Bank",
    "IMF",
    "Red Cross",
    "Nato",
    "Security Council",
    "World Health Organization",
];

pub const AGENCIES: &[&str] = &[
    "Reuters",
    "AFP",
    "the BBC",
    "AP",
    "Al Jazeera",
    "state television",
];

pub const OUTLETS: &[&str] = &[
    "The Daily Courier",
    "Sahel Today",
    "World Wire",
    "The Evening Post",
    "Radio Horizon",
    "The Continental",
    "Capital News",
    "The Observer Desk",
];

pub const ANONYMOUS: &[&str] = &[
    "several security sources",
    "a diplomat who asked not to be named",
    "one witness",
    "officials familiar with the matter",
    "local residents",
];

pub const RELATIVE_TIMES: &[&str] = &[
    "yesterday",
    "earlier this year",
    "next month",
    "last month",
    "a day earlier",
    "recently",
    "in recent years",
    "this week",
    "overnight",
    "two days later",
];

pub const NUMBER_WORDS: &[&str] = &["two", "three", "four", "five", "ten"];

pub const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

pub const MONTHS: [&str; 12] = [
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
];

pub const HEADLINE_SUBJECTS: &[&str] = &[
    "Leaders",
    "Protesters",
    "Soldiers",
    "Diplomats",
    "Rebels",
    "Voters",
    "Ministers",
];

pub const HEADLINE_VERBS: &[&str] = &["gather", "clash", "meet", "warn", "march", "vote"];

pub const HEADLINE_ENDS: &[&str] = &[
    "faces crisis",
    "braces for talks",
    "closes borders",
    "mourns victims",
    "counts votes",
];

/// Used only when the gazetteer holds no country with a demonym.
pub const FALLBACK_COUNTRIES: &[(&str, &str)] = &[
    ("Niger", "Nigerien"),
    ("Nigeria", "Nigerian"),
    ("Mali", "Malian"),
    ("France", "French"),
    ("Russia", "Russian"),
    ("United States", "American"),
    ("Chad", "Chadian"),
    ("Benin", "Beninese"),
];

/// Verbs of saying, so that attributions vary as in real copy.
pub const SAID_VERBS: &[&str] = &[
    "said",
    "announced",
    "warned",
    "insisted",
    "confirmed",
    "claimed",
    "stressed",
    "declared",
    "argued",
    "added",
    "acknowledged",
    "repeated",
];

/// Verbs of the actions governments and groups take.
pub const ACTION_VERBS: &[&str] = &[
    "close",
    "reopen",
    "suspend",
    "restore",
    "inspect",
    "rebuild",
    "fund",
    "secure",
    "evacuate",
    "blockade",
    "review",
    "expand",
    "cancel",
    "guard",
    "audit",
    "relocate",
    "privatise",
    "repair",
    "reinforce",
    "dismantle",
];

/// Objects of those actions.
pub const OBJECTS: &[&str] = &[
    "border crossings",
    "fuel depots",
    "polling stations",
    "refugee camps",
    "military bases",
    "grain stores",
    "mobile networks",
    "gold mines",
    "water pumps",
    "hospitals",
    "schools",
    "checkpoints",
    "airstrips",
    "power plants",
    "bridges",
    "markets",
    "radio stations",
    "oil pipelines",
    "customs posts",
    "prisons",
    "ports",
    "railway lines",
    "clinics",
    "food convoys",
];

/// Events that are condemned, reported or investigated.
pub const EVENT_NOUNS: &[&str] = &[
    "attack",
    "ambush",
    "bombing",
    "raid",
    "mutiny",
    "kidnapping",
    "arrest of journalists",
    "crackdown on protesters",
    "border closure",
    "shelling",
    "hostage taking",
    "drone strike",
    "looting",
    "mass arrest",
    "election dispute",
];

/// Kinds of national institutions, written after a demonym ("the Malian interior ministry").
pub const INSTITUTIONS: &[&str] = &[
    "interior ministry",
    "army",
    "electoral commission",
    "central bank",
    "parliament",
    "supreme court",
    "police",
    "health ministry",
    "customs service",
    "national guard",
    "finance ministry",
    "foreign ministry",
    "opposition coalition",
    "labour union",
];

/// What happened to people in reported incidents.
pub const CASUALTY_WORDS: &[&str] = &[
    "killed",
    "wounded",
    "missing",
    "detained",
    "displaced",
    "evacuated",
    "injured",
];

/// Parts of a country.
pub const REGIONS: &[&str] = &[
    "north",
    "south",
    "east",
    "west",
    "north-east",
    "north-west",
    "south-east",
    "south-west",
    "border region",
    "capital region",
    "interior",
    "coastal strip",
];
