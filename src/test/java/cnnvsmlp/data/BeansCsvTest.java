package cnnvsmlp.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cnnvsmlp.FixableProblem;

class BeansCsvTest {

    @TempDir
    Path temp;

    private Path file(String content) throws IOException {
        Path file = temp.resolve("points.csv");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void exportedBeansReadBackExactly() throws IOException {
        BeansData beans = BeansData.generate(100, 42);
        Path file = temp.resolve("beans.csv");
        BeansCsv.write(beans, file);

        String[] lines = Files.readString(file).split("\n");
        assertEquals(101, lines.length);
        assertEquals("x1,x2,label", lines[0]);
        assertTrue(lines[1].endsWith(",1") && lines[100].endsWith(",0"), lines[1] + " / " + lines[100]);

        BeansData back = BeansCsv.read(file, BeansCsv.Header.AUTO);
        assertTrue(Arrays.deepEquals(beans.features(), back.features()), "every coordinate bit for bit");
        assertArrayEquals(beans.labels(), back.labels());
        assertEquals("file " + file, back.source());
    }

    @Test
    void aHeaderIsDetectedOrDeclared() throws IOException {
        assertEquals(3, BeansCsv.read(file("a,b,c\n0,0,0\n1,1,1\n2,2,1\n"), BeansCsv.Header.AUTO).size());
        assertEquals(3, BeansCsv.read(file("0,0,0\n1,1,1\n2,2,1\n"), BeansCsv.Header.AUTO).size());
        assertEquals(2, BeansCsv.read(file("0,0,0\n1,1,1\n2,2,0\n"), BeansCsv.Header.PRESENT).size());
        FixableProblem e = assertThrows(FixableProblem.class,
                () -> BeansCsv.read(file("x1,x2,label\n0,0,0\n1,1,1\n"), BeansCsv.Header.ABSENT));
        assertTrue(e.getMessage().contains("row 1, column 1 (x1): 'x1' is not a number"), e.getMessage());
    }

    @Test
    void numbersMayHaveSignsExponentsSpacesAndDecimalLabels() throws IOException {
        BeansData data = BeansCsv.read(file("x1,x2,label\n-1.5e-3, +2 ,1.0\n.5,3.,0\n"), BeansCsv.Header.AUTO);
        assertEquals(-1.5e-3, data.x(0, 0));
        assertEquals(2.0, data.x(0, 1));
        assertEquals(0.5, data.x(1, 0));
        assertArrayEquals(new int[] {1, 0}, data.labels());
    }

    /** Every bad file: the message names the file, the row (line in the file) and the column. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "non-numeric x2        | x1,x2,label\\n1,2,1\\n3,abc,0\\n  | row 3, column 2 (x2): 'abc' is not a number",
        "missing column        | x1,x2,label\\n1,2,1\\n3,0\\n      | row 3 has 2 columns, expected 3",
        "extra column          | x1,x2,label\\n1,2,1,7\\n3,4,0\\n  | row 2 has 4 columns, expected 3",
        "label 2               | x1,x2,label\\n1,2,1\\n3,4,2\\n    | row 3, column 3 (label): '2' is not 0 or 1",
        "label 0.5             | 1,2,0.5\\n3,4,0\\n                | row 1, column 3 (label): '0.5' is not 0 or 1",
        "text label            | 1,2,1\\n3,4,yes\\n                | row 2, column 3 (label): 'yes' is not a number",
        "empty value           | x1,x2,label\\n1,,1\\n3,4,0\\n     | row 2, column 2 (x2): is empty",
        "blank line            | x1,x2,label\\n1,2,1\\n\\n3,4,0\\n | row 3 is empty, expected 3",
        "NaN                   | x1,x2,label\\nNaN,2,1\\n3,4,0\\n  | row 2, column 1 (x1): 'NaN' is not a number",
        "overflow              | x1,x2,label\\n1e999,2,1\\n3,4,0\\n| row 2, column 1 (x1): '1e999' is too large",
        "Java float suffix     | x1,x2,label\\n1.5f,2,1\\n3,4,0\\n | row 2, column 1 (x1): '1.5f' is not a number",
        "only a header         | x1,x2,label\\n                    | has no data rows after its header",
        "empty file            | ''                                | has no data rows",
        "single class          | x1,x2,label\\n1,2,1\\n3,4,1\\n    | has only label 1 (2 rows)",
    })
    void badFilesAreRefusedWithFileRowAndColumn(String name, String content, String expected) throws IOException {
        Path file = file(content.replace("\\n", "\n"));
        FixableProblem e = assertThrows(FixableProblem.class, () -> BeansCsv.read(file, BeansCsv.Header.AUTO));
        assertTrue(e.getMessage().contains(expected), name + ": " + e.getMessage());
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), "one line");
    }

    @Test
    void aMissingFileOrAFolderIsNamed() {
        FixableProblem missing = assertThrows(FixableProblem.class,
                () -> BeansCsv.read(temp.resolve("nope.csv"), BeansCsv.Header.AUTO));
        assertTrue(missing.getMessage().contains("nope.csv does not exist or is not a file"), missing.getMessage());
        FixableProblem folder = assertThrows(FixableProblem.class, () -> BeansCsv.read(temp, BeansCsv.Header.AUTO));
        assertTrue(folder.getMessage().contains("is not a file"), folder.getMessage());
    }
}
