"""The reader's pre-stage is kept between retrainings (round 22): named by everything it depends
on, read back when present. Needs PyTorch and transformers (the ``[finetune]`` extra)."""

import numpy as np
import pytest

torch = pytest.importorskip("torch")
pytest.importorskip("transformers")

from annotator.core.nlp import train_reader as tr  # noqa: E402


@pytest.fixture
def model_dir(tmp_path):
    folder = tmp_path / "model"
    folder.mkdir()
    (folder / "vocab.txt").write_text("[PAD]\n[UNK]\n[CLS]\n[SEP]\nthe\nsaid\n", encoding="utf-8")
    (folder / "config.json").write_text("{}", encoding="utf-8")
    return folder


def test_the_cache_is_named_by_what_the_prestage_depends_on(model_dir, tmp_path, monkeypatch):
    monkeypatch.setenv("ANNOTATOR_TRAIN_CACHE", str(tmp_path / "cache"))
    texts, y = ["The tax rose by 4 percent.", "Thank you all."], np.array([1.0, 0.0])
    path = tr.prestage_cache(model_dir, texts, y, seed=0)
    assert path.parent == tmp_path / "cache" and path.suffix == ".pt"
    assert tr.prestage_cache(model_dir, texts, y, seed=0) == path  # the same run, the same file
    assert tr.prestage_cache(model_dir, texts, y, seed=1) != path
    assert tr.prestage_cache(model_dir, texts, np.array([1.0, 1.0]), seed=0) != path
    assert tr.prestage_cache(model_dir, texts[:1], y[:1], seed=0) != path
    monkeypatch.setattr(tr, "FT_LR", tr.FT_LR * 2)
    assert tr.prestage_cache(model_dir, texts, y, seed=0) != path
    monkeypatch.undo()
    (model_dir / "config.json").write_text('{"changed": true}', encoding="utf-8")
    monkeypatch.setenv("ANNOTATOR_TRAIN_CACHE", str(tmp_path / "cache"))
    assert tr.prestage_cache(model_dir, texts, y, seed=0) != path  # another checkpoint


def test_a_kept_prestage_is_read_back_without_training(model_dir, tmp_path, monkeypatch):
    cache = tmp_path / "reader-prestage-x.pt"
    encoder = {"layer.weight": torch.ones(2, 2)}
    head = {"weight": torch.full((1, 2), 0.5), "bias": torch.zeros(1)}
    torch.save((encoder, head), cache)
    tuner = tr._Tuner(model_dir)

    def no_training(*args, **kwargs):
        raise AssertionError("the pre-stage trained although its weights were kept")

    monkeypatch.setattr(tuner, "_train", no_training)
    assert tuner.pretrain(["a"], np.array([1.0]), seed=0, cache=cache) is True
    assert torch.equal(tuner.start[0]["layer.weight"], encoder["layer.weight"])
    assert torch.equal(tuner.start[1]["weight"], head["weight"])
