"""Vietnamese administrative units, from the maintained ``vietnam-provinces`` package.

Plans name their issuer and place the way people write them ("Duỳn Hải" after OCR, "Đông Hoà", "Thừa Thiên
Huế"); this module resolves such names to the official pre-2025 units (63 provinces, 696 districts,
10,051 communes, with their codes) and to the province each belongs to after the July 2025 merger. A plan
issued after that reform names a commune or ward of the new two-level system (3,321 units, many with new
names): ``match_new_commune`` looks it up in the package's current tables, built on first use.
The tables are built once per process (``gazetteer()`` is cached; ~0.4 s, mostly importing the package);
a lookup afterwards costs microseconds (exact) or tens of microseconds (fuzzy, within one province).
Names the package lacks or spells differently live in ``data/place_aliases.yaml``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import regex
import yaml
from rapidfuzz import fuzz, process

from papi_extract.normalize import fold

_DATA = Path(__file__).parent / "data"
_KEY_DROP = regex.compile(r"[-.,_']")
MEMO_MAX = 50_000  # remembered lookups (a few MB at most)


def key(name: str) -> str:
    """Lookup key of a place name: folded, hyphens and dots dropped ("Thừa Thiên - Huế" → "thua thien hue")."""
    f = fold(name)
    if "-" in f or "." in f or "," in f or "_" in f or "'" in f:
        f = _KEY_DROP.sub(" ", f)
    return " ".join(f.split())


@dataclass(frozen=True, slots=True)
class Unit:
    """One administrative unit. ``name`` has no type prefix ("Duyên Hải", not "Thị xã Duyên Hải")."""

    code: int
    name: str
    unit_type: str  # tỉnh, thành phố, huyện, quận, thị xã, xã, phường, thị trấn
    level: str  # "province" | "district" | "commune"
    province_code: int
    district_code: int | None
    key: str


@dataclass(frozen=True, slots=True)
class Match:
    """A resolved name: the unit, the fuzzy score (100 = exact key match) and whether it was exact."""

    unit: Unit
    score: float
    exact: bool


@dataclass(slots=True)
class Gazetteer:
    provinces: dict[int, Unit] = field(default_factory=dict)
    province_keys: dict[str, int] = field(default_factory=dict)  # key of name or alias -> code
    province_key_list: list[str] = field(default_factory=list)  # the same keys, for fuzzy matching
    province_display: dict[int, str] = field(default_factory=dict)  # name plans use ("Thừa Thiên Huế")
    province_2025: dict[int, tuple[int, ...]] = field(default_factory=dict)  # old code -> new codes
    new_names: dict[int, str] = field(default_factory=dict)  # new (2025) code -> name without prefix
    locals_by_province: dict[int, list[Unit]] = field(default_factory=dict)  # districts + communes
    keys_by_province: dict[int, list[str]] = field(default_factory=dict)
    local_index: dict[str, list[Unit]] = field(default_factory=dict)  # key -> units, all provinces
    district_keys: list[str] = field(default_factory=list)
    districts: list[Unit] = field(default_factory=list)
    local_aliases: dict[tuple[int, str], str] = field(default_factory=dict)
    district_province: dict[int, int] = field(default_factory=dict)  # old district code -> old province code
    max_province_words: int = 4
    # answers already given (the tables never change once built; a Match is immutable): plans of one
    # province ask about the same few names again and again, and a fuzzy lookup costs tens of µs
    memo: dict[tuple[object, ...], Match | Unit | None] = field(default_factory=dict)

    # -- provinces ---------------------------------------------------------------------------------
    def province_by_name(self, name: str) -> Unit | None:
        """Exact (folded) province lookup by name or alias."""
        code = self.province_keys.get(key(name))
        return self.provinces.get(code) if code is not None else None

    def match_province(self, name: str, cutoff: float = 85.0) -> Match | None:
        """Province by name or alias, tolerating OCR slips ("AN GIAMG") when the name is long enough."""
        mk = ("province", name, cutoff)
        if mk in self.memo:
            return self.memo[mk]  # type: ignore[return-value]
        found = self._match_province(name, cutoff)
        self._remember(mk, found)
        return found

    def _match_province(self, name: str, cutoff: float) -> Match | None:
        k = key(name)
        code = self.province_keys.get(k)
        if code is not None:
            return Match(self.provinces[code], 100.0, True)
        if len(k) < 6:
            return None
        hit = process.extractOne(k, self.province_key_list, scorer=fuzz.ratio, score_cutoff=cutoff)
        if hit is None:
            return None
        return Match(self.provinces[self.province_keys[hit[0]]], hit[1], False)

    def _remember(self, mk: tuple[object, ...], found: Match | None) -> None:
        if len(self.memo) >= MEMO_MAX:
            self.memo.clear()  # a long batch over many provinces: start over rather than grow without bound
        self.memo[mk] = found

    def display(self, code: int) -> str:
        return self.province_display.get(code) or self.provinces[code].name

    def province_after_2025(self, code: int, unit: Unit | None = None) -> str | None:
        """Name of the province ``code`` belongs to since July 2025 ("Trà Vinh" → "Vĩnh Long").

        A province split between two new provinces is decided by the commune (or the district's
        communes) when known, else by the new province that kept the old code.
        """
        targets = self.province_2025.get(code)
        if not targets:
            return None
        if len(targets) == 1:
            return self.new_names.get(targets[0])
        if unit is not None and unit.level != "province":
            target = _split_target(unit.level, unit.code)
            if target in targets:
                return self.new_names.get(target)
        best = code if code in targets else targets[0]
        return self.new_names.get(best)

    # -- communes and wards since July 2025 ----------------------------------------------------------
    def match_new_commune(self, name: str, new_provinces: list[int], unit_type: str | None) -> Match | None:
        """A commune or ward of the post-2025 system, by exact (folded) name: within the first of
        ``new_provinces`` (new province codes, best first) that has one, else nationwide when the name
        is unique. No fuzzy step: a misspelt name falls back to the pre-2025 tables and their fuzzy match.
        """
        mk = ("new", name, tuple(new_provinces), unit_type)
        if mk in self.memo:
            return self.memo[mk]  # type: ignore[return-value]
        units = _new_commune_index().get(key(name), [])
        found: Match | None = None
        for c in new_provinces:
            here = _rank([u for u in units if u.province_code == c], unit_type, None)
            if here:
                found = Match(here[0], 100.0, True)
                break
        if found is None and units:
            typed = [u for u in units if u.unit_type == unit_type] or units
            if len({u.code for u in typed}) == 1:
                found = Match(typed[0], 100.0, True)
        self._remember(mk, found)
        return found

    def legacy_province_of(self, unit: Unit) -> int | None:
        """The pre-2025 province most of a post-2025 commune's territory came from (its old communes)."""
        counts: dict[int, int] = {}
        for code in _legacy_district_codes(unit.code):
            prov = self.district_province.get(code)
            if prov is not None:
                counts[prov] = counts.get(prov, 0) + 1
        return max(counts, key=lambda c: counts[c]) if counts else None

    # -- districts and communes --------------------------------------------------------------------
    def match_local(self, name: str, province_code: int | None, unit_type: str | None = None,
                    level: str | None = None, cutoff: float = 80.0) -> Match | None:
        """Resolve a district/commune name, preferring ``unit_type``; never crossing ``level``.

        A unit of another type at the same level still matches (a "huyện" that has since become a
        "thị xã" is the same district). With a province: exact key, then rapidfuzz ratio over that
        province's units (so "Duỳn Hải" finds thị xã Duyên Hải of Trà Vinh). Without: exact key
        nationwide, only when one unit fits; then fuzzy over districts only (communes are too many and
        too alike to guess across the country).
        """
        mk = ("local", name, province_code, unit_type, level, cutoff)
        if mk in self.memo:
            return self.memo[mk]  # type: ignore[return-value]
        found = self._match_local(name, province_code, unit_type, level, cutoff)
        self._remember(mk, found)
        return found

    def _match_local(self, name: str, province_code: int | None, unit_type: str | None, level: str | None,
                     cutoff: float) -> Match | None:
        k = key(name)
        if not k:
            return None
        if province_code is not None:
            alias = self.local_aliases.get((province_code, k))
            if alias is not None:
                k = key(alias)
            units = _rank([u for u in self.local_index.get(k, ()) if u.province_code == province_code],
                          unit_type, level)
            if units:
                return Match(units[0], 100.0, True)
            if _rank(self.local_index.get(k, []), unit_type, level):
                # a real name of this level elsewhere ("Tam Phước"): not a slip to correct to a neighbour of the
                # province's tables ("Tân Phước"), which may lack the unit; the name stays as printed
                return None
            keys = self.keys_by_province.get(province_code, [])
            pool = self.locals_by_province.get(province_code, [])
            return _fuzzy(k, keys, pool, unit_type, level, cutoff)
        units = _rank(self.local_index.get(k, []), unit_type, level)
        if units:
            typed = [u for u in units if u.unit_type == unit_type] or units
            return Match(typed[0], 100.0, True) if len({u.code for u in typed}) == 1 else None
        if level in (None, "district"):
            return _fuzzy(k, self.district_keys, self.districts, unit_type, level, cutoff + 8)
        return None


def _rank(units: list[Unit], unit_type: str | None, level: str | None) -> list[Unit]:
    """Units of the expected level, those of the expected type first."""
    if level is not None:
        units = [u for u in units if u.level == level]
    return sorted(units, key=lambda u: u.unit_type != unit_type)


def _fuzzy(k: str, keys: list[str], pool: list[Unit], unit_type: str | None, level: str | None,
           cutoff: float) -> Match | None:
    """Best fuzzy hit of the expected level; of the expected type on a tie."""
    if not keys:
        return None
    hits = process.extract(k, keys, scorer=fuzz.ratio, score_cutoff=cutoff, limit=8)
    cands = [(pool[i], s) for _, s, i in hits if level is None or pool[i].level == level]
    if not cands:
        return None
    unit, score = max(cands, key=lambda c: (round(c[1], 6), c[0].unit_type == unit_type))
    return Match(unit, score, False)


def _strip_type(name: str) -> str:
    """ "Thị xã Duyên Hải" → "Duyên Hải" (the package prefixes every name with its unit word)."""
    low = name.lower()
    for p in ("thành phố", "thị xã", "thị trấn", "tỉnh", "huyện", "quận", "xã", "phường"):
        if low.startswith(p + " "):
            return name[len(p) + 1:].strip()
    return name


@cache
def _split_target(level: str, code: int) -> int | None:
    """New (2025) province of a commune, or where most of a district's communes went.

    Only asked for the rare old province that was split between two new ones (public bridge API of the
    package; each answer cached).
    """
    from collections import Counter

    from vietnam_provinces import Ward as NewWard

    found = NewWard.search_from_legacy(code=code) if level == "commune" else \
        NewWard.search_from_legacy_district(code=code)
    counts = Counter(int(w.ward.province_code) for w in found)
    return counts.most_common(1)[0][0] if counts else None


@cache
def _new_commune_index() -> dict[str, list[Unit]]:
    """Key -> communes and wards in force since July 2025 (``province_code`` is the new province's code).

    Built on the first plan that needs it (about 0.1 s): plans issued before the reform never do.
    """
    from vietnam_provinces import Ward as NewWard

    index: dict[str, list[Unit]] = {}
    for w in NewWard.iter_all():
        dtype = str(w.division_type.value)
        if dtype not in ("xã", "phường"):
            continue  # the island "đặc khu" has no unit type in the output contract
        name = _strip_type(w.name)
        u = Unit(int(w.code), name, dtype, "commune", int(w.province_code), None, key(name))
        index.setdefault(u.key, []).append(u)
    return index


@cache
def _legacy_district_codes(new_code: int) -> tuple[int, ...]:
    """Old district of each pre-2025 commune merged into the new commune ``new_code`` (public bridge API)."""
    from vietnam_provinces import Ward as NewWard
    from vietnam_provinces.codes import WardCode

    try:
        sources = NewWard.from_code(WardCode(new_code)).get_legacy_sources()
    except (ValueError, KeyError):
        return ()
    return tuple(int(w.district_code) for w in sources)


def _load_aliases() -> dict:
    with open(_DATA / "place_aliases.yaml", encoding="utf-8") as fh:
        return yaml.safe_load(fh) or {}


@cache
def gazetteer() -> Gazetteer:
    """Build the tables once per process."""
    from vietnam_provinces import Province as NewProvince
    from vietnam_provinces.legacy import District, Province, Ward

    g = Gazetteer()
    for p in Province.iter_all():
        dtype = str(p.division_type.value)
        unit_type = "thành phố" if dtype == "thành phố trung ương" else dtype
        name = _strip_type(p.name)
        u = Unit(int(p.code), name, unit_type, "province", int(p.code), None, key(name))
        g.provinces[u.code] = u
        g.province_keys[u.key] = u.code
    for new_p in NewProvince.iter_all():
        g.new_names[int(new_p.code)] = _strip_type(new_p.name)
    for code in g.provinces:
        g.province_2025[code] = tuple(int(n.province.code) for n in NewProvince.search_from_legacy(code=code))

    district_province = g.district_province
    for d in District.iter_all():
        dtype = str(d.division_type.value)
        name = _strip_type(d.name)
        u = Unit(int(d.code), name, dtype, "district", int(d.province_code), int(d.code), key(name))
        district_province[u.code] = u.province_code
        g.locals_by_province.setdefault(u.province_code, []).append(u)
        g.local_index.setdefault(u.key, []).append(u)
        g.districts.append(u)
    for w in Ward.iter_all():
        dtype = str(w.division_type.value)
        name = _strip_type(w.name)
        prov = district_province.get(int(w.district_code))
        if prov is None:
            continue
        u = Unit(int(w.code), name, dtype, "commune", prov, int(w.district_code), key(name))
        g.locals_by_province.setdefault(prov, []).append(u)
        g.local_index.setdefault(u.key, []).append(u)
    for prov, units in g.locals_by_province.items():
        g.keys_by_province[prov] = [u.key for u in units]
    g.district_keys = [u.key for u in g.districts]

    aliases = _load_aliases()
    for raw_code, spec in (aliases.get("provinces") or {}).items():
        code = int(raw_code)
        if code not in g.provinces:
            continue
        spec = spec or {}
        if spec.get("name"):
            g.province_display[code] = spec["name"]
            g.province_keys[key(spec["name"])] = code
            if spec.get("unit_type"):
                u = g.provinces[code]
                g.provinces[code] = Unit(u.code, spec["name"], spec["unit_type"], u.level, u.province_code,
                                         None, key(spec["name"]))
        for a in spec.get("aliases") or ():
            g.province_keys.setdefault(key(a), code)
    for k_, target in (aliases.get("localities") or {}).items():
        prov_code, _, written = str(k_).partition("/")
        g.local_aliases[(int(prov_code), key(written))] = target
    g.province_key_list = list(g.province_keys)
    g.max_province_words = max(len(k.split()) for k in g.province_keys)
    return g
