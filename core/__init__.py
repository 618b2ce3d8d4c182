"""Pure core of Netværksspejlet: no Streamlit, no database."""
