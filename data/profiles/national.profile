# placeholder, replaced by the recogniser work
