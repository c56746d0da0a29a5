"""Money: '$12 billion', '12bn', 'USD 1.5 trillion', '6,000 million dollars', '300 billion yuan', '-15€', '3 dimes'.

A price or wage per unit ('$15.4/hour', '$350 per kg') is a rate, not an amount: it is read as a quantity whose
unit is the currency per the pint unit ('USD / hour'), so money claims never take it for a sum. An amount per
calendar period ('$1 billion per year') stays money, as '$1 billion a year' does: it is a sum, counted yearly.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from checker.extract.lazy import lazy_re, lazy_regex
from checker.extract.numbers import (
    FIGURE_BEGIN,
    MONEY_CORE,
    NEGATED,
    NUMBER_CORE,
    QUALIFIER,
    SCALE_WORD,
    TENS,
    UNITS,
    _alternation,
    bounds,
    figure,
    parse_number_words,
)
from checker.extract.units import per_unit, pound_is_weight
from checker.extract.windows import Anchor, Scan, starts, windowed
from checker.models import Mention, MentionKind

# Symbols and words -> ISO 4217. "$" alone is read as USD, the convention of English-language news.
SYMBOLS = {
    "US$": "USD", "U.S.$": "USD", "$": "USD", "A$": "AUD", "AU$": "AUD", "C$": "CAD", "CA$": "CAD",
    "HK$": "HKD", "S$": "SGD", "NZ$": "NZD", "R$": "BRL", "€": "EUR", "£": "GBP", "¥": "CNY", "₹": "INR",
    "₽": "RUB", "₸": "KZT", "₩": "KRW", "₺": "TRY", "CN¥": "CNY", "RMB¥": "CNY", "GH¢": "GHS", "GH₵": "GHS",
}  # fmt: skip
CODES = (
    "USD EUR GBP JPY CNY RMB KZT RUB INR CHF AUD CAD HKD SGD KRW BRL TRY UZS KGS TJS TMT AED SAR ZAR MXN "
    "IDR MYR THB VND PHP PKR BDT EGP NGN KES PLN SEK NOK DKK CZK HUF ILS NZD IRR QAR OMR KWD BHD JOD IQD MAD "
    "ARS COP CLP PEN UAH GHS UGX TZS LKR NPR RON BGN GEL AMD AZN MNT KHR MMK TWD ALL AOA ETB ZMW MZN XOF XAF RSD "
    "DZD TND LAK MKD BOB PYG UYU DOP"
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
    "riyals": "SAR", "riyal": "SAR", "saudi riyals": "SAR", "qatari riyals": "QAR", "qatari riyal": "QAR",
    "rials": "IRR", "iranian rials": "IRR", "omani rials": "OMR", "dirhams": "AED", "dirham": "AED",
    "uae dirhams": "AED", "emirati dirhams": "AED", "moroccan dirhams": "MAD", "shekels": "ILS", "shekel": "ILS",
    "new israeli shekels": "ILS", "zlotys": "PLN", "zloty": "PLN", "zlotych": "PLN", "kronor": "SEK",
    "swedish kronor": "SEK", "swedish krona": "SEK", "norwegian kroner": "NOK", "norwegian krone": "NOK",
    "danish kroner": "DKK", "danish krone": "DKK", "rupiah": "IDR", "indonesian rupiah": "IDR",
    "ringgit": "MYR", "malaysian ringgit": "MYR", "baht": "THB", "thai baht": "THB", "hryvnias": "UAH",
    "hryvnia": "UAH", "kenyan shillings": "KES", "ugandan shillings": "UGX", "tanzanian shillings": "TZS",
    "cedis": "GHS", "ghanaian cedis": "GHS", "naira": "NGN", "vietnamese dong": "VND", "dong": "VND",
    "won": "KRW", "rand": "ZAR", "taka": "BDT", "egyptian pounds": "EGP", "sri lankan rupees": "LKR",
    "nepalese rupees": "NPR", "pakistani rupee": "PKR", "argentine pesos": "ARS", "colombian pesos": "COP",
    "chilean pesos": "CLP", "philippine peso": "PHP", "kuwaiti dinars": "KWD", "iraqi dinars": "IQD",
    "jordanian dinars": "JOD", "bahraini dinars": "BHD", "serbian dinars": "RSD", "algerian dinars": "DZD",
    "forints": "HUF", "forint": "HUF", "czech koruna": "CZK", "korunas": "CZK", "romanian lei": "RON",
    "bulgarian leva": "BGN", "azerbaijani manat": "AZN", "turkmen manat": "TMT", "somoni": "TJS",
    "kyats": "MMK", "riels": "KHR", "tugriks": "MNT", "new taiwan dollars": "TWD",
    "taiwan dollars": "TWD", "lek": "ALL", "leke": "ALL", "albanian lek": "ALL", "soles": "PEN",
    "peruvian soles": "PEN", "kwanzas": "AOA", "kwanza": "AOA", "birr": "ETB", "ethiopian birr": "ETB",
    "zambian kwacha": "ZMW", "meticais": "MZN", "west african cfa francs": "XOF", "central african cfa francs": "XAF",
    "cfa francs": "XOF", "cfa franc": "XOF", "bolivianos": "BOB", "guaranies": "PYG",
}  # fmt: skip
# Currency words that are also everyday words or names ('who in 2016 won', 'Ayn Rand', 'Wang Dong') name a
# currency only after a scaled amount: '5 billion won', '40 million rand'.
SCALED_ONLY_WORDS = frozenset({"won", "rand", "dong", "soles", "lek"})
# Codes that are also acronyms or words ('COP28', '2 AMD chips', 'an NPR 2024 poll', 'PHP 8', 'an IRR of 12%') are a
# currency only with a scaled amount: 'COP 5 billion', 'PHP 5.7bn'.
SCALED_ONLY_CODES = frozenset(
    {"COP", "AMD", "NPR", "PEN", "MAD", "PHP", "GEL", "IRR", "TRY", "TMT", "ALL", "LAK", "DOP"}
)  # also 'ALL 5 PEOPLE' in a headline
# Coins and hundredths -> (currency, how many make the main unit): '50 cents' is 0.50 USD, '3 dimes' 0.30 USD.
MINOR_WORDS = {
    "cents": ("USD", 100), "cent": ("USD", 100), "pence": ("GBP", 100), "penny": ("GBP", 100),
    "pennies": ("GBP", 100), "p": ("GBP", 100), "dimes": ("USD", 10), "dime": ("USD", 10),
    "nickels": ("USD", 20), "nickel": ("USD", 20),
}  # fmt: skip
# 'a penny', 'a dime', 'one nickel': a single coin is an amount only where its clause ends ('a nickel mine', 'a
# penny stock', 'a dime a dozen' and 'not a penny more' name none).
_SINGLE_COINS = ("penny", "dime", "nickel")
_CLAUSE_END = lazy_regex(r"\s*+(?:[.!?,;:)]|\Z)")
TRAILING_SYMBOLS = {
    "€": "EUR", "£": "GBP", "¥": "CNY", "₹": "INR", "₽": "RUB", "₸": "KZT", "₩": "KRW", "₺": "TRY", "元": "CNY",
    "₡": "CRC", "₾": "GEL", "₭": "LAK", "ரூ": "LKR", "₴": "UAH", "₦": "NGN", "₱": "PHP", "₪": "ILS", "₫": "VND",
}  # fmt: skip
# Letters written before the figure, in this case only: 'RM40 billion', 'Rs 500', 'Rs. 1,200', 'Rp 5,000', 'Tk 300',
# 'KSh 500'. 'Rs' is also Pakistan's and Sri Lanka's; news of India writes it most, as '$' is most often USD.
LETTER_PREFIXES = {
    "RM": "MYR", "Rs": "INR", "Rs.": "INR", "Rp": "IDR", "Tk": "BDT", "KSh": "KES", "Ksh": "KES", "TSh": "TZS",
    "Tsh": "TZS", "TShs": "TZS", "USh": "UGX", "Ush": "UGX", "UShs": "UGX", "Ushs": "UGX",
}  # fmt: skip
# Letters that are a currency only before a scaled amount ('R5 billion', 'N28.7 trillion', 'P5.7bn', and the Gulf
# press's 'QR9.5bn', 'SR10 billion', 'Dh5 billion', 'KD2bn'): 'N95', 'P5', 'R2' and 'SR 71' are names.
LETTER_SCALED = {
    "R": "ZAR", "N": "NGN", "P": "PHP", "QR": "QAR", "SR": "SAR", "Dh": "AED", "Dhs": "AED", "BD": "BHD", "KD": "KWD",
    "RO": "OMR", "Sh": "KES", "Shs": "KES",  # East Africa's press: 'Sh9.6 billion', 'Shs2.9 trillion' (`check`: whose)
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
# '$-99.99': a minus sign after the currency sign. One before the figure ('-15€', '-$5') is found after the match
# (_minus_before): the pattern stays as cheap as it was on the text that has none.
PATTERN = lazy_regex(
    rf"(?<![\w$€£¥]){QUALIFIER}?"
    rf"(?:(?<!['’])(?P<prefix>{_PREFIX})\s?(?=\$\s?\d)\$\s?|(?P<symbol>{_SYMBOL})\s?(?:(?P<neg>[-−])(?=\d))?"
    rf"|(?P<code>{_CODE})\s?(?=\d)|(?-i:(?P<letters>{_alternation(list(LETTER_PREFIXES))})\s?(?=\d)"
    rf"|(?P<letter>{_alternation(list(LETTER_SCALED))})(?=[\d.,]++\s?(?:{SCALE_WORD}|bn|mn|tn|trn)\b)))"
    rf"{MONEY_CORE}(?:\s+(?P<trailing_word>{_WORD})\b)?"
    rf"|\b{QUALIFIER}?{NUMBER_CORE}(?=[\s-]*+[^\W\d_]|\s?(?:[€£¥₹₽₸₩₺元₡₾₭₴₦₱₪₫]|ரூ))(?:(?:\s*|-)(?:(?P<word>{_WORD})\b{_CENTS}|(?P<code_after>{_CODE})\b"
    rf"|(?P<minor>{_MINOR})\b(?!\.m\b))|\s?(?P<symbol_after>{_alternation(list(TRAILING_SYMBOLS))}))",
    regex.IGNORECASE,
)
_SIGNS = "".join(sorted({symbol[0] for symbol in SYMBOLS if not symbol[0].isalpha()}))
# A sign begins an amount only before its figure ('$5', '€ 1.2bn', '$-99.99', '$ five million'): a run of signs
# ('$$$$1') is not a beginning at every sign
_SIGN_BEFORE_FIGURE = Anchor(pattern=lazy_re(rf"[{regex.escape(_SIGNS)}](?=\s?[\d.\-−]|\s?[^\W\d_])"))
_LETTER_SYMBOLS = [symbol for symbol in SYMBOLS if symbol[0].isalpha()]  # 'US$', 'HK$', 'RMB¥'
_BEGIN = (
    FIGURE_BEGIN,
    starts([*SPACED_PREFIXES, *_LETTER_SYMBOLS, *CODES, *LETTER_PREFIXES, *LETTER_SCALED], digits=False),
    _SIGN_BEFORE_FIGURE,
)
# 'a penny', 'a dime': one coin, where its clause ends (_CLAUSE_END); run only near the coin words.
_ONE_COIN = lazy_regex(
    rf"\b{QUALIFIER}?(?P<article>a)\s+(?P<minor>{_alternation(list(_SINGLE_COINS))})\b", regex.IGNORECASE
)
_COIN_ANCHOR = Anchor(words=_SINGLE_COINS)
_PENCE = lazy_regex(r"(?<![\d.,])\d\d?(?:\.\d+)?p$")
# '$1 billion per year' is an amount a year, as '$1 billion a year' is: money, not a rate
_CALENDAR = frozenset({"day", "week", "month", "quarter", "year", "decade", "century"})


def _minus_before(text: str, start: int) -> bool:
    """A minus sign glued to the figure ('-15€', '-$5'); not a hyphen after a word or number ('10-15 euros')."""
    if start == 0 or text[start - 1] not in "-−":
        return False
    return start == 1 or not (text[start - 2].isalnum() or text[start - 2] in "_.,/-−")


def _currency(match: regex.Match[str]) -> str | None:
    if prefix := match.group("prefix"):
        return SPACED_PREFIXES[prefix.lower()]
    if letters := match.group("letters") or match.group("letter"):
        return LETTER_PREFIXES.get(letters) or LETTER_SCALED[letters]
    if symbol := match.group("symbol_after"):
        return TRAILING_SYMBOLS[symbol]
    if minor := match.group("minor"):
        return MINOR_WORDS[minor.lower()][0]
    if symbol := match.group("symbol"):
        return SYMBOLS.get(symbol) or SYMBOLS.get(symbol.upper())
    code = match.group("code") or match.group("code_after")
    if code:
        return "CNY" if code.upper() == "RMB" else code.upper()
    word = match.group("word") or ""
    return WORDS.get(" ".join(word.lower().split()))


# Every money mention holds a currency sign, code or word: the anchor the pattern is run around.
ANCHOR = Anchor(
    signs="$€£¥₹₽₸₩₺₡₾₭₴₦₱₪₫¢₵",
    words=[*CODES, *(word.split()[-1] for word in WORDS), *MINOR_WORDS, *LETTER_PREFIXES, *LETTER_SCALED],
    pattern=lazy_re(r"元|ரூ|\dp\b"),  # signs written with letters; '20p', pence glued to the figure
)


def find(scan: Scan) -> Iterator[Mention]:
    """Money mentions, and prices per unit as quantities. A minus sign before the figure or after its sign makes
    it negative; parentheses do not ('($99.99)'): news uses them for asides, not for losses."""
    text = scan.text
    for match in windowed(_ONE_COIN, scan, _COIN_ANCHOR, before=30, after=10):
        coin_currency, per_unit_of_money = MINOR_WORDS[match.group("minor").lower()]
        if NEGATED.search(text, max(0, match.start() - 25), match.start()):
            continue  # "didn't pay a dime", "not a penny": an idiom for nothing
        if _CLAUSE_END.match(text, match.end()) and (coin := figure(MentionKind.MONEY, match, currency=coin_currency)):
            yield _divided(coin, per_unit_of_money)
    for match in windowed(PATTERN, scan, ANCHOR, before=100, after=80, begin=_BEGIN, held=True):
        code = match.group("code") or match.group("code_after")
        if code and not code.isupper() and code.lower() != "rmb":
            continue  # "won", "real" are currencies; "usd" in running text is not a code
        minor = (match.group("minor") or "").lower()
        if minor == "p" and (match.group("words") or not _PENCE.search(match.group(0))):
            continue  # '20p' is pence; 'twenty p' is not, nor '720p' (a video resolution: pence stop at 99)
        if minor in ("dime", "nickel") and not _CLAUSE_END.match(text, match.end()):
            continue  # 'two nickel mines' ('1 penny' was always read)
        word = (match.group("word") or "").lower()
        if word.startswith("pound") and word != "pounds sterling" and pound_is_weight(text, match.start(), match.end("word")):
            continue  # '25 pounds of rice' is a weight (units reads it)
        currency = _currency(match)
        mention = figure(MentionKind.MONEY, match, currency=currency) if currency is not None else None
        if mention is None or mention.value is None:
            continue
        if mention.scale is None and (word in SCALED_ONLY_WORDS or (code or "").upper() in SCALED_ONLY_CODES):
            continue
        if word and text[match.end() : match.end() + 2] in ("'t", "’t"):
            continue  # 'some 3 million won't get it'
        if minor:
            mention = _divided(mention, MINOR_WORDS[minor][1])
        if cents := match.group("cents"):
            amount = float(cents) if cents.isdigit() else parse_number_words(cents)
            value = mention.value + amount / 100
            mention = mention.model_copy(
                update={"text": match.group(0), "end": match.end(), "value": value, "precision": 0.005}
            )
        minus = _minus_before(text, match.start())
        if minus or match.group("neg"):
            low, high = bounds(-mention.value, mention.qualifier)
            update = {"value": -mention.value, "low": low, "high": high}
            if minus:
                update.update(start=mention.start - 1, text=text[mention.start - 1 : mention.end])
            mention = mention.model_copy(update=update)
        rate = per_unit(text, mention.end)
        if rate is not None and rate[0] not in _CALENDAR:  # '$350 per kg' is 350 'USD / kilogram'
            unit, factor, end = rate
            mention = _divided(
                mention, factor, kind=MentionKind.QUANTITY, text=text[mention.start : end], end=end,
                unit=f"{mention.currency} / {unit}",
            )  # fmt: skip
        yield mention


def _divided(mention: Mention, divisor: float, **update: object) -> Mention:
    """Value, bounds and precision divided: '3 dimes' is 3/10 USD, '$300 per bcm' 300/1e9 USD per m³.

    Dividing, not multiplying by 0.1, keeps '3 dimes' at 0.3 rather than 0.30000000000000004.
    """
    return mention.model_copy(
        update={
            "value": None if mention.value is None else mention.value / divisor,
            "low": None if mention.low is None else mention.low / divisor,
            "high": None if mention.high is None else mention.high / divisor,
            "precision": None if mention.precision is None else mention.precision / divisor,
            **update,
        }
    )
