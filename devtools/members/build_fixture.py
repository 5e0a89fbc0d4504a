# ruff: noqa: E501 - the sources are data, each value on one line.
"""Build fixtures/members.json (and the sources it needs) from the Correlates of
War IGO v3 extract and the dated admissions found in public sources. Run once;
after that editors keep the records, and `export_content` writes the fixtures.

    .venv/bin/python -m devtools.members.build_fixture ../shared/data/cow_igo_v3_iom_membership.csv

Every date below is what the cited source says (see each OFFICIAL entry); a
state the COW data code and no other source dates keeps its COW years only.
"""

import csv
import json
import sys
from pathlib import Path

from django.utils.text import slugify

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"

# COW's state column → ISO 3166-1 alpha-2.
COW_CODES = {
    "afghanistan": "AF", "albania": "AL", "algeria": "DZ", "angola": "AO",
    "antiguabarbuda": "AG", "argentina": "AR", "armenia": "AM", "australia": "AU",
    "austria": "AT", "azerbaijan": "AZ", "bahamas": "BS", "bangladesh": "BD",
    "belarus": "BY", "belgium": "BE", "belize": "BZ", "benin": "BJ", "bolivia": "BO",
    "bosnia": "BA", "botswana": "BW", "brazil": "BR", "bulgaria": "BG",
    "burkinafaso": "BF", "burundi": "BI", "car": "CF", "cambodia": "KH",
    "cameroon": "CM", "canada": "CA", "capeverde": "CV", "chad": "TD", "chile": "CL",
    "colombia": "CO", "comoros": "KM", "congobrazz": "CG", "costarica": "CR",
    "croatia": "HR", "cyprus": "CY", "czechrep": "CZ", "denmark": "DK",
    "djibouti": "DJ", "domrepublic": "DO", "etimor": "TL", "ecuador": "EC",
    "egypt": "EG", "elsalvador": "SV", "estonia": "EE", "ethiopia": "ET",
    "fyromacedonia": "MK", "fiji": "FJ", "finland": "FI", "france": "FR", "gabon": "GA",
    "gambia": "GM", "georgia": "GE", "germany": "DE", "ghana": "GH", "greece": "GR",
    "guatemala": "GT", "guinea": "GN", "guineabissau": "GW", "guyana": "GY",
    "haiti": "HT", "honduras": "HN", "hungary": "HU", "iceland": "IS", "india": "IN",
    "iran": "IR", "ireland": "IE", "israel": "IL", "italy": "IT", "ivorycoast": "CI",
    "jamaica": "JM", "japan": "JP", "jordan": "JO", "kazakhstan": "KZ", "kenya": "KE",
    "kyrgyzstan": "KG", "latvia": "LV", "lesotho": "LS", "liberia": "LR", "libya": "LY",
    "lithuania": "LT", "luxembourg": "LU", "madagascar": "MG", "malawi": "MW",
    "maldives": "MV", "mali": "ML", "malta": "MT", "marshallis": "MH",
    "mauritania": "MR", "mauritius": "MU", "mexico": "MX", "micronesiafs": "FM",
    "moldova": "MD", "mongolia": "MN", "morocco": "MA", "montenegro": "ME",
    "mozambique": "MZ", "myanmar": "MM", "namibia": "NA", "nauru": "NR", "nepal": "NP",
    "netherlands": "NL", "newzealand": "NZ", "nicaragua": "NI", "niger": "NE",
    "nigeria": "NG", "norway": "NO", "pakistan": "PK", "panama": "PA",
    "papuanewguinea": "PG", "paraguay": "PY", "peru": "PE", "philippines": "PH",
    "poland": "PL", "portugal": "PT", "romania": "RO", "rwanda": "RW", "senegal": "SN",
    "seychelles": "SC", "sierraleone": "SL", "slovakia": "SK", "slovenia": "SI",
    "soafrica": "ZA", "sokorea": "KR", "sosudan": "SS", "somalia": "SO", "spain": "ES",
    "srilanka": "LK", "stvincent": "VC", "sudan": "SD", "suriname": "SR",
    "swaziland": "SZ", "sweden": "SE", "switzerland": "CH", "tajikistan": "TJ",
    "tanzania": "TZ", "thailand": "TH", "togo": "TG", "trinidad": "TT", "tunisia": "TN",
    "turkey": "TR", "turkmenistan": "TM", "uk": "GB", "usa": "US", "uganda": "UG",
    "ukraine": "UA", "uruguay": "UY", "vanuatu": "VU", "venezuela": "VE",
    "vietnam": "VN", "wgermany": "DE", "yemen": "YE", "yugoslaviaserb": "RS",
    "zaire": "CD", "zambia": "ZM", "zimbabwe": "ZW",
}  # fmt: skip

# COW's own name where it is not the ISO state's, said on the spell.
COW_NOTES = {
    "wgermany": "Coded as West Germany (Federal Republic of Germany) in the COW data.",
    "yugoslaviaserb": "Coded as Yugoslavia/Serbia in the COW data.",
    "zaire": "Coded as Zaire in the COW data.",
}

REGIONS = {
    "africa": "AO BF BI BJ BW CD CF CG CI CM CV DJ DZ EG ER ET GA GH GM GN GW KE KM LR LS LY "
    "MA MG ML MR MU MW MZ NA NE NG RW SC SD SL SN SO SS ST SZ TD TG TN TZ UG ZA ZM ZW",
    "americas": "AG AR BO BR BS BZ CA CL CO CR CU DM DO EC GD GT GY HN HT JM KN LC MX NI PA "
    "PE PY SR SV TT US UY VC VE",
    "asia": "AF AM AZ BD CN CY GE IL IN IR JO JP KG KH KR KW KZ LA LK MM MN MV NP PH PK TH "
    "TJ TL TM TR UZ VN YE",
    "europe": "AL AT BA BE BG BY CH CZ DE DK EE ES FI FR GB GR HR HU IE IS IT LT LU LV MD "
    "ME MK MT NL NO PL PT RO RS RU SE SI SK UA VA",
    "oceania": "AU CK FJ FM KI MH NR NZ PG PW SB TO TV VU WS",
}

SOURCES = [
    {
        "slug": "brecorder-2011-12-iom-fourteen-new-members",
        "kind": "news",
        "title": "[Business Recorder report: fourteen countries join the IOM at its 60th-anniversary Council]",
        "container": "Business Recorder",
        "published": "2011-12",
        "url": "https://brecorder.com/news/amp/3935788",
        "note": "Title supplied. Names the fourteen states admitted at the opening of the Council; the Council sat on 5–7 December 2011 (Raajje News, 7 December 2011).",
    },
    {
        "slug": "raajjenews-2011-12-07-maldives-iom",
        "kind": "news",
        "title": "Maldives Becomes Member of International Organisation for Migration",
        "container": "Raajje News",
        "published": "2011-12-07",
        "url": "https://raajjenews.com/2011.December/07/2011910.htm",
        "note": "",
    },
    {
        "slug": "searchlight-2012-12-04-svg-iom",
        "kind": "news",
        "title": "SVG becomes 147th member of International Organisation for Migration",
        "container": "Searchlight",
        "published": "2012-12-04",
        "url": "https://www.searchlight.vc/news/2012/12/04/svg-becomes-147th-member-of-international-organisation-for-migration/",
        "note": "Admitted “last Tuesday” before 4 December 2012, that is 27 November 2012.",
    },
    {
        "slug": "iom-94th-council-burundi-viet-nam",
        "kind": "web-page",
        "title": "IOM Member States Gather for 94th Council",
        "authors": "International Organization for Migration",
        "container": "iom.int",
        "published": "2007-11",
        "url": "https://iom.int/news/iom-member-states-gather-94th-council",
        "note": "Undated on the page; the 94th Council sat on 27–30 November 2007 (the release names the Portuguese EU Presidency of July–December 2007).",
    },
    {
        "slug": "tesfanews-2015-iom-eritrea-membership",
        "kind": "news",
        "title": "IOM Council Unanimously Approved Eritrea’s Membership",
        "container": "TesfaNews",
        "published": "2015-11",
        "url": "https://tesfanews.com/iom-council-approved-eritrea-membership/",
        "note": "Admitted by the 106th Council, 24–27 November 2015.",
    },
    {
        "slug": "iom-2016-07-01-member-states-endorse-un",
        "kind": "web-page",
        "title": "IOM Member States endorse move to join United Nations System",
        "authors": "International Organization for Migration",
        "container": "IOM South Africa",
        "published": "2016-07-01",
        "url": "https://southafrica.iom.int/news/iom-member-states-endorse-move-join-united-nations-system",
        "note": "China became a member at the Special Council of 30 June 2016; Tuvalu and Solomon Islands joined at the same time.",
    },
    {
        "slug": "azerbaijan-sms-2017-108th-iom-council",
        "kind": "web-page",
        "title": "108th Session of the Council of International Organization for Migration is held",
        "authors": "State Migration Service of the Republic of Azerbaijan",
        "container": "migration.gov.az",
        "published": "2017-11",
        "url": "https://migration.gov.az/en/news_detail/10220",
        "note": "Cuba and the Cook Islands admitted as members, Kuwait as an observer, at the session's opening on 28 November 2017.",
    },
    {
        "slug": "iom-kuwait-about",
        "kind": "web-page",
        "title": "IOM Kuwait",
        "authors": "International Organization for Migration",
        "container": "IOM Kuwait",
        "published": None,
        "url": "https://kuwait.iom.int/iom-kuwait",
        "note": "",
    },
    {
        "slug": "iom-2018-11-uzbekistan-173rd-member",
        "kind": "web-page",
        "title": "IOM Director General Welcomes Uzbekistan as 173rd Member State",
        "authors": "International Organization for Migration",
        "container": "iom.int",
        "published": "2018-11",
        "url": "https://www.iom.int/news/iom-director-general-welcomes-uzbekistan-173rd-member-state",
        "note": "The 109th Council opened on 27 November 2018 (Asia-Plus, 28 November 2018).",
    },
    {
        "slug": "tass-2020-11-24-russia-joins-iom",
        "kind": "news",
        "title": "[TASS report: the IOM Council approves Russia’s request to join]",
        "container": "TASS",
        "published": "2020-11-24",
        "url": "https://tass.com/politics/1227471",
        "note": "Title supplied. Russia, an observer since 1992 by its mission's account, becomes a full member once its internal procedures are complete.",
    },
    {
        "slug": "iom-rocairo-country-offices",
        "kind": "web-page",
        "title": "Country Offices",
        "authors": "International Organization for Migration, Regional Office for the Middle East and North Africa",
        "container": "IOM Regional Office Cairo",
        "published": None,
        "url": "https://rocairo.iom.int/country-offices",
        "note": "",
    },
    {
        "slug": "iom-2024-08-line-2-eligible-members",
        "kind": "web-page",
        "title": "List of IOM Member States Eligible for Allocations from the IOM Development Fund (Line 2), by Region, August 2024",
        "authors": "International Organization for Migration",
        "container": "iom.int",
        "published": "2024-08",
        "url": "https://iom.int/eligible-member-states-line-2",
        "note": "Lists members eligible for the fund only (111 of them), not every member.",
    },
]

COUNCIL_2011 = ("2011-12", "brecorder-2011-12-iom-fourteen-new-members")
LINE_2 = ("iom-2024-08-line-2-eligible-members", "2024-08")

# (ISO code, status, start, source, note); start "by:YYYY-MM" = a member by then.
OFFICIAL = [
    *[
        (code, "member", *COUNCIL_2011, "")
        for code in [
            "AG",
            "TD",
            "KM",
            "DJ",
            "GY",
            "MV",
            "FM",
            "MZ",
            "NR",
            "SC",
            "VU",
            "ET",
            "SS",
            "VA",
        ]
    ],
    ("VC", "member", "2012-11", "searchlight-2012-12-04-svg-iom", ""),
    ("BI", "member", "2007-11", "iom-94th-council-burundi-viet-nam", ""),
    ("VN", "member", "2007-11", "iom-94th-council-burundi-viet-nam", ""),
    ("JO", "member", "1999", "iom-rocairo-country-offices", ""),
    ("ER", "member", "2015-11", "tesfanews-2015-iom-eritrea-membership", ""),
    ("CN", "member", "2016-06-30", "iom-2016-07-01-member-states-endorse-un", ""),
    ("TV", "member", "2016-06", "iom-2016-07-01-member-states-endorse-un", ""),
    ("SB", "member", "2016-06", "iom-2016-07-01-member-states-endorse-un", ""),
    ("CU", "member", "2017-11-28", "azerbaijan-sms-2017-108th-iom-council", ""),
    ("CK", "member", "2017-11-28", "azerbaijan-sms-2017-108th-iom-council", ""),
    ("KW", "observer", "2017-11-28", "azerbaijan-sms-2017-108th-iom-council", ""),
    ("UZ", "member", "2018-11-27", "iom-2018-11-uzbekistan-173rd-member", ""),
    (
        "RU",
        "member",
        "2020-11-24",
        "tass-2020-11-24-russia-joins-iom",
        "Admission approved by the Council; membership takes effect once Russia completes its internal procedures.",
    ),
    *[
        (code, "member", "by:" + LINE_2[1], LINE_2[0], "")
        for code in ["DM", "GD", "LA", "PW", "WS", "TO", "ST", "KI"]
    ],
]
# Spells that end where the next begins.
OBSERVER_BEFORE = {
    "RU": (
        "1992",
        "2020-11-24",
        "tass-2020-11-24-russia-joins-iom",
        "Observer from 1992 by the account of Russia's mission in Geneva.",
    ),
}
EXTRA_CITATIONS = {
    ("KW", "start"): "iom-kuwait-about",
    ("MV", "start"): "raajjenews-2011-12-07-maldives-iom",
}


def region_of(code):
    return next(region for region, codes in REGIONS.items() if code in codes.split())


def read_cow(path):
    """{ISO code: [(first year, last year or None, COW name), ...]}."""
    spells = {}
    with open(path, encoding="utf-8") as file:
        for row in csv.reader(file):
            if row[0] == "cow_state_column":
                continue
            for part in row[1].split(";"):
                first, last = part.strip().removeprefix("member ").split("-")
                spells.setdefault(COW_CODES[row[0]], []).append(
                    (int(first), None if last == "2014" else int(last), row[0])
                )
    return spells


def citation(spell_slug, source, supports):
    return {
        "model": "members.membershipspellcitation",
        "fields": {
            "source": [source],
            "supports": supports,
            "locator": "",
            "quotation": "",
            "claim": [spell_slug],
        },
    }


def spell_record(slug, code, standing, **fields):
    values = {
        "slug": slug,
        "status": "published",
        "state": [slug_of(code)],
        "standing": standing,
        "start": None,
        "start_is_bound": False,
        "start_cow": None,
        "end": None,
        "end_cow": None,
        "note": "",
    }
    values.update(fields)
    return {"model": "members.membershipspell", "fields": values}


def slug_of(code):
    from django_countries import countries

    return slugify(countries.name(code))


def build(cow_path):
    cow = read_cow(cow_path)
    official = {code: rest for code, *rest in OFFICIAL}
    codes = sorted(set(cow) | set(official) | set(OBSERVER_BEFORE))
    states, spells, citations = [], [], []
    for code in codes:
        states.append(
            {
                "model": "members.state",
                "fields": {
                    "slug": slug_of(code),
                    "status": "published",
                    "code": code,
                    "region": region_of(code),
                },
            }
        )
        if code in OBSERVER_BEFORE:
            start, end, source, note = OBSERVER_BEFORE[code]
            slug = f"{code.lower()}-observer-{start[:4]}"
            spells.append(spell_record(slug, code, "observer", start=start, end=end, note=note))
            citations += [citation(slug, source, "start"), citation(slug, source, "end")]
        cow_spells = cow.get(code, [])
        for index, (first, last, cow_name) in enumerate(cow_spells):
            is_last = index == len(cow_spells) - 1
            fields = {"start_cow": first, "end_cow": last, "note": COW_NOTES.get(cow_name, "")}
            slug = f"{code.lower()}-member-{first}"
            if is_last and code in official:
                status, start, source, note = official.pop(code)
                fields.update(
                    start=start.removeprefix("by:"), start_is_bound=start.startswith("by:")
                )
                citations.append(citation(slug, source, "start"))
                fields["note"] = " ".join(filter(None, [fields["note"], note]))
            spells.append(spell_record(slug, code, "member", **fields))
            citations.append(citation(slug, "cow-igo-v3", "start_cow"))
            if last:
                citations.append(citation(slug, "cow-igo-v3", "end_cow"))
        if code in official:
            status, start, source, note = official.pop(code)
            slug = f"{code.lower()}-{status}-{start.removeprefix('by:')[:4]}"
            spells.append(
                spell_record(
                    slug,
                    code,
                    status,
                    start=start.removeprefix("by:"),
                    start_is_bound=start.startswith("by:"),
                    note=note,
                )
            )
            citations.append(citation(slug, source, "start"))
    for (code, supports), source in EXTRA_CITATIONS.items():
        slug = next(
            s["fields"]["slug"]
            for s in spells
            if s["fields"]["state"] == [slug_of(code)] and s["fields"]["start"]
        )
        citations.append(citation(slug, source, supports))
    return states + spells + citations


def main(cow_path):
    import django

    django.setup()
    records = build(cow_path)
    (FIXTURES / "members.json").write_text(json.dumps(records, ensure_ascii=False, indent=2) + "\n")
    sources = json.loads((FIXTURES / "sources.json").read_text())
    known = {record["fields"]["slug"] for record in sources}
    for source in SOURCES:
        if source["slug"] in known:
            continue
        fields = {
            "slug": source["slug"],
            "status": "published",
            "kind": source["kind"],
            "title": source["title"],
            "authors": source.get("authors", ""),
            "editors": "",
            "container": source["container"],
            "publisher": "",
            "volume": "",
            "issue": "",
            "pages": "",
            "published": source["published"],
            "url": source["url"],
            "doi": "",
            "isbn": "",
            "un_symbol": "",
            "accessed": "2026-12-01",
            "note": source["note"],
            "editors_note": "",
        }
        sources.append({"model": "orgs.source", "fields": fields})
    (FIXTURES / "sources.json").write_text(json.dumps(sources, ensure_ascii=False, indent=2) + "\n")


if __name__ == "__main__":
    main(sys.argv[1])
