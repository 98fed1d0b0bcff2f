"""Issue 3's GPU run: the study's DCGAN and the better conditional GAN on bonefrac128 at 64 px, trained on the grouped
hold-out's training part only, then the quality report against the hold-out's test part. Writes a small bundle
(quality.json, sample grids, closest pairs, loss curves, config) meant to be committed.

On the device (one call, ~8 minutes on an H100), after `python scripts/pack_data.py` and `bash scripts/device_wheels.sh` here:
    python3 -m pip install -q --no-index --no-deps --no-compile --target /tmp/site .whl/*.whl && export PYTHONPATH=/tmp/site:$PWD
    python3 scripts/gpu_gans.py --data .device/bonefrac64.npz --out $OUT/gpu-gans
Smoke test on a CPU:  python scripts/gpu_gans.py --data .device/bonefrac64.npz --out /tmp/g --tiny --device cpu
"""
import json, time
from pathlib import Path
import numpy as np
from fastcore.script import call_parse
from fracture_gan.data import ImageSet, environment, LABELS
from fracture_gan.audit import audit_images
from fracture_gan.splits import make_splits, fold_parts
from fracture_gan.gan import seed_recipe, better_recipe, train_gan, sample_images, image_grid, save_png
from fracture_gan.synth import class_plan
from fracture_gan.classifier import is_fractured
from fracture_gan.quality import quality_report, closest_pairs_grid

@call_parse
def main(data:str='.device/bonefrac64.npz', out:str='results/gpu-gans', seed_epochs:int=100, better_epochs:int=100,
         n_synth:int=10_500, tiny:bool=False, device:str=None, seed:int=0):
    t0 = time.perf_counter(); out = Path(out); out.mkdir(parents=True, exist_ok=True)
    ims = ImageSet.load(data)
    _, items = audit_images(ims)
    splits = make_splits(items, 5, seed)
    s = splits.set_index('path').loc[ims.items.path].reset_index()
    trm, tem = fold_parts(s, 'holdout'); y = is_fractured(ims.items.label)
    recipes = dict(seed=seed_recipe(epochs=seed_epochs, seed=seed, sample_every=10, save_every=10**6, **(dict(width=1/8) if tiny else {})),
                   better=better_recipe(epochs=better_epochs, seed=seed, sample_every=10, save_every=10**6, **(dict(ch=8) if tiny else {})))
    quality = {}
    for name, cfg in recipes.items():
        t1 = time.perf_counter()
        t = train_gan(ims, cfg, out/name, splits=s, fold='holdout', device=device)
        gan_s = time.perf_counter() - t1
        yc = class_plan(n_synth, t.class_counts); xs = sample_images(t.generator, yc, seed=seed); ys = is_fractured(np.array(LABELS)[yc])
        q, extra = quality_report(ims.x[trm], y[trm], ims.x[tem], y[tem], xs, ys, seed=seed, device=device)
        quality[name] = {**q, 'gan_epochs': t.epoch, 'gan_seconds': gan_s, 'img_per_s_last_epoch': t.history[-1]['img_per_s']}
        save_png(closest_pairs_grid(xs, ims.x[trm], extra['memorisation']), out/f'closest_{name}.png')
        save_png(image_grid([list(xs[ys == 1][:12]), list(xs[ys == 0][:12])]), out/f'samples_{name}.png')
        (out/name/'checkpoint.pt').unlink(missing_ok=True)   # too big to commit; the bundle keeps what was measured
        print(name, json.dumps(quality[name], indent=1, default=str), flush=True)
    (out/'quality.json').write_text(json.dumps(quality, indent=1, default=str))
    (out/'config.json').write_text(json.dumps(dict(data=data, recipes={k: v.__dict__ for k, v in recipes.items()}, n_synth=n_synth,
        n_train=int(trm.sum()), n_test=int(tem.sum()), environment=environment(), seconds=time.perf_counter() - t0), indent=1, default=str))
    print(f'done in {time.perf_counter() - t0:.0f} s -> {out}')
