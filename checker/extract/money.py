"""Money: '$12 billion', '12bn', 'USD 1.5 trillion', '6,000 million dollars', '300 billion yuan'."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from checker.extract.numbers import (
    MONEY_CORE,
    NUMBER_CORE,
    QUALIFIER,
    TENS,
    UNITS,
    _alternation,
    figure,
    parse_number_words,
)
from checker.extract.units import pound_is_weight
from checker.extract.windows import anchor, windowed
from checker.models import Mention, MentionKind

# Symbols and words -> ISO 4217. "$" alone is read as USD, the convention of English-language news.
SYMBOLS = {
    "US$": "USD", "U.S.$": "USD", "$": "USD", "A$": "AUD", "AU$": "AUD", "C$": "CAD", "CA$": "CAD",
    "HK$": "HKD", "S$": "SGD", "NZ$": "NZD", "R$": "BRL", "€": "EUR", "£": "GBP", "¥": "CNY", "₹": "INR",
    "₽": "RUB", "₸": "KZT", "₩": "KRW", "₺": "TRY", "CN¥": "CNY", "RMB¥": "CNY",
}  # fmt: skip
CODES = (
    "USD EUR GBP JPY CNY RMB KZT RUB INR CHF AUD CAD HKD SGD KRW BRL TRY UZS KGS TJS TMT AED SAR ZAR MXN "
    "IDR MYR THB VND PHP PKR BDT EGP NGN KES PLN SEK NOK DKK CZK HUF ILS NZD IRR"
).split()
WORDS = {
    "us dollars": "USD", "us dollar": "USD", "u.s. dollars": "USD", "u.s. dollar": "USD",
    "american dollars": "USD", "dollars": "USD", "dollar": "USD", "euros": "EUR", "euro": "EUR",
    "pounds sterling": "GBP", "pound sterling": "GBP", "british pounds": "GBP", "pounds": "GBP",
    "pound": "GBP", "sterling": "GBP", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY",
    "tenge": "KZT", "rubles": "RUB", "ruble": "RUB", "roubles": "RUB", "rouble": "RUB",
    "rupees": "INR", "rupee": "INR", "south korean won": "KRW", "korean won": "KRW",
    "swiss francs": "CHF", "francs": "CHF", "turkish lira": "TRY", "lira": "TRY", "liras": "TRY",
    "brazilian reais": "BRL", "reais": "BRL", "kyrgyz som": "KGS", "uzbek som": "UZS",
    "australian dollars": "AUD", "australian dollar": "AUD", "canadian dollars": "CAD", "canadian dollar": "CAD",
    "hong kong dollars": "HKD", "hong kong dollar": "HKD", "singapore dollars": "SGD", "singapore dollar": "SGD",
    "new zealand dollars": "NZD", "new zealand dollar": "NZD", "chinese yuan": "CNY", "japanese yen": "JPY",
    "indian rupees": "INR", "indian rupee": "INR", "pakistani rupees": "PKR", "russian rubles": "RUB",
    "mexican pesos": "MXN", "mexican peso": "MXN", "philippine pesos": "PHP", "south african rand": "ZAR", "rands": "ZAR",
    "finnish markka": "FIM", "markka": "FIM", "markkaa": "FIM", "pesetas": "ESP", "peseta": "ESP",
    "dutch guilders": "NLG", "guilders": "NLG", "guilder": "NLG", "deutsche marks": "DEM",
    "yuan renminbi": "CNY", "rmb": "CNY", "bitcoins": "XBT", "bitcoin": "XBT",
}  # fmt: skip
# Hundredths: '50 cents' is 0.50 USD, '197 pence' is 1.97 GBP.
MINOR_WORDS = {"cents": "USD", "cent": "USD", "pence": "GBP", "penny": "GBP", "pennies": "GBP", "p": "GBP"}
TRAILING_SYMBOLS = {
    "€": "EUR", "£": "GBP", "¥": "CNY", "₹": "INR", "₽": "RUB", "₸": "KZT", "₩": "KRW", "₺": "TRY", "元": "CNY",
    "₡": "CRC", "₾": "GEL", "₭": "LAK", "ரூ": "LKR", "₴": "UAH", "₦": "NGN", "₱": "PHP", "₪": "ILS", "₫": "VND",
}  # fmt: skip
# 'c $ 16.4 million', 'hk $ 10.05 billion', 'Mex$ 10 million': a country prefix, maybe spaced, before '$'.
SPACED_PREFIXES = {"us": "USD", "u.s.": "USD", "u.s": "USD", "au": "AUD", "c": "CAD", "ca": "CAD", "hk": "HKD",
                   "nz": "NZD", "mex": "MXN", "mx": "MXN"}  # fmt: skip

_SYMBOL = _alternation(list(SYMBOLS))
_CODE = "|".join(CODES)
_WORD = _alternation(list(WORDS))
_MINOR = _alternation(list(MINOR_WORDS))
_CENTS = (
    rf"(?:\s+(?:and\s+)?(?P<cents>\d{{1,2}}|(?:{_alternation(list(TENS))})(?:[\s-](?:{_alternation([u for u in UNITS if 0 < UNITS[u] < 10])}))?"
    rf"|{_alternation([u for u in UNITS if 0 < UNITS[u]])})\s+(?P<cents_word>cents?|pence|p)\b)?"
)
_PREFIX = _alternation(list(SPACED_PREFIXES))
PATTERN = regex.compile(
    rf"(?<![\w$€£¥]){QUALIFIER}?"
    rf"(?:(?<!['’])(?P<prefix>{_PREFIX})\s?(?=\$\s?\d)\$\s?|(?P<symbol>{_SYMBOL})\s?|(?P<code>{_CODE})\s?(?=\d))"
    rf"{MONEY_CORE}(?:\s+(?P<trailing_word>{_WORD})\b)?"
    rf"|\b{QUALIFIER}?{NUMBER_CORE}(?=[\s-]*+[^\W\d_]|\s?(?:[€£¥₹₽₸₩₺元₡₾₭₴₦₱₪₫]|ரூ))(?:(?:\s*|-)(?:(?P<word>{_WORD})\b{_CENTS}|(?P<code_after>{_CODE})\b"
    rf"|(?P<minor>{_MINOR})\b(?!\.m\b))|\s?(?P<symbol_after>{_alternation(list(TRAILING_SYMBOLS))}))",
    regex.IGNORECASE | regex.VERSION1,
)


def _currency(match: regex.Match[str]) -> str | None:
    if prefix := match.group("prefix"):
        return SPACED_PREFIXES[prefix.lower()]
    if symbol := match.group("symbol_after"):
        return TRAILING_SYMBOLS[symbol]
    if minor := match.group("minor"):
        return MINOR_WORDS[minor.lower()]
    if symbol := match.group("symbol"):
        return SYMBOLS.get(symbol) or SYMBOLS.get(symbol.upper())
    code = match.group("code") or match.group("code_after")
    if code:
        return "CNY" if code.upper() == "RMB" else code.upper()
    word = match.group("word") or ""
    return WORDS.get(" ".join(word.lower().split()))


# Every money mention holds a currency sign, code or word: the anchor the pattern is run around.
ANCHOR = anchor(
    r"[$€£¥₹₽₸₩₺元₡₾₭₴₦₱₪₫]|ரூ",
    [*CODES, *(word.split()[-1] for word in WORDS), *MINOR_WORDS],
)


def find(text: str) -> Iterator[Mention]:
    for match in windowed(PATTERN, text, ANCHOR, before=100, after=80):
        code = match.group("code") or match.group("code_after")
        if code and not code.isupper() and code.lower() != "rmb":
            continue  # "won", "real" are currencies; "usd" in running text is not a code
        minor = match.group("minor")
        if minor and minor.lower() == "p" and (match.group("words") or not match.group(0)[-2:-1].isdigit()):
            continue  # '20p' is pence; 'twenty p' is not
        word = (match.group("word") or "").lower()
        if word.startswith("pound") and word != "pounds sterling" and pound_is_weight(text, match.start(), match.end("word")):
            continue  # '25 pounds of rice' is a weight (units reads it)
        currency = _currency(match)
        factor = 0.01 if minor else 1.0
        mention = figure(MentionKind.MONEY, match, factor, currency=currency) if currency is not None else None
        if mention is None:
            continue
        if cents := match.group("cents"):
            amount = float(cents) if cents.isdigit() else parse_number_words(cents)
            value = mention.value + amount / 100
            mention = mention.model_copy(
                update={"text": match.group(0), "end": match.end(), "value": value, "precision": 0.005}
            )
        yield mention
