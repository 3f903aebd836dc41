package org.dialdesk.bulk;

import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * A sheet's rows kept compressed, a few hundred to a block, a row made when it is asked for. A
 * campaign file repeats itself (the same columns, area codes, use cases and dates on every row), so
 * a block compresses three to five times: 100,000 rows held as strings took about 30 MB, as one
 * text with its cells' ends about 6 MB, and this way about 1 MB. Reading is in file order almost
 * always (the planner's passes, a launch, an export, the rows on screen), so each thread keeps the
 * last block it opened and opens each block once a pass. Immutable and safe to share between
 * threads; rows the operator fixed are kept whole beside the blocks.
 */
final class PackedRows extends MadeOnDemand<Sheet.Row> {
    /** Rows a block: large enough to compress well, small enough to open in a few microseconds. */
    static final int BLOCK_ROWS = 256;

    /** Each block: per row its count of cells, then per cell its UTF-8 length and bytes; deflated. */
    private final byte[][] blocks;
    /** Each block's size inflated. */
    private final int[] plainSizes;
    private final RowNumbers numbers;
    /** Why rows could not be taken whole, by row index (few, if any). */
    private final Map<Integer, String> problems;
    /** Rows fixed by the operator, by row index. */
    private final Map<Integer, Sheet.Row> replaced;
    /**
     * The block this thread opened last; a thread's own, so threads reading apart do not take turns
     * opening. Held weakly: the threads that read a sheet (workers, the UI thread, the common pool)
     * outlive it, and a thread's table would otherwise keep its last block after the sheet is gone.
     * A collection between two reads only means the block is opened again.
     */
    private final ThreadLocal<WeakReference<Opened>> lastOpened = new ThreadLocal<>();

    private PackedRows(byte[][] blocks, int[] plainSizes, RowNumbers numbers, Map<Integer, String> problems,
                       Map<Integer, Sheet.Row> replaced) {
        this.blocks = blocks;
        this.plainSizes = plainSizes;
        this.numbers = numbers;
        this.problems = problems;
        this.replaced = replaced;
    }

    static PackedRows of(List<Sheet.Row> rows) {
        if (rows instanceof PackedRows packed) {
            return packed;
        }
        int[] numbers = new int[rows.size()];
        Map<Integer, String> problems = new HashMap<>();
        for (int i = 0; i < numbers.length; i++) {
            Sheet.Row row = rows.get(i);
            numbers[i] = row.number();
            if (row.problem() != null) {
                problems.put(i, row.problem());
            }
        }
        byte[][] blocks = new byte[(rows.size() + BLOCK_ROWS - 1) / BLOCK_ROWS][];
        int[] plainSizes = new int[blocks.length];
        // Compressing is most of the packing's time: in parts, one per core, each with a compressor of its own.
        int parts = Math.max(1, Math.min(blocks.length, Runtime.getRuntime().availableProcessors()));
        IntStream.range(0, parts).parallel().forEach(part -> {
            Bytes plain = new Bytes();
            Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);
            try {
                for (int block = part * blocks.length / parts; block < (part + 1) * blocks.length / parts; block++) {
                    plain.clear();
                    int end = Math.min(rows.size(), (block + 1) * BLOCK_ROWS);
                    for (int i = block * BLOCK_ROWS; i < end; i++) {
                        String[] cells = rows.get(i).cells();
                        plain.writeCount(cells.length);
                        for (String cell : cells) {
                            plain.writeText(cell);
                        }
                    }
                    plainSizes[block] = plain.length;
                    blocks[block] = plain.deflated(deflater);
                }
            } finally {
                deflater.end();
            }
        });
        return new PackedRows(blocks, plainSizes, RowNumbers.of(numbers), Map.copyOf(problems), Map.of());
    }

    /** These rows with some replaced, by row index; the blocks are shared. */
    PackedRows replacing(Map<Integer, Sheet.Row> byIndex) {
        Map<Integer, Sheet.Row> now = new HashMap<>(replaced);
        now.putAll(byIndex);
        return new PackedRows(blocks, plainSizes, numbers, problems, Map.copyOf(now));
    }

    @Override
    public Sheet.Row get(int index) {
        Sheet.Row fixed = replaced.get(index);
        if (fixed != null) {
            return fixed;
        }
        Opened opened = open(index);
        int row = index % BLOCK_ROWS;
        String[] cells = new String[opened.width(row)];
        for (int column = 0; column < cells.length; column++) {
            cells[column] = opened.cell(row, column);
        }
        return new Sheet.Row(numbers.get(index), cells, problems.get(index));
    }

    /** One cell of a row, without making the row: "" past its last cell. */
    String cell(int index, int column) {
        Sheet.Row fixed = replaced.get(index);
        if (fixed != null) {
            return fixed.cell(column);
        }
        Opened opened = open(index);
        int row = index % BLOCK_ROWS;
        return column < 0 || column >= opened.width(row) ? "" : opened.cell(row, column);
    }

    int number(int index) {
        return numbers.get(index);
    }

    /** False for a row the operator fixed: its cells are no longer the file's. */
    boolean asRead(int index) {
        return !replaced.containsKey(index);
    }

    /**
     * The file's rows as read, shared by these rows and every fixed copy of them: the same object
     * for two of them means the same file, read the same way.
     */
    Object reading() {
        return blocks;
    }

    String problem(int index) {
        Sheet.Row fixed = replaced.get(index);
        return fixed != null ? fixed.problem() : problems.get(index);
    }

    int width(int index) {
        Sheet.Row fixed = replaced.get(index);
        return fixed != null ? fixed.cells().length : open(index).width(index % BLOCK_ROWS);
    }

    @Override
    public int size() {
        return numbers.size();
    }

    private Opened open(int index) {
        if (index < 0 || index >= size()) {
            throw new IndexOutOfBoundsException("Row " + index + " of " + size());
        }
        int block = index / BLOCK_ROWS;
        WeakReference<Opened> held = lastOpened.get();
        Opened last = held == null ? null : held.get();
        if (last != null && last.block == block) {
            return last;
        }
        Opened opened = Opened.of(block, blocks[block], plainSizes[block], Math.min(BLOCK_ROWS, size() - block * BLOCK_ROWS));
        lastOpened.set(new WeakReference<>(opened));
        return opened;
    }

    /** A block inflated, with where each of its cells is; a cell becomes a string when asked for. */
    private static final class Opened {
        final int block;
        private final byte[] bytes;
        /** Each row's first cell (its place among the block's cells); one more entry than rows. */
        private final int[] firstCell;
        /** Where each cell's bytes start and end in {@code bytes}, two entries a cell. */
        private final int[] bounds;

        private Opened(int block, byte[] bytes, int[] firstCell, int[] bounds) {
            this.block = block;
            this.bytes = bytes;
            this.firstCell = firstCell;
            this.bounds = bounds;
        }

        static Opened of(int block, byte[] deflated, int plainSize, int rows) {
            byte[] bytes = inflate(deflated, plainSize);
            int[] firstCell = new int[rows + 1];
            int[] bounds = new int[rows * 8];
            int cells = 0;
            int[] at = {0};
            for (int row = 0; row < rows; row++) {
                firstCell[row] = cells;
                int width = readCount(bytes, at);
                for (int column = 0; column < width; column++) {
                    int length = readCount(bytes, at);
                    if (2 * cells + 2 > bounds.length) {
                        bounds = Arrays.copyOf(bounds, bounds.length * 2 + 2);
                    }
                    bounds[2 * cells] = at[0];
                    bounds[2 * cells + 1] = at[0] + length;
                    at[0] += length;
                    cells++;
                }
            }
            firstCell[rows] = cells;
            return new Opened(block, bytes, firstCell, bounds);
        }

        int width(int row) {
            return firstCell[row + 1] - firstCell[row];
        }

        String cell(int row, int column) {
            int at = 2 * (firstCell[row] + column);
            return new String(bytes, bounds[at], bounds[at + 1] - bounds[at], StandardCharsets.UTF_8);
        }
    }

    private static byte[] inflate(byte[] deflated, int plainSize) {
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(deflated);
            byte[] plain = new byte[plainSize];
            int filled = 0;
            while (filled < plainSize) {
                int n = inflater.inflate(plain, filled, plainSize - filled);
                if (n == 0 && (inflater.finished() || inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalStateException("A block of the sheet's rows ends early");
                }
                filled += n;
            }
            return plain;
        } catch (DataFormatException e) {
            throw new IllegalStateException("A block of the sheet's rows cannot be read back", e);
        } finally {
            inflater.end();
        }
    }

    /** A count (a row's cells, a cell's length) in 7-bit groups, low first, the high bit saying "more". */
    private static int readCount(byte[] bytes, int[] at) {
        int value = 0;
        for (int shift = 0; ; shift += 7) {
            byte b = bytes[at[0]++];
            value |= (b & 0x7f) << shift;
            if (b >= 0) {
                return value;
            }
        }
    }

    /** A growing byte buffer, without the synchronisation of {@code ByteArrayOutputStream}. */
    private static final class Bytes {
        private byte[] buffer = new byte[32 * 1024];
        private int length;

        void clear() {
            length = 0;
        }

        void writeCount(int value) {
            while ((value & ~0x7f) != 0) {
                writeByte((value & 0x7f) | 0x80);
                value >>>= 7;
            }
            writeByte(value);
        }

        /** The text's length in UTF-8 bytes, then the bytes; ASCII, most of a campaign file, copied as it is. */
        @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int) copies low bytes: exactly ASCII's UTF-8
        void writeText(String text) {
            int chars = text.length();
            boolean ascii = true;
            for (int i = 0; i < chars && ascii; i++) {
                ascii = text.charAt(i) < 0x80;
            }
            if (!ascii) {
                byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
                writeCount(utf8.length);
                write(utf8, 0, utf8.length);
                return;
            }
            writeCount(chars);
            ensure(chars);
            text.getBytes(0, chars, buffer, length); // the characters' low bytes: the text itself, being ASCII
            length += chars;
        }

        void write(byte[] bytes, int offset, int count) {
            ensure(count);
            System.arraycopy(bytes, offset, buffer, length, count);
            length += count;
        }

        private void writeByte(int b) {
            ensure(1);
            buffer[length++] = (byte) b;
        }

        private void ensure(int more) {
            if (length + more > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
            }
        }

        byte[] deflated(Deflater deflater) {
            deflater.reset();
            deflater.setInput(buffer, 0, length);
            deflater.finish();
            Bytes out = new Bytes(length / 2 + 64);
            byte[] chunk = new byte[8 * 1024];
            while (!deflater.finished()) {
                int n = deflater.deflate(chunk);
                out.write(chunk, 0, n);
            }
            return out.toArray();
        }

        private Bytes() {
        }

        private Bytes(int capacity) {
            buffer = new byte[Math.max(16, capacity)];
        }

        byte[] toArray() {
            return Arrays.copyOf(buffer, length);
        }
    }
}
