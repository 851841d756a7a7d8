"""The Qt-free core: data, NLP, storage, importers and exporters."""
