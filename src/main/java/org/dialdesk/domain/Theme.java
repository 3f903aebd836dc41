package org.dialdesk.domain;

/** The window's colours: the operator's choice, kept in settings. */
public enum Theme { LIGHT, DARK }
