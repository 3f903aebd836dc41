package org.dialdesk.profile;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.spec.KeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.dialdesk.api.ApiKey;

/**
 * Keys in one file in the data folder, encrypted with AES-256-GCM under a key derived from the
 * operator's passphrase (PBKDF2-HMAC-SHA256, {@value #ITERATIONS} iterations, a random salt): for
 * machines where no keyring works. The file is locked until {@link #unlock} is given the
 * passphrase; a wrong passphrase and a damaged file are told apart, and neither overwrites the
 * file: the keys in it are never lost by a mistake.
 */
public final class EncryptedFileSecrets implements SecretStore {
    static final int ITERATIONS = 600_000;
    /** A new file's passphrase is at least this long; an existing file's is whatever it was made with. */
    public static final int MIN_NEW_PASSPHRASE = 8;
    static final String FORMAT = "dialdesk-keys-1";
    private static final int SALT_BYTES = 16;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The file as stored: everything but the keys is readable, and nothing in it is secret without the passphrase. */
    record Sealed(@JsonProperty("format") String format, @JsonProperty("kdf") String kdf,
                  @JsonProperty("iterations") int iterations, @JsonProperty("salt") String salt,
                  @JsonProperty("iv") String iv, @JsonProperty("data") String data) {
    }

    private final Path file;
    private final SecureRandom random = new SecureRandom();
    /** Null while locked. */
    private SecretKey fileKey;
    private byte[] salt;
    private Map<String, String> keys;

    public EncryptedFileSecrets(Path file) {
        this.file = file;
    }

    /** The file in a data folder. */
    public static Path fileIn(Path dataDir) {
        return dataDir.resolve("keys.enc");
    }

    @Override
    public KeyHolder holder() {
        return KeyHolder.ENCRYPTED_FILE;
    }

    public Path file() {
        return file;
    }

    /** True when the file exists: unlocking then checks the passphrase instead of choosing one. */
    public boolean exists() {
        return Files.exists(file);
    }

    public synchronized boolean isUnlocked() {
        return fileKey != null;
    }

    @Override
    public synchronized Optional<String> unavailableReason() {
        if (fileKey != null) {
            return Optional.empty();
        }
        return Optional.of(exists() ? "The encrypted key file is locked until its passphrase is typed."
                : "There is no encrypted key file yet: choose a passphrase to make one.");
    }

    /**
     * Opens the file with the passphrase, or, when there is no file yet, sets the passphrase the
     * file will be made with. Takes about a third of a second (the key derivation). The passphrase
     * array is wiped.
     */
    public synchronized void unlock(char[] passphrase) throws SecretException {
        try {
            if (passphrase.length == 0) {
                throw new SecretException("Type the passphrase of the encrypted key file.");
            }
            if (!exists()) {
                if (passphrase.length < MIN_NEW_PASSPHRASE) {
                    throw new SecretException("Choose a passphrase of at least " + MIN_NEW_PASSPHRASE + " characters for"
                            + " the new key file: it is all that stands between the file and the keys in it.");
                }
                salt = new byte[SALT_BYTES];
                random.nextBytes(salt);
                fileKey = derive(passphrase, salt, ITERATIONS);
                keys = new TreeMap<>();
                return;
            }
            Sealed sealed = readSealed();
            byte[] fileSalt;
            byte[] iv;
            byte[] data;
            try {
                fileSalt = Base64.getDecoder().decode(sealed.salt());
                iv = Base64.getDecoder().decode(sealed.iv());
                data = Base64.getDecoder().decode(sealed.data());
            } catch (IllegalArgumentException | NullPointerException e) {
                throw damaged("its fields are not valid");
            }
            if (!FORMAT.equals(sealed.format()) || sealed.iterations() < ITERATIONS || iv.length != IV_BYTES
                    || fileSalt.length < SALT_BYTES) {
                throw damaged("it is not a DialDesk key file of a known format");
            }
            SecretKey key = derive(passphrase, fileSalt, sealed.iterations());
            byte[] plain;
            try {
                Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
                cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
                cipher.updateAAD(FORMAT.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                plain = cipher.doFinal(data);
            } catch (AEADBadTagException e) {
                // GCM cannot tell a wrong passphrase from changed bytes; a wrong passphrase is by far the likelier.
                throw new SecretException("The passphrase is wrong (or the key file " + file.getFileName()
                        + " was changed). Type it again; the file is left as it is.");
            } catch (GeneralSecurityException e) {
                throw new SecretException("This Java runtime cannot decrypt the key file (AES-GCM): " + e.getMessage(), e);
            }
            try {
                keys = new TreeMap<>(MAPPER.readValue(plain, new TypeReference<Map<String, String>>() { }));
            } catch (IOException e) {
                throw damaged("its contents cannot be read");
            } finally {
                Arrays.fill(plain, (byte) 0);
            }
            salt = fileSalt;
            fileKey = key;
        } finally {
            Arrays.fill(passphrase, '\0');
        }
    }

    /** Forgets the derived key and the keys read: the file must be unlocked again. */
    public synchronized void lock() {
        fileKey = null;
        keys = null;
        salt = null;
    }

    /**
     * Moves a file that cannot be opened aside ({@code keys.enc.damaged}, numbered if taken) so that
     * a new one can be made; what was in it stays on disk for a later try.
     */
    public synchronized Path setAside() throws SecretException {
        lock();
        try {
            Path aside = file.resolveSibling(file.getFileName() + ".damaged");
            for (int n = 2; Files.exists(aside); n++) {
                aside = file.resolveSibling(file.getFileName() + ".damaged-" + n);
            }
            Files.move(file, aside);
            return aside;
        } catch (IOException e) {
            throw new SecretException("Could not move the key file aside: " + e.getMessage(), e);
        }
    }

    private Sealed readSealed() throws SecretException {
        try {
            return MAPPER.readValue(file.toFile(), Sealed.class);
        } catch (IOException e) {
            throw damaged("it is not readable");
        }
    }

    private SecretException damaged(String why) {
        return new SecretException("The key file " + file + " is damaged (" + why + "). Its keys cannot be read;"
                + " the file is left as it is. Set it aside to start a new one, and paste the keys again.");
    }

    private static SecretKey derive(char[] passphrase, byte[] salt, int iterations) throws SecretException {
        try {
            KeySpec spec = new PBEKeySpec(passphrase, salt, iterations, 256);
            byte[] bytes = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            try {
                return new SecretKeySpec(bytes, "AES");
            } finally {
                Arrays.fill(bytes, (byte) 0);
            }
        } catch (GeneralSecurityException e) {
            throw new SecretException("This Java runtime cannot derive the file's key (PBKDF2-HMAC-SHA256): "
                    + e.getMessage(), e);
        }
    }

    private Map<String, String> unlocked() throws SecretException {
        if (fileKey == null) {
            throw new SecretException(unavailableReason().orElse("The encrypted key file is locked."));
        }
        return keys;
    }

    @Override
    public synchronized void put(String profileId, ApiKey key) throws SecretException {
        Map<String, String> changed = new TreeMap<>(unlocked());
        changed.put(profileId, key.reveal());
        write(changed);
        keys = changed;
    }

    @Override
    public synchronized Optional<ApiKey> get(String profileId) throws SecretException {
        String secret = unlocked().get(profileId);
        return secret == null ? Optional.empty() : Optional.of(ApiKey.of(secret));
    }

    @Override
    public synchronized void delete(String profileId) throws SecretException {
        if (!unlocked().containsKey(profileId)) {
            return;
        }
        Map<String, String> changed = new TreeMap<>(keys);
        changed.remove(profileId);
        write(changed);
        keys = changed;
    }

    /** Seals the keys with a fresh IV and replaces the file in one move, readable by its owner only. */
    private void write(Map<String, String> toSeal) throws SecretException {
        byte[] plain = null;
        try {
            plain = MAPPER.writeValueAsBytes(toSeal);
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, fileKey, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(FORMAT.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            byte[] data = cipher.doFinal(plain);
            Base64.Encoder base64 = Base64.getEncoder();
            Sealed sealed = new Sealed(FORMAT, "PBKDF2WithHmacSHA256", ITERATIONS, base64.encodeToString(salt),
                    base64.encodeToString(iv), base64.encodeToString(data));
            Files.createDirectories(file.getParent());
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(temp);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            Files.write(temp, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(sealed));
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new SecretException("Could not write the key file " + file + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new SecretException("This Java runtime cannot encrypt the key file (AES-GCM): " + e.getMessage(), e);
        } finally {
            if (plain != null) {
                Arrays.fill(plain, (byte) 0);
            }
        }
    }
}
