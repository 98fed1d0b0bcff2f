#!/usr/bin/env bash
# Wheels the GPU image lacks (it has torch, torchvision, pandas, matplotlib, scikit-learn): fastai and what it imports.
# fastprogress 1.0.x because >=1.1 imports python-fasthtml; fasttransform 0.0.2 because 0.0.5 needs fastcore 2.
# Run here once (the folder is emptied first); the device call names .whl in `carry`.
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf .whl
grep -qx '/.whl/' .git/info/exclude 2>/dev/null || echo '/.whl/' >> .git/info/exclude
dl() { python3 -m pip download -q --no-deps --only-binary=:all: --python-version 3.12 --implementation cp \
  --platform manylinux_2_28_x86_64 --platform manylinux_2_17_x86_64 --platform manylinux2014_x86_64 -d .whl "$@"; }
dl fastai==2.8.7 "fastcore>=1.14,<2" fasttransform==0.0.2 plum-dispatch beartype \
   fastprogress==1.0.3 fastdownload cloudpickle
du -sh .whl
