"""Interface strings that neither Material nor static-i18n translate for us."""

PERMALINK_TITLE = {
    "es": "Enlace permanente a esta sección",
    "en": "Permanent link to this section",
    "pl": "Stały link do tej sekcji",
}

# Material's search overlay has role="dialog" but no accessible name.
SEARCH_DIALOG = {"es": "Buscar en la guía", "en": "Search the guide", "pl": "Szukaj w przewodniku"}
