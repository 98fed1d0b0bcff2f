"""Issue 3's speed benchmark: the study's DCGAN (one class: G 3,979,651 and D 404,801 parameters), one full update
(D on real + fake, then G), images per second. Times a plain eager fp32 PyTorch loop (the Keras recipe as written) and
the package's trainer in the same run, and prints the ratio. The trainer trains the study's two per-class GANs in lockstep, both
classes' networks stacked into one pass (`models.stacked_forward`), with bf16 autocast, channels_last and fused Adam on CUDA;
variants add torch.compile, `fresh_latent=False` (the generator step reuses the discriminator step's fakes) and
`deconv='phases'` (transposed convolutions as four 2x2 convolutions, `models.conv_transpose_phases`). Images per
second count every real image the update trains on (both classes for the package).

    python3 scripts/bench_dcgan.py --out $OUT/bench.json          # on the GPU
    python scripts/bench_dcgan.py --device cpu --steps 2 --bs 4    # smoke test here
"""
import json, sys, time
from pathlib import Path
import numpy as np, torch, torch.nn.functional as F
from fastcore.script import call_parse
from fracture_gan.models import seed_generator, seed_discriminator, LATENT
from fracture_gan.gan import GANTrainer, seed_recipe
from fracture_gan.data import environment, default_device

def sync(dev):
    if dev.type == 'cuda': torch.cuda.synchronize()

def eager_fp32(bs, steps, dev):
    "The reference: the Keras example's train_step in plain eager fp32 PyTorch"
    G, D = seed_generator().to(dev), seed_discriminator().to(dev)
    og, od = torch.optim.Adam(G.parameters(), 1e-4), torch.optim.Adam(D.parameters(), 1e-4)
    real = torch.rand(bs, 3, 64, 64, device=dev)
    def step():
        fake = G(torch.randn(bs, LATENT, device=dev))
        x = torch.cat([fake.detach(), real]); lab = torch.cat([torch.ones(bs, 1, device=dev), torch.zeros(bs, 1, device=dev)])
        lab = lab + 0.05*torch.rand_like(lab)
        od.zero_grad(); F.binary_cross_entropy_with_logits(D(x), lab).backward(); od.step()
        og.zero_grad(); F.binary_cross_entropy_with_logits(D(G(torch.randn(bs, LATENT, device=dev))), torch.zeros(bs, 1, device=dev)).backward(); og.step()
    for _ in range(3): step()
    sync(dev); t = time.perf_counter()
    for _ in range(steps): step()
    sync(dev); return bs*steps/(time.perf_counter() - t)

def package(bs, steps, dev, classes=2, blocks=True, **kw):
    "The package's trainer on the study's per-class DCGANs: `bs` images per class and step, both classes' networks in lockstep"
    x = np.random.randint(0, 256, (max(4*bs, 512)*classes, 64, 64), dtype=np.uint8); y = np.arange(len(x)) % classes
    t = GANTrainer(seed_recipe(bs=bs, **kw), x, y, device=dev)
    t.blocks = t.blocks and blocks
    t.G.train(); t.D.train()
    idx = t._batches()[0]
    for _ in range(3): t.train_step(idx)
    sync(dev); t0 = time.perf_counter()
    for _ in range(steps): t.train_step(idx)
    sync(dev); return len(idx)*steps/(time.perf_counter() - t0)

VARIANTS = {'package': {}, 'package, one class after the other': dict(blocks=False), 'package, shared fakes': dict(fresh_latent=False),
            'package, phase deconvolutions': dict(deconv='phases'), 'package, phase deconvolutions, shared fakes': dict(deconv='phases', fresh_latent=False),
            'package, compiled': dict(compile=True), 'package, compiled, shared fakes': dict(compile=True, fresh_latent=False)}

@call_parse
def main(steps:int=50, # timed updates per measurement
         bs:str='128,512', # batch sizes per class, comma-separated
         variants:str='all', # ';'-separated names from VARIANTS, or 'all'
         device:str=None, out:str=None):
    dev = default_device(device)
    if dev.type == 'cuda': torch.backends.cudnn.benchmark = True
    names = list(VARIANTS) if variants == 'all' else [v.strip() for v in variants.split(';')]
    rows = []
    for b in [int(v) for v in bs.split(',')]:
        ref = eager_fp32(b, steps, dev)
        print(f"bs {b:4d}: eager fp32 (one class, the reference) {ref:9.0f} img/s", flush=True)
        for name in names:
            try: pk = package(b, steps, dev, **VARIANTS[name])
            except Exception as e:                       # one variant failing (e.g. compile on this card) must not lose the others
                rows.append(dict(bs_per_class=b, variant=name, error=f'{type(e).__name__}: {e}'[:500])); print(f'bs {b:4d} {name}: {rows[-1]["error"]}'); continue
            rows.append(dict(bs_per_class=b, variant=name, eager_fp32_img_s=ref, package_img_s=pk, ratio=pk/ref))
            print(f"bs {b:4d} {name:46s} {pk:9.0f} img/s   ratio {pk/ref:5.2f}", flush=True)
            if out:                                      # after every measurement: a timeout keeps what finished
                Path(out).parent.mkdir(parents=True, exist_ok=True)
                Path(out).write_text(json.dumps(dict(rows=rows, steps=steps, command=' '.join(['python3'] + sys.argv), environment=environment()), indent=1))
