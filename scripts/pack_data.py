"""Pack a dataset folder into one compressed .npz ImageSet to carry to a GPU machine (../shared does not travel there).

    python scripts/pack_data.py ../shared/data/bonefrac128 --size 64 --out .device/bonefrac64.npz
"""
from pathlib import Path
from fastcore.script import call_parse
from fracture_gan.data import load_images

@call_parse
def main(data:str='../shared/data/bonefrac128', # dataset folder
         size:int=64, # array side
         out:str='.device/bonefrac64.npz'): # output file (an ignored folder that `carry` names)
    ims = load_images(data, size=size)
    Path(out).parent.mkdir(parents=True, exist_ok=True); ims.save(out)
    print(f'{ims} -> {out} ({Path(out).stat().st_size/2**20:.1f} MiB)')
