"""Official names of local governments against the sub-district gazetteer (geothai), with made-up
documents: ตำบลบ้านพราน is in อ.แสวงหา จ.อ่างทอง only; "บ้านพาน" is no sub-district; ตำบลบึงนคร is
in two provinces; "เทศบาลตำบลท่าโขลงใหม่" is no sub-district at all."""
from __future__ import annotations

from ita_lib.store.official_names import (
    AS_STATED, AS_WRITTEN, GAZETTEER, SUBDISTRICT, UNKNOWN, Place, Variant, document_spellings, official_name,
    official_refs, places_of,
)
from ita_lib.store.resolve import AgencyRef, resolve

OBT = "องค์การบริหารส่วนตำบล"
TT = "เทศบาลตำบล"


def test_the_gazetteer_knows_a_subdistrict_and_where_it_is():
    assert places_of("บ้านพราน") == (Place("บ้านพราน", "แสวงหา", "อ่างทอง"),)
    assert places_of("บ้านพราน", "ชุมแพ") == ()
    assert places_of("บ้านพาน") == ()
    assert {p.province for p in places_of("บึงนคร")} == {"ร้อยเอ็ด", "ประจวบคีรีขันธ์"}


def test_the_spelling_that_is_a_subdistrict_wins_and_fills_the_place():
    official = official_name("อบต.", [("อบต.บ้านพาน", 2), (OBT + "บ้านพราน", 3)])
    assert (official.name, official.place, official.name_how) == (OBT + "บ้านพราน", "บ้านพราน", SUBDISTRICT)
    assert (official.district, official.district_how) == ("แสวงหา", GAZETTEER)
    assert (official.province, official.province_how) == ("อ่างทอง", GAZETTEER)
    assert official.variants == (Variant(OBT + "บ้านพราน", 3, True), Variant(OBT + "บ้านพาน", 2, False))


def test_a_stated_district_elsewhere_keeps_the_name_as_written():
    official = official_name("อบต.", [("อบต.บ้านพาน", 2), (OBT + "บ้านพราน", 3)], "ชุมแพ", "ขอนแก่น")
    assert (official.name, official.name_how) == (OBT + "บ้านพาน", AS_WRITTEN)
    assert (official.district, official.district_how, official.province, official.province_how) == (
        "ชุมแพ", AS_STATED, "ขอนแก่น", AS_STATED)


def test_a_municipality_named_otherwise_is_kept_as_written():
    official = official_name("ทต.", [(TT + "ท่าโขลงใหม่", 4)])
    assert (official.name, official.name_how, official.district, official.province) == (
        TT + "ท่าโขลงใหม่", AS_WRITTEN, None, None)
    assert official.variants == (Variant(TT + "ท่าโขลงใหม่", 4, False),)


def test_an_ambiguous_subdistrict_without_a_province_fills_nothing():
    official = official_name("อบต.", [("อบต.บึงนคร", 1)])
    assert (official.name_how, official.district, official.district_how, official.province,
            official.province_how) == (SUBDISTRICT, None, UNKNOWN, None, UNKNOWN)
    stated = official_name("อบต.", [("อบต.บึงนคร", 1)], None, "จังหวัดร้อยเอ็ด")
    assert (stated.district, stated.district_how) == ("ธวัชบุรี", GAZETTEER)


def test_a_name_that_is_none_proposes_the_alike_subdistrict_for_review():
    official = official_name("อบต.", [("อบต.บ้านพาน", 1)])
    assert official.name_how == AS_WRITTEN
    assert Place("บ้านพราน", "แสวงหา", "อ่างทอง") in official.suggestions


def test_a_documents_spellings_are_counted_with_their_first_line():
    lines = [(3, "หน่วยงาน: องค์การบริหารส่วนตำบลบ้านพาน อำเภอแสวงหา"),
             (9, "อบต.บ้านพราน ได้จัดทำแผน"),
             (12, "องค์การบริหารส่วนตำบลบ้านพรานได้ดำเนินการ และ อบต.บ้านพาน"),
             (20, "นายกองค์การบริหารส่วนตำบลบ้านพราน"),
             (21, "ตำบลหนองบัว และ องค์การบริหารส่วนตำบลโคกสูง")]
    assert document_spellings(lines, "อบต.บ้านพาน", "อบต.") == [(OBT + "บ้านพราน", 3, 9), (OBT + "บ้านพาน", 2, 3)]
    assert document_spellings(lines, "กรมการปกครอง", None) == []


def ref(ref_id, name, district, province, year, spellings=()):
    return AgencyRef(ref_id, name, "อบต.", district, province, year, f"doc-{ref_id}", None, spellings)


def test_identity_reads_a_record_under_its_official_name():
    misspelt = ref("a", "อบต.บ้านพาน", None, None, 2567, ((OBT + "บ้านพราน", 3), (OBT + "บ้านพาน", 2)))
    alone = ref("b", "อบต.บ้านพาน", None, "อ่างทอง", 2566)  # a list printing the misspelling alone
    agencies, links = resolve([misspelt, alone])
    assert [(a.agency_id, a.name, a.district, a.province) for a in agencies] == [
        ("อบต.:อ่างทอง:แสวงหา:บ้านพราน", OBT + "บ้านพราน", "แสวงหา", "อ่างทอง")]
    assert {link.ref_id for link in links} == {"a", "b"}


def test_one_spelling_is_left_to_resolve():
    plain = ref("a", "อบต.บ้านพราน", None, None, 2567)
    assert official_refs([plain]) == [plain]


def test_a_search_by_a_former_spelling_of_the_place_finds_the_agency():
    import pandas as pd

    from ita_lib.store.agency_index import AgencyIndex

    agencies = pd.DataFrame([("id1", OBT + "บ้านพราน", "อบต.", "บ้านพราน", "แสวงหา", "อ่างทอง")],
                            columns=["agency_id", "name", "agency_type", "place", "district", "province"])
    spellings = pd.DataFrame([("id1", "อบต.บ้านพาน")], columns=["agency_id", "agency"])
    index = AgencyIndex(agencies, spellings, "store")
    assert index.find("บ้านพาน")["agency_id"] == "id1"
    assert index.find("อบต.บ้านพาน")["agency_id"] == "id1"
