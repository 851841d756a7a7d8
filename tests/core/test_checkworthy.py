"""Tests of the runtime check-worthiness model (numpy only: no scikit-learn here)."""

import gzip
import json
import math
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.core.errors import ModelError
from annotator.core.nlp import checkworthy as cw
from annotator.core.nlp.checkworthy import CheckWorthinessModel, default_model_path

CLAIM = "Unemployment fell by 3 percent in 2019, to 4.1 million people."
OPINION = "I think we should all be kind to each other."
MANY = [
    CLAIM,
    OPINION,
    "The company reported revenue of $4.2 billion in March, up 12% from a year earlier.",
    "Thank you very much.",
    "",
    "   ",
    "?",
    "We spent more on defence than the next ten countries combined.",
    "Ünïcödé  tëxt\twith\ttabs — and ١٢٣ digits.",
    "Let me say this.",
]


@pytest.fixture(scope="module")
def model():
    return CheckWorthinessModel.load()


def test_shipped_model_file_exists():
    assert default_model_path().is_file()


def test_loads_offline_without_sklearn():
    code = (
        "import sys\n"
        "from annotator.core.nlp.checkworthy import CheckWorthinessModel\n"
        "m = CheckWorthinessModel.load()\n"
        "m.scores(['A sentence with 20 percent.'])\n"
        "bad = [k for k in sys.modules if k.split('.')[0] in ('sklearn', 'scipy', 'PyQt5', 'PyQt6', 'PySide6')]\n"
        "assert not bad, bad\n"
    )
    root = Path(__file__).resolve().parents[2]
    subprocess.run([sys.executable, "-c", code], check=True, cwd=root)


def test_threshold_and_metadata(model):
    assert 0.0 < model.threshold < 1.0
    assert "ClaimBuster" in model.metadata["data"]
    assert "held_out" in model.metadata


def test_scores_in_unit_interval(model):
    scores = model.scores(MANY)
    assert len(scores) == len(MANY)
    assert all(isinstance(s, float) and 0.0 <= s <= 1.0 and math.isfinite(s) for s in scores)


def test_empty_batch(model):
    assert model.scores([]) == []


def test_claim_beats_opinion(model):
    claim, opinion = model.scores([CLAIM, OPINION])
    assert claim > opinion
    assert claim >= model.threshold > opinion


def test_batch_of_one_equals_batch_of_many(model):
    batch = model.scores(MANY)
    single = [model.scores([t])[0] for t in MANY]
    assert batch == pytest.approx(single, abs=1e-12)


def test_spans_given_equal_texts_alone(model):
    # Texts alone are parsed inside the model, each as its own document, like these spans.
    spans = cw.parse(MANY)
    assert model.needs_spacy
    assert model.scores(MANY, spans=spans) == pytest.approx(model.scores(MANY), abs=1e-12)


def test_spans_must_align_with_texts(model):
    spans = cw.parse(MANY[:2])
    with pytest.raises(ValueError):
        model.scores(MANY[:3], spans=spans)


def test_spans_from_a_paragraph_are_used():
    # A sentence span inside a longer document: features come from the span only.
    nlp = cw.spacy_pipeline()
    doc = nlp("Thank you very much. " + CLAIM)
    span = list(doc.sents)[-1]
    masked, counts = cw.spacy_features([span])
    assert "thank" not in masked[0]
    assert "ENT" in masked[0] and "unemployment" in masked[0]
    assert counts.shape == (1, len(cw.SPACY_FEATURE_NAMES))
    assert (counts >= 0).all() and counts.sum() > 0


def test_explain(model):
    reasons = model.explain(CLAIM, top=3)
    assert 1 <= len(reasons) <= 3
    assert all(isinstance(r, str) and r for r in reasons)
    assert any("3" in r or "percent" in r or "million" in r for r in reasons)


def _corrupt(tmp_path, name, data: bytes):
    p = tmp_path / name
    p.write_bytes(data)
    return p


def test_missing_model_raises(tmp_path):
    with pytest.raises(ModelError):
        CheckWorthinessModel.load(tmp_path / "nope.json.gz")


@pytest.mark.parametrize("kind", ["garbage", "truncated", "not_json", "wrong_format", "bad_sizes"])
def test_corrupt_model_raises(tmp_path, kind):
    good = default_model_path().read_bytes()
    if kind == "garbage":
        p = _corrupt(tmp_path, "m.json.gz", b"this is not a model")
    elif kind == "truncated":
        p = _corrupt(tmp_path, "m.json.gz", good[: len(good) // 2])
    elif kind == "not_json":
        p = _corrupt(tmp_path, "m.json.gz", gzip.compress(b"{not json"))
    else:
        spec = json.loads(gzip.decompress(good))
        if kind == "wrong_format":
            spec["format"] = "something-else"
        else:
            spec["blocks"][0]["vocabulary"] = spec["blocks"][0]["vocabulary"][:10]
        p = _corrupt(tmp_path, "m.json.gz", gzip.compress(json.dumps(spec).encode()))
    with pytest.raises(ModelError) as err:
        CheckWorthinessModel.load(p)
    assert "\n" not in str(err.value)


# --- the news re-scorer (priority) ---------------------------------------------------------------
def test_priority_model_loads_and_keeps_the_base_threshold(model):
    from annotator.core.nlp.priority import FEATURES, PriorityModel

    priority = PriorityModel.load()
    assert len(priority.coef) == len(FEATURES)
    assert priority.threshold == pytest.approx(model.threshold, abs=1e-3)
    assert "dev" in priority.metadata["data"] and "heldout" in priority.metadata["data"]


def test_priority_with_gate_zero_is_the_base_score():
    from annotator.core.nlp.priority import FEATURES, PriorityModel

    priority = PriorityModel.load()
    feats = [0.7] + [1.0] * (len(FEATURES) - 1)
    assert priority.score(feats, gate=0.0) == pytest.approx(1 / (1 + math.exp(-0.7)))
    assert priority.score(feats, gate=1.0) != pytest.approx(priority.score(feats, gate=0.0))


def test_news_gate_tells_reports_from_transcripts():
    from annotator.core.nlp.priority import news_gate

    report = ["The council approved the plan on Monday.", "It will cost £3m.",
              "\u201cWe are delighted,\u201d the mayor said.", "Work starts in May."]
    debate = ["I think we need more jobs.", "We cut taxes for you.", "My opponent voted no.",
              "The deficit doubled."]
    assert news_gate(report) == 1.0
    assert news_gate(debate) == 0.0
    assert news_gate(["I agree."]) == 1.0  # too short to tell


def test_corrupt_priority_model_raises(tmp_path):
    from annotator.core.nlp.priority import PriorityModel

    bad = tmp_path / "p.json"
    bad.write_text('{"format": "annotator-priority", "features": ["x"], "coef": [1], '
                   '"intercept": 0, "threshold": 0.5}')
    with pytest.raises(ModelError):
        PriorityModel.load(bad)
    with pytest.raises(ModelError):
        PriorityModel.load(tmp_path / "missing.json")


def _hand_features_one_text_at_a_time(texts):
    """The definition: log(1 + findall count) of each pattern as written, in each text alone."""
    rows = []
    for text in texts:
        rows.append([math.log1p(len(rx.findall(text))) for _, _, rx in cw.HAND_FEATURES]
                    + [math.log1p(len(text.split())) / 4.0])
    return rows


def test_hand_features_of_a_batch_are_each_texts_own():
    """The batch runs the case-insensitive patterns over the lowercased text; the counts must be
    those of each pattern, case-insensitive, on each text alone, including the characters that
    IGNORECASE folds to ASCII letters (İ, ı, ſ) and one whose lowercase is longer."""
    import csv

    path = Path(__file__).resolve().parents[3] / "shared" / "data" / "claimbuster" / "groundtruth.csv"
    with open(path, encoding="utf-8", newline="") as fh:
        texts = [row["Text"] for row in csv.DictReader(fh)]
    texts += ["We SPENT Forty MILLION DOLLARS; I THINK so.", "PER CENT, PERCENTAGES, Usd 5",
              "ſeven? No: ſix hundred, thouſands", "İ THİNK we'll win twİce", "ıt was ıtself",
              "THE HİGHEST RATE SINCE MAY 2019", "", "\x00"]
    expected = _hand_features_one_text_at_a_time(texts)
    got = cw.hand_features(texts)
    assert got.shape == (len(texts), len(cw.HAND_FEATURE_NAMES))
    for row, want in zip(got.tolist(), expected):
        assert row == pytest.approx(want)
    for text, want in zip(texts[-8:], expected[-8:]):
        assert cw.hand_features([text])[0].tolist() == pytest.approx(want)
