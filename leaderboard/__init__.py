"""The official scorer and the leaderboard."""
