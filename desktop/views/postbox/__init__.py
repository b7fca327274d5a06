"""The Postkorb: ticket list, conversation, compose dialogs, tray notices and installation."""
