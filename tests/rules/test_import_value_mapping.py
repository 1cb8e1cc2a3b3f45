"""Value mapping in the import: a ledger with 空巢 in 居住状况, unknown values and a signature
footer imports every valid person once the user has mapped each unknown value once."""

from __future__ import annotations

import json
from datetime import date

import pytest

from afc_desktop.services.import_values import describe, unknown_values
from afc_desktop.services.importer import ImportSource, commit_import, preview_import
from afc_desktop.services.register import get_person, search_person_ids
from afc_desktop.services.register.search import PersonQuery
from afc_desktop.sheets.header import find_header
from afc_desktop.sheets.mapping import load_mapping, mapping_to_json, suggest_mapping
from afc_desktop.sheets.reader import SheetReader


def test_unknown_values_are_listed_with_counts_and_defaults(value_ledger) -> None:
    found = {(v.field, v.value): v for v in unknown_values(value_ledger)}
    assert set(found) == {
        ("living_arrangement", "空巢"),
        ("living_arrangement", "与老伴同住"),
        ("categories", "孤寡"),
    }
    assert found[("living_arrangement", "空巢")].count == 2
    assert found[("living_arrangement", "空巢")].target == "category:empty_nest"  # default
    assert found[("living_arrangement", "与老伴同住")].target is None
    assert "居住情况“空巢”（2行）→ 类别：空巢" in describe(list(found.values()))


def test_mapped_once_the_whole_ledger_imports_and_the_footer_is_skipped(ctx, value_ledger) -> None:
    path = value_ledger
    plan = preview_import(ctx, ImportSource(path))
    # without a choice for the two unknown values, only those rows are errors; 空巢 is fine
    assert plan.counts()["error"] == 2 and plan.counts()["new"] == 10
    assert plan.skipped_footers == 2 and "表尾签名行 2 行" in plan.summary()
    with SheetReader(path) as reader:
        header = find_header(list(reader.rows()), reader.merged_ranges)
    mapping = suggest_mapping(header)
    mapping.values = {
        "living_arrangement": {"与老伴同住": "code:with_spouse"},
        "categories": {"孤寡": "category:alone"},
    }
    plan = preview_import(ctx, ImportSource(path, mapping=mapping))
    assert plan.clean and plan.counts()["new"] == 12
    commit_import(ctx, ImportSource(path, mapping=mapping), preview=plan)
    empty_nest = get_person(ctx, search_person_ids(ctx, PersonQuery("顾三"))[0])
    assert empty_nest.living_arrangement == "" and "empty_nest" in empty_nest.categories
    spouse = get_person(ctx, search_person_ids(ctx, PersonQuery("顾六"))[0])
    assert spouse.living_arrangement == "with_spouse"
    lonely = get_person(ctx, search_person_ids(ctx, PersonQuery("顾七"))[0])
    assert lonely.categories == ("alone",)
    first = get_person(ctx, search_person_ids(ctx, PersonQuery("顾一"))[0])
    assert first.registered_on == date(2024, 3, 1)  # the ledger's 登记日期
    assert lonely.registered_on == ctx.today()  # else the day of the import


def test_the_mapping_file_carries_the_value_maps(ctx, value_ledger, tmp_path) -> None:
    path = value_ledger
    with SheetReader(path) as reader:
        header = find_header(list(reader.rows()), reader.merged_ranges)
    mapping = suggest_mapping(header)
    mapping.values = {"living_arrangement": {"与老伴同住": "code:with_spouse"},
                      "categories": {"孤寡": "empty"}}  # fmt: skip
    saved = tmp_path / "对应.json"
    saved.write_text(json.dumps(mapping_to_json(mapping, header), ensure_ascii=False), "utf-8")
    assert load_mapping(saved, header).values == mapping.values
    data = json.loads(saved.read_text("utf-8"))
    assert data["version"] == 2 and data["values"]["categories"] == {"孤寡": "empty"}
    data["values"]["categories"] = {"孤寡": "category:no_such_thing"}
    bad = tmp_path / "坏.json"
    bad.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    with pytest.raises(Exception, match="不是该列可用的对应值"):
        load_mapping(bad, header)
