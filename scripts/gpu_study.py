"""Issue 4's GPU pipeline: the whole study on the real data in one call, audit, grouped split, both GANs trained on each
fold's training part only, synthesis, the quality report, experiments 1-5 on every fold and seed (all runs stacked), the
report. Writes the results bundle (summary.md, results.csv, figures, quality.json, config.json with stage timings).

    python3 scripts/gpu_study.py --data .device/bonefrac64.npz --out $OUT/gpu-study                 # on the GPU
    python scripts/gpu_study.py --device cpu --tiny --folds 2 --seeds 0 --epochs 1 --gan_epochs 1 --n_synth 128 --out /tmp/s
"""
import sys
from pathlib import Path
from fastcore.script import call_parse
from fracture_gan.pipeline import gpu_study, cpu_demo, run_pipeline

@call_parse
def main(data:str='.device/bonefrac64.npz', # an ImageSet .npz (scripts/pack_data.py) or a dataset folder
         out:str='results/gpu-study', gan_epochs:int=30, gans:str='seed,better', n_synth:int=10_500,
         folds:int=5, seeds:str='0,1,2', epochs:int=20, tiny:bool=False, device:str=None,
         keep_checkpoints:bool=False): # keep out/gans/*/checkpoint.pt (large; not for committing)
    ex = dict(folds=folds, seeds=tuple(int(s) for s in seeds.split(',')), epochs=epochs, warm_epochs=epochs)
    make = cpu_demo if tiny else gpu_study
    run = make(data=data, out=out, gan_epochs=gan_epochs, gans=tuple(g for g in gans.split(',') if g), n_synth=n_synth,
               device=device, experiments=ex)
    md = run_pipeline(run, command=' '.join(['python3'] + sys.argv))
    if not keep_checkpoints:
        for ck in Path(out).glob('gans/*/*/checkpoint.pt'): ck.unlink()
    print(md.read_text())
