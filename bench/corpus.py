"""A deterministic, news-like English corpus for benchmarks (stdlib only).

Articles about bilateral relations between many country pairs: trade volumes ("$41 billion",
"USD 1.2 trillion", "200 billion yuan"), growth ("up 32 percent"), counts ("over 4,700 enterprises"),
number words ("forty-five"), ordinals ("fifth visit"), dates ("July 3, 2024", "September 2022"),
relative dates ("next year", "on Wednesday", "over the past 15 years"), durations ("32 years") and
quantities ("40 bcm", "1,000 km"), mixed with plenty of ordinary prose without figures (about one
figure-bearing sentence in two or three, like real news).

Every article is built from its own random stream seeded with (SEED, index), so article i is the same
in every call, `generate_text(n)` is a prefix of `generate_text(m)` for n < m, and the output does not
depend on PYTHONHASHSEED, the platform or the Python version (3.11+).

    generate_text(size_bytes) -> str                   articles joined by blank lines, cut to size_bytes
    generate_articles(n) -> list[tuple[name, text]]    each text starts with " date YYYY-MM-DD"
    adversarial(size_bytes) -> dict[str, str]          hostile inputs for the extractor
"""

from __future__ import annotations

import datetime as dt
import random
import string

SEED = 20240703

# name, adjective, capital, currency word (for "N billion <currency>")
COUNTRIES: list[tuple[str, str, str, str]] = [
    ("China", "Chinese", "Beijing", "yuan"),
    ("Kazakhstan", "Kazakh", "Astana", "tenge"),
    ("Russia", "Russian", "Moscow", "rubles"),
    ("India", "Indian", "New Delhi", "rupees"),
    ("Brazil", "Brazilian", "Brasilia", "reais"),
    ("Germany", "German", "Berlin", "euros"),
    ("France", "French", "Paris", "euros"),
    ("Japan", "Japanese", "Tokyo", "yen"),
    ("Indonesia", "Indonesian", "Jakarta", "rupiah"),
    ("Turkey", "Turkish", "Ankara", "lira"),
    ("Egypt", "Egyptian", "Cairo", "pounds"),
    ("Nigeria", "Nigerian", "Abuja", "naira"),
    ("Kenya", "Kenyan", "Nairobi", "shillings"),
    ("Uzbekistan", "Uzbek", "Tashkent", "soums"),
    ("Kyrgyzstan", "Kyrgyz", "Bishkek", "soms"),
    ("Mongolia", "Mongolian", "Ulaanbaatar", "tugriks"),
    ("Vietnam", "Vietnamese", "Hanoi", "dong"),
    ("Thailand", "Thai", "Bangkok", "baht"),
    ("Malaysia", "Malaysian", "Kuala Lumpur", "ringgit"),
    ("Pakistan", "Pakistani", "Islamabad", "rupees"),
    ("Iran", "Iranian", "Tehran", "rials"),
    ("Saudi Arabia", "Saudi", "Riyadh", "riyals"),
    ("United Arab Emirates", "Emirati", "Abu Dhabi", "dirhams"),
    ("South Africa", "South African", "Pretoria", "rand"),
    ("Argentina", "Argentine", "Buenos Aires", "pesos"),
    ("Mexico", "Mexican", "Mexico City", "pesos"),
    ("Poland", "Polish", "Warsaw", "zlotys"),
    ("Hungary", "Hungarian", "Budapest", "forints"),
    ("Serbia", "Serbian", "Belgrade", "dinars"),
    ("Azerbaijan", "Azerbaijani", "Baku", "manats"),
    ("Turkmenistan", "Turkmen", "Ashgabat", "manats"),
    ("Tajikistan", "Tajik", "Dushanbe", "somoni"),
    ("Ethiopia", "Ethiopian", "Addis Ababa", "birr"),
    ("Chile", "Chilean", "Santiago", "pesos"),
    ("Peru", "Peruvian", "Lima", "soles"),
    ("Australia", "Australian", "Canberra", "Australian dollars"),
    ("Canada", "Canadian", "Ottawa", "Canadian dollars"),
    ("Italy", "Italian", "Rome", "euros"),
    ("Spain", "Spanish", "Madrid", "euros"),
    ("Greece", "Greek", "Athens", "euros"),
]
SURNAMES = [
    "Berikov", "Chen", "Dzhaksybekov", "Erlan", "Fischer", "Gomez", "Haddad", "Ivanova",
    "Jiang", "Kurmanov", "Li", "Mukhtarov", "Nakamura", "Okafor", "Petrov", "Qureshi", "Rossi",
    "Santos", "Tanaka", "Umarov", "Volkov", "Wang", "Xu", "Yilmaz", "Zhang", "Mbeki", "Novak",
    "Kowalski", "Horvath", "Silva", "Nguyen", "Suleimenov", "Aliyev", "Rahimov", "Wijaya",
]
ROLES = ["President", "Prime Minister", "Foreign Minister", "Trade Minister", "Vice Premier", "Ambassador"]
MONTHS = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"]
ONES = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
TEENS = [
    "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen",
]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
SECTORS = [
    "energy", "agriculture", "transport", "logistics", "digital economy", "green energy", "mining",
    "manufacturing", "healthcare", "education", "tourism", "finance", "aviation", "telecommunications",
    "water management", "space exploration", "artificial intelligence", "e-commerce",
]
OPENERS = [
    "In a statement released after the talks,", "Speaking at a joint press conference,",
    "According to officials familiar with the negotiations,", "Analysts in the region say that",
    "In remarks broadcast on state television,", "Diplomats from both sides noted that",
    "During the meeting,", "Observers pointed out that", "In an interview with local media,",
    "Addressing the business forum,",
]
PROSE = [
    "{A} and {B} are good neighbors, good friends and good partners who trust each other.",
    "The two sides exchanged views on international and regional issues of common concern.",
    "{opener} the relationship between {A} and {B} has entered a new stage of development.",
    "{Aadj} officials described the talks as candid, constructive and forward-looking.",
    "The leaders agreed to deepen cooperation in {sector} and {sector2}.",
    "{opener} both governments remain committed to the principles of mutual respect and equality.",
    "The visit attracted wide attention from the {Badj} public and the business community.",
    "{role} {name} said the partnership was built on a long history of friendly exchanges.",
    "{Badj} companies have shown growing interest in projects across {A}.",
    "The two countries pledged to support each other on issues concerning their core interests.",
    "People-to-people exchanges in culture, education and tourism have flourished in recent years.",
    "A series of cooperation documents was signed in the presence of the two heads of state.",
    "{opener} the two economies are highly complementary and the potential for cooperation is vast.",
    "{Aadj} and {Badj} businesses are expected to benefit from simplified customs procedures.",
    "The ceremony was held at the presidential palace in {capB}, where a guard of honor was lined up.",
    "Both sides called for a peaceful settlement of disputes through dialogue and consultation.",
    "{role} {name} thanked the {Badj} side for its warm hospitality and thoughtful arrangements.",
    "The new logistics hub is expected to ease bottlenecks along the route to {capA}.",
    "Experts warned that further progress will depend on stable financing and clear regulation.",
    "The meeting in {capA} was followed by a working lunch and a visit to an industrial park.",
    "{opener} cooperation in {sector} will be a priority for the coming period.",
    "The talks covered trade, investment, connectivity, security and cultural exchanges.",
    "Local residents lined the streets as the motorcade made its way through {capB}.",
    "It is, he said, \"a relationship that has stood the test of time.\"",
    "The joint statement reaffirms the commitment of both countries to multilateralism.",
    "{Aadj} media gave prominent coverage to the visit and its outcomes.",
    "Students from {B} are increasingly choosing universities in {A}, officials said.",
    "The agreement also covers the protection of investments and the avoidance of double taxation.",
    "Business leaders welcomed the announcement but asked for more clarity on the timetable.",
    "The two sides will continue to coordinate closely within the framework of regional organizations.",
]


def _number_words(n: int) -> str:
    """1..99 as English words with a hyphen ("forty-five")."""
    if n < 10:
        return ONES[n]
    if n < 20:
        return TEENS[n - 10]
    tens, ones = divmod(n, 10)
    return TENS[tens] + ("-" + ONES[ones] if ones else "")


def _grouped(n: int) -> str:
    return f"{n:,}"


def _money(r: random.Random, cur_word: str) -> str:
    style = r.randrange(6)
    if style == 0:
        return f"${r.randint(2, 99)} billion"
    if style == 1:
        return f"${r.randint(1, 99)}.{r.randint(1, 9)} billion"
    if style == 2:
        return f"USD {r.randint(1, 3)}.{r.randint(1, 9)} trillion"
    if style == 3:
        return f"{r.choice([50, 80, 120, 200, 350, 600])} billion {cur_word}"
    if style == 4:
        return f"US${r.randint(100, 900)} million"
    return f"{r.choice(['about', 'nearly', 'more than', 'over', 'around'])} ${r.randint(5, 60)} billion"


class _Article:
    def __init__(self, index: int) -> None:
        self.index = index
        self.r = random.Random(f"{SEED}:{index}")
        r = self.r
        a, b = r.sample(COUNTRIES, 2)
        self.a, self.b = a, b
        self.date = dt.date(2018, 1, 1) + dt.timedelta(days=r.randrange(7 * 365))
        self.year = self.date.year

    def slots(self) -> dict[str, str]:
        r = self.r
        s1, s2 = r.sample(SECTORS, 2)
        return {
            "A": self.a[0], "B": self.b[0], "Aadj": self.a[1], "Badj": self.b[1],
            "capA": self.a[2], "capB": self.b[2], "sector": s1, "sector2": s2,
            "opener": r.choice(OPENERS), "role": r.choice(ROLES), "name": r.choice(SURNAMES),
        }  # fmt: skip

    def figure_sentence(self) -> str:
        r, s = self.r, self.slots()
        y = self.year
        A, B, Aadj, Badj = s["A"], s["B"], s["Aadj"], s["Badj"]
        day = f"{r.choice(MONTHS)} {r.randint(1, 28)}, {r.randint(y - 3, y)}"
        month = f"{r.choice(MONTHS)} {r.randint(y - 8, y - 1)}"
        choice = r.randrange(22)
        if choice == 0:
            return (
                f"Bilateral trade between {A} and {B} reached {_money(r, self.a[3])} in {y - 1}, "
                f"up {r.randint(2, 45)} percent year-on-year."
            )
        if choice == 1:
            return f"{A} has been {B}'s {r.choice(['largest', 'second-largest', 'third-largest'])} trading partner for {_number_words(r.randint(2, 15))} consecutive years."
        if choice == 2:
            return f"{Aadj} investment in {B} totaled {_money(r, self.a[3])} by the end of {y - 1}."
        if choice == 3:
            return f"Over {_grouped(r.randint(1000, 9999))} {Aadj} enterprises are now registered in {B}, {s['role']} {s['name']} said."
        if choice == 4:
            return f"This is the {r.choice(ORDINALS)} visit by the {Aadj} president to {B} and his {r.choice(ORDINALS[:4])} meeting with his counterpart this year."
        if choice == 5:
            return f"On {day}, the two sides signed {_number_words(r.randint(11, 60))} cooperation documents worth {_money(r, self.b[3])}."
        if choice == 6:
            return f"{A} and {B} established diplomatic relations {r.randint(20, 35)} years ago, in {month}."
        if choice == 7:
            return f"Over the past {r.randint(5, 30)} years, cooperation in {s['sector']} has grown steadily, officials said."
        if choice == 8:
            return f"The pipeline will carry {r.randint(5, 60)} bcm of natural gas a year once it reaches full capacity."
        if choice == 9:
            return f"The {_grouped(r.randint(300, 4000))} km railway linking {s['capA']} and {s['capB']} is due to open next year."
        if choice == 10:
            return f"{s['role']} {s['name']} arrived in {s['capB']} on {r.choice(WEEKDAYS)} for a {_number_words(r.randint(2, 5))}-day state visit."
        if choice == 11:
            return f"In {month}, the two countries upgraded their ties to a comprehensive strategic partnership."
        if choice == 12:
            return f"The number of flights between the two capitals rose to {r.randint(20, 150)} a week, {r.randint(2, 4)} times more than in {y - 2}."
        if choice == 13:
            return f"In the first half of {y}, {Badj} exports of {s['sector']} products jumped {r.randint(5, 80)}.{r.randint(1, 9)} percent to {_money(r, self.b[3])}."
        if choice == 14:
            return f"More than {r.randint(2, 40)},000 {Badj} students are enrolled at universities in {A}, up from about {_number_words(r.randint(20, 99))} hundred a decade ago."
        if choice == 15:
            return f"The two sides aim to raise annual trade to {_money(r, self.a[3])} by {y + r.randint(2, 7)}."
        if choice == 16:
            return f"The joint venture will produce {r.randint(1, 9)}.{r.randint(1, 9)} million tonnes of grain and employ some {_grouped(r.randint(800, 12000))} people."
        if choice == 17:
            return f"The {r.choice(ORDINALS)} meeting of the intergovernmental committee will be held in {s['capA']} later this year."
        if choice == 18:
            return f"{_number_words(r.randint(21, 99)).capitalize()} projects with a total value of {_money(r, self.a[3])} are under way, according to the ministry."
        if choice == 19:
            return f"{A} and {B} share a border of {_grouped(r.randint(200, 7000))} kilometers and {r.randint(2, 9)} border crossings."
        if choice == 20:
            return f"The {r.randint(2, 9)}{r.choice(['0', '5'])} MW solar plant, completed in {r.choice(MONTHS)} {y - 1}, supplies power to {r.randint(100, 900)},000 households."
        return f"For {r.randint(10, 32)} years, {A} and {B} have worked together in {s['sector']}, and the relationship is now at its best in history."

    def prose_sentence(self) -> str:
        template = self.r.choice(PROSE)
        return template.format(**self.slots())

    def sentence(self) -> str:
        return self.figure_sentence() if self.r.random() < 0.4 else self.prose_sentence()

    def body(self) -> str:
        r = self.r
        A, B, capB = self.a[0], self.b[0], self.b[2]
        title = r.choice([
            f"{A} and {B} pledge deeper cooperation",
            f"{A}, {B} sign agreements on {r.choice(SECTORS)}",
            f"Leaders of {A} and {B} hold talks in {capB}",
            f"{A}-{B} trade ties reach new heights",
        ])  # fmt: skip
        d = self.date
        dateline = f"{capB.upper()}, {MONTHS[d.month - 1]} {d.day}, {d.year} - "
        paragraphs = [title, dateline + " ".join(self.sentence() for _ in range(2))]
        for _ in range(r.randint(8, 16)):
            paragraphs.append(" ".join(self.sentence() for _ in range(r.randint(1, 4))))
        return "\n\n".join(paragraphs) + "\n"

    def name(self) -> str:
        slug = f"{self.a[0]}-{self.b[0]}".lower().replace(" ", "-")
        return f"{self.index:05d}_{slug}.txt"


def article(index: int) -> tuple[str, str]:
    """Article `index` as (file name, text with a first line " date YYYY-MM-DD")."""
    a = _Article(index)
    body = a.body()
    return a.name(), f" date {a.date.isoformat()}\n{body}"


def generate_articles(n: int) -> list[tuple[str, str]]:
    """The first `n` articles, each (name, text); the text's first line is " date YYYY-MM-DD"."""
    return [article(i) for i in range(n)]


def generate_text(size_bytes: int) -> str:
    """Article bodies joined by blank lines, cut to exactly `size_bytes` UTF-8 bytes (ASCII text)."""
    parts: list[str] = []
    total = 0
    index = 0
    while total < size_bytes:
        body = _Article(index).body() + "\n"
        parts.append(body)
        total += len(body.encode("utf-8"))
        index += 1
    return "".join(parts).encode("utf-8")[:size_bytes].decode("utf-8", errors="ignore")


def _tile(pattern: str, size_bytes: int) -> str:
    return (pattern * (size_bytes // len(pattern) + 1))[:size_bytes]


def _random_chars(alphabet: str, size_bytes: int) -> str:
    r = random.Random(f"{SEED}:adversarial:{alphabet}")
    return "".join(r.choices(alphabet, k=size_bytes))


# name -> builder(size_bytes); every input is size_bytes long except one_comma_x100k.
ADVERSARIAL = {
    "digits_commas_line": lambda n: _random_chars("0123456789,,,", n),  # "1,234,5,,,67..." on one line
    "one_comma_x100k": lambda n: "1," * 100_000,  # exactly 100,000 repeats (200,000 bytes)
    "one_comma_tiled": lambda n: _tile("1,", n),
    "spaces": lambda n: " " * n,
    "spaces_between_figures": lambda n: _tile("about" + " " * 5000 + "41" + " " * 5000 + "billion ", n),
    "hyphens": lambda n: "-" * n,
    "number_word_hyphens": lambda n: _tile("forty-", n),  # "forty-forty-forty-..."
    "number_word_spaces": lambda n: _tile("one two ", n),  # "one two one two ..."
    "huge_word": lambda n: _random_chars(string.ascii_letters + string.digits, n),
    "about_repeated": lambda n: _tile("about ", n),
    "dollars_repeated": lambda n: _tile("$$$$1", n),
    "digit_space_groups": lambda n: _tile("1 ", n),  # "1 1 1 ..." (space-grouped thousands?)
    "decimal_points": lambda n: _tile("1.", n),
    # dates on every line: one window a page long, where each try at a date lead must not read to its end
    "dated_lines": lambda n: _tile("On May 5, 2021, the board met. In the second week it approved the plan.\n", n),
}


def adversarial(size_bytes: int, only: list[str] | None = None) -> dict[str, str]:
    """Hostile inputs for the extractor, each `size_bytes` long (ASCII) except 'one_comma_x100k'.

    `only` limits the result to those names (building all of them at 1 MB takes about half a second).
    """
    names = list(ADVERSARIAL) if only is None else only
    return {name: ADVERSARIAL[name](size_bytes) for name in names}

if __name__ == "__main__":
    import sys

    name, text = article(int(sys.argv[1]) if len(sys.argv) > 1 else 0)
    print(name)
    print(text)
