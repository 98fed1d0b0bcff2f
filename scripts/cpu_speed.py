"""Issue 4's CPU speed check: experiments 1-4 on the official split of bonefrac128 at 64 px, one seed, 20 epochs each,
with 10,500 synthetic images (from an untrained tiny GAN: their content does not change the time). Target: 5 minutes on 2 cores.

    python scripts/cpu_speed.py --out results/cpu-speed/experiments_official.json
"""
import json, time
from pathlib import Path
import numpy as np
from fastcore.script import call_parse
from fracture_gan.data import load_images, shared_data, environment, LABELS
from fracture_gan.audit import audit_images
from fracture_gan.splits import make_splits
from fracture_gan.gan import make_gan, better_recipe, sample_images
from fracture_gan.synth import class_plan
from fracture_gan.classifier import is_fractured
from fracture_gan.experiments import ExperimentConfig, run_experiments

@call_parse
def main(data:str=None, out:str='results/cpu-speed/experiments_official.json', n_synth:int=10_500, epochs:int=20):
    data = data or shared_data('bonefrac128')
    ims = load_images(data, size=64, progress=False)
    splits = make_splits(audit_images(ims)[1], 5, 0)
    G, _ = make_gan(better_recipe(ch=8))
    y = class_plan(n_synth, [1, 1]); xs = sample_images(G, y); ys = is_fractured(np.array(LABELS)[y])
    cfg = ExperimentConfig(experiments=(1, 2, 3, 4), protocol='official', seeds=(0,), epochs=epochs, warm_epochs=epochs)
    t0 = time.perf_counter()
    res, _, _ = run_experiments(ims, splits, cfg, lambda part, frac: {'untrained-tiny': (xs, ys)}, progress=False)
    dt = time.perf_counter() - t0
    rep = dict(seconds=dt, target_seconds=300, per_experiment=res[['experiment', 'n_real', 'n_synth', 'seconds', 'accuracy']].to_dict('records'),
               command='python scripts/cpu_speed.py', environment=environment())
    Path(out).parent.mkdir(parents=True, exist_ok=True); Path(out).write_text(json.dumps(rep, indent=1))
    print(res[['experiment', 'n_real', 'n_synth', 'seconds', 'accuracy']].to_string()); print(f'experiments 1-4: {dt:.0f} s (target 300 s)')
