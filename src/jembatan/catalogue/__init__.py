"""The product catalogue and the public showcase of Indonesian IKM for Japanese buyers.

Why a separate app rather than more of ``registry``: the registry is the programme's record
of *firms* (legal identity, NIB, contacts, verification), read by officers and members; the
catalogue is what firms *sell* (products, HS codes, photos, certifications per product,
promotions, buyer inquiries) and a public, Japanese-first window onto it. The two have
different audiences (anonymous buyers against signed-in members), different privacy rules
(the showcase must never reach a contact or an identifier that is not public) and different
change rates, and the catalogue depends on registry, matching and engagement while none of
them needs the catalogue. Keeping it apart keeps the registry's modules small and lets the
showcase be reasoned about on its own: everything it shows passes through
``catalogue.domain.showcase``.

The HS classification itself lives beside KBLI, JSIC and ISIC in ``registry.Classification``
(scheme ``hs``) because the registry's taxonomy loader is the one code path for
classifications (``jembatan taxonomy load hs PATH``).
"""
