"""Closing the loop: what happened to the user's messages, read from their own data.

- matching.py: which person in a LinkedIn export a draft was written to (or a doubt);
- sync.py: the drafts a LinkedIn export shows as sent or replied, and the update itself;
- stats.py: counts, reply rate and median days to a reply, by hook, channel, score band and
  follow-up (`outreach-tui stats`, the Results screen);
- note.py: "Your own results: ..." beside the coach's report (never in its score).

Sits above core.drafts, core.linkedin and core.coach (it may use all three; they never use it).
Message text from the export is never read: only names and dates.

Pure Python: nothing here imports Textual or Rich.
"""
