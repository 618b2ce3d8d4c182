"""The web layer around Streamlit's ASGI app: HTTP concerns only, no pages and no storage."""
