package org.dialdesk.profile;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
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
 * operator's passphrase (PBKDF2-HMAC-SHA256, at least {@value #MIN_ITERATIONS} iterations, a random
 * salt): for machines where no keyring works. The file is locked until {@link #unlock} is given the
 * passphrase; a wrong passphrase and a damaged file are told apart, and neither overwrites the
 * file. The file is read afresh for every use and changed under a file lock, so the window and a
 * command working side by side never undo each other's keys.
 */
public final class EncryptedFileSecrets implements SecretStore {
    /** New files' work factor: OWASP's figure for PBKDF2-HMAC-SHA256 (about 0.3 s here). */
    static final int ITERATIONS = 600_000;
    /** A file asking for fewer is refused (it would be a downgrade); for more than the maximum, a denial of service. */
    static final int MIN_ITERATIONS = 600_000;
    static final int MAX_ITERATIONS = 10_000_000;
    static final String FORMAT = "dialdesk-keys-1";
    static final String KDF = "PBKDF2WithHmacSHA256";
    /** A new file's passphrase is at least this long; an existing file's is whatever it was made with. */
    public static final int MIN_NEW_PASSPHRASE = 8;
    private static final int SALT_BYTES = 16;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The file as stored: everything but the keys is readable, and nothing in it is secret without the passphrase. */
    record Sealed(@JsonProperty("format") String format, @JsonProperty("kdf") String kdf,
                  @JsonProperty("iterations") int iterations, @JsonProperty("salt") String salt,
                  @JsonProperty("iv") String iv, @JsonProperty("data") String data) {
    }

    /** The derived key and what it was derived with: a file sealed with other ones is another file. */
    private record Opened(SecretKey key, String salt, int iterations) {
    }

    private final Path file;
    private final Path lockFile;
    private final SecureRandom random = new SecureRandom();
    /** Null while locked; read without the lock, so that asking whether it is open never waits on a derivation. */
    private volatile Opened opened;

    public EncryptedFileSecrets(Path file) {
        this.file = file;
        this.lockFile = file.resolveSibling(file.getFileName() + ".lock");
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

    public boolean isUnlocked() {
        return opened != null;
    }

    @Override
    public Optional<String> unavailableReason() {
        if (opened != null) {
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
                byte[] salt = new byte[SALT_BYTES];
                random.nextBytes(salt);
                opened = new Opened(derive(passphrase, salt, ITERATIONS), Base64.getEncoder().encodeToString(salt),
                        ITERATIONS);
                return;
            }
            Sealed sealed = readSealed();
            byte[] salt = decode(sealed.salt());
            if (salt.length < SALT_BYTES) {
                throw damaged("its salt is too short");
            }
            Opened candidate = new Opened(derive(passphrase, salt, sealed.iterations()), sealed.salt(), sealed.iterations());
            decrypt(sealed, candidate); // throws when the passphrase is wrong
            opened = candidate;
        } finally {
            Arrays.fill(passphrase, '\0');
        }
    }

    /** Forgets the derived key: the file must be unlocked again. */
    public synchronized void lock() {
        opened = null;
    }

    private Sealed readSealed() throws SecretException {
        Sealed sealed;
        try {
            sealed = MAPPER.readValue(file.toFile(), Sealed.class);
        } catch (IOException e) {
            throw damaged("it is not readable");
        }
        if (!FORMAT.equals(sealed.format()) || !KDF.equals(sealed.kdf())) {
            throw damaged("it is not a DialDesk key file of a known format");
        }
        if (sealed.iterations() < MIN_ITERATIONS || sealed.iterations() > MAX_ITERATIONS) {
            throw damaged("it asks for " + sealed.iterations() + " key-derivation rounds, outside "
                    + MIN_ITERATIONS + " to " + MAX_ITERATIONS);
        }
        return sealed;
    }

    private Map<String, String> decrypt(Sealed sealed, Opened with) throws SecretException {
        byte[] iv = decode(sealed.iv());
        byte[] data = decode(sealed.data());
        if (iv.length != IV_BYTES) {
            throw damaged("its IV is not " + IV_BYTES + " bytes");
        }
        byte[] plain;
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, with.key(), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(header(sealed.salt(), sealed.iterations()));
            plain = cipher.doFinal(data);
        } catch (AEADBadTagException e) {
            // GCM cannot tell a wrong passphrase from changed bytes; a wrong passphrase is by far the likelier.
            throw new SecretException("The passphrase is wrong (or the key file " + file.getFileName()
                    + " was changed). Type it again; the file is left as it is.");
        } catch (GeneralSecurityException e) {
            throw new SecretException("This Java runtime cannot decrypt the key file (AES-GCM): " + e.getMessage(), e);
        }
        try {
            return new TreeMap<>(MAPPER.readValue(plain, new TypeReference<Map<String, String>>() { }));
        } catch (IOException e) {
            throw damaged("its contents cannot be read");
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    /** What is authenticated besides the keys: a file whose format, salt or rounds were changed does not open. */
    private static byte[] header(String salt, int iterations) {
        return (FORMAT + "|" + KDF + "|" + iterations + "|" + salt).getBytes(StandardCharsets.US_ASCII);
    }

    private byte[] decode(String base64) throws SecretException {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw damaged("its fields are not valid");
        }
    }

    private SecretException damaged(String why) {
        return new SecretException("The key file " + file + " is damaged (" + why + "). Its keys cannot be read;"
                + " the file is left as it is. Move or rename it to start a new one, then paste the keys again.");
    }

    private static SecretKey derive(char[] passphrase, byte[] salt, int iterations) throws SecretException {
        try {
            byte[] bytes = SecretKeyFactory.getInstance(KDF)
                    .generateSecret(new PBEKeySpec(passphrase, salt, iterations, 256)).getEncoded();
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

    private Opened unlocked() throws SecretException {
        Opened now = opened;
        if (now == null) {
            throw new SecretException(unavailableReason().orElse("The encrypted key file is locked."));
        }
        return now;
    }

    /** The keys on disk now, read with the key this store was opened with. */
    private Map<String, String> current(Opened with) throws SecretException {
        if (!exists()) {
            return new TreeMap<>();
        }
        Sealed sealed = readSealed();
        if (!sealed.salt().equals(with.salt()) || sealed.iterations() != with.iterations()) {
            // Made anew meanwhile (another DialDesk, another passphrase): never written over.
            throw new SecretException("The key file was made anew by another DialDesk while this one had it open."
                    + " Open it again with its passphrase; nothing was written.");
        }
        return decrypt(sealed, with);
    }

    @Override
    public Optional<ApiKey> get(String profileId) throws SecretException {
        Opened with = unlocked();
        String secret = current(with).get(profileId);
        return secret == null ? Optional.empty() : Optional.of(ApiKey.of(secret));
    }

    @Override
    public synchronized void put(String profileId, ApiKey key) throws SecretException {
        change(map -> map.put(profileId, key.reveal()));
    }

    @Override
    public synchronized void delete(String profileId) throws SecretException {
        change(map -> map.remove(profileId));
    }

    private interface Change {
        void apply(Map<String, String> keys);
    }

    /** Reads, changes and writes the keys under a lock shared with every DialDesk on this data folder. */
    private void change(Change change) throws SecretException {
        Opened with = unlocked();
        try {
            Files.createDirectories(file.getParent());
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock held = channel.lock()) {
                Map<String, String> keys = current(with);
                Map<String, String> before = new TreeMap<>(keys);
                change.apply(keys);
                if (!keys.equals(before) || !exists()) {
                    write(keys, with);
                }
            }
        } catch (IOException e) {
            throw new SecretException("Could not write the key file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Seals the keys with a fresh IV and replaces the file in one move, on disk before the move, readable by its owner only. */
    private void write(Map<String, String> keys, Opened with) throws IOException, SecretException {
        byte[] plain = MAPPER.writeValueAsBytes(keys);
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, with.key(), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(header(with.salt(), with.iterations()));
            byte[] data = cipher.doFinal(plain);
            Sealed sealed = new Sealed(FORMAT, KDF, with.iterations(), with.salt(), Base64.getEncoder().encodeToString(iv),
                    Base64.getEncoder().encodeToString(data));
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(temp);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                out.write(java.nio.ByteBuffer.wrap(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(sealed)));
                out.force(true);
            }
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (GeneralSecurityException e) {
            throw new SecretException("This Java runtime cannot encrypt the key file (AES-GCM): " + e.getMessage(), e);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }
}
