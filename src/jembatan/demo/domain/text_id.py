"""Indonesian descriptions of demo IKM, from templates and the words in vocab_id.py.

A description has three to five sentences: who the firm is, what it makes and how, then
some of its market, its certifications or strengths, and always the Japanese partner it
seeks. Facts in the text (workforce, founding year, export) match the firm's fields.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from jembatan.demo.domain.vocab_id import (
    DOMESTIC_AREAS,
    EXPORT_MARKETS,
    STRENGTHS,
    VocabID,
)


@dataclass(frozen=True)
class FirmFacts:
    """What the description states about a firm; the same values go into its fields."""

    name: str
    town: str
    province: str
    year: int
    employees: int
    certifications: tuple[str, ...]
    export: str  # Company.ExportExperience value
    capacity: int


def _pair(rng: random.Random, items: tuple[str, ...]) -> tuple[str, str]:
    first, second = rng.sample(items, 2)
    return first, second


def _intro(rng: random.Random, v: VocabID, f: FirmFacts) -> str:
    kind = rng.choice(v.kinds)
    templates = (
        f"{f.name} adalah {kind} di {f.town}, {f.province}, yang berdiri sejak {f.year}.",
        f"Berdiri pada {f.year} di {f.town}, {f.name} merupakan {kind} dengan {f.employees} tenaga kerja.",
        f"Sejak {f.year}, {f.name} menjalankan usaha sebagai {kind} di {f.town}.",
        f"{f.name} ({f.town}, {f.province}) adalah {kind} yang kini mempekerjakan {f.employees} orang.",
        f"Kami adalah {kind} asal {f.town} yang dirintis pada tahun {f.year} dan kini dikenal sebagai {f.name}.",
    )
    return rng.choice(templates)


def _making(rng: random.Random, v: VocabID, f: FirmFacts) -> str:
    p1, p2 = _pair(rng, v.products)
    process, process2 = _pair(rng, v.processes)
    material = rng.choice(v.materials)
    machine = rng.choice(v.machines)
    capacity = f"{f.capacity:,}".replace(",", ".")
    templates = [
        f"Produk utama kami adalah {p1} dan {p2}, dibuat dari {material}.",
        f"Kami memproduksi {p1} serta {p2} dengan bahan baku {material}.",
        f"Lini produksi kami mencakup {process} dan {process2} dengan {machine}, terutama untuk {p1}.",
    ]
    if f.capacity:
        templates += [
            f"Dengan {machine}, kami mengerjakan {process} untuk {p1} hingga sekitar {capacity} {v.unit} per bulan.",
            f"Kapasitas produksi {p1} mencapai kira-kira {capacity} {v.unit} sebulan, dari {material} yang diolah melalui {process}.",
        ]
    return rng.choice(templates)


def _market(rng: random.Random, v: VocabID, f: FirmFacts) -> str:
    customer, customer2 = _pair(rng, v.customers)
    market, market2 = _pair(rng, EXPORT_MARKETS)
    area = rng.choice(DOMESTIC_AREAS)
    share = rng.randrange(10, 65, 5)
    if f.export == "regular":
        return rng.choice(
            (
                f"Ekspor rutin ke {market} dan {market2} menyumbang sekitar {share}% penjualan, di samping pesanan dari {customer}.",
                f"Selain melayani {customer}, kami mengirim produk secara berkala ke {market} dan {market2}.",
            )
        )
    if f.export == "occasional":
        return f"Pelanggan kami antara lain {customer}, dan beberapa kali dalam setahun kami mengekspor langsung ke {market}."
    if f.export == "indirect":
        return f"Produk kami dipakai oleh {customer} dan {customer2}; sebagian sudah sampai ke {market} melalui eksportir."
    return rng.choice(
        (
            f"Saat ini pasar kami masih di dalam negeri, terutama {customer} di {area}.",
            f"Pelanggan kami adalah {customer} dan {customer2} di wilayah {area}; ekspor langsung belum kami lakukan.",
        )
    )


def _standing(rng: random.Random, f: FirmFacts) -> str:
    strength = rng.choice(STRENGTHS)
    if f.certifications:
        certs = ", ".join(f.certifications)
        return rng.choice(
            (
                f"Perusahaan telah memegang sertifikat {certs} dan dikenal karena {strength}.",
                f"Sertifikat yang kami miliki: {certs}; pelanggan menghargai {strength}.",
            )
        )
    return rng.choice(
        (
            f"Keunggulan kami adalah {strength}.",
            f"Pelanggan memilih kami karena {strength}, dan kami sedang menyiapkan sertifikasi mutu.",
        )
    )


def _seek(rng: random.Random, v: VocabID) -> str:
    seek = rng.choice(v.seeks)
    return rng.choice(
        (
            f"Kami mencari mitra Jepang untuk {seek}.",
            f"Melalui program ini kami berharap menemukan mitra dari Jepang untuk {seek}.",
            f"Kami terbuka bagi perusahaan Jepang yang tertarik pada {seek}.",
        )
    )


def describe(rng: random.Random, vocab: VocabID, facts: FirmFacts) -> str:
    """Three to five Indonesian sentences about the firm."""
    middle = [_market(rng, vocab, facts), _standing(rng, facts)]
    extra = rng.choice((0, 1, 1, 2, 2))
    chosen = rng.sample(middle, extra)
    sentences = [_intro(rng, vocab, facts), _making(rng, vocab, facts), *chosen, _seek(rng, vocab)]
    return " ".join(sentences)
