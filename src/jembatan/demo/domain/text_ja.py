"""Japanese (and, for a few firms, English) descriptions of demo SMEs.

Three to five sentences: who the firm is, what it makes and how, then some of its market,
certifications or strengths and what it offers, and always the Indonesian partner it seeks.
"""

from __future__ import annotations

import random

from jembatan.demo.domain.text_id import FirmFacts
from jembatan.demo.domain.vocab_ja import EXPORT_MARKETS_JA, STRENGTHS_JA, VocabJA


def _pair(rng: random.Random, items: tuple[str, ...]) -> tuple[str, str]:
    first, second = rng.sample(items, 2)
    return first, second


def _intro(rng: random.Random, v: VocabJA, f: FirmFacts) -> str:
    kind = rng.choice(v.kinds)
    templates = (
        f"{f.name}は{f.year}年に{f.province}{f.town}で創業した{kind}です。",
        f"当社は{f.province}{f.town}に本社を置く{kind}で、従業員は{f.employees}名です。",
        f"{f.year}年創業の{kind}として、{f.town}を拠点に事業を展開しています。",
        f"{f.town}の{kind}である{f.name}は、{f.employees}名の社員で{f.year}年から歩んできました。",
    )
    return rng.choice(templates)


def _making(rng: random.Random, v: VocabJA, f: FirmFacts) -> str:
    p1, p2 = _pair(rng, v.products)
    process, process2 = sorted(_pair(rng, v.processes), key=v.processes.index)  # in flow order
    material = rng.choice(v.materials)
    machine = rng.choice(v.machines)
    templates = [
        f"主力製品は{p1}と{p2}で、{material}を中心に扱っています。",
        f"{process}から{process2}まで社内で一貫して対応し、{p1}を得意としています。",
        f"{machine}を活用した{process}により、{p1}や{p2}を手がけています。",
    ]
    if f.capacity:
        templates.append(
            f"{machine}による{process}で、{p1}を月に約{f.capacity:,}{v.unit}生産しています。"
        )
    return rng.choice(templates)


def _market(rng: random.Random, v: VocabJA, f: FirmFacts) -> str:
    customer, customer2 = _pair(rng, v.customers)
    market, market2 = _pair(rng, EXPORT_MARKETS_JA)
    share = rng.randrange(5, 45, 5)
    if f.export == "regular":
        return f"主な取引先は{customer}で、{market}や{market2}へ定期的に輸出しており、売上の約{share}%を海外が占めます。"
    if f.export == "occasional":
        return (
            f"{customer}や{customer2}との取引に加え、{market}の顧客と直接取引した実績があります。"
        )
    if f.export == "indirect":
        return f"主な取引先は{customer}と{customer2}で、商社経由で{market}向けに出荷した実績もあります。"
    return f"これまでは{customer}など国内向けが中心で、海外での事業展開はこれからです。"


def _standing(rng: random.Random, v: VocabJA, f: FirmFacts) -> str:
    strength = rng.choice(STRENGTHS_JA)
    offer = rng.choice(v.offers)
    if f.certifications:
        certs = "・".join(f.certifications)
        return rng.choice(
            (
                f"{certs}を取得しており、{strength}に強みがあります。",
                f"{certs}の認証を受けた体制のもと、{offer}も可能です。",
            )
        )
    return rng.choice(
        (f"{strength}が当社の強みです。", f"パートナー企業には{offer}を提供できます。")
    )


def _seek(rng: random.Random, v: VocabJA) -> str:
    seek = rng.choice(v.seeks)
    return rng.choice(
        (
            f"インドネシアでは{seek}を探しています。",
            f"本プログラムを通じて、{seek}との出会いを期待しています。",
            f"ジャカルタ近郊をはじめ、{seek}との連携を検討しています。",
        )
    )


def describe(rng: random.Random, vocab: VocabJA, facts: FirmFacts) -> str:
    """Three to five Japanese sentences about the firm."""
    middle = [_market(rng, vocab, facts), _standing(rng, vocab, facts)]
    chosen = rng.sample(middle, rng.choice((0, 1, 2, 2)))
    return "".join(
        [_intro(rng, vocab, facts), _making(rng, vocab, facts), *chosen, _seek(rng, vocab)]
    )


def describe_en(rng: random.Random, vocab: VocabJA, facts: FirmFacts, town: str, pref: str) -> str:
    """Three or four English sentences, for the firms that present themselves in English."""
    p1, p2 = _pair(rng, vocab.en_products)
    seek = rng.choice(vocab.en_seeks)
    sentences = [
        f"{facts.name} is a {vocab.en_kind} founded in {facts.year} in {town}, {pref}.",
        f"With {facts.employees} employees we make {p1} and {p2} for customers in Japan.",
    ]
    if facts.certifications:
        sentences.append(f"We are certified to {', '.join(facts.certifications)}.")
    sentences.append(f"Through the programme we are looking for {seek}.")
    return " ".join(sentences)
