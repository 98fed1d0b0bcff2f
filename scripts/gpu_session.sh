#!/usr/bin/env bash
# One device call for issues 3 and 4: every GPU measurement, each stage time-boxed so that what finished comes back.
# Prepare here (once):  python scripts/pack_data.py && bash scripts/device_wheels.sh
# Device call:          bash scripts/gpu_session.sh bench protocol gans      (carry: .device, .whl; stages in this order)
# Stages: bench     scripts/bench_dcgan.py   trainer img/s vs eager fp32 (issue 3's 20,000 img/s)
#         protocol  scripts/gpu_protocol.py  5 experiments x 5 folds x 3 seeds, stacked (issue 4's 3 minutes)
#         gans      scripts/gpu_gans.py      both GANs on the grouped hold-out + quality (issue 3's 8-minute run)
#         study     scripts/gpu_study.py     the whole pipeline on real data (issue 4's 8-minute run)
#         ablation  scripts/gpu_gans.py      the better GAN without each of its choices, 30 epochs each
# Results go to $OUT/<stage>/ (logs in $OUT/<stage>.log); copy them into results/ and commit.
# Each stage's time limit is T_<stage> seconds (defaults below); GAN_EPOCHS overrides the recipes' epochs for gans and study.
# One device call may run 600 s and a session has 900 s in all, start-up included, e.g.:
#   T_gans=290 GAN_EPOCHS=30 bash scripts/gpu_session.sh bench protocol gans
set -u
OUT=${OUT:-/tmp/fgan-gpu}; mkdir -p "$OUT"
python3 -m pip install -q --no-index --no-deps --no-compile --target /tmp/site .whl/*.whl
export PYTHONPATH=/tmp/site:$PWD MPLBACKEND=Agg FGAN_CACHE=/tmp/fgan-cache PYTHONUNBUFFERED=1
nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv > "$OUT/gpu.txt" 2>&1
DATA=.device/bonefrac64.npz
stages=("$@"); [ ${#stages[@]} -eq 0 ] && stages=(bench protocol)
for stage in "${stages[@]}"; do
  t0=$(date +%s)
  case $stage in
    bench)    timeout ${T_bench:-120} python3 scripts/bench_dcgan.py --steps 30 --bs 128,512 --out "$OUT/bench/bench.json" \
                --variants "package; package, one class after the other; package, shared fakes; package, phase deconvolutions; package, phase deconvolutions, shared fakes; package, compiled" ;;
    protocol) timeout ${T_protocol:-150} python3 scripts/gpu_protocol.py --data $DATA --out "$OUT/protocol" ;;
    gans)     timeout ${T_gans:-480} python3 scripts/gpu_gans.py --data $DATA --out "$OUT/gans" ${GAN_EPOCHS:+--epochs $GAN_EPOCHS} ;;
    ablation) timeout ${T_ablation:-540} python3 scripts/gpu_gans.py --data $DATA --out "$OUT/ablation" --epochs 30 \
                --recipes "better; better augment=; better ema=0; better loss=ns; better augment=translation,exposure,cutout" ;;
    study)    timeout ${T_study:-540} python3 scripts/gpu_study.py --data $DATA --out "$OUT/study" ${GAN_EPOCHS:+--gan_epochs $GAN_EPOCHS} ;;
    *)        echo "unknown stage $stage"; false ;;
  esac > "$OUT/$stage.log" 2>&1
  rc=$?; echo "== $stage: rc $rc, $(( $(date +%s) - t0 )) s"; grep -v '^\s*$' "$OUT/$stage.log" | tr '\r' '\n' | grep -v '%|\|█' | tail -15
done
