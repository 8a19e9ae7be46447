"""A synthetic council: every 903 table for a collection year and the year before, consistent
between the two, with errors injected at a controllable rate. Deterministic for a seed.

Each child gets one care history on a timeline (periods of care made of episodes, reviews,
missing spells, social worker episodes, adoption, leaving care). A year's return holds what
overlaps that year, so last year's and this year's files agree wherever they should. Errors are
then injected into the current year only, one per chosen child, and recorded in ``injected``.
"""
from __future__ import annotations

import csv
import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from .context import CollectionYear
from .tables import TABLES

ETHNIC = ["WBRI", "WBRI", "WBRI", "WIRI", "WOTH", "WROM", "MWBC", "MWBA", "MWAS", "MOTH", "AIND",
          "APKN", "ABAN", "AOTH", "BCRB", "BAFR", "BOTH", "CHNE", "OOTH", "REFU", "NOBT"]
LS = ["C2", "C2", "C2", "V2", "V2", "C1", "J2", "E1", "D1"]
CIN = ["N1", "N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8"]
PLACE = ["U1", "U1", "U2", "U3", "U4", "U5", "U6", "K2", "R1", "P1", "H5", "S1", "R2", "Z1"]
def _place(rng: random.Random, on: date, avoid: str | None = None) -> str:
    """A placement type valid for an episode starting ``on``: H5 became K3 in 2024/25 and Z1
    was split into Z11-Z14 in 2025/26."""
    codes = [p for p in PLACE if p != avoid]
    p = rng.choice(codes)
    if p == "H5" and on >= date(2024, 4, 1):
        return "K3"
    if p == "Z1" and on >= date(2025, 4, 1):
        return rng.choice(["Z11", "Z12", "Z13", "Z14"])
    return p


PROVIDER = {"K3": "PR3", "Z11": "PR0", "Z12": "PR0", "Z13": "PR0", "Z14": "PR0", "U1": "PR1", "U2": "PR1", "U3": "PR1", "U4": "PR4", "U5": "PR4", "U6": "PR4",
            "K2": "PR2", "R1": "PR0", "P1": "PR0", "H5": "PR3", "S1": "PR2", "R2": "PR0", "Z1": "PR0"}
REC_END = ["E11", "E12", "E13", "E41", "E45", "E46", "E2", "E3", "E4A", "E4B", "E5", "E6", "E7", "E8"]
CHANGE_REASON = ["CARPL", "CLOSE", "ALLEG", "STAND", "APPRR", "CREQB", "CREQO", "CHILD", "LAREQ", "PLACE", "OTHER"]
SW_REASON = ["MANAGE", "FCONTA", "LEFTRL", "ORGRST", "TSPROC", "ABSENC", "CHCHAN", "PCCHAN", "OTHERS"]
POSTCODES = ["M1 1AE", "M4 5JD", "M14 6HR", "M20 2LS", "SK4 1AA", "OL1 1AB", "BL1 1AA", "WN1 1AA",
             "M7 4ZT", "M11 3FF", "LS1 4DY", "L1 8JQ", "CH1 2HS", "S1 2HE"]
UPN_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ"


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
    adoption: tuple[date, date] | None = None   # (date of decision, date matched)
    care_leaver: tuple[str, str, str] | None = None
    prev_perm: tuple[str, str, str] = ("Z1", "", "")
    dolo: list[tuple[date, date | None]] = field(default_factory=list)


def _child(rng: random.Random, n: int, year: CollectionYear) -> Child:
    end = year.end
    age_days = rng.randint(30, 17 * 365 + 200)
    dob = end - timedelta(days=age_days)
    if rng.random() < 0.01:
        dob = date(rng.choice([2008, 2012, 2016]), 2, 29)
    ident = f"{rng.randint(1, 999999):06d}" if rng.random() < 0.1 else str(100000 + n * 7 + rng.randint(0, 6))
    upn = rng.choice(UPN_LETTERS) + "".join(rng.choice("0123456789") for _ in range(12))
    if rng.random() < 0.05:
        upn = f"UN{rng.randint(1, 5)}"
    c = Child(ident, rng.choice("MF"), dob, rng.choice(ETHNIC), upn, home_post=rng.choice(POSTCODES))
    # Care history: one period of care starting up to 3 years before the current year's end.
    start = max(dob + timedelta(days=rng.randint(0, 60)), end - timedelta(days=rng.randint(20, 3 * 365)))
    d = start
    place = _place(rng, start)
    ls = rng.choice(LS)
    first = True
    while d <= end:
        length = rng.randint(20, 500)
        stop = d + timedelta(days=length)
        ep = Episode(d, None, "S" if first else rng.choice(["P", "P", "P", "L", "T", "B"]), ls,
                     rng.choice(CIN), place)
        if not first and ep.rne in ("P", "B", "T"):
            ep.reason_change = rng.choice(CHANGE_REASON)
        c.episodes.append(ep)
        first = False
        if stop > end:
            break
        ep.dec = stop
        if rng.random() < 0.35 or add_years(dob, 18) <= stop:
            ep.rec = rng.choice(REC_END) if add_years(dob, 18) > stop else "E8"
            if ep.rec in ("E11", "E12"):
                c.adoption = (start + timedelta(days=30), start + timedelta(days=rng.randint(60, 200)))
            break
        ep.rec = "X1"
        if ep.rne in ("P", "B", "T") or rng.random() < 0.7:
            place = _place(rng, stop, avoid=place)
        if ep.rne in ("L", "B") or rng.random() < 0.2:
            ls = rng.choice(LS)
        d = stop
    # Reviews: 20 days after care starts, then every 3 and then 6 months.
    r, gap = start + timedelta(days=20), 90
    while r <= end and (c.episodes[-1].dec is None or r <= c.episodes[-1].dec):
        c.reviews.append(r)
        r, gap = r + timedelta(days=gap), 182
    if rng.random() < 0.15:
        s = start + timedelta(days=rng.randint(1, 200))
        if s <= end:
            e = s + timedelta(days=rng.randint(0, 5))
            c.missing.append((rng.choice("MMA"), s, e if e <= end else None))
    # Social worker episodes covering the period of care.
    sd = start
    while True:
        nxt = sd + timedelta(days=rng.randint(90, 700))
        sw_id = f"SW{rng.randint(100, 999)}"
        if nxt > end:
            c.sw.append((sw_id, sd, None, ""))
            break
        c.sw.append((sw_id, sd, nxt, rng.choice(SW_REASON)))
        sd = nxt + timedelta(days=1)
    if rng.random() < 0.06 and (end - dob).days > 12 * 365:
        c.uasc_duc = add_years(dob, 18)
    if c.sex_mfu == "F" and (end - dob).days > 14 * 365 and rng.random() < 0.1:
        c.mother_dob = end - timedelta(days=rng.randint(10, 300))
    if rng.random() < 0.03 and (end - dob).days > 16 * 365:
        ds = start + timedelta(days=rng.randint(1, 100))
        c.dolo.append((ds, ds + timedelta(days=rng.randint(30, 200)) if rng.random() < 0.4 else None))
    if rng.random() < 0.1:
        c.prev_perm = (rng.choice(["P1", "P2", "P3", "P4"]), "352", fmt(start - timedelta(days=rng.randint(200, 2000))))
    return c


def _care_leaver(rng: random.Random, n: int, year: CollectionYear) -> Child:
    dob = year.end - timedelta(days=rng.randint(17 * 365 + 30, 21 * 365))
    c = Child(str(900000 + n), rng.choice("MF"), dob, rng.choice(ETHNIC), f"UN{rng.randint(1, 5)}")
    c.care_leaver = (rng.choice(["YES", "YES", "NO", "REFU"]), rng.choice(["F1", "P1", "F2", "G4", "G6"]),
                     rng.choice(["B1", "C1", "D1", "E1", "G1", "R1", "S1"]))
    return c


def _in_year(c: Child, year: CollectionYear) -> bool:
    """Whether the child is in ``year``'s return (the same test _year_tables applies)."""
    if c.dob > year.end:
        return False
    return c.care_leaver is not None or any(
        _overlaps(e.decom, e.dec if e.dec and e.dec <= year.end else None, year) for e in c.episodes)


def _overlaps(start: date, stop: date | None, year: CollectionYear) -> bool:
    return start <= year.end and (stop is None or stop >= year.start)


def _year_tables(children: list[Child], year: CollectionYear) -> dict[str, list[dict]]:
    """What the council's return for ``year`` holds: everything open at some time in the year."""
    t: dict[str, list[dict]] = {spec.name: [] for spec in TABLES}
    sex = (lambda s: s) if year.start_year >= 2024 else (lambda s: {"M": "1", "F": "2", "U": "1"}[s])
    for c in children:
        eps = [e for e in c.episodes if _overlaps(e.decom, e.dec if e.dec and e.dec <= year.end else None, year)]
        eps = [Episode(e.decom, e.dec if e.dec and e.dec <= year.end else None, e.rne, e.ls, e.cin, e.place,
                       e.rec if e.dec and e.dec <= year.end else None, e.reason_change) for e in eps]
        leaver = c.care_leaver is not None
        if not eps and not leaver:
            continue
        if c.dob > year.end:
            continue
        base = {"CHILD": c.id, "DOB": fmt(c.dob)}
        t["header"].append({"CHILD": c.id, "SEX": sex(c.sex_mfu), "DOB": fmt(c.dob), "ETHNIC": c.ethnic,
                            "UPN": c.upn, "MOTHER": "1" if c.mother_dob and c.mother_dob <= year.end else "",
                            "MC_DOB": fmt(c.mother_dob) if c.mother_dob and c.mother_dob <= year.end else ""})
        if leaver:
            in_touch, activ, accom = c.care_leaver
            t["oc3"].append({**base, "IN_TOUCH": in_touch, "ACTIV": activ, "ACCOM": accom})
            continue
        for e in eps:
            t["episodes"].append({"CHILD": c.id, "DECOM": fmt(e.decom), "RNE": e.rne, "LS": e.ls, "CIN": e.cin,
                                  "PLACE": e.place, "PLACE_PROVIDER": PROVIDER.get(e.place, ""),
                                  "DEC": fmt(e.dec), "REC": e.rec or "",
                                  "REASON_PLACE_CHANGE": e.reason_change or "",
                                  "HOME_POST": c.home_post, "PL_POST": POSTCODES[(len(e.place) + ord(e.place[0])) % len(POSTCODES)],
                                  "URN": f"SC{(int(c.id) * 7919) % 1000000:06d}" if e.place == "K2" else ""})
        for r in c.reviews:
            if year.start <= r <= year.end:
                t["reviews"].append({**base, "REVIEW": fmt(r), "REVIEW_CODE": "PN1"})
        for kind, s, e in c.missing:
            if _overlaps(s, e, year):
                t["missing"].append({**base, "MISSING": kind, "MIS_START": fmt(s),
                                     "MIS_END": fmt(e) if e and e <= year.end else ""})
        if year.start_year >= 2023:
            for sw_id, s, e, reason in c.sw:
                if _overlaps(s, e, year):
                    closed = e is not None and e <= year.end
                    t["sw_episodes"].append({**base, "SW_ID": sw_id, "SW_DECOM": fmt(s),
                                             "SW_DEC": fmt(e) if closed else "", "SW_REASON": reason if closed else ""})
        if year.start_year >= 2026:
            for s, e in c.dolo:
                if _overlaps(s, e, year):
                    t["dolo"].append({**base, "DOLO_START": fmt(s), "DOLO_END": fmt(e) if e and e <= year.end else ""})
        if c.uasc_duc:
            t["uasc"].append({"CHILD": c.id, "SEX": sex(c.sex_mfu), "DOB": fmt(c.dob), "DUC": fmt(c.uasc_duc)})
        t["previous_permanence"].append({**base, "PREV_PERM": c.prev_perm[0], "LA_PERM": c.prev_perm[1],
                                         "DATE_PERM": c.prev_perm[2]})
        if (year.end - eps[0].decom).days >= 365 and (year.end - c.dob).days >= 4 * 365 \
                and any(e.dec is None for e in eps):
            t["oc2"].append({**base, "SDQ_SCORE": str((len(c.id) * 7 + c.dob.day) % 41), "SDQ_REASON": "",
                             "CONVICTED": "0", "HEALTH_CHECK": "1", "IMMUNISATIONS": "1", "TEETH_CHECK": "1",
                             "HEALTH_ASSESSMENT": "1", "SUBSTANCE_MISUSE": "0", "INTERVENTION_RECEIVED": "",
                             "INTERVENTION_OFFERED": ""})
        if c.adoption and any(e.rec in ("E11", "E12") for e in eps):
            di, dm = c.adoption
            t["ad1"].append({**base, "DATE_INT": fmt(di), "DATE_MATCH": fmt(dm), "FOSTER_CARE": "0",
                             "NB_ADOPTR": "2", "SEX_ADOPTR": "MF", "LS_ADOPTR": "L0"})
            t["placed_for_adoption"].append({**base, "DATE_PLACED": fmt(dm), "DATE_PLACED_CEASED": "",
                                             "REASON_PLACED_CEASED": ""})
    return t


# ---- error injection: each entry corrupts one child's rows in place ---------------------------

def _by_child(rows: list[dict]) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for r in rows:
        out.setdefault(r["CHILD"], []).append(r)
    return out


def _inject(rng: random.Random, headers: dict[str, list[dict]], episodes: dict[str, list[dict]],
            child: str) -> str | None:
    hdr = headers.get(child, [])
    eps = episodes.get(child, [])
    choices = []
    if hdr:
        choices += ["sex", "ethnic_lower", "dob_invalid", "upn_shape", "ethnic_blank"]
    if eps:
        choices += ["place_invalid", "decom_invalid", "dec_before_decom", "rec_missing", "rne_invalid",
                    "ls_trailing_lower"]
    if len(eps) > 1:
        choices += ["overlap"]
    if not choices:
        return None
    kind = rng.choice(choices)
    h = hdr[0] if hdr else None
    e = rng.choice(eps) if eps else None
    if kind == "sex":
        h["SEX"] = "X"
    elif kind == "ethnic_lower":
        h["ETHNIC"] = h["ETHNIC"].lower()
    elif kind == "ethnic_blank":
        h["ETHNIC"] = ""
    elif kind == "dob_invalid":
        h["DOB"] = "31/02/" + h["DOB"][-4:]
    elif kind == "upn_shape":
        h["UPN"] = "I" + h["UPN"][1:] if len(h["UPN"]) == 13 else "UN9"
    elif kind == "place_invalid":
        e["PLACE"] = "Q9"
    elif kind == "decom_invalid":
        e["DECOM"] = e["DECOM"][:6] + "20" + e["DECOM"][-2:] if len(e["DECOM"]) == 10 else "2020-13-01"
        e["DECOM"] = "2020-13-01" if rng.random() < 0.5 else e["DECOM"]
    elif kind == "dec_before_decom":
        d = date(int(e["DECOM"][6:]), int(e["DECOM"][3:5]), int(e["DECOM"][:2]))
        e["DEC"] = fmt(d - timedelta(days=rng.randint(1, 30)))
        e["REC"] = e["REC"] or "X1"
    elif kind == "rec_missing":
        e["DEC"] = e["DEC"] or e["DECOM"]
        e["REC"] = ""
    elif kind == "rne_invalid":
        e["RNE"] = "Z"
    elif kind == "ls_trailing_lower":
        e["LS"] = e["LS"].lower() + " "
    elif kind == "overlap":
        e2 = eps[1]
        e2["DECOM"] = eps[0]["DECOM"]
    return kind


@dataclass
class Synthetic:
    current: dict[str, list[dict]]
    previous: dict[str, list[dict]]
    injected: list[tuple[str, str]]   # (child, kind)


def generate(children: int, year: CollectionYear, seed: int = 1, error_rate: float = 0.05,
             care_leaver_share: float = 0.05) -> Synthetic:
    """``children`` children in this year's return (last year's holds those of them who were
    looked after then, and some who left before this year)."""
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
    headers, episodes = _by_child(current["header"]), _by_child(current["episodes"])
    for row in list(current["header"]):
        if rng.random() < error_rate:
            kind = _inject(rng, headers, episodes, row["CHILD"])
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
