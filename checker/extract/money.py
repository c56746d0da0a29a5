"""Money: '$41 billion', '41bn', 'USD 1.2 trillion', '8,000 million dollars', '200 billion yuan'."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from checker.extract.numbers import MONEY_CORE, NUMBER_CORE, QUALIFIER, _alternation, figure
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
}  # fmt: skip

_SYMBOL = _alternation(list(SYMBOLS))
_CODE = "|".join(CODES)
_WORD = _alternation(list(WORDS))
PATTERN = regex.compile(
    rf"(?<![\w$€£¥]){QUALIFIER}?"
    rf"(?:(?P<symbol>{_SYMBOL})\s?|(?P<code>{_CODE})\s?(?=\d))"
    rf"{MONEY_CORE}(?:\s+(?P<trailing_word>{_WORD})\b)?"
    rf"|\b{QUALIFIER}?{NUMBER_CORE}\s*(?:(?P<word>{_WORD})\b|(?P<code_after>{_CODE})\b)",
    regex.IGNORECASE | regex.VERSION1,
)


def _currency(match: regex.Match[str]) -> str | None:
    if symbol := match.group("symbol"):
        return SYMBOLS.get(symbol) or SYMBOLS.get(symbol.upper())
    code = match.group("code") or match.group("code_after")
    if code:
        return "CNY" if code.upper() == "RMB" else code.upper()
    word = match.group("word") or ""
    return WORDS.get(" ".join(word.lower().split()))


# Every money mention holds a currency sign, code or word: the anchor the pattern is run around.
ANCHOR = anchor(r"[$€£¥₹₽₸₩₺]", [*CODES, *(word.split()[-1] for word in WORDS)])


def find(text: str) -> Iterator[Mention]:
    for match in windowed(PATTERN, text, ANCHOR, before=100, after=80):
        code = match.group("code") or match.group("code_after")
        if code and not code.isupper():
            continue  # "won", "real" are currencies; "usd" in running text is not a code
        currency = _currency(match)
        if currency is not None and (mention := figure(MentionKind.MONEY, match, currency=currency)) is not None:
            yield mention
