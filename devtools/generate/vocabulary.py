"""Words and patterns the scale-data generator draws from."""

from timeline.models import Event

GIVEN_NAMES = (
    "Amina", "Carlos", "Mei", "Olusegun", "Sofia", "Hiroshi", "Fatima", "Jean", "Anders",
    "Priya", "Mateo", "Leila", "Tomasz", "Nadia", "Kwame", "Ingrid", "Rafael", "Yuki", "Omar",
    "Elena", "Samuel", "Aisha", "Diego", "Hana", "Viktor", "Zainab", "Lucas", "Marta", "Kofi",
    "Sara", "Arturo", "Ji-woo", "Ngozi", "Pedro", "Anika", "Malik", "Camille", "Tariq", "Lucia",
    "Dmitri", "Grace", "Bilal", "Inès", "Thabo", "Rosa", "Emeka", "Chiara", "Farid", "Astrid",
    "Joon-ho", "Margarethe", "William", "Teresa", "Rashid", "Adaeze", "Henrik", "Lina", "Marco",
)  # fmt: skip
FAMILY_NAMES = (
    "Okafor", "Fernández", "Chen", "Haddad", "Nielsen", "Kowalski", "Mensah", "Tanaka", "Rossi",
    "Silva", "Ibrahim", "Dubois", "Novak", "Kariuki", "Sato", "Mwangi", "González", "Andersson",
    "Khan", "Moreau", "Petrov", "Abebe", "Lindqvist", "Nguyen", "Osei", "Castillo", "Yılmaz",
    "Jansen", "Hoffmann", "Park", "Banda", "Rahman", "Costa", "Larsen", "Oyelaran", "Vargas",
    "Schmidt", "Kamara", "Álvarez", "Popescu", "Mahmoud", "Eriksen", "Sithole", "López",
    "Bianchi", "Aziz", "Kim", "Murray", "Delgado", "Achterberg", "O'Neill", "Van der Berg",
)  # fmt: skip
NATIVE_NAMES = (  # (name, name in own script, language)
    ("Lee Min-ho", "이민호", "ko"),
    ("Yamada Hanako", "山田花子", "ja"),
    ("Mohamed Haddad", "محمد حداد", "ar"),
    ("Elena Pappa", "Ελένη Παππά", "el"),
    ("Ivan Petrov", "Иван Петров", "ru"),
    ("Wang Fang", "王芳", "zh-hans"),
)
NATIONALITIES = (
    "Argentina", "Australia", "Bangladesh", "Belgium", "Brazil", "Canada", "Chile", "Colombia",
    "Egypt", "Ethiopia", "France", "Germany", "Ghana", "India", "Italy", "Japan", "Jordan",
    "Kenya", "Mexico", "Netherlands", "Nigeria", "Norway", "Pakistan", "Peru", "Philippines",
    "Portugal", "Republic of Korea", "Senegal", "South Africa", "Spain", "Sweden",
    "Switzerland", "Türkiye", "United Kingdom", "United States",
)  # fmt: skip
PLACES = (  # (city, country)
    ("Nairobi", "Kenya"), ("Dakar", "Senegal"), ("Cairo", "Egypt"), ("Pretoria", "South Africa"),
    ("Addis Ababa", "Ethiopia"), ("Abuja", "Nigeria"), ("Tripoli", "Libya"), ("Niamey", "Niger"),
    ("Bangkok", "Thailand"), ("Manila", "Philippines"), ("Dhaka", "Bangladesh"),
    ("Kabul", "Afghanistan"), ("Cox's Bazar", "Bangladesh"), ("Jakarta", "Indonesia"),
    ("Port Moresby", "Papua New Guinea"), ("San José", "Costa Rica"), ("Bogotá", "Colombia"),
    ("Buenos Aires", "Argentina"), ("Panama City", "Panama"), ("Port-au-Prince", "Haiti"),
    ("Mexico City", "Mexico"), ("Brussels", "Belgium"), ("Vienna", "Austria"),
    ("Rome", "Italy"), ("Athens", "Greece"), ("Ankara", "Türkiye"), ("Kyiv", "Ukraine"),
    ("Amman", "Jordan"), ("Beirut", "Lebanon"), ("Erbil", "Iraq"), ("Sana'a", "Yemen"),
    ("Astana", "Kazakhstan"), ("Canberra", "Australia"), ("Ottawa", "Canada"),
    ("New York", "United States"), ("Tokyo", "Japan"), ("Berlin", "Germany"),
    ("Lisbon", "Portugal"), ("Juba", "South Sudan"), ("Maputo", "Mozambique"),
)  # fmt: skip
REGIONS = (
    "West Africa", "the Horn of Africa", "Central America", "South-East Asia",
    "the Western Balkans", "the Middle East", "South America", "the Pacific", "Central Asia",
    "Southern Africa", "the Caribbean", "North Africa", "the Sahel", "the Mediterranean",
)  # fmt: skip
THEMES = (
    "labour migration", "assisted voluntary return", "refugee resettlement", "migrant health",
    "counter-trafficking", "climate mobility", "diaspora engagement", "border management",
    "internal displacement", "migration data", "family reunification", "migrant integration",
    "remittances", "humanitarian evacuation", "camp coordination and management",
    "child protection", "regular pathways", "migration governance", "irregular migration",
    "disaster risk reduction", "reintegration", "emergency shelter",
)  # fmt: skip
GROUPS = (
    "refugees", "asylum seekers", "internally displaced people", "stranded migrants",
    "migrant workers", "unaccompanied children", "returnees", "displaced families",
    "seasonal workers", "survivors of trafficking", "resettled refugees", "detained migrants",
)  # fmt: skip
SUBJECTS = (
    "The Organization", "Member states", "The Council", "Field teams", "Donor governments",
    "The Director General", "Partner agencies", "National authorities", "Civil society groups",
    "Independent researchers", "The regional office", "Humanitarian partners",
    "Host communities", "The Executive Committee", "Observer states", "An external evaluation",
)  # fmt: skip
VERBS = (
    "expanded", "reviewed", "coordinated", "funded", "suspended", "evaluated", "launched",
    "strengthened", "questioned", "supported", "documented", "restructured", "scaled up",
    "negotiated", "monitored", "relaunched", "criticised", "extended",
)  # fmt: skip
OBJECTS = (
    "{theme} programmes", "assistance to {group}", "the registration of {group}",
    "transport for {group}", "data collection on {group}", "a joint plan on {theme}",
    "health screening for {group}", "training on {theme}", "the policy on {theme}",
    "the budget for {theme}", "shelter for {group}", "legal counselling for {group}",
)  # fmt: skip
TAILS = (
    "in {country}", "across {region}", "after the {disaster} in {country}",
    "with UNHCR and other partners", "in {year}", "under an agreement with {country}",
    "despite funding shortfalls", "along the {route}", "for the first time",
    "at the request of the government of {country}", "with support from {country}",
)  # fmt: skip
FINDINGS = (
    "According to the annual report, {number} {group} were assisted in {year}.",
    "Critics said that {group} in {country} lacked access to legal advice.",
    "The programme was financed largely by earmarked contributions.",
    "Staff in {city} reported delays in processing the cases of {group}.",
    "An evaluation in {year} found that monitoring of {theme} remained weak.",
    "The work was carried out together with the government of {country}.",
    "Funding fell short of the appeal by about {percent} per cent.",
    "Observers noted that {group} were rarely consulted about {theme}.",
)  # fmt: skip
DISASTERS = (
    "earthquake", "floods", "cyclone", "drought", "tsunami", "armed conflict", "hurricane",
    "landslides", "volcanic eruption", "typhoon",
)  # fmt: skip
ROUTES = (
    "Central Mediterranean route", "Eastern Mediterranean route", "Western Balkans route",
    "Darién Gap", "Eastern Route to Yemen", "Bay of Bengal crossings", "Sahel corridor",
)  # fmt: skip
UN_BODIES = ("UNHCR", "UNICEF", "WHO", "WFP", "OCHA", "UNDP", "ILO", "the UN Secretariat")
JOURNALS = (
    "International Migration", "International Migration Review", "Journal of Refugee Studies",
    "Forced Migration Review", "Journal of Ethnic and Migration Studies",
    "Refugee Survey Quarterly", "Global Governance", "Migration Studies", "Third World Quarterly",
)  # fmt: skip
NEWSPAPERS = (
    "The Guardian", "Le Monde", "El País", "The New York Times", "Al Jazeera", "The Hindu",
    "Daily Nation", "The Sydney Morning Herald", "Deutsche Welle", "Reuters",
)  # fmt: skip
PUBLISHERS = (
    "Routledge", "Oxford University Press", "Cambridge University Press", "Palgrave Macmillan",
    "Springer", "Edward Elgar", "Manchester University Press", "Berghahn Books",
    "International Organization for Migration",
)  # fmt: skip
WEBSITES = ("IOM", "UNHCR", "ReliefWeb", "Migration Data Portal", "UN News", "OCHA")
CORPORATE_AUTHORS = (
    "International Organization for Migration", "Intergovernmental Committee for European "
    "Migration", "United Nations General Assembly", "Global Migration Group",
    "Migration Policy Institute", "Internal Displacement Monitoring Centre",
)  # fmt: skip
TOPIC_HEADS = (
    "Detention", "Returns", "Funding", "Data protection", "Accountability", "Labour rights",
    "Offshore processing", "Border externalization", "Humanitarian principles",
    "Child protection", "Refugee protection", "Non-refoulement", "Biometrics", "Transparency",
    "Camp conditions", "Smuggling", "Deportation", "Informed consent", "Gender", "Climate",
    "Reception conditions", "Pushbacks", "Health care",
)  # fmt: skip
ORGANIZATION_PATTERNS = (
    "{Region} Commission on {Theme}", "International Centre for {Theme}",
    "Intergovernmental Committee on {Theme}", "Network of {Groups} Associations",
    "{Region} Forum on {Theme}", "Council for {Theme} in {Region}",
    "Alliance for {Theme}", "{Region} Migration Observatory",
)  # fmt: skip
ERA_PATTERNS = (
    "Provisional Committee for {Theme}", "Intergovernmental Committee for {Theme}",
    "{Region} Committee for {Theme}", "International Office for {Theme}",
    "Organization for {Theme} in {Region}", "{Region} Agency for {Theme}",
)  # fmt: skip
PORTFOLIOS = (
    "Operations", "Management and Reform", "Policy and Partnerships", "Emergencies",
    "Programmes", "Migration Management", "Administration", "Humanitarian Affairs",
)  # fmt: skip
UN_SYMBOLS = ("A/RES/{session}/{n}", "A/{session}/{n}", "E/CN.4/{year}/{n}")
CRITIC_PATTERNS = (
    "{Region} Migrant Rights Network", "Coalition on {Theme}", "{Country} Refugee Council",
    "Watch on {Theme}", "{Region} Centre for Migration Justice",
)  # fmt: skip
ONLINE_KINDS = {"news", "web-page", "report", "dataset", "un-document"}
ACCESSED_KINDS = {"news", "web-page", "dataset"}
LANGUAGES = ("en", "fr", "es", "ar", "ru", "zh-hans", "pt", "de", "sw")
LOCATORS = (
    "", "", "p. {n}", "pp. {n}–{m}", "section {n}.{k}", "para. {n}", "table {n}", "annex {k}",
)  # fmt: skip

EVENT_TITLES = {
    Event.Category.FOUNDING: (
        "{Country} joins the founding conference", "First movement of migrants from {city}",
        "Launch of the {Theme} programme in {country}", "Founding session held in {city}",
    ),
    Event.Category.RENAMING: (
        "The {Theme} programme is renamed", "Council proposes a new name for the office in {city}",
        "Regional body for {region} takes a new name",
    ),
    Event.Category.CONSTITUTION: (
        "Council amends the Constitution on {theme}",
        "{Country} ratifies constitutional amendments",
        "Constitutional reform on {theme} enters into force",
    ),
    Event.Category.UN_RELATIONSHIP: (
        "Cooperation agreement with {un_body}", "Joint appeal with {un_body} for {country}",
        "Memorandum with {un_body} on {theme}",
    ),
    Event.Category.EMERGENCY_RESPONSE: (
        "Response to the {disaster} in {country}", "Evacuation of stranded migrants from {country}",
        "Shelter and camp management after the {disaster} in {country}",
    ),
    Event.Category.OPERATIONS: (
        "Transport programme for migrants from {country}", "Data project on {theme} launched",
        "Assisted return programme in {country}",
    ),
    Event.Category.GLOBAL_POLICY: (
        "International dialogue on {theme}", "Global consultation on {theme} in {city}",
        "Policy framework on {theme} adopted",
    ),
    Event.Category.LEADERSHIP: (
        "{person} elected Deputy Director General", "{person} appointed Goodwill Ambassador",
        "{person} appointed chief of mission in {country}",
    ),
    Event.Category.STRUCTURE: (
        "{Country} admitted as an observer state", "Regional office opened in {city}",
        "{Country} becomes a member state", "Restructuring of {theme} programmes",
    ),
}  # fmt: skip
CRITICISM_TITLES = (
    "{critic} on {theme} in {country}", "Concerns about {theme} in {region}",
    "Report criticises {theme} programmes in {country}",
    "{critic} questions the treatment of {group} in {country}",
    "Calls for accountability over {theme} along the {route}",
)  # fmt: skip
QUOTATIONS = (
    "{Group} were left without any meaningful way to challenge the decision.",
    "The programme served the interests of donor governments rather than those of {group}.",
    "We saw no evidence that {group} had given informed consent to return.",
    "Conditions in the centres in {country} fell far below international standards.",
    "The Organization has no protection mandate, and it shows.",
    "Without independent monitoring, no one can say what happened to {group}.",
)  # fmt: skip
FACT_NOTES = {
    "budget": "Total budget approved by the Council",
    "staff": "Staff in all duty stations, including project staff",
    "member-states": "Member states at the time of the Council session",
    "offices": "Offices of all kinds, including sub-offices",
}


def _title(text):
    return text[:1].upper() + text[1:]


def _with_article(country):
    """'the United Kingdom', 'the Philippines', but 'Kenya'."""
    plural = country.endswith(("Kingdom", "States", "Philippines", "Netherlands", "of Korea"))
    return f"the {country}" if plural else country


def _acronym(name):
    letters = [word[0] for word in name.replace("-", " ").split() if word[0].isupper()]
    return "".join(letters)[:20] or "ORG"


def _isbn13(rng):
    digits = [9, 7, 8] + [rng.randint(0, 9) for _ in range(9)]
    total = sum(d * (3 if i % 2 else 1) for i, d in enumerate(digits))
    digits.append((10 - total % 10) % 10)
    text = "".join(map(str, digits))
    return f"{text[:3]}-{text[3]}-{text[4:8]}-{text[8:12]}-{text[12]}"
