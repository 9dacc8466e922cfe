"""The page for people who do not program (`ita-report app`, notebooks/app.ipynb): upload an
agency's documents or pick an agency from the store, see what was read, confirm what is open, build
the report and download it.

Everything the page does is here, without widgets, so it is tested without a browser:
- workspace.py: each browser session's own folder; uploads are saved under names the tool makes;
- messages.py: every refusal as one Thai sentence;
- session.py: the flow (upload, read, pick, what was read, confirm, build, downloads);
- form.py: the review items as form fields, and the answers as a review file;
- page.py: the ipywidgets page over a session; server.py: Voilà started for `ita-report app`.
"""
