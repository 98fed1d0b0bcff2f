"""Issue 3's GPU run: GAN recipes trained on bonefrac128 at 64 px on the grouped hold-out's training part only, each followed
by the quality report against the hold-out's test part. Writes a small bundle meant to be committed: quality.json (one entry
per recipe), sample grids, closest pairs, loss curves and config.json. Checkpoints are deleted (too big to commit).

Recipes are `;`-separated: a preset ('seed': the study's DCGAN, 'better': the conditional GAN) and optional overrides of
GANConfig fields, so the same script runs the ablation of each better-GAN choice:
    --recipes "seed; better"                                                  (default: the original and the better GAN)
    --recipes "better; better augment=; better ema=0; better loss=ns; better augment=translation,exposure,cutout" --epochs 30

On the device (see scripts/gpu_session.sh):  python3 scripts/gpu_gans.py --data .device/bonefrac64.npz --out $OUT/gans
Smoke test on a CPU:  python scripts/gpu_gans.py --tiny --device cpu --epochs 1 --n_synth 256 --out /tmp/g
"""
import json, sys, time
from pathlib import Path
import numpy as np
from fastcore.script import call_parse
from fracture_gan.data import load_images, environment, LABELS
from fracture_gan.audit import audit_images
from fracture_gan.splits import make_splits, fold_parts
from fracture_gan.gan import seed_recipe, better_recipe, train_gan, sample_images, image_grid, save_png
from fracture_gan.synth import class_plan
from fracture_gan.classifier import is_fractured
from fracture_gan.quality import quality_report, closest_pairs_grid

def _value(v):
    for f in (int, float):
        try: return f(v)
        except ValueError: pass
    return v

def parse_recipe(spec:str, epochs:int|None, seed:int, tiny:bool):
    "'better ema=0 loss=ns' -> (name, GANConfig)"
    preset, *over = spec.split()
    kw = dict(seed=seed, sample_every=10, save_every=10**6, **({'epochs': epochs} if epochs else {}))
    if tiny: kw.update(dict(width=1/8) if preset == 'seed' else dict(ch=8))
    kw.update({k: _value(v) for k, v in (o.split('=', 1) for o in over)})
    make = {'seed': seed_recipe, 'better': better_recipe}[preset]
    tags = [f"{k}-{v.replace(',', '+') or 'none'}" for k, v in (o.split('=', 1) for o in over)]
    return '_'.join([preset] + tags), make(**kw)

def run_recipe(name, cfg, ims, s, trm, tem, y, out, n_synth, seed, device) -> dict:
    "Train one recipe on the hold-out's training part; its quality report, grids, and timings"
    t1 = time.perf_counter()
    t = train_gan(ims, cfg, out/name, splits=s, fold='holdout', device=device)
    gan_s = time.perf_counter() - t1
    yc = class_plan(n_synth, t.class_counts); xs = sample_images(t.generator, yc, seed=seed); ys = is_fractured(np.array(LABELS)[yc])
    q, extra = quality_report(ims.x[trm], y[trm], ims.x[tem], y[tem], xs, ys, seed=seed, device=device)
    save_png(closest_pairs_grid(xs, ims.x[trm], extra['memorisation']), out/f'closest_{name}.png')
    save_png(image_grid([list(xs[ys == 1][:12]), list(xs[ys == 0][:12])]), out/f'samples_{name}.png')
    (out/name/'checkpoint.pt').unlink(missing_ok=True)
    return {**q, 'gan_epochs': t.epoch, 'gan_seconds': gan_s, 'img_per_s_last_epoch': t.history[-1]['img_per_s'],
            'quality_seconds': time.perf_counter() - t1 - gan_s}

@call_parse
def main(data:str='.device/bonefrac64.npz', # an ImageSet .npz (scripts/pack_data.py) or a dataset folder
         out:str='results/gpu-gans', recipes:str='seed; better',
         epochs:int=None, # GAN epochs for every recipe (default: each recipe's own, 100)
         n_synth:int=10_500, tiny:bool=False, device:str=None, seed:int=0):
    t0 = time.perf_counter(); out = Path(out); out.mkdir(parents=True, exist_ok=True)
    ims = load_images(data, size=64, progress=False)
    _, items = audit_images(ims)
    s = make_splits(items, 5, seed).set_index('path').loc[ims.items.path].reset_index()
    trm, tem = fold_parts(s, 'holdout'); y = is_fractured(ims.items.label)
    todo = [parse_recipe(r.strip(), epochs, seed, tiny) for r in recipes.split(';') if r.strip()]
    quality = json.loads((out/'quality.json').read_text()) if (out/'quality.json').exists() else {}
    for name, cfg in todo:
        if 'fd' in quality.get(name, {}): print(f'{name}: done before, kept'); continue
        try: quality[name] = run_recipe(name, cfg, ims, s, trm, tem, y, out, n_synth, seed, device)
        except Exception as e: quality[name] = dict(error=f'{type(e).__name__}: {e}'[:500])   # one failing recipe must not lose the others
        (out/'quality.json').write_text(json.dumps(quality, indent=1, default=str))          # after each recipe: a timeout keeps what finished
        print(name, json.dumps(quality[name], indent=1, default=str), flush=True)
    (out/'config.json').write_text(json.dumps(dict(data=data, recipes={n: c.__dict__ for n, c in todo}, n_synth=n_synth, seed=seed,
        n_train=int(trm.sum()), n_test=int(tem.sum()), command=' '.join(['python3'] + sys.argv), environment=environment(),
        seconds=time.perf_counter() - t0), indent=1, default=str))
    print(f'done in {time.perf_counter() - t0:.0f} s -> {out}')
