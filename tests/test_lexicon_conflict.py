"""The conflict patterns (patterns_conflict.yaml, CAMEO roots 09-20) on short news sentences.

Each case is a sentence written for this test, the source and target country expected and
the CAMEO root (two digits) or full code. Negatives are everyday uses of the same verbs that
must code nothing.
"""

from __future__ import annotations

import datetime as dt

import pytest

from seismo.coding.lexicon import load_lexicon
from seismo.model import Document
from seismo.pipeline import code_documents

CASES = [
    # 09 investigate
    (
        "Iran launched an investigation into the killing of its nuclear scientist by Israel.",
        "IRN",
        "ISR",
        "090",
    ),
    # 10 demand
    ("Washington pressured Egypt to reopen the border crossing.", "USA", "EGY", "100"),
    # 11 disapprove
    ("The Kremlin lashed out at NATO on Friday.", "RUS", "IGO", "111"),
    ("The Kremlin hit out at Washington on Friday.", "RUS", "USA", "111"),
    ("Beijing castigated Tokyo over the textbook revisions.", "CHN", "JPN", "111"),
    ("Turkey reprimanded Sweden for allowing the rally.", "TUR", "SWE", "111"),
    ("France summoned the Russian ambassador on Monday.", "FRA", "RUS", "114"),
    ("Poland lodged a protest with Belarus over the border incident.", "POL", "BLR", "114"),
    (
        "Ukraine filed a lawsuit against Russia at the International Court of Justice.",
        "UKR",
        "RUS",
        "115",
    ),
    # 12 reject
    ("Venezuela rejected the demand by the United States.", "VEN", "USA", "12"),
    ("Israel turned down Egypt's proposal.", "ISR", "EGY", "12"),
    ("Azerbaijan violated the ceasefire with Armenia.", "AZE", "ARM", "196"),
    # 13 threaten
    ("Russia issued an ultimatum to Ukraine.", "RUS", "UKR", "139"),
    # 14 protest
    ("Iranian protesters stormed the Saudi embassy in Tehran.", "IRN", "SAU", "145"),
    # 15 exhibit force posture
    ("China held military drills near Taiwan on Saturday.", "CHN", "TWN", "150"),
    ("Russia amassed troops near the border with Ukraine.", "RUS", "UKR", "154"),
    ("Serbia put its army on high alert near the border with Kosovo.", "SRB", "XKX", "152"),
    ("Russian jets violated Estonian airspace on Thursday.", "RUS", "EST", "150"),
    # 16 reduce relations
    ("The United States slapped sanctions on Iranian oil companies.", "USA", "IRN", "163"),
    ("Washington hit Moscow with new sanctions.", "USA", "RUS", "163"),
    ("Russia cut gas supplies to Poland.", "RUS", "POL", "163"),
    # a border closure reduces relations (16), as the team's gold codes it; 191 needs force
    ("Ukraine closed its border with Belarus.", "UKR", "BLR", "163"),
    ("Britain closed its embassy in Kabul.", "GBR", "AFG", "161"),
    ("The European Union extended sanctions against Russia.", "IGO", "RUS", "163"),
    # 17 coerce
    ("Egypt demolished Palestinian homes in Rafah.", "EGY", "PSE", "1712"),
    ("Myanmar's military junta arrested two Japanese journalists.", "MMR", "JPN", "173"),
    ("Russian police jailed an American teacher.", "RUS", "USA", "173"),
    ("Iran executed a British national on Saturday.", "IRN", "GBR", "1823"),
    ("Moscow expelled two Estonian diplomats.", "RUS", "EST", "16"),
    ("Russia revoked the accreditation of German journalists.", "RUS", "DEU", "172"),
    # 18 assault
    ("Somali pirates hijacked a Greek tanker.", None, "GRC", "181"),
    ("Russian soldiers tortured Ukrainian prisoners.", "RUS", "UKR", "1822"),
    # 19 fight
    ("Russian artillery shelled Kharkiv on Tuesday.", "RUS", "UKR", "194"),
    ("Israeli warplanes carried out air strikes on Lebanon overnight.", "ISR", "LBN", "195"),
    ("Turkey launched airstrikes against Kurdish militants in Iraq.", "TUR", "IRQ", "195"),
    ("Iran fired artillery shells at Iraqi Kurdistan.", "IRN", "IRQ", "194"),
    ("Israeli troops shot dead a Palestinian teenager.", "ISR", "PSE", "193"),
    ("Pakistani forces killed three Afghan soldiers in a border clash.", "PAK", "AFG", "190"),
    ("Indian troops clashed with Chinese soldiers in Ladakh.", "IND", "CHN", "190"),
    ("Saudi Arabia declared war on Yemen.", "SAU", "YEM", "190"),
    ("Russian forces pounded Mariupol overnight.", "RUS", "UKR", "194"),
    ("Chinese coast guard ships fired water cannon at a Philippine vessel.", "CHN", "PHL", "175"),
]

NEGATIVES = [
    "The manager fired the coach after the defeat.",
    "Argentina beat France in the World Cup final.",
    "Japan hit a record high in exports.",
    "The company closed its office in the city.",
    "She set fire to the old letters.",
    "He charged his phone overnight.",
]


@pytest.fixture(scope="module")
def coded():
    texts = [c[0] for c in CASES] + NEGATIVES
    docs = [
        Document(doc_id=f"t{i}", text=t, published=dt.date(2024, 3, 5)) for i, t in enumerate(texts)
    ]
    out = {}
    for item in code_documents(docs):
        if hasattr(item, "events"):
            out[item.document.text] = [e for e in item.events if e.modality == "asserted"]
    return out


def test_conflict_patterns_load():
    lex = load_lexicon()
    assert "crack" in lex.verbs and "crackdown" in lex.nouns


@pytest.mark.parametrize("text,source,target,code", CASES, ids=[c[0][:40] for c in CASES])
def test_conflict_sentence(coded, text, source, target, code):
    events = coded[text]
    found = [(e.source.country, e.target.country if e.target else None, e.cameo) for e in events]
    assert any(
        (source is None or s == source)
        and t == target
        and (c == code if len(code) > 2 else c[:2] == code)
        for s, t, c in found
    ), found


@pytest.mark.parametrize("text", NEGATIVES)
def test_conflict_negative(coded, text):
    assert coded[text] == [], [(e.source.code, e.cameo, e.target) for e in coded[text]]
