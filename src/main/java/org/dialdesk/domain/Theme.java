package org.dialdesk.domain;

/** The window's colours: the operator's choice, kept in settings. */
public enum Theme {
    LIGHT, DARK,
    /** As the operating system is set (light or dark), read when the console starts and when the setting is chosen. */
    SYSTEM
}
