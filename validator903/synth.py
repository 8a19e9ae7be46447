"""A synthetic council: every 903 table for a collection year and the year before, consistent
between the two, with errors injected at a controllable rate. Deterministic for a seed.

Each child gets one care history on a timeline (a period of care made of episodes, reviews,
missing spells, social worker episodes, adoption, leaving care). A year's return holds what
overlaps that year, so last year's and this year's files agree wherever they should.

What a year's return records follows from that history as the DfE asks for it: OC2 outcomes for
every child looked after continuously for 12 months (the DfE definition), fitting the age; a
decision to place for adoption before the placement order and the placement for adoption, in each
return until it ceases or the child is adopted, and AD1 in the year of the adoption; care leaver
information (OC3) for young people who left care at 16 or over, from 17, once they are no longer
looked after on their birthday; missing spells and DoLOs within the placement they happen in;
a first child born while the mother is looked after.

It looks like a council's data: ages follow the looked-after population (a few babies, most
children 10 or over), legal statuses and placements fit the age (no remand under 10, placement
orders and adoption for young children, supported accommodation only from 16), and the codes are
those of the day: an episode open when a placement code is withdrawn (H5 -> K3 in 2024/25, Z1 ->
Z11-Z14 in 2025/26) ends there and a new one starts with the new code, as councils record it.
Left alone the return is clean; errors are then injected into the current year only, one per
chosen child, from a small weighted set in which a few kinds make most errors (as in real
returns, where "just 3-5 error types cause >50% of errors"). Each injection really changes the
data, and is recorded in ``injected``.
"""
from __future__ import annotations

import csv
import random
from dataclasses import dataclass, field
from functools import lru_cache
from datetime import date, timedelta
from pathlib import Path

from .context import CollectionYear
from .tables import TABLES

ETHNIC = ["WBRI", "WBRI", "WBRI", "WIRI", "WOTH", "WROM", "MWBC", "MWBA", "MWAS", "MOTH", "AIND",
          "APKN", "ABAN", "AOTH", "BCRB", "BAFR", "BOTH", "CHNE", "OOTH", "REFU", "NOBT"]
CIN = ["N1", "N1", "N1", "N1", "N2", "N3", "N4", "N4", "N5", "N6", "N7", "N8"]
# Ages of looked-after children at 31 March (DfE statistics: about 5% under 1, 16% 1-4, 18% 5-9,
# 38% 10-15, 23% 16-17): (weight, lowest and highest age in days).
AGES = ((5, 20, 364), (16, 365, 5 * 365 - 1), (18, 5 * 365, 10 * 365 - 1), (38, 10 * 365, 16 * 365 - 1),
        (23, 16 * 365, 18 * 365 - 30))


def _ls(rng: random.Random, age: int, first: bool = False) -> str:
    """A legal status that fits the age in years: care orders and section 20 at every age,
    placement orders (E1) for young children, though not on the day care starts (a placement
    order follows the council's decision to place the child for adoption, taken in care).
    Emergency protection (L2) and remand (J2) are left out: DfE limits how long they last (rules
    362, 364), which episodes of 20-500 days would break."""
    if age < 10:
        return rng.choices(["C2", "V2", "C1", "E1"], [50, 22, 15, 0 if first else 12])[0]
    return rng.choices(["C2", "V2", "C1"], [60, 33, 7] if age < 16 else [50, 46, 4])[0]


def _place(rng: random.Random, on: date, age: int, ls: str, avoid: str | None = None) -> str:
    """A placement that fits the age and legal status, in a code in use on ``on``: H5 became K3
    in 2024/25 and Z1 was split into Z11-Z14 in 2025/26."""
    if ls == "E1" and age < 10 and rng.random() < 0.6:
        options = [("A4", 1), ("A6", 3)]
    elif age < 10:
        options = [("U1", 8), ("U3", 4), ("U4", 22), ("U6", 40), ("U5", 6), ("P1", 8), ("K2", 1), ("Z1", 1)]
    elif age < 16:
        options = [("U1", 6), ("U3", 3), ("U4", 18), ("U6", 40), ("U5", 6), ("P1", 5), ("K2", 16), ("R1", 1),
                   ("S1", 1), ("Z1", 1)]
    else:
        options = [("U1", 5), ("U4", 14), ("U6", 28), ("U5", 4), ("P1", 4), ("K2", 14), ("H5", 26), ("Z1", 1)]
    if ls == "V2":  # placed with parents cannot be under a section 20 accommodation (rule 378)
        options = [(c, w) for c, w in options if c != "P1"]
    codes = [c for c, _ in options if c != avoid] or [c for c, _ in options]
    weights = [w for c, w in options if c in codes]
    for _ in range(8):   # a change of placement must change the code (H5 is K3 from 2024/25)
        p = rng.choices(codes, weights)[0]
        if p == "H5" and on >= date(2024, 4, 1):
            p = "K3"
        if p == "Z1" and on >= date(2025, 4, 1):
            p = rng.choice(["Z11", "Z12", "Z13", "Z14"])
        if p != avoid:
            break
    return p


# Placement codes withdrawn on a date: an episode open then ends, and a new one starts with the new code.
RETIRED = {"H5": (date(2024, 4, 1), ("K3",)), "Z1": (date(2025, 4, 1), ("Z11", "Z12", "Z13", "Z14"))}


def _rec(rng: random.Random, age: int, place: str, at_18: bool, leaver: bool = False) -> str:
    """Why care ended, fitting the child: a placement for adoption mostly ends in adoption, and
    adoption only from one (rule 390); a special guardianship order to former foster carers
    (E45/E46) only from foster care (516) and before 18 (407); staying with the carers at 18 (E17)
    only at 18 (460); independent living only from 14 (387). A ``leaver`` (a young person who goes
    on to the care leavers' return) leaves in a way that keeps them one (NOT_A_CARE_LEAVER)."""
    if at_18:
        return "E17" if place.startswith("U") and rng.random() < 0.5 else rng.choice(["E8", "E5", "E6"])
    if place.startswith("A") and rng.random() < 0.9:
        return "E11" if rng.random() < 0.85 else "E12"
    codes, weights = REC_YOUNG if age < 10 else REC_OLDER
    ok = [(c, w) for c, w in zip(codes, weights)
          if (c not in ("E11", "E12") or place.startswith("A")) and (c not in ("E45", "E46") or place.startswith("U"))
          and (c not in ("E5", "E6") or age >= 14) and (c != "E7" or age >= 16) and not (leaver and c in NOT_A_CARE_LEAVER)]
    return rng.choices([c for c, _ in ok], [w for _, w in ok])[0]


def _recode(rng: random.Random, episodes: list, year: CollectionYear) -> list:
    """Episodes with each code withdrawn by ``year`` replaced from the day before it went (the
    last day DfE accepts the old code), so ``year``'s return carries only codes of its own."""
    out = []
    successor: dict[str, str] = {}   # one new code per old one for the child: later episodes keep it
    for ep in episodes:
        while ep.place in RETIRED and RETIRED[ep.place][0] <= year.start:
            on, new = RETIRED[ep.place]
            last = on - timedelta(days=1)   # DfE accepts the old code on an episode ended by the day before
            code = successor.setdefault(ep.place, rng.choice(new))
            if ep.decom >= last:   # a later episode that kept the placement: recorded with the new code
                ep.place = code
                continue
            if ep.dec is not None and ep.dec <= last:
                break
            nxt = Episode(last, ep.dec, "P", ep.ls, ep.cin, code, ep.rec, ep.reason_change)
            ep.dec, ep.rec, ep.reason_change = last, "X1", "OTHER"   # the reason sits on the episode that ends
            out.append(ep)
            ep = nxt
        out.append(ep)
    return out


PROVIDER = {"A3": "PR1", "A4": "PR1", "A5": "PR1", "A6": "PR1", "K3": "PR3", "Z11": "", "Z12": "", "Z13": "", "Z14": "", "U1": "PR1", "U2": "PR1", "U3": "PR1", "U4": "PR4", "U5": "PR4", "U6": "PR4",
            "K2": "PR2", "R1": "PR1", "P1": "PR0", "H5": "PR3", "S1": "PR2", "R2": "PR1", "Z1": ""}
REC_YOUNG = (["E11", "E12", "E13", "E41", "E4A", "E4B", "E15"], [20, 4, 3, 10, 50, 5, 3])
REC_OLDER = (["E13", "E41", "E45", "E46", "E4A", "E4B", "E5", "E6", "E7", "E8", "E3"], [3, 10, 6, 4, 35, 6, 8, 4, 3, 8, 3])
CHANGE_REASON = ["CARPL", "CLOSE", "ALLEG", "STAND", "APPRR", "CREQB", "CREQO", "CHILD", "LAREQ", "PLACE", "OTHER"]
SW_REASON = ["MANAGE", "FCONTA", "LEFTRL", "ORGRST", "TSPROC", "ABSENC", "CHCHAN", "PCCHAN", "OTHERS"]
POSTCODES = ["M1 1AE", "M4 5JD", "M14 6HR", "M20 2LS", "SK4 1AA", "OL1 1AB", "BL1 1AA", "WN1 1AA",
             "M7 4ZT", "M11 3FF", "LS1 4DY", "L1 8JQ", "CH1 2HS", "S1 2HE"]
UPN_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ"


@lru_cache(maxsize=None)   # a return repeats a few thousand dates: strftime was a tenth of synth's time
def fmt(d: date | None) -> str:
    return d.strftime("%d/%m/%Y") if d else ""


def add_years(d: date, n: int) -> date:
    try:
        return d.replace(year=d.year + n)
    except ValueError:  # 29 February
        return d.replace(year=d.year + n, day=28)


@dataclass
class Episode:
    decom: date
    dec: date | None
    rne: str
    ls: str
    cin: str
    place: str
    rec: str | None = None
    reason_change: str | None = None


@dataclass
class Child:
    id: str
    sex_mfu: str
    dob: date
    ethnic: str
    upn: str
    episodes: list[Episode] = field(default_factory=list)
    reviews: list[date] = field(default_factory=list)
    missing: list[tuple[str, date, date | None]] = field(default_factory=list)
    sw: list[tuple[str, date, date | None, str]] = field(default_factory=list)
    uasc_duc: date | None = None
    mother_dob: date | None = None
    home_post: str = ""
    decided: date | None = None   # the decision that the child should be placed for adoption
    matched: date | None = None   # matched with adopters (before the first placement for adoption)
    decision_ceased: tuple[date, str] | None = None   # the decision no longer applies: (date, reason)
    leaver: bool = False   # left care at 16 or over, as a care leaver (OC3 around each birthday from 17)
    prev_perm: tuple[str, str, str] = ("Z1", "", "")
    dolo: list[tuple[date, date | None]] = field(default_factory=list)
    key: int = 0   # draws for what a year's return records about the child (health, care leaver items)


def _age(dob: date, on: date) -> int:
    """Age in whole years, by birthdays."""
    return on.year - dob.year - ((on.month, on.day) < (dob.month, dob.day))


def _care(rng: random.Random, c: Child, start: date, year: CollectionYear, leave_on: date | None = None) -> None:
    """One period of care from ``start``: its episodes, and with them the adoption decision, the
    match and the decision ceasing. Care ends at 18 at the latest, on ``leave_on`` when given."""
    end, dob = year.end, c.dob
    eighteen = add_years(dob, 18)
    last = min(eighteen, leave_on) if leave_on else eighteen
    d = start
    ls = _ls(rng, _age(dob, start), first=True)
    place = _place(rng, start, _age(dob, start), ls)
    cin = rng.choice(CIN)   # the category of need stays as assessed at the start of the period of care
    rne = "S"
    while d <= end:
        stop = min(d + timedelta(days=rng.randint(20, 500)), last)   # care ends at 18 at the latest
        ep = Episode(d, None, rne, ls, cin, place)
        c.episodes.append(ep)
        if stop > end:
            break
        ep.dec = stop
        if stop == last or (leave_on is None and rng.random() < 0.35):
            ep.rec = _rec(rng, _age(dob, stop), place, stop == eighteen, leaver=leave_on is not None)
            if c.decided and not c.decision_ceased and ep.rec not in ("E11", "E12"):
                c.decision_ceased = (stop, rng.choice(["RD1", "RD4"]))   # left care, not adopted (rule 557)
            break
        ep.rec = "X1"
        # What changes decides the next episode's RNE: P placement only, L legal status only, B both.
        rne = rng.choices(["P", "L", "B"], [70, 15, 15])[0]
        if place.startswith("A") and rne == "L":   # leaving a placement order leaves the adoptive placement
            rne = "B"
        if rne in ("L", "B"):
            # one decision to place for adoption per child: a placement order once ended does not return
            new_ls = next((x for x in (_ls(rng, _age(dob, stop)) for _ in range(8))
                           if x != ls and not (x == "E1" and c.decided)), None)
            if new_ls is None:
                rne = "P"
            else:
                if new_ls == "E1":   # the decision comes first, then the court's placement order (rule 554)
                    c.decided = max(start, stop - timedelta(days=rng.randint(30, 240)))
                elif ls == "E1":   # the placement order ends, and with it the plan for adoption
                    c.decision_ceased = (stop, rng.choice(["RD1", "RD3", "RD4"]))
                ls = new_ls
        if ls == "V2" and place == "P1" and rne == "L":   # no section 20 while placed with parents (rule 378)
            rne = "B"
        if rne in ("P", "B") or (place.startswith("A") and ls != "E1"):
            place = _place(rng, stop, _age(dob, stop), ls, avoid=place)
            if place.startswith("A") and c.matched is None:   # matched with adopters before the placement
                c.matched = max(c.decided, stop - timedelta(days=rng.randint(7, 90)))
            ep.reason_change = rng.choice(CHANGE_REASON)   # recorded on the episode the change ends
        d = stop
    c.episodes = _recode(rng, c.episodes, year)
    if not c.episodes:   # care would start after 31 March: not in this return, nor last year's
        return
    last_ep = c.episodes[-1]
    if last_ep.dec is not None and _age(dob, last_ep.dec) >= 16 and last_ep.rec not in NOT_A_CARE_LEAVER:
        c.leaver = True


# Ways of leaving care after which a young person is not in the care leavers' return: adopted, died,
# care taken over by another council (rule 1011), a special guardianship or residence order.
NOT_A_CARE_LEAVER = ("E11", "E12", "E2", "E3", "E41", "E45", "E46", "E47", "E48")


def _around_care(rng: random.Random, c: Child, start: date, year: CollectionYear) -> None:
    """Reviews, missing spells, social workers, UASC, motherhood, DoLOs and previous permanence,
    all within the period of care."""
    end, dob = year.end, c.dob
    care_end = c.episodes[-1].dec   # None: still looked after at the end of the year
    # Reviews: 20 days after care starts, then every 3 and then 6 months.
    r, gap = start + timedelta(days=20), 90
    while r <= end and (care_end is None or r <= care_end):
        c.reviews.append(r)
        r, gap = r + timedelta(days=gap), 182
    if rng.random() < 0.15:   # missing or away: each spell within one placement, over before it ends
        spells = []
        for _ in range(rng.choice((1, 1, 1, 2, 3))):
            ep = rng.choice(c.episodes)
            stop = ep.dec if ep.dec is not None else end + timedelta(days=30)
            if (stop - ep.decom).days < 3:
                continue
            s = ep.decom + timedelta(days=rng.randint(1, (stop - ep.decom).days - 2))
            e = s + timedelta(days=rng.randint(0, 5))
            if e >= stop:
                e = stop - timedelta(days=1)
            spells.append((rng.choice("MMA"), s, e if e <= end else None))
        for spell in sorted(spells, key=lambda x: x[1]):   # one at a time (rule 574)
            prior = c.missing[-1] if c.missing else None
            if prior is None or (prior[2] is not None and prior[2] <= spell[1]):
                c.missing.append(spell)
    # Social worker episodes covering the period of care.
    sd = start
    while True:
        nxt = sd + timedelta(days=rng.randint(90, 700))
        sw_id = f"SW{rng.randint(100, 999)}"
        reason = "FCONTA" if sd == start else rng.choice(SW_REASON)   # why this social worker was assigned
        if nxt >= end:   # one social worker episode is open on 31 March
            c.sw.append((sw_id, sd, None, reason))
            break
        c.sw.append((sw_id, sd, nxt, reason))
        sd = nxt + timedelta(days=1)
    if rng.random() < 0.06 and (end - dob).days > 12 * 365:
        c.uasc_duc = add_years(dob, 18)
    if c.sex_mfu == "F" and (end - dob).days > 14 * 365 and rng.random() < 0.1:
        # her child is born while she is looked after (rule 625), when she is 13 or over
        lo, hi = max(start, add_years(dob, 13)), min(end, care_end or end)
        if lo <= hi:
            c.mother_dob = hi - timedelta(days=rng.randint(0, min((hi - lo).days, 300)))
    # Deprivation of liberty orders (from 2026/27) for children in children's homes or the
    # unregistered placements Z12/Z13, within that placement (rules 709, 710); open only while it is.
    homes = [ep for ep in c.episodes if ep.place in ("K2", "Z12", "Z13")]
    if homes and rng.random() < 0.12:
        ep = rng.choice(homes)
        stop = ep.dec if ep.dec is not None else end + timedelta(days=400)
        if (stop - ep.decom).days > 10:
            ds = ep.decom + timedelta(days=rng.randint(1, min(60, (stop - ep.decom).days // 2)))
            de = ds + timedelta(days=rng.randint(30, 200))
            if de >= stop:
                de = None if ep.dec is None else stop - timedelta(days=1)
            c.dolo.append((ds, de))
    if rng.random() < 0.1:
        c.prev_perm = (rng.choice(["P1", "P2", "P3", "P4"]), "352", fmt(start - timedelta(days=rng.randint(200, 2000))))


def _new_child(rng: random.Random, ident: str, dob: date, end: date) -> Child:
    upn = rng.choice(UPN_LETTERS) + f"{rng.randrange(10 ** 12):012d}"
    if rng.random() < 0.05:   # unknown: UN1 is only for a child not yet of school age (rule 209)
        upn = rng.choice(["UN2", "UN3", "UN5"]) if (end - dob).days > 5 * 365 else "UN1"   # UN4: new entrants (210)
    c = Child(ident, rng.choice("MF"), dob, rng.choice(ETHNIC), upn, home_post=rng.choice(POSTCODES))
    c.key = rng.getrandbits(62)
    return c


def _child(rng: random.Random, n: int, year: CollectionYear) -> Child:
    end = year.end
    _, lo, hi = rng.choices(AGES, [a[0] for a in AGES])[0]
    age_days = rng.randint(lo, hi)
    dob = end - timedelta(days=age_days)
    if rng.random() < 0.01:  # a 29 February birthday, at an age a looked-after child can have
        leap = [y for y in range(end.year - 17, end.year) if y % 4 == 0
                and add_years(end, -18) + timedelta(days=60) < date(y, 2, 29) < end - timedelta(days=30)]
        dob = date(rng.choice(leap), 2, 29)
    ident = f"{rng.randint(1, 999999):06d}" if rng.random() < 0.1 else str(100000 + n * 7 + rng.randint(0, 6))
    c = _new_child(rng, ident, dob, end)
    # Care history: one period of care starting up to 3 years before the current year's end.
    start = max(dob + timedelta(days=rng.randint(0, 60)), end - timedelta(days=rng.randint(20, 3 * 365)))
    _care(rng, c, start, year)
    if c.episodes:
        _around_care(rng, c, start, year)
    return c


def _care_leaver(rng: random.Random, n: int, year: CollectionYear) -> Child:
    """A young person of 17 to 19 on 31 March who left care at 16 or over, last year or this year:
    the care leavers a return and last year's can show (rules 1001, 1002 count the episodes of
    those two years; older care leavers left care before them). Those of 17 or 18 left before
    their latest birthday (rules 1007, 1016)."""
    end, prev_start = year.end, CollectionYear(year.start_year - 1).start
    while True:
        dob = end - timedelta(days=rng.randint(17 * 365 + 5, 20 * 365 - 5))
        age = _age(dob, end)
        birthday = add_years(dob, age)
        lo = max(prev_start, add_years(dob, 16) + timedelta(days=1))
        hi = min(add_years(dob, 18), end, birthday - timedelta(days=1) if age < 19 else end)
        if lo <= hi:
            break
    leave = add_years(dob, 18) if hi == add_years(dob, 18) and rng.random() < 0.6 \
        else lo + timedelta(days=rng.randint(0, (hi - lo).days))
    c = _new_child(rng, str(900000 + n), dob, end)
    start = max(add_years(dob, 12), leave - timedelta(days=rng.randint(200, 4 * 365)))
    _care(rng, c, start, year, leave_on=leave)
    _around_care(rng, c, start, year)
    return c


def _mix(key: int, salt: int) -> float:
    """A draw in [0, 1) fixed by the child's key and ``salt`` (a splitmix64 step): what a year's
    return records about a child, the same however the tables are made."""
    z = (key + salt * 0x9E3779B97F4A7C15) & 0xFFFFFFFFFFFFFFFF
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & 0xFFFFFFFFFFFFFFFF
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & 0xFFFFFFFFFFFFFFFF
    return ((z ^ (z >> 31)) >> 11) / float(1 << 53)


def _year_episodes(c: Child, start: date, end: date) -> list[Episode]:
    """The child's episodes as the return for the year from ``start`` to ``end`` holds them: those
    open at some time in the year, an end after 31 March not yet known."""
    out = []
    for e in c.episodes:
        if e.decom <= end and (e.dec is None or e.dec >= start):
            ended = e.dec is not None and e.dec <= end
            out.append(Episode(e.decom, e.dec if ended else None, e.rne, e.ls, e.cin, e.place,
                               e.rec if ended else None, e.reason_change))
    return out


def _oc3_due(c: Child, year: CollectionYear) -> bool:
    """Whether ``year``'s return has care leaver information for the child: a care leaver of 17 to
    21 on 31 March, not looked after on their latest birthday when 17 or 18 (rules 1007, 1016), whose
    episodes in this return and last year's show 13 weeks of care since 14, some of it after 16
    (rule 1001, as the DfE defines relevant and former relevant children)."""
    if not c.leaver:
        return False
    care_end = c.episodes[-1].dec
    age = _age(c.dob, year.end)
    if not 17 <= age <= 21 or care_end > year.end or (age <= 18 and care_end >= add_years(c.dob, age)):
        return False
    since = CollectionYear(year.start_year - 1).start
    dob14, dob16 = add_years(c.dob, 14), add_years(c.dob, 16)
    days = after16 = 0
    for e in c.episodes:
        if e.dec < since or e.ls in ("V3", "V4"):
            continue
        days += max(0, (e.dec - max(e.decom, dob14)).days)
        after16 += e.dec > max(e.decom, dob16)
    return days >= 91 and after16 > 0


def _in_year(c: Child, year: CollectionYear) -> bool:
    """Whether the child is in ``year``'s return (the same test _year_tables applies)."""
    start, end = year.start, year.end
    if c.dob > end:
        return False
    return any(e.decom <= end and (e.dec is None or e.dec >= start) for e in c.episodes) \
        or (c.leaver and _oc3_due(c, year))


def rng_codes(child: str, on: date) -> str:
    """A participation code for a child of 4 or over, the same in both years' files for one review."""
    return ("PN1", "PN1", "PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN7")[(int(child) * 31 + on.toordinal()) % 9]


def _continuously_looked_after(eps: list[Episode], start: date, end: date) -> bool:
    """The OC2 population as the DfE defines it (child_facts.continuously_looked_after): looked
    after during the year, with no period of care starting after 1 April or ending before 31 March."""
    return bool(eps) and not any((e.rne == "S" and start < e.decom <= end)
                                 or (e.rec not in (None, "X1") and start <= e.dec < end) for e in eps)


def _oc2(c: Child, year: CollectionYear) -> dict:
    """The 12-month outcomes of a child in the OC2 population, as they fit the age: an SDQ score
    (or why there is none) from 4 to 16, conviction from 10, the health check under 5 (rules 186-189,
    197B, 542-547); a substance misuse problem with the intervention received or offered (158, 159, 192)."""
    k, y = c.key, year.start_year * 16
    add = lambda n: add_years(c.dob, n)
    score = reason = ""
    if add(4) <= year.end and add(17) >= year.start:   # an SDQ is due at 4 to 16 (and turning 4 or 17)
        core = add(4) <= year.start and add(17) > year.end
        u = _mix(k, y + 1)
        if not core and u < 0.6:
            reason = "SDQ1"   # aged under 4 or over 16 when last assessed
        elif u < 0.88 or not core:
            score = str(int(_mix(k, y + 2) * _mix(k, y + 3) * 41))   # most scores are low
        else:
            reason = rng_choice(("SDQ2", "SDQ3", "SDQ4", "SDQ5"), _mix(k, y + 4))
    substance = "1" if add(11) <= year.end and _mix(k, y + 5) < 0.06 else "0"
    received = offered = ""
    if substance == "1":
        received = "1" if _mix(k, y + 6) < 0.6 else "0"
        offered = "" if received == "1" else ("1" if _mix(k, y + 7) < 0.5 else "0")
    flag = lambda salt, share: "1" if _mix(k, y + salt) < share else "0"
    return {"CHILD": c.id, "DOB": fmt(c.dob), "SDQ_SCORE": score, "SDQ_REASON": reason,
            "CONVICTED": flag(8, 0.03) if add(10) <= year.end else "",
            "HEALTH_CHECK": flag(9, 0.88) if add(5) > year.end else "",
            "IMMUNISATIONS": flag(10, 0.85), "TEETH_CHECK": flag(11, 0.8), "HEALTH_ASSESSMENT": flag(12, 0.9),
            "SUBSTANCE_MISUSE": substance, "INTERVENTION_RECEIVED": received, "INTERVENTION_OFFERED": offered}


def rng_choice(options: tuple, u: float):
    return options[int(u * len(options))]


def _oc3(c: Child, year: CollectionYear) -> dict:
    """A care leaver's items, as they fit the age: in touch mostly, with an activity and
    accommodation (rule 345), none after returning home (344); no former foster carers in the year
    of the 17th birthday (3001), no foyer under 18 (347)."""
    k, y = c.key, year.start_year * 16
    in_touch = rng_choice(("YES",) * 17 + ("NO", "REFU", "RHOM"), _mix(k, y + 13))
    if in_touch == "RHOM":
        return {"CHILD": c.id, "DOB": fmt(c.dob), "IN_TOUCH": in_touch, "ACTIV": "0", "ACCOM": "0"}
    adult = add_years(c.dob, 18) <= year.start
    activ = rng_choice(("F1", "P1", "F2", "F4", "F5", "P5", "G4", "G5", "G6") if adult
                       else ("F2", "F2", "P2", "F4", "F5", "G4", "G5"), _mix(k, y + 14))
    accom = ("B1", "D1", "E1", "K1", "U1", "Z1", "T1", "R1", "S1", "B2") if adult \
        else ("B1", "B1", "D1", "D1", "E1", "C1", "K1", "R1", "S1")
    if add_years(c.dob, 17) >= year.start:
        accom = tuple(a for a in accom if a not in ("Z1", "Z2"))
    return {"CHILD": c.id, "DOB": fmt(c.dob), "IN_TOUCH": in_touch, "ACTIV": activ,
            "ACCOM": rng_choice(accom, _mix(k, y + 15))}


def _year_tables(children: list[Child], year: CollectionYear) -> dict[str, list[dict]]:
    """What the council's return for ``year`` holds: everything open at some time in the year."""
    t: dict[str, list[dict]] = {spec.name: [] for spec in TABLES}
    sex = (lambda s: s) if year.start_year >= 2024 else (lambda s: {"M": "1", "F": "2", "U": "1"}[s])
    ys, ye = year.start, year.end
    for c in children:
        if c.dob > ye:
            continue
        eps = _year_episodes(c, ys, ye)
        leaver = c.leaver and _oc3_due(c, year)
        if not eps and not leaver:
            continue
        base = {"CHILD": c.id, "DOB": fmt(c.dob)}
        mother = c.mother_dob is not None and c.mother_dob <= ye
        # motherhood is recorded for children looked after in the year only (rule 628)
        t["header"].append({"CHILD": c.id, "SEX": sex(c.sex_mfu), "DOB": fmt(c.dob), "ETHNIC": c.ethnic,
                            "UPN": c.upn, "MOTHER": "" if not eps else "1" if mother
                            else ("0" if c.sex_mfu == "F" else ""),
                            "MC_DOB": fmt(c.mother_dob) if mother and eps else ""})
        if leaver:
            t["oc3"].append(_oc3(c, year))
        if not eps:   # a care leaver not looked after this year: nothing else (rule 1012)
            continue
        for e in eps:
            t["episodes"].append({"CHILD": c.id, "DECOM": fmt(e.decom), "RNE": e.rne, "LS": e.ls, "CIN": e.cin,
                                  "PLACE": e.place, "PLACE_PROVIDER": PROVIDER.get(e.place, ""),
                                  "DEC": fmt(e.dec), "REC": e.rec or "",
                                  "REASON_PLACE_CHANGE": e.reason_change or "",
                                  "HOME_POST": c.home_post, "PL_POST": _placement_postcode(e.place, c.home_post),
                                  "URN": f"SC{(int(c.id) * 7919) % 1000000:06d}" if e.place == "K2" else ""})
        for r in c.reviews:
            if ys <= r <= ye:
                code = "PN0" if add_years(c.dob, 4) > r else rng_codes(c.id, r)   # PN0: under 4
                t["reviews"].append({**base, "REVIEW": fmt(r), "REVIEW_CODE": code})
        for kind, s, e in c.missing:
            if s <= ye and (e is None or e >= ys):
                t["missing"].append({**base, "MISSING": kind, "MIS_START": fmt(s),
                                     "MIS_END": fmt(e) if e and e <= ye else ""})
        if year.start_year >= 2023:
            for sw_id, s, e, reason in c.sw:
                if s <= ye and (e is None or e >= ys):
                    closed = e is not None and e <= ye
                    t["sw_episodes"].append({**base, "SW_ID": sw_id, "SW_DECOM": fmt(s),
                                             "SW_DEC": fmt(e) if closed else "", "SW_REASON": reason})
        if year.start_year >= 2026:
            for s, e in c.dolo:
                if s <= ye and (e is None or e >= ys):
                    t["dolo"].append({**base, "DOLO_START": fmt(s), "DOLO_END": fmt(e) if e and e <= ye else ""})
        if c.uasc_duc:
            t["uasc"].append({"CHILD": c.id, "SEX": sex(c.sex_mfu), "DOB": fmt(c.dob), "DUC": fmt(c.uasc_duc)})
        t["previous_permanence"].append({**base, "PREV_PERM": c.prev_perm[0], "LA_PERM": c.prev_perm[1],
                                         "DATE_PERM": c.prev_perm[2]})
        if _continuously_looked_after(eps, ys, ye):
            t["oc2"].append(_oc2(c, year))
        # The decision to place for adoption: in each return from the year it is made to the year
        # it ceases (rules 559, 560, 118); AD1 in the year of the adoption (601, 602).
        if c.decided and c.decided <= ye and (c.decision_ceased is None or c.decision_ceased[0] >= ys):
            ceased = c.decision_ceased if c.decision_ceased and c.decision_ceased[0] <= ye else None
            t["placed_for_adoption"].append({**base, "DATE_PLACED": fmt(c.decided),
                                             "DATE_PLACED_CEASED": fmt(ceased[0]) if ceased else "",
                                             "REASON_PLACED_CEASED": ceased[1] if ceased else ""})
        adopted = next((e for e in eps if e.rec in ("E11", "E12")), None)
        if adopted:
            t["ad1"].append({**base, "DATE_INT": fmt(c.decided), "DATE_MATCH": fmt(c.matched),
                             "FOSTER_CARE": "1" if adopted.place in ("A3", "A5") else "0",
                             "NB_ADOPTR": "2", "SEX_ADOPTR": "MF", "LS_ADOPTR": "L11"})
    return t


# ---- error injection: each entry corrupts one child's rows in place ---------------------------

def _by_child(rows: list[dict]) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for r in rows:
        out.setdefault(r["CHILD"], []).append(r)
    return out


# (kind, weight, the rule it trips): a few kinds make most of the errors, as in real returns.
INJECTIONS = (
    ("ethnic_blank", 55, "103"),
    ("upn_invalid", 20, "168"),
    ("place_withdrawn", 14, "146"),
    ("review_code_blank", 7, "167"),
    ("dec_without_rec", 6, "148"),
    ("dec_before_decom", 5, "356"),
    ("sw_id_shape", 5, "SW02STG1"),
    ("overlap", 4, "501"),
    ("mother_without_dob", 4, "611"),
    ("sex_invalid", 3, "101"),
    ("dob_invalid", 3, "102"),
    ("ls_lower_case", 2, "144"),
    ("rne_invalid", 2, "143"),
)
RULE_OF = {kind: rule for kind, _, rule in INJECTIONS}


def _parse(d: str) -> date | None:
    try:
        return date(int(d[6:]), int(d[3:5]), int(d[:2]))
    except (ValueError, IndexError):
        return None


def _inject(rng: random.Random, rows: dict[str, dict[str, list[dict]]], child: str, year: CollectionYear) -> str | None:
    """Corrupt one of the child's rows in a way a council's data goes wrong; the kind, or None
    when none applies. Each kind is offered only where it really changes a value."""
    h = (rows["header"].get(child) or [None])[0]
    eps = rows["episodes"].get(child, [])
    revs = rows["reviews"].get(child, [])
    sws = rows["sw_episodes"].get(child, [])
    withdrawn_after = date(2024, 3, 31)
    ok: dict[str, object] = {}
    if h:
        if h["ETHNIC"]:
            ok["ethnic_blank"] = h
        if h["UPN"]:
            ok["upn_invalid"] = h
        ok["sex_invalid"] = h
        if _parse(h["DOB"]):
            ok["dob_invalid"] = h
        dob = _parse(h["DOB"])
        if h["SEX"] in ("F", "2") and h["MOTHER"] != "1" and dob and (year.end - dob).days > 13 * 365:
            ok["mother_without_dob"] = h
    open_late = [e for e in eps if e["PLACE"] != "H5" and (not e["DEC"] or (_parse(e["DEC"]) or date.min) > withdrawn_after)]
    if open_late and year.start_year >= 2024:
        ok["place_withdrawn"] = rng.choice(open_late)
    closed = [e for e in eps if e["DEC"] and e["REC"]]
    if closed:
        ok["dec_without_rec"] = rng.choice(closed)
    dated = [e for e in eps if _parse(e["DECOM"])]
    if dated:
        ok["dec_before_decom"] = rng.choice(dated)
        ok["ls_lower_case"] = rng.choice(dated)
        ok["rne_invalid"] = rng.choice(dated)
    if len(eps) > 1 and eps[1]["DECOM"] != eps[0]["DECOM"] and eps[0]["DEC"]:
        ok["overlap"] = eps
    coded = [r for r in revs if r["REVIEW_CODE"]]
    if coded:
        ok["review_code_blank"] = rng.choice(coded)
    named = [r for r in sws if r["SW_ID"].startswith("SW")]
    if named:
        ok["sw_id_shape"] = rng.choice(named)
    kinds = [(k, w) for k, w, _ in INJECTIONS if k in ok]
    if not kinds:
        return None
    kind = rng.choices([k for k, _ in kinds], [w for _, w in kinds])[0]
    r = ok[kind]
    if kind == "ethnic_blank":
        r["ETHNIC"] = ""
    elif kind == "upn_invalid":  # a letter DfE never uses first, or an unknown-reason code beyond UN5
        r["UPN"] = "I" + r["UPN"][1:] if len(r["UPN"]) == 13 else "UN6"
    elif kind == "sex_invalid":
        r["SEX"] = "X"
    elif kind == "dob_invalid":
        r["DOB"] = "31/02/" + r["DOB"][-4:]
    elif kind == "mother_without_dob":
        r["MOTHER"], r["MC_DOB"] = "1", ""
    elif kind == "place_withdrawn":  # the old code kept after it was withdrawn
        r["PLACE"] = "H5"
    elif kind == "dec_without_rec":
        r["REC"] = ""
    elif kind == "dec_before_decom":
        r["DEC"] = fmt(_parse(r["DECOM"]) - timedelta(days=rng.randint(1, 30)))
        r["REC"] = r["REC"] or "X1"
    elif kind == "ls_lower_case":
        r["LS"] = r["LS"].lower()
    elif kind == "rne_invalid":
        r["RNE"] = "Z"
    elif kind == "overlap":  # the second episode typed with the first one's start
        r[1]["DECOM"] = r[0]["DECOM"]
    elif kind == "review_code_blank":
        r["REVIEW_CODE"] = ""
    elif kind == "sw_id_shape":
        r["SW_ID"] = r["SW_ID"][2:]
    return kind


@dataclass
class Synthetic:
    current: dict[str, list[dict]]
    previous: dict[str, list[dict]]
    injected: list[tuple[str, str]]   # (child, kind)


def generate(children: int, year: CollectionYear, seed: int = 1, error_rate: float = 0.05,
             care_leaver_share: float = 0.05) -> Synthetic:
    """``children`` children in this year's return (last year's holds those of them who were
    looked after then, and some who left before this year). ``care_leaver_share`` of the people
    made are young people who left care at 16 or over last year or this year (other care leavers
    come from the children's own histories)."""
    rng = random.Random(seed)
    people = []
    seen: set[str] = set()
    in_year = n = 0
    while in_year < children:
        c = _care_leaver(rng, n, year) if rng.random() < care_leaver_share else _child(rng, n, year)
        n += 1
        if c.id in seen:
            c.id = f"{c.id}{n}"
        seen.add(c.id)
        people.append(c)
        in_year += _in_year(c, year)
    current = _year_tables(people, year)
    previous = _year_tables(people, CollectionYear(year.start_year - 1))
    injected = []
    rows = {t: _by_child(current[t]) for t in ("header", "episodes", "reviews", "sw_episodes")}
    for row in list(current["header"]):
        if rng.random() < error_rate:
            kind = _inject(rng, rows, row["CHILD"], year)
            if kind:
                injected.append((row["CHILD"], kind))
    return Synthetic(current, previous, injected)


def write_csvs(tables: dict[str, list[dict]], folder: Path, year: CollectionYear) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for spec in TABLES:
        if year.start_year < spec.first_year:
            continue
        p = folder / f"{spec.name}.csv"
        with open(p, "w", newline="", encoding="utf-8") as f:
            w = csv.DictWriter(f, fieldnames=list(spec.columns), lineterminator="\n")
            w.writeheader()
            w.writerows(tables[spec.name])
        written.append(p)
    return written


def _placement_postcode(place: str, home_post: str) -> str:
    """Placed with parents (P1) is at home; any other placement is elsewhere (rule 392d)."""
    if place == "P1":
        return home_post
    i = (len(place) + ord(place[0])) % len(POSTCODES)
    return POSTCODES[i] if POSTCODES[i] != home_post else POSTCODES[(i + 1) % len(POSTCODES)]


# The bundled sample council (validator903/sample) is `write_sample(sample_dir(), 200, 2025/26,
# SAMPLE_SEED, SAMPLE_ERROR_RATE)`: tests/test_synth.py checks it is current synth output, so a change
# to synth regenerates it (and the report tests that count its rows follow).
SAMPLE_SEED = 2025
SAMPLE_ERROR_RATE = 0.15


def write_sample(out: Path, children: int, year: CollectionYear, seed: int, error_rate: float,
                 with_previous: bool = True) -> Synthetic:
    s = generate(children, year, seed, error_rate)
    write_csvs(s.current, out / "current" if with_previous else out, year)
    if with_previous:
        write_csvs(s.previous, out / "previous", CollectionYear(year.start_year - 1))
    return s


def write_xml(tables: dict[str, list[dict]], path: Path) -> Path:
    """The same return as a DfE XML file (EXPSSDA903). Social worker episodes and DoLOs are not
    part of the XML and are left out; blank values become self-closing tags."""
    import xml.etree.ElementTree as ET

    from .load.xml_return import FLAT, NESTED

    def by_child(table: str) -> dict[str, list[dict]]:
        out: dict[str, list[dict]] = {}
        for r in tables.get(table, []):
            out.setdefault(r["CHILD"], []).append(r)
        return out

    groups = {t: by_child(t) for t in ("episodes", "uasc", *FLAT, *NESTED.values())}
    root = ET.Element("EXPSSDA903")

    def leaf(parent, tag, value):
        ET.SubElement(parent, tag).text = value or None

    for h in tables["header"]:
        cid = h["CHILD"]
        child = ET.SubElement(root, "CHILD")
        header = ET.SubElement(child, "HEADER")
        uasc = groups["uasc"].get(cid, [])
        leaf(header, "CHILDID", cid)
        for col in ("UPN", "SEX", "DOB", "ETHNIC"):
            leaf(header, col, h.get(col))
        leaf(header, "UASC", "1" if uasc else "0")
        leaf(header, "DUC", uasc[0]["DUC"] if uasc else "")
        for table, fields in FLAT.items():
            row = (groups[table].get(cid) or [{}])[0]
            for f in fields:
                if row:
                    leaf(header, f, row.get(f))
        for tag, table in NESTED.items():
            for row in groups[table].get(cid, []):
                sub = ET.SubElement(header, tag)
                for col in BY_TABLE[table]:
                    leaf(sub, col, row.get(col))
        leaf(header, "MOTHER", h.get("MOTHER"))
        leaf(header, "MC_DOB", h.get("MC_DOB"))
        for ep in groups["episodes"].get(cid, []):
            el = ET.SubElement(child, "EPISODE")
            for col in ("DECOM", "RNE", "LS", "CIN", "PLACE", "PL_POST", "HOME_POST", "URN", "PLACE_PROVIDER",
                        "DEC", "REC", "REASON_PLACE_CHANGE"):
                leaf(el, "PL" if col == "PLACE" else col, ep.get(col))
    ET.indent(root)
    path.parent.mkdir(parents=True, exist_ok=True)
    ET.ElementTree(root).write(path, encoding="utf-8", xml_declaration=True)
    return path


BY_TABLE = {spec.name: [c for c in spec.columns if c not in ("CHILD", "DOB")] for spec in TABLES}
