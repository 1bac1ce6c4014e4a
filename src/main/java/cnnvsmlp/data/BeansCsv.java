package cnnvsmlp.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.datavec.api.records.reader.impl.csv.CSVRecordReader;
import org.datavec.api.split.FileSplit;
import org.datavec.api.writable.Writable;

import cnnvsmlp.FixableProblem;
import cnnvsmlp.run.AtomicFiles;

/**
 * The beans data as CSV: {@code x1,x2,label} with a header line, one point per row, label 0 or 1. Written by
 * {@code beans --export-points}, read (with DataVec's {@link CSVRecordReader}) by {@code beans --points}. Reading
 * checks every row and stops at the first bad one with a message naming the file, row and column, so that
 * nothing is trained on a file that failed.
 */
public final class BeansCsv {

    public static final String HEADER = "x1,x2,label";
    static final String[] COLUMNS = {"x1", "x2", "label"};
    private static final String FORMAT = "Each row must be x1,x2,label: two numbers and a label 0 or 1,"
            + " after an optional header line.";
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    /** Whether the file's first line is a header. */
    public enum Header {
        /** A header when the first line's values are not all numbers. */
        AUTO,
        PRESENT,
        ABSENT
    }

    private BeansCsv() {
    }

    /** Writes {@code data} to {@code file} (atomically), each coordinate exactly (Java's shortest round-trip form). */
    public static void write(BeansData data, Path file) throws IOException {
        AtomicFiles.writeString(file, toCsv(data));
    }

    /** The points as CSV: a header line, then x1,x2,label per point. */
    public static String toCsv(BeansData data) {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < data.size(); i++) {
            csv.append(data.x(i, 0)).append(',').append(data.x(i, 1)).append(',').append(data.label(i)).append('\n');
        }
        return csv.toString();
    }

    /**
     * Reads and checks {@code file}.
     *
     * @throws FixableProblem naming the file, the row (the line number in the file) and the column of the first
     *     problem: a missing or unreadable file, no data rows, a row with too few or too many columns, a value
     *     that is not a finite number, a label other than 0 or 1, a single class
     */
    public static BeansData read(Path file, Header header) {
        if (!Files.isRegularFile(file)) {
            throw new FixableProblem(file + " does not exist or is not a file; give --data a CSV file of x1,x2,label"
                    + " rows (beans --export-points FILE writes the post's data in that form)");
        }
        if (!Files.isReadable(file)) {
            throw new FixableProblem(file + " cannot be read (permissions); make it readable or copy it elsewhere");
        }
        List<List<String>> rows = records(file);
        if (!rows.isEmpty() && !rows.get(0).isEmpty() && rows.get(0).get(0).startsWith("\uFEFF")) {
            rows.get(0).set(0, rows.get(0).get(0).substring(1)); // a byte-order mark, as some editors write
        }
        int firstRow = !rows.isEmpty() && (header == Header.PRESENT || header == Header.AUTO && isHeader(file,
                rows.get(0))) ? 1 : 0;
        if (rows.size() <= firstRow) {
            throw new FixableProblem(file + " has no data rows" + (firstRow == 1 ? " after its header" : "")
                    + ". " + FORMAT);
        }
        int m = rows.size() - firstRow;
        double[][] x = new double[m][2];
        int[] y = new int[m];
        for (int r = firstRow; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            int line = r + 1;
            if (row.size() != 3) {
                String found = row.size() == 1 && row.get(0).isBlank() ? "is empty"
                        : "has " + row.size() + (row.size() == 1 ? " column" : " columns");
                throw new FixableProblem(file + " row " + line + " " + found + ", expected 3 (x1,x2,label). " + FORMAT);
            }
            for (int c = 0; c < 2; c++) {
                x[r - firstRow][c] = number(file, line, c, row.get(c));
            }
            double label = number(file, line, 2, row.get(2));
            if (label != 0 && label != 1) {
                throw new FixableProblem(cell(file, line, 2) + "'" + row.get(2).trim() + "' is not 0 or 1. " + FORMAT);
            }
            y[r - firstRow] = (int) label;
        }
        BeansData data = BeansData.of(x, y, "file " + file);
        if (data.count(0) == 0 || data.count(1) == 0) {
            throw new FixableProblem(file + " has only label " + (data.count(1) == 0 ? 0 : 1) + " (" + m + " rows);"
                    + " a classifier needs points of both labels, 0 and 1");
        }
        return data;
    }

    /**
     * Whether the first row is a header: three values, none a number ("x1,x2,label"). Three numbers are data; any
     * other first row is neither, and rather than drop it unseen this names it.
     */
    private static boolean isHeader(Path file, List<String> row) {
        long numbers = row.stream().filter(v -> NUMBER.matcher(v.trim()).matches()).count();
        if (numbers == row.size()) {
            return false;
        }
        if (numbers == 0 && row.size() == 3) {
            return true;
        }
        throw new FixableProblem(file + " row 1 is neither a header (three names, e.g. x1,x2,label) nor data (three"
                + " numbers): '" + String.join(",", row) + "'. Fix it, or say which with --points-header present|absent. "
                + FORMAT);
    }

    /** Every record of the file as strings, read with DataVec. */
    private static List<List<String>> records(Path file) {
        List<List<String>> rows = new ArrayList<>();
        try (CSVRecordReader reader = new CSVRecordReader(0, ',')) {
            reader.initialize(new FileSplit(file.toFile()));
            while (reader.hasNext()) {
                List<String> row = new ArrayList<>();
                try {
                    for (Writable value : reader.next()) {
                        row.add(value.toString());
                    }
                } catch (RuntimeException e) {
                    throw new FixableProblem(file + " row " + (rows.size() + 1) + " is not valid CSV (" + e.getMessage()
                            + "). " + FORMAT, e);
                }
                rows.add(row);
            }
        } catch (IOException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new FixableProblem("cannot read " + file + ": " + e.getMessage(), e);
        }
        return rows;
    }

    private static double number(Path file, int line, int column, String text) {
        String value = text.trim();
        if (!NUMBER.matcher(value).matches()) {
            throw new FixableProblem(cell(file, line, column) + (value.isEmpty() ? "is empty" : "'" + value
                    + "' is not a number") + ". " + FORMAT);
        }
        double v = Double.parseDouble(value);
        if (!Double.isFinite(v)) {
            throw new FixableProblem(cell(file, line, column) + "'" + value + "' is too large. " + FORMAT);
        }
        return v;
    }

    private static String cell(Path file, int line, int column) {
        return String.format(Locale.ROOT, "%s row %d, column %d (%s): ", file, line, column + 1, COLUMNS[column]);
    }
}
