"""The cooperation patterns (patterns_cooperation.yaml, CAMEO roots 01-08) on short news sentences.

Each case is a sentence written for this test with the source and target country expected
and the CAMEO root (two digits) or full code. Negatives are everyday, non-political uses of
the same verbs, which must code nothing.
"""

from __future__ import annotations

import datetime as dt

import pytest

from seismo.coding.lexicon import load_lexicon
from seismo.model import Document
from seismo.pipeline import code_documents

CASES = [
    # 01 statements
    (
        "The Serbian president expressed sorrow over the deaths of Bosnian civilians.",
        "SRB",
        "BIH",
        "018",
    ),
    # 02 appeal
    ("The Philippines asked Japan for assistance.", "PHL", "JPN", "023"),
    ("Ukraine sought weapons from Germany.", "UKR", "DEU", "0232"),
    ("Ukraine pleaded with NATO for more air defence systems.", "UKR", "IGO", "020"),
    # 04 consult
    ("Japan's foreign minister telephoned his Indian counterpart on Monday.", "JPN", "IND", "041"),
    (
        "The Brazilian president spoke by phone with the Argentine president on Tuesday.",
        "BRA",
        "ARG",
        "041",
    ),
    (
        "The German chancellor talked with the French president about energy prices.",
        "DEU",
        "FRA",
        "040",
    ),
    (
        "The Turkish foreign minister arrived in Baghdad on Sunday for a two-day visit.",
        "TUR",
        "IRQ",
        "042",
    ),
    ("The Indian prime minister flew to Tokyo on Thursday.", "IND", "JPN", "042"),
    ("The Kenyan president toured Ethiopia last week.", "KEN", "ETH", "042"),
    ("The Japanese prime minister paid a visit to Seoul.", "JPN", "KOR", "042"),
    (
        "The Chinese president greeted the Pakistani prime minister at the airport.",
        "CHN",
        "PAK",
        "043",
    ),
    ("Hungary extended an invitation to the Chinese president.", "HUN", "CHN", "043"),
    (
        "French President Emmanuel Macron gave a warm welcome on Thursday to the Kenyan president.",
        "FRA",
        "KEN",
        "043",
    ),
    ("Egypt brokered a truce between Israel and Jordan.", "EGY", "ISR", "045"),
    ("Vietnam and Cambodia held talks in Hanoi.", "VNM", "KHM", "046"),
    # 05 diplomatic cooperation
    ("The Swedish government lauded Finland for its handling of the crisis.", "SWE", "FIN", "051"),
    ("Germany applauded Poland's decision.", "DEU", "POL", "051"),
    ("The Spanish king paid tribute to Portugal's firefighters.", "ESP", "PRT", "051"),
    ("Canada sided with Denmark in the dispute.", "CAN", "DNK", "050"),
    ("Norway stood by Iceland during the fishing dispute.", "NOR", "ISL", "050"),
    (
        "Vietnam and Laos have upgraded their ties to a comprehensive strategic partnership.",
        "VNM",
        "LAO",
        "050",
    ),
    ("Saudi Arabia and Iran resumed diplomatic relations after seven years.", "SAU", "IRN", "054"),
    ("Sri Lanka opened an embassy in Tehran.", "LKA", "IRN", "054"),
    ("Kosovo apologized to Serbia.", "XKX", "SRB", "055"),
    ("Turkey and Azerbaijan sealed a defence pact on Friday.", "TUR", "AZE", "057"),
    ("India and the United Arab Emirates inked a trade deal on Friday.", "IND", "ARE", "057"),
    ("Israel and Lebanon reached an agreement on their maritime border.", "ISR", "LBN", "057"),
    ("Peru and Chile renewed their fisheries agreement on Monday.", "PER", "CHL", "057"),
    # 06 material cooperation
    ("Germany exported tanks to Qatar last year.", "DEU", "QAT", "061"),
    ("Poland bought tanks from South Korea.", "POL", "KOR", "062"),
    ("British instructors trained Ukrainian soldiers in Britain.", "GBR", "UKR", "062"),
    ("France and India exchanged intelligence on the militant group.", "FRA", "IND", "064"),
    # 07 provide aid
    ("The European Union gave Moldova 50 million euros.", None, "MDA", "071"),
    ("The IMF approved a loan to Kenya on Tuesday.", None, "KEN", "071"),
    ("Japan granted asylum to three North Korean defectors.", "JPN", "PRK", "075"),
    ("Germany dispatched medicine to Syria after the earthquake.", "DEU", "SYR", "073"),
    ("The Netherlands contributed troops to the peacekeeping force in Mali.", "NLD", "MLI", "074"),
    # 08 yield
    ("Israel lifted the blockade on Gaza.", "ISR", "PSE", "0872"),
    ("Egypt lifted the curfew in Libya.", "EGY", "LBY", "0813"),
    ("The United States eased sanctions on Venezuela.", "USA", "VEN", "085"),
    ("Russia returned the bodies of Ukrainian soldiers to Ukraine.", "RUS", "UKR", "0841"),
    ("Armenia and Azerbaijan swapped prisoners on Wednesday.", "ARM", "AZE", "0841"),
    ("Iraq accepted UN inspectors.", "IRQ", "IGO", "0862"),
    ("Israel declared a truce in Gaza.", "ISR", "PSE", "0871"),
    ("Serbia bowed to pressure from the European Union.", "SRB", "IGO", "080"),
    ("Mexico paid compensation to Guatemala.", "MEX", "GTM", "080"),
    ("The Mozambique government on Thursday accepted demands from Zimbabwe.", "MOZ", "ZWE", "083"),
    (
        "The United States began the withdrawal of its forces from Panama on Wednesday.",
        "USA",
        "PAN",
        "087",
    ),
]

# Intended acts are coded as the matching root-03 intent by the coder.
INTENT_CASES = [
    ("Japan will send medicine to Turkey.", "JPN", "TUR", "03"),
    ("Greece will reopen its embassy in Libya next month.", "GRC", "LBY", "03"),
]

NEGATIVES = [
    "The crane lifted the steel beam onto the roof.",
    "The students toured the museum on Friday.",
    "The chef trained three new cooks last month.",
    "The board approved the new logo.",
    "The hikers arrived in the village before dark.",
    "The shop extended its opening hours for the holidays.",
    "She paid a visit to her grandmother.",
    "The farmer sold his tractor to a neighbour.",
]


@pytest.fixture(scope="module")
def coded():
    texts = [c[0] for c in CASES + INTENT_CASES] + NEGATIVES
    docs = [
        Document(doc_id=f"c{i}", text=t, published=dt.date(2024, 3, 5)) for i, t in enumerate(texts)
    ]
    out = {}
    for item in code_documents(docs):
        if hasattr(item, "events"):
            out[item.document.text] = list(item.events)
    return out


def _found(events, modality):
    return [
        (e.source.country, e.target.country if e.target else None, e.cameo)
        for e in events
        if e.modality == modality
    ]


def _hit(found, source, target, code):
    return any(
        (source is None or s == source)
        and t == target
        and (c == code if len(code) > 2 else c[:2] == code)
        for s, t, c in found
    )


def test_cooperation_patterns_load():
    lex = load_lexicon()
    for verb in ("broker", "seal", "laud", "repatriate", "unfreeze"):
        assert verb in lex.verbs
    for noun in ("consultation", "tribute", "asylum", "withdrawal"):
        assert noun in lex.nouns


@pytest.mark.parametrize("text,source,target,code", CASES, ids=[c[0][:40] for c in CASES])
def test_cooperation_sentence(coded, text, source, target, code):
    found = _found(coded[text], "asserted")
    assert _hit(found, source, target, code), found


@pytest.mark.parametrize(
    "text,source,target,code", INTENT_CASES, ids=[c[0][:40] for c in INTENT_CASES]
)
def test_cooperation_intent(coded, text, source, target, code):
    found = _found(coded[text], "intended")
    assert _hit(found, source, target, code), found


@pytest.mark.parametrize("text", NEGATIVES)
def test_cooperation_negative(coded, text):
    assert coded[text] == [], [(e.source.code, e.cameo, e.target) for e in coded[text]]
