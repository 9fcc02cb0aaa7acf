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

pub const ACTIONS: &[&str] = &[
    "hold elections within a year",
    "close its borders",
    "suspend foreign aid",
    "restore constitutional order",
    "open talks with the rebels",
    "expel the ambassador",
    "deploy more troops",
    "lift the curfew",
    "raise fuel prices",
    "free political prisoners",
];

pub const QUOTES: &[&str] = &[
    "We will not accept any attempt to take power by force",
    "The situation is calm but the people are afraid",
    "Our country needs peace and dialogue, not violence",
    "We call on all parties to show restraint",
    "The sanctions will hurt ordinary people first",
    "Democracy will prevail in the end",
];

pub const EVENTS: &[&str] = &[
    "attack",
    "coup attempt",
    "arrest of journalists",
    "bombing",
    "crackdown on protesters",
    "election result",
    "border closure",
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
