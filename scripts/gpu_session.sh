#!/usr/bin/env bash
# The GPU runbook: every GPU measurement in one device call, each stage time-boxed, all through the package's commands.
# Prepare here (once):  fgan_pack ../shared/data/bonefrac128 --out .device/bonefrac64.npz && bash scripts/device_wheels.sh
# Device call:          bash scripts/gpu_session.sh bench protocol gans      (carry: .device, .whl; stages in this order)
# Stages: bench     fgan_bench dcgan         the GAN trainer's img/s against plain eager fp32, in one run
#         protocol  fgan_bench experiments   experiments 1-5 x 5 grouped parts x 3 seeds, stacked (stand-in GAN images)
#         gans      fgan_run --experiments '' the study's DCGAN and the conditional GAN on the grouped hold-out + quality
#         holdout   fgan_run                 the same two GANs, quality, then experiments 1-5 x 3 seeds on the hold-out
#         ablation  fgan_run --experiments '' the conditional GAN without each of its choices, 30 epochs each
#         study     fgan_run                 the whole pipeline on the real data
# Results go to $WORK/<stage>/ (logs in $WORK/<stage>.log; GAN checkpoints are deleted); after every stage all of $WORK
# is packed into $OUT/fgan-gpu.tgz (a device call returns 8 files at most): unpack it into results/ and commit.
# Each stage's time limit is T_<stage> seconds (defaults below); GAN_EPOCHS overrides the recipes' epochs for gans and study.
# GANS (holdout stage) replaces its recipe specs, e.g. GANS="study epochs=30;better epochs=15".
set -u
OUT=${OUT:-/tmp/fgan-out}; WORK=/tmp/fgan-gpu; mkdir -p "$OUT" "$WORK"
python3 -m pip install -q --no-index --no-deps --no-compile --target /tmp/site .whl/*.whl
export PYTHONPATH=/tmp/site:$PWD MPLBACKEND=Agg FGAN_CACHE=/tmp/fgan-cache PYTHONUNBUFFERED=1
nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv > "$WORK/gpu.txt" 2>&1
# the fgan_* console scripts are not installed there: run each command's parser from a script file
cat > /tmp/fgan.py <<'PY'
import sys
from fracture_gan import cli, bench
command = getattr(cli, sys.argv[1], None) or getattr(bench, sys.argv[1])
del sys.argv[1]
command()
PY
printf '#!/bin/sh\nexec python3 /tmp/fgan.py "$@"\n' > /tmp/fgan && chmod +x /tmp/fgan   # `timeout` needs a program
export PATH=/tmp:$PATH
DATA=.device/bonefrac64.npz
stages=("$@"); [ ${#stages[@]} -eq 0 ] && stages=(bench protocol)
for stage in "${stages[@]}"; do
  t0=$(date +%s)
  case $stage in
    bench)    timeout ${T_bench:-120} fgan fgan_bench dcgan --steps 30 --bs 128,512 --out "$WORK/bench/dcgan.json" \
                --variants "package; package, one class after the other; package, shared fakes; package, phase deconvolutions; package, compiled" ;;
    protocol) timeout ${T_protocol:-150} fgan fgan_bench experiments --data $DATA --protocol grouped \
                --experiments 1,2,3,4,5 --seeds 0,1,2 --engine stacked --out "$WORK/protocol/experiments.json" ;;
    holdout)  timeout ${T_holdout:-330} fgan fgan_run $DATA --protocol holdout --gans "${GANS:-study;better}" --seeds 0,1,2 \
                --out "$WORK/holdout" ${GAN_EPOCHS:+--gan_epochs $GAN_EPOCHS} ;;
    gans)     timeout ${T_gans:-480} fgan fgan_run $DATA --protocol holdout --gans 'study;better' --experiments '' \
                --out "$WORK/gans" --quiet ${GAN_EPOCHS:+--gan_epochs $GAN_EPOCHS} ;;
    ablation) timeout ${T_ablation:-540} fgan fgan_run $DATA --protocol holdout --experiments '' --gan_epochs 30 \
                --gans 'better; better augment=; better ema=0; better loss=ns; better augment=translation,exposure,cutout' \
                --out "$WORK/ablation" --quiet ;;
    study)    timeout ${T_study:-540} fgan fgan_run $DATA --out "$WORK/study" --quiet ${GAN_EPOCHS:+--gan_epochs $GAN_EPOCHS} ;;
    *)        echo "unknown stage $stage"; false ;;
  esac > "$WORK/$stage.log" 2>&1
  rc=$?; find "$WORK" -name checkpoint.pt -delete
  echo "$stage rc=$rc seconds=$(( $(date +%s) - t0 ))" >> "$WORK/stages.txt"
  tar -czf "$OUT/fgan-gpu.tgz" -C "$WORK" .
  echo "== $stage: rc $rc, $(( $(date +%s) - t0 )) s"; grep -v '^\s*$' "$WORK/$stage.log" | tr '\r' '\n' | grep -v '%|\|█' | tail -15
done
