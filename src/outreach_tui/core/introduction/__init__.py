"""The warm path: asking someone the user knows to introduce them to the contact.

- choice.py: who could introduce the user (plain data in, candidates out, strongest first);
- people.py: the people a LinkedIn import knows at the contact's organisation, as plain data
  for the choice (the one module here that reads core.linkedin);
- requests.py: the introduction request as a draft of its own, linked to the contact's draft.

Pure Python: nothing here imports Textual or Rich.
"""
