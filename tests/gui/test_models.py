"""The Qt models obey Qt's model contract (pytest-qt's QAbstractItemModelTester)."""

from annotator.gui.claim_model import ArticleListModel, ClaimFilterProxy, ClaimTableModel


def test_claim_models(qtmodeltester, sample_library):
    library, article = sample_library
    model = ClaimTableModel()
    model.set_claims(library.claims(article.id))
    qtmodeltester.check(model)
    proxy = ClaimFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_filters(attribution="anonymous")
    qtmodeltester.check(proxy)
    assert 0 < proxy.rowCount() < model.rowCount()


def test_article_model(qtmodeltester, sample_library):
    library, _ = sample_library
    model = ArticleListModel()
    model.set_articles(library.articles())
    qtmodeltester.check(model)
    assert model.rowCount() == 1
