"""The sentence reader (annotator/core/nlp/reader.py): tokenizer, encoder, head, and its use by
the detector."""

from __future__ import annotations

import math

import numpy as np
import pytest

from annotator.core.errors import ModelError
from annotator.core.nlp import reader as rd


@pytest.fixture(scope="module")
def reader():
    return rd.SentenceReader.load()


def pieces(reader, text, **kw):
    vocab = {i: t for t, i in reader.tokenizer.ids.items()}
    return [vocab[i] for i in reader.tokenizer.encode(text, **kw)]


def test_wordpiece_lowercases_strips_accents_and_splits_punctuation(reader):
    assert pieces(reader, "Don't panic, Café Müller!") == [
        "[CLS]", "don", "'", "t", "panic", ",", "cafe", "muller", "!", "[SEP]"]


def test_wordpiece_splits_rare_words_into_known_pieces(reader):
    assert pieces(reader, "Ofsted downgraded Brexiteers") == [
        "[CLS]", "of", "##sted", "down", "##grade", "##d", "br", "##ex", "##ite", "##ers", "[SEP]"]


def test_wordpiece_unknown_and_overlong_words_and_control_characters(reader):
    assert pieces(reader, "a" * 150) == ["[CLS]", "[UNK]", "[SEP]"]
    assert pieces(reader, "tax\x00\u200b\x07 rise") == ["[CLS]", "tax", "rise", "[SEP]"]
    assert pieces(reader, "北京")[1:3] == ["北", "京"]


def test_wordpiece_truncates_long_sentences_and_keeps_the_closing_mark(reader):
    ids = reader.tokenizer.encode("word " * 500)
    assert len(ids) == rd.MAX_TOKENS
    assert ids[0] == reader.tokenizer.cls and ids[-1] == reader.tokenizer.sep


def test_gelu_matches_the_exact_erf_form():
    xs = np.linspace(-6, 6, 241, dtype=np.float32)
    exact = np.array([x * 0.5 * (1 + math.erf(x / math.sqrt(2))) for x in xs.astype(float)])
    assert np.max(np.abs(rd._gelu(xs) - exact)) < 1e-5


def test_vectors_are_unit_length_and_do_not_depend_on_the_batch(reader):
    texts = ["The minister resigned on Friday.",
             "Police said three men were arrested after the match in Leeds on Saturday night.",
             "Lovely."]
    together = reader.embed(texts)
    assert together.shape == (3, 384)
    assert np.allclose(np.linalg.norm(together, axis=1), 1.0, atol=1e-5)
    for text, row in zip(texts, together):
        assert np.allclose(reader.embed([text])[0], row, atol=1e-5)
    assert reader.logits([]).shape == (0,)


def test_the_head_reads_reports_above_feelings_and_appeals(reader):
    reports = ["The council approved a 4.2 million pound budget for road repairs on Tuesday.",
               "The company cut 300 jobs at its Sheffield plant last year, filings show.",
               "The bridge was closed to traffic after inspectors found cracks in two supports."]
    colour = ["It was a wonderful evening for everyone who loves this town.",
              "We urge every reader to think of the families this Christmas.",
              "Fans sang and danced long into the night."]
    hi, lo = reader.logits(reports), reader.logits(colour)
    assert hi.min() > lo.max()


def test_a_damaged_or_foreign_file_is_a_model_error(tmp_path):
    junk = tmp_path / "reader.npz"
    junk.write_bytes(b"not a zip file at all")
    with pytest.raises(ModelError, match="cannot be read"):
        rd.SentenceReader.load(junk)
    other = tmp_path / "other.npz"
    np.savez(other, format=np.array("something-else"))
    with pytest.raises(ModelError, match="not an annotator reader model"):
        rd.SentenceReader.load(other)
    with pytest.raises(ModelError, match="missing"):
        rd.SentenceReader.load(tmp_path / "absent.npz")


def test_priority_models_with_and_without_the_reader_feature():
    from annotator.core.nlp.priority import (CONTEXT_FEATURES, FEATURES, READER_FEATURES,
                                             PriorityModel)

    plain = PriorityModel.load()
    with_reader = PriorityModel.load(with_reader=True)
    assert not plain.with_reader and with_reader.with_reader
    assert len(with_reader.coef) == len(READER_FEATURES) == \
        len(FEATURES) + 1 + len(CONTEXT_FEATURES)
    # a sentence that reads as a report is worth more
    assert with_reader.coef[READER_FEATURES.index("reader")] > 0
    feats = [0.0] * len(FEATURES)
    assert with_reader.score(feats, 1.0, 3.0) > with_reader.score(feats, 1.0, -3.0)
    assert with_reader.score(feats, 0.0, 3.0) == with_reader.score(feats, 0.0, -3.0) == 0.5


ARTICLE = (
    "Council approves road budget\n\n"
    "The council approved a 4.2 million pound budget for road repairs on Tuesday, its "
    "leader Jo Mallory said.\n\n"
    "It was a lovely evening in the town hall. Residents cheered.\n\n"
    '"We have waited years for this," said Ann Reed, who lives on the worst-hit street.\n\n'
    "The work will start in March and last eleven weeks, the council said.")


def test_the_detector_reads_articles_and_leaves_book_length_texts_to_the_plain_model(
        monkeypatch):
    from annotator.core.nlp import detector as det
    from annotator.core.nlp.detector import Detector

    d = Detector()
    read = d.detect(ARTICLE)
    assert d.last_read
    d.use_reader = False
    plain = d.detect(ARTICLE)
    assert not d.last_read
    assert [u.text for u in read] == [u.text for u in plain]
    assert [u.score for u in read] != [u.score for u in plain]  # the reader weighs in
    monkeypatch.setattr(det, "READER_MAX_SENTENCES", 3)
    d.use_reader = True
    too_long = d.detect(ARTICLE)
    assert not d.last_read
    assert [u.score for u in too_long] == [u.score for u in plain]


def test_folds_for_fine_tuning_keep_articles_whole_and_do_not_change_between_runs():
    from annotator.core.nlp.train_reader import article_folds

    groups = np.asarray([f"a{i // 7}" for i in range(7 * 20)])  # 20 articles of 7 sentences
    folds = article_folds(groups, 6)
    assert set(folds) == set(range(6))
    for article in set(groups):
        assert len(set(folds[groups == article])) == 1
    sizes = [len(set(groups[folds == k])) for k in range(6)]
    assert max(sizes) - min(sizes) <= 1  # articles dealt out evenly
    assert np.array_equal(folds, article_folds(groups, 6))


def test_the_shipped_reader_has_out_of_fold_logits_for_every_dev_sentence():
    """train_priority --reader stacks these logits: they must be the shipped reader's own."""
    import json

    from annotator.core.nlp.train_reader import OUT_OF_FOLD, dev_sentences, file_sha256

    record = json.loads(OUT_OF_FOLD.read_text(encoding="utf-8"))
    assert record["reader_sha256"] == file_sha256(rd.default_model_path())
    ids = dev_sentences(with_ids=True)[0]
    assert set(record["logits"]) == {str(i) for i in ids}
    assert all(-8.0 <= v <= 8.0 for v in record["logits"].values())


def test_the_re_scorer_refuses_logits_of_another_reader(tmp_path, monkeypatch):
    import json

    from annotator.core.nlp import train_priority, train_reader

    stale = tmp_path / "reader-oof.json"
    stale.write_text(json.dumps({"reader_sha256": "0" * 64, "how": "x", "logits": {"1": 0.5}}))
    monkeypatch.setattr(train_reader, "OUT_OF_FOLD", stale)
    with pytest.raises(SystemExit, match="another reader"):
        train_priority.reader_out_of_fold([1])
    monkeypatch.setattr(train_reader, "OUT_OF_FOLD", tmp_path / "absent.json")
    with pytest.raises(SystemExit, match="missing"):
        train_priority.reader_out_of_fold([1])


def test_a_checkpoint_becomes_the_apps_arrays(tmp_path):
    """to_arrays (used by convert and finetune) on a tiny made-up BERT: int8 words with one
    scale per row, (in, out) float16 matrices, and a reader that loads and reads."""
    from annotator.core.nlp.train_reader import _NAMES, to_arrays

    rng = np.random.RandomState(0)
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "the", "council", "met", "."]
    dim, inner = 24, 48  # 12 heads of 2
    shapes = {"query_w": (dim, dim), "key_w": (dim, dim), "value_w": (dim, dim),
              "attn_out_w": (dim, dim), "ffn_in_w": (inner, dim), "ffn_out_w": (dim, inner),
              "ffn_in_b": (inner,)}
    weights = {"embeddings.word_embeddings.weight": rng.randn(len(vocab), dim),
               "embeddings.position_embeddings.weight": rng.randn(128, dim),
               "embeddings.token_type_embeddings.weight": rng.randn(2, dim),
               "embeddings.LayerNorm.weight": np.ones(dim), "embeddings.LayerNorm.bias": np.zeros(dim)}
    for ours, theirs in _NAMES.items():
        shape = shapes.get(ours, (dim,))
        weights[f"encoder.layer.0.{theirs}"] = rng.randn(*shape) * 0.1
    weights = {k: np.asarray(v, np.float32) for k, v in weights.items()}
    arrays = to_arrays(weights, vocab, "tiny", layers=1)
    assert arrays["word_embeddings"].dtype == np.int8
    restored = arrays["word_embeddings"] * arrays["word_scale"][:, None]
    assert np.allclose(restored, weights["embeddings.word_embeddings.weight"], atol=0.03)
    assert arrays["layer0_ffn_in_w"].shape == (dim, inner)  # stored (in, out): x @ w
    assert arrays["layer0_ffn_in_w"].dtype == np.float16
    vectors = rd.SentenceReader(arrays).embed(["The council met.", "the the"])
    assert vectors.shape == (2, dim)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_fine_tuning_without_pytorch_says_what_to_install(tmp_path):
    import importlib.util

    from annotator.core.nlp.train_reader import finetune

    if importlib.util.find_spec("torch") and importlib.util.find_spec("transformers"):
        pytest.skip("PyTorch is installed here")
    with pytest.raises(SystemExit, match="pip install torch transformers"):
        finetune(tmp_path, tmp_path / "reader.npz")
    assert not (tmp_path / "reader.npz").exists()


def test_the_pre_stage_learns_from_crowdsourced_debates_and_never_reads_groundtruth(monkeypatch):
    from annotator.core.nlp import train_checkworthy as tc
    from annotator.core.nlp import train_reader as tr

    read = []
    real = tc.read_claimbuster

    def recording(path, *args, **kwargs):
        read.append(path.name)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(tc, "read_claimbuster", recording)
    texts, y = tr.pretrain_sentences()
    assert read == ["crowdsourced.csv"]
    assert len(texts) == len(y) == 22501 and int(y.sum()) == 5413
    monkeypatch.setattr(tr, "FT_PRETRAIN_SENTENCES", 1000)
    few, few_y = tr.pretrain_sentences()
    assert len(few) == 1000 and few == tr.pretrain_sentences()[0]  # a fixed subsample


def test_the_models_learn_from_the_dev_rows_the_shipped_reader_saw():
    """The trainers read exactly the `dev` sentences up to the last row the shipped reader was
    fine-tuned on; rows added after it serve the rules and the dev figures until the reader is
    fine-tuned again; no held-out row ever."""
    import json

    from annotator.core.nlp.train_reader import MODELS_LEARN_THROUGH_ID, NEWS, models_learn_from

    rows = [json.loads(line) for line in
            (NEWS / "sentences.jsonl").read_text("utf-8").splitlines()]
    learned = [r for r in rows if models_learn_from(r)]
    assert learned == [r for r in rows if r["split"] == "dev" and r["unit"] == "sentence"
                       and r["id"] <= MODELS_LEARN_THROUGH_ID]
    assert MODELS_LEARN_THROUGH_ID in {r["id"] for r in rows if r["split"] == "dev"}
    assert not any(models_learn_from(r) for r in rows if r["split"] != "dev")
