"""The explorer as a person sees it: the GAN tutorial (`nbs/tutorials/gans_and_explorer.ipynb`) served by Voila, opened
in headless Chromium, screenshotted before and after its latent-walk slider is moved to the end.

Needs, besides the package: `pip install voila playwright`, a Jupyter kernel (`python -m ipykernel install --sys-prefix`)
and Chromium (`apt install chromium` on Debian).
Run from anywhere: `python scripts/explorer_screenshots.py`; it writes `nbs/tutorials/images/explorer_before.png` and
`explorer_after.png` (shown in the tutorial) and exits non-zero if the picture did not change with the slider.
The tutorial runs with IN_TEST=1 (one GAN epoch), as under nbdev_test."""
import os, shutil, socket, subprocess, sys, tempfile, time
from pathlib import Path
from playwright.sync_api import sync_playwright

root = Path(__file__).resolve().parents[1]
nb = root/'nbs'/'tutorials'/'gans_and_explorer.ipynb'
out = root/'nbs'/'tutorials'/'images'
chromium = shutil.which('chromium') or shutil.which('chromium-browser') or shutil.which('google-chrome')
if chromium is None: sys.exit('No Chromium found: install it (Debian: apt install chromium).')

def free_port():
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]

port = free_port()
env = {**os.environ, 'IN_TEST': '1', 'MPLBACKEND': 'Agg'}
out.mkdir(exist_ok=True)
log = tempfile.NamedTemporaryFile('w', prefix='voila-', suffix='.log', delete=False)
voila = subprocess.Popen([sys.executable, '-m', 'voila', nb.name, '--no-browser', f'--port={port}', '--Voila.ip=127.0.0.1'],
                         cwd=nb.parent, env=env, stdout=log, stderr=subprocess.STDOUT)
try:
    for _ in range(120):                              # wait for the server
        try: socket.create_connection(('127.0.0.1', port), timeout=1).close(); break
        except OSError: time.sleep(1)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=['--no-sandbox'])
        page = browser.new_page(viewport={'width': 900, 'height': 1000})
        t0 = time.time()
        response = page.goto(f'http://127.0.0.1:{port}/', timeout=300_000)
        if not response.ok: sys.exit(f'Voila answered {response.status}: see its log, {log.name}')
        slider = page.locator('.widget-hslider', has_text='step').first      # the latent walk of `interpolation_view`
        slider.wait_for(timeout=300_000)
        view = page.locator('.widget-vbox', has=slider).last
        view.scroll_into_view_if_needed()
        image = view.locator('img').first
        before_src = image.get_attribute('src')
        view.screenshot(path=str(out/'explorer_before.png'))
        handle, track = slider.locator('.noUi-handle').first, slider.locator('.noUi-target').first
        box, end = handle.bounding_box(), track.bounding_box()
        page.mouse.move(box['x'] + box['width']/2, box['y'] + box['height']/2)     # drag the handle to the end
        page.mouse.down()
        page.mouse.move(end['x'] + end['width'] + 20, box['y'] + box['height']/2, steps=10)
        page.mouse.up()
        deadline = time.time() + 60
        while image.get_attribute('src') == before_src and time.time() < deadline: time.sleep(0.5)
        if image.get_attribute('src') == before_src: sys.exit('The picture did not change when the slider moved.')
        time.sleep(1)
        view.screenshot(path=str(out/'explorer_after.png'))
        print(f'screenshots in {out} ({time.time() - t0:.0f} s)')
        browser.close()
finally:
    voila.terminate()
    voila.wait(timeout=30)
    log.close()
    print(f'Voila log: {log.name}')
