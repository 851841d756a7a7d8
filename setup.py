"""Only what pyproject.toml cannot say: the repository's top-level resources/ folder
(model, sample article, icons) is installed as the data package `annotator._resources`,
so wheels carry it and annotator/resources.py reads it with importlib.resources.
Screenshots are for the README and stay out of the wheel."""

import os

from setuptools import find_packages, setup

RESOURCES = "resources"
DATA_PACKAGE = "annotator._resources"
DATA_FILES = ["*.gz", "*.json", "*.npz", "*.txt", "*.svg", "*.png"]

data_packages = []
for folder, subfolders, _ in os.walk(RESOURCES):
    subfolders[:] = sorted(d for d in subfolders if d not in ("screenshots", "__pycache__"))
    relative = os.path.relpath(folder, RESOURCES)
    data_packages.append(DATA_PACKAGE if relative == "." else
                         DATA_PACKAGE + "." + relative.replace(os.sep, "."))

setup(
    packages=find_packages(include=["annotator", "annotator.*"]) + data_packages,
    package_dir={DATA_PACKAGE: RESOURCES},
    package_data={name: DATA_FILES for name in data_packages},
)
