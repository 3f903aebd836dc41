package org.dialdesk.profile;

/** Where a profile's API key is kept. Never a plain file. */
public enum KeyHolder {
    /** The operating system's credential store (Secret Service, Keychain, Credential Manager). */
    KEYRING("system keyring"),
    /** A file in the data folder encrypted with a passphrase the operator types. */
    ENCRYPTED_FILE("encrypted key file"),
    /** Memory only: gone when DialDesk closes. */
    SESSION("this session only");

    private final String label;

    KeyHolder(String label) {
        this.label = label;
    }

    /** How the screens name it: "Key kept in the system keyring". */
    public String label() {
        return label;
    }
}
