"""Issue 4's GPU speed target: the whole leak-free protocol (experiments 1-5 x 5 grouped folds x 3 seeds, 20 epochs each,
10,500 synthetic images per fold) in under 3 minutes on an H100, every run trained at once (`ExperimentConfig(engine='stacked')`).

The synthetic images come from an untrained tiny generator, the same set for every fold: their content does not change the
time, so experiments 3-5 here are timing only (GAN name 'untrained-stand-in'), not findings. Experiments 1 and 2 are real
results: the leak-free baseline with 3 seeds.

    python3 scripts/gpu_protocol.py --data .device/bonefrac64.npz --out $OUT/gpu-protocol             # on the GPU
    python scripts/gpu_protocol.py --device cpu --folds 2 --seeds 0 --epochs 1 --n_synth 256 --out /tmp/p   # smoke test here
"""
import json, sys, time
from pathlib import Path
import numpy as np
from fastcore.script import call_parse
from fracture_gan.data import load_images, environment, LABELS
from fracture_gan.audit import audit_images
from fracture_gan.splits import make_splits
from fracture_gan.gan import make_gan, better_recipe, sample_images
from fracture_gan.synth import class_plan
from fracture_gan.classifier import is_fractured
from fracture_gan.experiments import ExperimentConfig, run_experiments

@call_parse
def main(data:str='.device/bonefrac64.npz', # an ImageSet .npz (scripts/pack_data.py) or a dataset folder
         out:str='results/gpu-protocol', n_synth:int=10_500, epochs:int=20, folds:int=5, seeds:str='0,1,2',
         engine:str='stacked', # 'stacked' or 'fastai' (one Learner after another, for comparison)
         device:str=None):
    t_all = time.perf_counter()
    ims = load_images(data, size=64, progress=False)
    splits = make_splits(audit_images(ims)[1], folds, 0)
    G, _ = make_gan(better_recipe(ch=8))
    yc = class_plan(n_synth, [1, 1]); xs = sample_images(G, yc); ys = is_fractured(np.array(LABELS)[yc])
    cfg = ExperimentConfig(protocol='grouped', folds=folds, seeds=tuple(int(s) for s in seeds.split(',')), epochs=epochs,
                           warm_epochs=epochs, engine=engine)
    t0 = time.perf_counter()
    res, curves, _ = run_experiments(ims, splits, cfg, lambda part, frac: {'untrained-stand-in': (xs, ys)}, device=device)
    dt = time.perf_counter() - t0
    out = Path(out); out.mkdir(parents=True, exist_ok=True)
    res.to_csv(out/'results.csv', index=False); curves.to_csv(out/'curves.csv', index=False)
    real = res[res.experiment.isin([1, 2])].groupby('experiment')[['accuracy', 'balanced_accuracy', 'roc_auc']].agg(['mean', 'std'])
    rep = dict(protocol_seconds=dt, target_seconds=180, n_runs=len(res), engine=engine, epochs=epochs, folds=folds, seeds=cfg.seeds,
               n_synth=n_synth, real_experiments=json.loads(real.to_json()), total_seconds=time.perf_counter() - t_all,
               command=' '.join(['python3'] + sys.argv), environment=environment())
    (out/'protocol.json').write_text(json.dumps(rep, indent=1, default=str))
    print(real.round(3).to_string())
    print(f'{len(res)} runs ({engine}) in {dt:.0f} s (target 180 s) -> {out}')
