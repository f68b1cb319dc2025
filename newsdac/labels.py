"""The closed label sets of the data contract, each label with its meaning.

Defined once here; the JSON Schema, the validator, the build, the loaders and
the documentation all read these tables.
"""

TOPICS: dict[str, str] = {
    "politics": "Elections, parliaments, governments, parties, diplomacy.",
    "conflict": "Armed conflict, security, policing of unrest, defence.",
    "courts": "Courts, crime, investigations, prisons.",
    "business": "Companies, markets, labour, the economy.",
    "science_health": "Research, medicine, public health.",
    "environment": "Climate, weather, disasters, nature, energy transition.",
    "technology": "Software, hardware, telecoms, online platforms.",
    "sport": "Competitions, athletes, clubs, governing bodies.",
    "culture": "Arts, books, film, music, heritage, food.",
}

REGISTERS: dict[str, str] = {
    "wire": "Wire report: inverted pyramid, dense attribution, short paragraphs.",
    "feature": "Feature: scene-setting, quotes, a narrative arc.",
    "explainer": "Explainer: questions and answers or numbered background.",
    "brief": "Short brief: a few paragraphs, one main fact.",
    "liveblog": "Live-blog summary: timestamped or bulleted updates.",
    "press_release": "Press-release rewrite: an organisation's announcement retold.",
}

DUPLICATION_LABELS: dict[str, str] = {
    "repeated_headline": "The headline repeated verbatim right after itself or elsewhere.",
    "repeated_paragraph": "A paragraph (or standfirst) repeated exactly elsewhere in the text.",
    "repeated_body": "The whole body, or a run of consecutive paragraphs, pasted again exactly.",
    "near_duplicate": "A repeat with small edits: quote marks, a typo, whitespace, a dropped "
                      "trailing sentence.",
    "placeholder": "A line the extractor leaked in place of content ('Empty line 4', '[image]').",
    "boilerplate": "Page furniture that is not article content ('Advertisement', 'Read more').",
}

#: Duplication labels whose items must link to the span of the original they repeat.
LINKED_DUPLICATION_LABELS: frozenset[str] = frozenset(
    {"repeated_headline", "repeated_paragraph", "repeated_body", "near_duplicate"}
)

SOURCE_TYPES: dict[str, str] = {
    "person": "A named individual speaking for themself or in a named role.",
    "organization": "A named company, party, club, NGO, union or other non-state body.",
    "media": "A news outlet, agency or programme.",
    "official": "A government body, ministry, court, police force, army or agency of the state.",
    "anonymous": "An unnamed but characterised source ('a security source', 'people familiar').",
    "document": "A text: report, filing, statement, study, letter, data release.",
    "unspecified": "No identifiable source: 'reports suggest', 'reportedly', 'it is claimed'.",
}

CERTAINTY_LEVELS: dict[str, str] = {
    "certain": "CT: the writer presents the main proposition as fact.",
    "probable": "PR: the writer presents it as likely (likely, probably, appears, expected).",
    "possible": "PS: the writer presents it as possible (may, might, could, perhaps).",
    "uncommitted": "Uu: the writer does not commit (reported content, questions, conditionals).",
}

#: FactBank codes for the certainty levels, in decreasing order of commitment.
FACTBANK_CODES: dict[str, str] = {
    "certain": "CT", "probable": "PR", "possible": "PS", "uncommitted": "Uu",
}

CUE_TYPES: dict[str, str] = {
    "modal": "Modal auxiliary or adverb of possibility/necessity (may, could, possibly, must).",
    "evidential": "Marks second-hand evidence (reportedly, allegedly, reports suggest).",
    "appearance": "Appearance or seeming (appear to, seem, apparently, looks set to).",
    "approximator": "Makes a quantity inexact (approximately, at least, nearly, some).",
    "speculative": "Verb or phrase of belief, expectation or estimate (expected, believed, "
                   "suspected, estimated).",
    "other": "Any other certainty cue (conditional 'if', question framing, 'unclear').",
}

ATTRIBUTION_ROLES: tuple[str, ...] = ("source", "cue", "content")
