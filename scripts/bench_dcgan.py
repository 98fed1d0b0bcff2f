"""Issue 3's speed benchmark: the study's DCGAN (one class: G 3,979,651 and D 404,801 parameters), one full update
(D on real + fake, then G), images per second. Times a plain eager fp32 PyTorch loop (the Keras recipe as written) and
the package's trainer (bf16 autocast, channels_last, fused Adam, optional torch.compile) in the same run, and prints the ratio.

    python3 scripts/bench_dcgan.py --out $OUT/bench.json          # on the GPU
    python scripts/bench_dcgan.py --device cpu --steps 2 --bs 4    # smoke test here
"""
import json, time
from pathlib import Path
import numpy as np, torch, torch.nn.functional as F
from fastcore.script import call_parse
from fracture_gan.models import seed_generator, seed_discriminator, LATENT
from fracture_gan.gan import GANTrainer, seed_recipe
from fracture_gan.data import environment

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

def package(bs, steps, dev, compile=False):
    "The package's trainer on one class (the seed arch trains each class's GAN in lockstep; one class here, as the reference)"
    x = np.random.randint(0, 256, (max(4*bs, 512), 64, 64), dtype=np.uint8); y = np.zeros(len(x), int)
    t = GANTrainer(seed_recipe(bs=bs, compile=compile), x, y, device=dev)
    t.G.train(); t.D.train()
    idx = torch.arange(bs, device=dev)
    for _ in range(3): t.train_step(idx)
    sync(dev); t0 = time.perf_counter()
    for _ in range(steps): t.train_step(idx)
    sync(dev); return bs*steps/(time.perf_counter() - t0)

@call_parse
def main(steps:int=50, bs:str='128,512', device:str=None, compile:bool=False, out:str=None):
    dev = torch.device(device or ('cuda' if torch.cuda.is_available() else 'cpu'))
    if dev.type == 'cuda': torch.backends.cudnn.benchmark = True
    rows = []
    for b in [int(v) for v in bs.split(',')]:
        ref = eager_fp32(b, steps, dev)
        for c in ([False, True] if compile else [False]):
            pk = package(b, steps, dev, c)
            rows.append(dict(bs=b, eager_fp32_img_s=ref, package_img_s=pk, ratio=pk/ref, compile=c))
            print(f"bs {b:4d} compile={c}: eager fp32 {ref:9.0f} img/s   package {pk:9.0f} img/s   ratio {pk/ref:5.2f}", flush=True)
    if out:
        Path(out).parent.mkdir(parents=True, exist_ok=True)
        Path(out).write_text(json.dumps(dict(rows=rows, steps=steps, environment=environment()), indent=1))
