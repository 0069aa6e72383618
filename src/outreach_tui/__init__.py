"""outreach-tui: write a welcome informational-interview request, in your terminal."""

__version__ = "0.1.0"
